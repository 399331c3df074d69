/// The REPL (being built).
public enum REPLPlaceholder {}
