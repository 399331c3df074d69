import Foundation
import TandemKit

import TandemRoutine
import TandemSystem

/// Everything a run of Tandem takes from the process: where its files live,
/// what time it is, the time zone, the terminal, and the standard streams.
/// Read once, by the front end's `main`; nothing else reads the process
/// environment.
///
/// - `TANDEM_HOME`: when set, every file of the run lives in that folder
///   (journal, routines, history). Otherwise the journal and routines live in
///   `$XDG_DATA_HOME/tandem` (default `~/.local/share/tandem`) and the REPL
///   history in `$XDG_STATE_HOME/tandem` (default `~/.local/state/tandem`).
/// - `TANDEM_ROUTINE_MEMORY`: the memory budget of routines (`512M`, `1G`,
///   or a number of megabytes; default 256 MB).
/// - `TANDEM_INSTALLED_BINARY`: the `tandem` that installed timers run,
///   instead of this one (tests point it at the test binary; see
///   `tandem schedule install --tandem`).
/// - `XDG_CONFIG_HOME` (default `~/.config`): where `systemd/user` holds the
///   timer units `tandem schedule install` writes.
/// - `TANDEM_NOW`: an ISO 8601 local date-time (`2026-11-20T21:30`, seconds
///   and a `Z` or `+01:00` offset optional, or a bare date meaning noon) that
///   every command takes as "now", so tests and scripts are deterministic.
public struct TandemEnvironment: Sendable {
    /// The folder holding the journal and the routines folder.
    public var dataDirectory: URL
    /// The folder holding the REPL history.
    public var stateDirectory: URL
    /// "Now" when the run started.
    public var now: Date
    /// Whether "now" is fixed (`TANDEM_NOW`): then the clock never moves.
    public var isClockFixed: Bool
    /// The user's time zone (from `TZ` or the system).
    public var timeZone: TimeZone
    /// The current folder, where `tandem run NAME` looks first.
    public var currentDirectory: URL
    /// Styling for standard output: plain off a terminal or with `NO_COLOR`.
    public var style: TextStyle
    /// Styling for standard error.
    public var errorStyle: TextStyle
    /// The width of standard output in columns.
    public var width: Int
    /// Where normal output goes.
    public var output: any TextOutput
    /// Where warnings and errors go.
    public var errors: any TextOutput
    /// Where answers come from.
    public var input: any LineInput
    /// Whether standard input and output are both terminals (a person is there).
    public var isInteractive: Bool
    /// Whether standard output is a terminal (live progress bars).
    public var outputIsTerminal: Bool
    /// `TANDEM_BENCH_PRACTICES`: `scripts/bench repl` pads the catalogue to
    /// this many practices to time completion over a large one.
    public var benchPractices: Int?
    /// `TANDEM_ROUTINE_MEMORY`: how many bytes of lists and text a routine
    /// may hold at once.
    public var routineMemoryLimit: Int = RoutineMemory.defaultLimit
    /// `PATH`'s folders, where helper programs (`notify-send`) are looked up.
    public var searchPath: [String] = []
    /// The desktop session's message bus (`DBUS_SESSION_BUS_ADDRESS`, or the
    /// user bus under `XDG_RUNTIME_DIR`): without one, reminders wait in the inbox.
    public var sessionBus: String?
    /// The folder of the user's own systemd units, `$XDG_CONFIG_HOME/systemd/user`
    /// (default `~/.config/systemd/user`): where timers are installed.
    public var systemdUserDirectory: URL
    /// The variables that chose this run's folders, as set: `TANDEM_HOME`
    /// (made absolute), or `XDG_DATA_HOME` and `XDG_STATE_HOME`. Installed
    /// timers pass them on, so that they remind from the same journal.
    public var folderVariables: [String: String] = [:]
    /// `TANDEM_INSTALLED_BINARY`: the `tandem` installed timers run, when set.
    public var installedBinary: String?

    /// The journal database.
    public var journalURL: URL { dataDirectory.appendingPathComponent("journal.sqlite") }
    /// Saved `.routine` files.
    public var routinesDirectory: URL { dataDirectory.appendingPathComponent("routines", isDirectory: true) }
    /// The REPL's line history.
    public var historyURL: URL { stateDirectory.appendingPathComponent("history") }
    /// What `tandem due --prompt` reads without opening the journal.
    public var dueCacheURL: URL { stateDirectory.appendingPathComponent("due-cache") }

    /// The first executable called `name` in ``searchPath``.
    public func program(named name: String) -> String? {
        searchPath.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Creates an environment with explicit values: plain text, no terminal,
    /// and the given streams (standard ones by default, no input).
    public init(
        dataDirectory: URL, stateDirectory: URL, now: Date, timeZone: TimeZone, isClockFixed: Bool = true,
        output: any TextOutput = StandardOutput.stdout, errors: any TextOutput = StandardOutput.stderr,
        input: any LineInput = ScriptedInput([]), currentDirectory: URL? = nil
    ) {
        self.dataDirectory = dataDirectory
        self.stateDirectory = stateDirectory
        self.now = now
        self.isClockFixed = isClockFixed
        self.timeZone = timeZone
        self.currentDirectory = currentDirectory ?? dataDirectory
        // Inside the data folder unless the process says otherwise: code that
        // builds an environment by hand never writes to the real ~/.config.
        systemdUserDirectory = dataDirectory.appendingPathComponent("systemd/user", isDirectory: true)
        style = .plain
        errorStyle = .plain
        width = 80
        self.output = output
        self.errors = errors
        self.input = input
        isInteractive = false
        outputIsTerminal = false
        benchPractices = nil
    }

    /// Reads `TANDEM_HOME`, `TANDEM_NOW`, the XDG variables, `NO_COLOR`,
    /// `COLUMNS` and the terminal.
    ///
    /// - Throws: ``CommandFailure`` when `TANDEM_NOW` is not a date-time.
    public static func fromProcess(_ variables: [String: String] = ProcessInfo.processInfo.environment) throws(CommandFailure) -> TandemEnvironment {
        let timeZone = TimeZone.current
        var now = Date()
        var fixed = false
        if let text = variables["TANDEM_NOW"], !text.isEmpty {
            guard let parsed = LocalDateTime.parse(text, in: timeZone) else {
                throw CommandFailure("TANDEM_NOW='\(text)' is not an ISO 8601 date-time such as 2026-11-20T21:30:00")
            }
            now = parsed
            fixed = true
        }
        let home = URL(fileURLWithPath: variables["HOME"] ?? NSHomeDirectory(), isDirectory: true)
        var data: URL, state: URL
        if let tandemHome = variables["TANDEM_HOME"], !tandemHome.isEmpty {
            data = URL(fileURLWithPath: tandemHome, isDirectory: true)
            state = data
        } else {
            func xdg(_ name: String, _ fallback: String) -> URL {
                if let value = variables[name], value.hasPrefix("/") { return URL(fileURLWithPath: value, isDirectory: true) }
                return home.appendingPathComponent(fallback, isDirectory: true)
            }
            data = xdg("XDG_DATA_HOME", ".local/share").appendingPathComponent("tandem", isDirectory: true)
            state = xdg("XDG_STATE_HOME", ".local/state").appendingPathComponent("tandem", isDirectory: true)
        }
        var environment = TandemEnvironment(
            dataDirectory: data, stateDirectory: state, now: now, timeZone: timeZone, isClockFixed: fixed,
            input: StandardInput(),
            currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
        environment.style = Terminal.style(fileDescriptor: STDOUT_FILENO, environment: variables)
        environment.errorStyle = Terminal.style(fileDescriptor: STDERR_FILENO, environment: variables)
        environment.width = Terminal.width(fileDescriptor: STDOUT_FILENO, environment: variables)
        environment.outputIsTerminal = Terminal.isTerminal(STDOUT_FILENO)
        environment.isInteractive = Terminal.isTerminal(STDIN_FILENO) && environment.outputIsTerminal
        environment.benchPractices = variables["TANDEM_BENCH_PRACTICES"].flatMap(Int.init)
        let config = variables["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0, isDirectory: true) : nil }
            ?? home.appendingPathComponent(".config", isDirectory: true)
        environment.systemdUserDirectory = config.appendingPathComponent("systemd/user", isDirectory: true)
        if let tandemHome = variables["TANDEM_HOME"], !tandemHome.isEmpty {
            environment.folderVariables["TANDEM_HOME"] = data.path
        } else {
            for name in ["XDG_DATA_HOME", "XDG_STATE_HOME"] {
                if let value = variables[name], value.hasPrefix("/") { environment.folderVariables[name] = value }
            }
        }
        if let binary = variables["TANDEM_INSTALLED_BINARY"], !binary.isEmpty { environment.installedBinary = binary }
        environment.searchPath = (variables["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        if let bus = variables["DBUS_SESSION_BUS_ADDRESS"], !bus.isEmpty {
            environment.sessionBus = bus
        } else if let runtime = variables["XDG_RUNTIME_DIR"], FileManager.default.fileExists(atPath: runtime + "/bus") {
            environment.sessionBus = "unix:path=" + runtime + "/bus"
        }
        if let text = variables["TANDEM_ROUTINE_MEMORY"], !text.isEmpty {
            guard let limit = RoutineMemory.parse(text) else {
                throw CommandFailure("TANDEM_ROUTINE_MEMORY='\(text)' is not a memory size such as 512M or 2G (at least 1M)")
            }
            environment.routineMemoryLimit = limit
        }
        return environment
    }

    /// The clock: "now" fixed by `TANDEM_NOW`, else the real time.
    public var clock: @Sendable () -> Date {
        if isClockFixed {
            let now = now
            return { now }
        }
        return { Date() }
    }

    /// The width prose reads best at here: the terminal's, at most 100 columns.
    public var readingWidth: Int { min(width, 100) }

    /// Today, in the user's time zone.
    public var today: LocalDay { LocalDay(now, in: timeZone) }
}

/// Reading and writing local dates and date-times.
public enum LocalDateTime {
    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` (local), or either with a
    /// `Z` or `±HH:MM` offset. A bare date means noon that day.
    public static func parse(_ text: String, in timeZone: TimeZone) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        // The grammar of the pattern ^YYYY-MM-DD([T ]HH:MM(:SS(.fraction)?)?)?(Z|±HH:?MM)?$,
        // scanned by hand: compiling a regular expression (ICU) was a fifth
        // of the start-up of every command run with TANDEM_NOW.
        let bytes = Array(trimmed.utf8)
        var index = 0
        func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + count] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += count
            return value
        }
        func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        var fields: [Int?] = Array(repeating: nil, count: 6)
        guard let year = digits(4), take(0x2D), let month = digits(2), take(0x2D), let day = digits(2) else { return nil }
        fields[0] = year; fields[1] = month; fields[2] = day
        if take(0x54) || take(0x20) {
            guard let hour = digits(2), take(0x3A), let minute = digits(2) else { return nil }
            fields[3] = hour; fields[4] = minute
            if take(0x3A) {
                guard let second = digits(2) else { return nil }
                fields[5] = second
                if take(0x2E) {
                    guard digits(1) != nil else { return nil }
                    while digits(1) != nil {}
                }
            }
        }
        var offsetText: String?
        if index < bytes.count {
            let start = index
            if take(0x5A) {
                offsetText = "Z"
            } else if take(0x2B) || take(0x2D) {
                guard digits(2) != nil else { return nil }
                _ = take(0x3A)
                guard digits(2) != nil else { return nil }
                offsetText = String(decoding: bytes[start..<index], as: UTF8.self)
            } else {
                return nil
            }
        }
        guard index == bytes.count else { return nil }
        func group(_ index: Int) -> String? {
            switch index {
            case 1...6: fields[index - 1].map { String($0) }
            case 7: offsetText
            default: nil
            }
        }
        var components = DateComponents()
        components.year = Int(group(1)!)
        components.month = Int(group(2)!)
        components.day = Int(group(3)!)
        let hasTime = group(4) != nil
        components.hour = hasTime ? Int(group(4)!) : 12
        components.minute = hasTime ? Int(group(5)!) : 0
        components.second = group(6).flatMap { Int($0) } ?? 0
        if let offset = group(7) {
            if offset == "Z" {
                calendar.timeZone = TimeZone(secondsFromGMT: 0)!
            } else {
                let digits = offset.dropFirst().replacingOccurrences(of: ":", with: "")
                guard let hours = Int(digits.prefix(2)), let minutes = Int(digits.suffix(2)) else { return nil }
                let seconds = (hours * 3600 + minutes * 60) * (offset.hasPrefix("-") ? -1 : 1)
                guard let zone = TimeZone(secondsFromGMT: seconds) else { return nil }
                calendar.timeZone = zone
            }
        }
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
        // Reject dates the calendar silently rolled over (2026-02-30).
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == components.year, back.month == components.month, back.day == components.day else { return nil }
        return date
    }

    /// The local date of an instant as `YYYY-MM-DD`.
    public static func dateString(_ date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
