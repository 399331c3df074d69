/// The routine language (being built).
public enum RoutinePlaceholder {}
