import Foundation
import TandemKit

/// A problem with the input to the call-window finder: a range of hours, a
/// time zone or a date that cannot be read.
public struct CallWindowError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and what was expected, in plain words.
    public var message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

/// A daily stretch of free time in local hours, such as `18-23`, `07:30-09`
/// or `22-02` (which runs past midnight into the next day).
public struct HourRange: Sendable, Hashable, CustomStringConvertible {
    /// Minutes after local midnight when the range starts, `0..<1440`.
    public let startMinute: Int
    /// Minutes after the same local midnight when the range ends: greater than
    /// ``startMinute`` and at most 1440 more, so a range that wraps past
    /// midnight ends after 1440.
    public let endMinute: Int

    /// The form people are asked to use, for error messages.
    public static let expectedForm = "START-END in 24-hour local time, such as 18-23, 07:30-09 or 22-02"

    /// Creates a range from minutes after midnight. An end at or before the
    /// start wraps into the next day.
    ///
    /// - Throws: ``CallWindowError`` when a value is outside the day or the
    ///   range is empty.
    public init(startMinute: Int, endMinute: Int) throws(CallWindowError) {
        guard (0..<1440).contains(startMinute), (0...1440).contains(endMinute) else {
            throw CallWindowError("a range must start between 00:00 and 23:59 and end between 00:00 and 24:00")
        }
        guard startMinute != endMinute else {
            throw CallWindowError("a range cannot start and end at the same time (use 00-24 for the whole day)")
        }
        self.startMinute = startMinute
        self.endMinute = endMinute > startMinute ? endMinute : endMinute + 1440
    }

    /// Reads `H-H`, `HH:MM-HH:MM` or any mix (`7-9:15`); `24` is allowed as
    /// an end, and an end before the start wraps past midnight.
    ///
    /// - Throws: ``CallWindowError`` naming the text and the expected form.
    public init(parsing text: String) throws(CallWindowError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        func malformed(_ reason: String) -> CallWindowError {
            CallWindowError("malformed range '\(text)': \(reason); expected \(HourRange.expectedForm)")
        }
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw malformed(parts.count < 2 ? "there is no '-' between a start and an end" : "it has more than one '-'")
        }
        guard !parts[0].isEmpty else { throw malformed("the start time is missing") }
        guard !parts[1].isEmpty else { throw malformed("the end time is missing") }
        guard let start = HourRange.minutes(of: parts[0], allowing24: false) else {
            throw malformed("'\(parts[0])' is not a start time from 00:00 to 23:59")
        }
        guard let end = HourRange.minutes(of: parts[1], allowing24: true) else {
            throw malformed("'\(parts[1])' is not an end time from 00:00 to 24:00")
        }
        do {
            try self.init(startMinute: start, endMinute: end)
        } catch {
            throw malformed(error.message)
        }
    }

    /// `H`, `HH`, `H:MM` or `HH:MM` as minutes after midnight, or `nil`.
    private static func minutes(of text: Substring, allowing24: Bool) -> Int? {
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(pieces.count),
              let hourText = pieces.first, (1...2).contains(hourText.count), hourText.allSatisfy(\.isASCII),
              let hour = Int(hourText)
        else { return nil }
        var minute = 0
        if pieces.count == 2 {
            let minuteText = pieces[1]
            guard minuteText.count == 2, minuteText.allSatisfy(\.isASCII), let value = Int(minuteText), (0..<60).contains(value) else {
                return nil
            }
            minute = value
        }
        if hour == 24 { return allowing24 && minute == 0 ? 1440 : nil }
        guard (0..<24).contains(hour) else { return nil }
        return hour * 60 + minute
    }

    /// Whether the range runs past local midnight into the next day.
    public var wrapsPastMidnight: Bool { endMinute > 1440 }

    /// The range as `HH:MM-HH:MM`.
    public var description: String {
        func clock(_ minutes: Int) -> String {
            let value = minutes == 1440 ? 1440 : minutes % 1440
            return String(format: "%02d:%02d", value / 60, value % 60)
        }
        return clock(startMinute) + "-" + clock(endMinute)
    }
}

/// One person's free time: a time zone and the local hours they are free each day.
public struct FreeTime: Sendable, Hashable {
    /// The person's time zone.
    public var zone: TimeZone
    /// The hours they are free, every day, in local time.
    public var ranges: [HourRange]

    /// Creates a person's free time.
    public init(zone: TimeZone, ranges: [HourRange]) {
        self.zone = zone
        self.ranges = ranges
    }

    /// The moments this person is free that touch `span`, merged and sorted.
    /// Each local day is computed in the person's own zone, so daylight-saving
    /// changes move the moments, never the local hours.
    public func intervals(touching span: DateInterval) -> [DateInterval] {
        let first = LocalDay(span.start, in: zone).adding(days: -1)
        let last = LocalDay(span.end, in: zone)
        var pieces: [DateInterval] = []
        var day = first
        while day <= last {
            for range in ranges {
                let start = day.date(atMinute: range.startMinute, in: zone)
                let end = day.date(atMinute: range.endMinute, in: zone)
                if end > start { pieces.append(DateInterval(start: start, end: end)) }
            }
            day = day.adding(days: 1)
        }
        return CallWindowFinder.merge(pieces)
    }
}

/// A stretch of time both partners are free.
public struct CallWindow: Sendable, Hashable {
    /// When it starts.
    public var start: Date
    /// When it ends.
    public var end: Date

    /// Creates a window.
    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    /// Its length in whole minutes.
    public var minutes: Int { Int((end.timeIntervalSince(start) / 60).rounded()) }
}

/// Finds the times two partners in different time zones are both free.
///
/// Pure: give it both partners' zones and free hours and a span of days, and it
/// returns the shared windows. Daylight-saving changes in either zone are
/// respected because each local day is turned into moments on its own.
public struct CallWindowFinder: Sendable, Hashable {
    /// My free time; the days are counted in my zone.
    public var me: FreeTime
    /// My partner's free time.
    public var partner: FreeTime

    /// Creates a finder.
    public init(me: FreeTime, partner: FreeTime) {
        self.me = me
        self.partner = partner
    }

    /// The span from midnight of `from` in my zone to midnight `days` days later.
    public func span(from: LocalDay, days: Int) -> DateInterval {
        DateInterval(start: from.date(atMinute: 0, in: me.zone), end: from.adding(days: days).date(atMinute: 0, in: me.zone))
    }

    /// The shared windows that start in the `days` days from midnight of
    /// `from` in my zone, sorted, with touching or overlapping pieces merged.
    ///
    /// Free time carried over from the evening before `from` starts at that
    /// midnight. A window that starts in the span is kept whole even when it
    /// runs past the span's end (such as a late call from 22:00 to 01:00 on
    /// the last night), but never more than a day past it.
    public func windows(from: LocalDay, days: Int) -> [CallWindow] {
        let span = span(from: from, days: days)
        let limit = DateInterval(start: span.start, end: span.end.addingTimeInterval(86_400))
        let shared = CallWindowFinder.intersect(me.intervals(touching: limit), partner.intervals(touching: limit))
        return shared.compactMap { piece in
            let start = max(piece.start, span.start)
            let end = min(piece.end, limit.end)
            return end > start && start < span.end ? CallWindow(start: start, end: end) : nil
        }
    }

    /// Sorts the intervals and merges those that overlap or touch.
    public static func merge(_ intervals: [DateInterval]) -> [DateInterval] {
        var merged: [DateInterval] = []
        for interval in intervals.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            if let last = merged.last, interval.start <= last.end {
                merged[merged.count - 1] = DateInterval(start: last.start, end: max(last.end, interval.end))
            } else {
                merged.append(interval)
            }
        }
        return merged
    }

    /// The parts of time in both lists (each sorted and merged), without
    /// zero-length touches, merged.
    public static func intersect(_ a: [DateInterval], _ b: [DateInterval]) -> [DateInterval] {
        var result: [DateInterval] = []
        var i = 0, j = 0
        while i < a.count, j < b.count {
            let start = max(a[i].start, b[j].start)
            let end = min(a[i].end, b[j].end)
            if end > start { result.append(DateInterval(start: start, end: end)) }
            if a[i].end < b[j].end { i += 1 } else { j += 1 }
        }
        return merge(result)
    }
}

/// Looking up time zones by the names people type.
public enum ZoneNames {
    /// The zone with this IANA id (such as `Europe/Berlin`), matched without
    /// regard to case.
    ///
    /// - Throws: ``CallWindowError`` for an unknown zone, suggesting close ids.
    public static func zone(named text: String) throws(CallWindowError) -> TimeZone {
        let name = text.trimmingCharacters(in: .whitespaces)
        let known = TimeZone.knownTimeZoneIdentifiers
        if known.contains(name), let zone = TimeZone(identifier: name) { return zone }
        if let match = known.first(where: { $0.caseInsensitiveCompare(name) == .orderedSame }), let zone = TimeZone(identifier: match) {
            return zone
        }
        // Ids Foundation knows beyond the list, such as UTC or GMT+2.
        if name.first?.isLetter == true, let zone = TimeZone(identifier: name) { return zone }
        throw CallWindowError("unknown time zone '\(text)'\(hint(for: name, in: known)); use an IANA id such as Europe/Berlin or America/New_York")
    }

    /// " (did you mean …?)": ids whose city matches the text, then ids close in spelling.
    static func hint(for text: String, in known: [String]) -> String {
        let city = text.lowercased().replacingOccurrences(of: " ", with: "_")
        let byCity = known.filter { $0.split(separator: "/").last.map { $0.lowercased() == city } ?? false }
        if !byCity.isEmpty {
            return " (did you mean " + byCity.prefix(3).map { "'\($0)'" }.joined(separator: " or ") + "?)"
        }
        return Suggestions.hint(for: text, in: known)
    }
}
