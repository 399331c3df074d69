import Foundation
import TandemKit

/// Where Tandem keeps its state and what time it is, read from the process
/// environment once per run.
///
/// - `TANDEM_HOME`: when set, every file of the run lives in that folder
///   (journal, routines, history). Otherwise the journal and routines live in
///   `$XDG_DATA_HOME/tandem` (default `~/.local/share/tandem`) and the REPL
///   history in `$XDG_STATE_HOME/tandem` (default `~/.local/state/tandem`).
/// - `TANDEM_NOW`: an ISO 8601 local date-time (`2026-11-20T21:30`, seconds
///   and a `Z` or `+01:00` offset optional, or a bare date meaning noon) that
///   every command takes as "now", so tests and scripts are deterministic.
public struct TandemEnvironment: Sendable {
    /// The folder holding the journal and the routines folder.
    public var dataDirectory: URL
    /// The folder holding the REPL history.
    public var stateDirectory: URL
    /// "Now" for this run.
    public var now: Date
    /// The user's time zone (from `TZ` or the system).
    public var timeZone: TimeZone

    /// The journal database.
    public var journalURL: URL { dataDirectory.appendingPathComponent("journal.sqlite") }
    /// Saved `.routine` files.
    public var routinesDirectory: URL { dataDirectory.appendingPathComponent("routines", isDirectory: true) }
    /// The REPL's line history.
    public var historyURL: URL { stateDirectory.appendingPathComponent("history") }

    /// Creates an environment with explicit values.
    public init(dataDirectory: URL, stateDirectory: URL, now: Date, timeZone: TimeZone) {
        self.dataDirectory = dataDirectory
        self.stateDirectory = stateDirectory
        self.now = now
        self.timeZone = timeZone
    }

    /// Reads `TANDEM_HOME`, `TANDEM_NOW` and the XDG variables.
    ///
    /// - Throws: ``CommandFailure`` when `TANDEM_NOW` is not a date-time.
    public static func fromProcess(_ variables: [String: String] = ProcessInfo.processInfo.environment) throws(CommandFailure) -> TandemEnvironment {
        let timeZone = TimeZone.current
        var now = Date()
        if let text = variables["TANDEM_NOW"], !text.isEmpty {
            guard let parsed = LocalDateTime.parse(text, in: timeZone) else {
                throw CommandFailure("TANDEM_NOW='\(text)' is not an ISO 8601 date-time such as 2026-11-20T21:30:00")
            }
            now = parsed
        }
        let home = URL(fileURLWithPath: variables["HOME"] ?? NSHomeDirectory(), isDirectory: true)
        if let tandemHome = variables["TANDEM_HOME"], !tandemHome.isEmpty {
            let folder = URL(fileURLWithPath: tandemHome, isDirectory: true)
            return TandemEnvironment(dataDirectory: folder, stateDirectory: folder, now: now, timeZone: timeZone)
        }
        func xdg(_ name: String, _ fallback: String) -> URL {
            if let value = variables[name], value.hasPrefix("/") { return URL(fileURLWithPath: value, isDirectory: true) }
            return home.appendingPathComponent(fallback, isDirectory: true)
        }
        return TandemEnvironment(
            dataDirectory: xdg("XDG_DATA_HOME", ".local/share").appendingPathComponent("tandem", isDirectory: true),
            stateDirectory: xdg("XDG_STATE_HOME", ".local/state").appendingPathComponent("tandem", isDirectory: true),
            now: now, timeZone: timeZone)
    }

    /// A calendar in the user's time zone.
    public var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// Today's local date as `YYYY-MM-DD`.
    public var today: String { LocalDateTime.dateString(now, in: timeZone) }
}

/// Reading and writing local dates and date-times.
public enum LocalDateTime {
    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` (local), or either with a
    /// `Z` or `±HH:MM` offset. A bare date means noon that day.
    public static func parse(_ text: String, in timeZone: TimeZone) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let pattern = #"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: trimmed, range: NSRange(trimmed.startIndex..., in: trimmed))
        else { return nil }
        func group(_ index: Int) -> String? {
            guard let range = Range(match.range(at: index), in: trimmed) else { return nil }
            return String(trimmed[range])
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
