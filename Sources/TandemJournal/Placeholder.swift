/// The journal (being built).
public enum JournalPlaceholder {}
