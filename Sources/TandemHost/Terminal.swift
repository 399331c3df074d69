import Foundation

/// Facts about the terminal, when there is one.
public enum Terminal {
    /// The width of the terminal on standard output in columns: from the
    /// terminal itself, else `COLUMNS`, else 80.
    public static func width(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }
}
