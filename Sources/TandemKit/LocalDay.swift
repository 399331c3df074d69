import Foundation

/// A calendar day with no time and no time zone, such as `2026-11-20`.
///
/// The journal stores every entry against the local date it is about, so
/// that a habit done at 23:30 in Berlin stays on that Berlin day; modules use
/// it for due dates and calendar walks. Days are
/// numbered consecutively (``ordinal`` is days since 1970-01-01 in the
/// proleptic Gregorian calendar), which makes day arithmetic exact.
public struct LocalDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var ordinal: Int

    /// Creates a day from its number of days since 1970-01-01.
    public init(ordinal: Int) { self.ordinal = ordinal }

    /// Creates a day from a year, month (1-12) and day of the month, or `nil`
    /// when there is no such date (such as February 30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDay.daysIn(month: month, year: year) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146_097 + doe - 719_468
    }

    /// The years a date typed by people or read from a file may fall in.
    /// A day outside them is almost always a typo (`0001-01-01`), and a
    /// habit's day track would grow by a byte for every day in between.
    public static let supportedYears: ClosedRange<Int> = 1970...9999

    /// The supported dates, for messages: `1970-01-01 to 9999-12-31`.
    public static let supportedRange = "1970-01-01 to 9999-12-31"

    /// Whether the day falls in ``supportedYears``.
    public var isSupported: Bool { LocalDay.supportedYears.contains(components.year) }

    /// Parses `YYYY-MM-DD` in ``supportedYears``, or returns `nil` for
    /// anything else (including dates that do not exist, such as
    /// `2026-02-30`, and years such as `0001`).
    public init?(parsing text: String) {
        guard let day = LocalDay(parsingAnyYear: text), day.isSupported else { return nil }
        self = day
    }

    /// Parses `YYYY-MM-DD` with any four-digit year: for text stored before
    /// ``supportedYears`` was enforced. Use ``init(parsing:)`` for input.
    public init?(parsingAnyYear text: String) {
        // Stored dates have no spaces to trim: skip Foundation's trimming (slow) for them.
        let plain = text.utf8.count == 10 && text.utf8.first != 0x20 && text.utf8.last != 0x20
        let parts = (plain ? text : text.trimmingCharacters(in: .whitespaces)).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The local day of an instant in a time zone.
    public init(_ date: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The year, month and day of the month.
    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The day as `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = components
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// The day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday (Foundation numbers it 5).
        let index = ((ordinal % 7) + 7 + 4) % 7  // 0 = Sunday
        return Weekday(rawValue: index + 1)!
    }

    /// The day `count` days later (earlier for a negative count).
    public func adding(days count: Int) -> LocalDay { LocalDay(ordinal: ordinal + count) }

    /// The number of days from `self` to `other` (positive when `other` is later).
    public func days(to other: LocalDay) -> Int { other.ordinal - ordinal }

    /// The instant the local clock in `zone` shows `minute` minutes after this
    /// day's midnight (1440 and more fall on the following days). Computed
    /// per local day, so daylight-saving changes move the instant, never the
    /// local time.
    public func date(atMinute minute: Int, in zone: TimeZone) -> Date {
        let target = adding(days: minute / 1440)
        let (year, month, day) = target.components
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let inDay = minute % 1440
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: inDay / 60, minute: inDay % 60))!
    }

    /// A short label for people: `Mon 23 Mar`, or `Mon 23 Mar 2026` with the year.
    public func label(withYear: Bool = false) -> String {
        let (year, month, day) = components
        let text = "\(weekday.shortName.capitalized) \(day) \(LocalDay.monthNames[month - 1])"
        return withYear ? "\(text) \(year)" : text
    }

    /// Three-letter English month names, January first.
    public static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Orders days in time.
    public static func < (lhs: LocalDay, rhs: LocalDay) -> Bool { lhs.ordinal < rhs.ordinal }

    /// Encodes as `YYYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes `YYYY-MM-DD`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = LocalDay(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a YYYY-MM-DD date")
        }
        self = day
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
