import Foundation
import TandemKit

/// What the process's terminal is: whether a stream is one, how wide it is,
/// and whether it takes colour. Read once, by the runtime's environment.
public enum Terminal {
    /// Whether `fileDescriptor` is a terminal.
    public static func isTerminal(_ fileDescriptor: Int32) -> Bool { isatty(fileDescriptor) != 0 }

    /// Styling for a stream: on only when it is a terminal and the
    /// environment has no `NO_COLOR` (and `TERM` is not `dumb`).
    public static func style(fileDescriptor: Int32 = STDOUT_FILENO, environment: [String: String]) -> TextStyle {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .plain }
        if environment["TERM"] == "dumb" { return .plain }
        return TextStyle(isEnabled: isTerminal(fileDescriptor))
    }

    /// The width of the terminal on `fileDescriptor` in columns: from the
    /// terminal itself, else `COLUMNS`, else 80.
    public static func width(fileDescriptor: Int32 = STDOUT_FILENO, environment: [String: String]) -> Int {
        var size = winsize()
        if ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }
}

/// Lines from standard input; prompts go to standard output.
public struct StandardInput: LineInput {
    /// Creates a reader of standard input.
    public init() {}
    /// Whether standard input is a terminal.
    public var isInteractive: Bool { Terminal.isTerminal(STDIN_FILENO) }
    /// Prints the prompt when interactive, then reads a line.
    public func readLine(prompt: String) -> String? {
        if isInteractive, !prompt.isEmpty {
            FileHandle.standardOutput.write(Data(prompt.utf8))
        }
        return Swift.readLine(strippingNewline: true)
    }
}

extension Terminal {
    /// Reads a line from the terminal without showing what is typed (a
    /// pairing code), then restores the terminal as it was.
    public static func readHiddenLine(prompt: String) -> String? {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        let hidden = tcgetattr(STDIN_FILENO, &saved) == 0
        if hidden {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        }
        defer {
            if hidden { tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return Swift.readLine(strippingNewline: true)
    }
}
