import Foundation

/// How often a practice is meant to be done.
///
/// Every cadence has a frequency of ``timesPerPeriod`` times in ``periodDays``
/// days; scores and streaks are computed from that frequency.
public enum Cadence: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Every day (1 in 1).
    case daily
    /// `times` times in any window of `days` days, such as 3 in 7.
    case timesPer(times: Int, days: Int)
    /// On the given days of the week. Counts as `count` times in 7 days.
    case weekdays(Set<Weekday>)

    /// Once a week (1 in 7).
    public static let weekly = Cadence.timesPer(times: 1, days: 7)

    /// N in "N times in D days".
    public var timesPerPeriod: Int {
        switch self {
        case .daily: 1
        case .timesPer(let times, _): times
        case .weekdays(let days): days.count
        }
    }

    /// D in "N times in D days".
    public var periodDays: Int {
        switch self {
        case .daily: 1
        case .timesPer(_, let days): days
        case .weekdays: 7
        }
    }

    /// The frequency N/D as a number between 0 and 1.
    public var frequency: Double { Double(timesPerPeriod) / Double(periodDays) }

    /// The frequency as text, "N/D": `1/1`, `3/7`.
    public var fraction: String { "\(timesPerPeriod)/\(periodDays)" }

    /// The cadence as a person types it: `daily`, `weekly`, `3/7`, `mon,wed,fri`.
    public var description: String {
        switch self {
        case .daily: return "daily"
        case .timesPer(1, 7): return "weekly"
        case .timesPer(let times, let days): return "\(times)/\(days)"
        case .weekdays(let days):
            return Weekday.allCases.filter(days.contains).map(\.shortName).joined(separator: ",")
        }
    }

    /// Why this cadence is invalid, or `nil` when it is valid.
    ///
    /// Valid cadences have 1 ≤ N ≤ D ≤ 365 and at least one weekday.
    public var problem: String? {
        switch self {
        case .daily:
            return nil
        case .timesPer(let times, let days):
            if days < 1 || days > 365 { return "the period must be 1 to 365 days, not \(days)" }
            if times < 1 || times > days { return "the count must be 1 to \(days) in \(days) days, not \(times)" }
            return nil
        case .weekdays(let days):
            return days.isEmpty ? "name at least one weekday" : nil
        }
    }

    /// Parses `daily`, `weekly`, `N/D` (such as `3/7`) or a comma-separated
    /// list of the day words the routine language's `every` reads (see
    /// ``Weekday/days(named:)``): `mon,wed,fri`, `weekday`, `weekend,mon`.
    ///
    /// - Throws: ``CadenceError`` naming what is wrong, for text that is not a
    ///   cadence or a cadence that is not valid (such as `0/7` or `8/7`).
    public init(parsing text: String) throws(CadenceError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch trimmed {
        case "daily", "every day", "1/1": self = .daily; return
        case "weekly": self = .weekly; return
        default: break
        }
        let cadence: Cadence
        if let slash = trimmed.firstIndex(of: "/") {
            guard let times = Int(trimmed[..<slash]), let days = Int(trimmed[trimmed.index(after: slash)...]) else {
                throw CadenceError(text: text, reason: "expected N/D with whole numbers, such as 3/7")
            }
            cadence = days == 1 && times == 1 ? .daily : .timesPer(times: times, days: days)
        } else {
            var days = Set<Weekday>()
            for name in trimmed.split(separator: ",") {
                guard let named = Weekday.days(named: String(name)) else {
                    throw CadenceError(
                        text: text,
                        reason: "'\(name.trimmingCharacters(in: .whitespaces))' is not daily, weekly, N/D, a day (mon, tue, …), weekday or weekend")
                }
                days.formUnion(named)
            }
            cadence = days.count == 7 ? .daily : .weekdays(days)
        }
        if let problem = cadence.problem { throw CadenceError(text: text, reason: problem) }
        self = cadence
    }
}

/// A cadence that could not be parsed or is not valid.
public struct CadenceError: Error, Sendable, CustomStringConvertible {
    /// The text that was given.
    public var text: String
    /// What is wrong with it.
    public var reason: String
    /// "invalid cadence 'TEXT': REASON".
    public var description: String { "invalid cadence '\(text)': \(reason)" }
}

/// A day of the week, numbered as Foundation's Gregorian calendar numbers them
/// (Sunday is 1).
public enum Weekday: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Monday.
    case monday = 2
    /// Tuesday.
    case tuesday = 3
    /// Wednesday.
    case wednesday = 4
    /// Thursday.
    case thursday = 5
    /// Friday.
    case friday = 6
    /// Saturday.
    case saturday = 7
    /// Sunday.
    case sunday = 1

    /// Three letters: `mon`, `tue`, …
    public var shortName: String { String(fullName.prefix(3)) }

    /// The full lowercase name: `monday`, …
    public var fullName: String {
        switch self {
        case .monday: "monday"
        case .tuesday: "tuesday"
        case .wednesday: "wednesday"
        case .thursday: "thursday"
        case .friday: "friday"
        case .saturday: "saturday"
        case .sunday: "sunday"
        }
    }

    /// Reads `mon`, `monday`, `Mon`, … (or `nil` for anything else).
    public init?(name: String) {
        let lowered = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard lowered.count >= 3,
              let day = Weekday.allCases.first(where: { $0.fullName.hasPrefix(lowered) })
        else { return nil }
        self = day
    }

    /// The days a word names, as `tandem adopt --every` and the routine
    /// language's `every` read it: a day (`mon`, `tues`, `thursday`, as
    /// ``init(name:)`` reads it), `weekday` or `weekdays` (Monday to Friday),
    /// `weekend` or `weekends` (Saturday and Sunday), `day` or `days` (every
    /// day); `nil` for anything else.
    public static func days(named word: String) -> [Weekday]? {
        let lowered = word.trimmingCharacters(in: .whitespaces).lowercased()
        if let group = groups[lowered] { return group }
        return Weekday(name: lowered).map { [$0] }
    }

    /// Every word ``days(named:)`` reads in full (not the shortened days),
    /// for suggestions.
    public static var dayWords: [String] {
        (Array(groups.keys) + allCases.flatMap { [$0.fullName, $0.shortName] }).sorted()
    }

    private static let groups: [String: [Weekday]] = [
        "day": allCases.sorted(), "days": allCases.sorted(),
        "weekday": [.monday, .tuesday, .wednesday, .thursday, .friday],
        "weekdays": [.monday, .tuesday, .wednesday, .thursday, .friday],
        "weekend": [.saturday, .sunday], "weekends": [.saturday, .sunday],
    ]

    /// Orders the week from Monday to Sunday.
    public static func < (lhs: Weekday, rhs: Weekday) -> Bool {
        (lhs.rawValue + 5) % 7 < (rhs.rawValue + 5) % 7
    }
}
