import Foundation
import TandemKit
import TandemRoutine

/// A day on which a scheduled wall time falls in a clock change of its zone.
///
/// What happens then is what systemd's timers do (`systemd-analyze calendar`
/// of systemd 252 shows it, and ``Reminder/moments(after:count:user:)``
/// agrees): a time that does not exist that day (clocks go forward over it)
/// is skipped, so there is no reminder that day; a time that happens twice
/// (clocks go back over it) fires once, the first time.
public struct DaylightSavingNote: Sendable, Hashable {
    /// Which kind of change.
    public enum Kind: Sendable, Hashable {
        /// Clocks go forward over the time: it does not exist that day.
        case gap
        /// Clocks go back over the time: it happens twice that day.
        case fold
    }

    /// Which kind of change.
    public var kind: Kind
    /// The local day, `YYYY-MM-DD`.
    public var day: String
    /// The scheduled time, `HH:MM`.
    public var time: String
    /// The zone's identifier.
    public var zone: String
    /// The wall time the clocks leave, `HH:MM`.
    public var clockFrom: String
    /// The wall time the clocks show after the change, `HH:MM`.
    public var clockTo: String

    /// "on 2027-03-28 02:30 does not exist in Europe/Berlin (clocks go from
    /// 02:00 to 03:00), so there is no reminder that day".
    public var sentence: String {
        switch kind {
        case .gap:
            "on \(day) \(time) does not exist in \(zone) (clocks go from \(clockFrom) to \(clockTo)), so there is no reminder that day"
        case .fold:
            "on \(day) \(time) happens twice in \(zone) (clocks go back from \(clockFrom) to \(clockTo)); it reminds once, at the first \(time)"
        }
    }
}

/// Finding the days a wall time falls in a zone's clock change.
public enum DaylightSaving {
    /// The days in `[start, end)` on which `hour:minute`, on one of `days`,
    /// does not exist or happens twice in `zone`, in order.
    public static func notes(days: [Weekday], hour: Int, minute: Int, zone: TimeZone, from start: Date, until end: Date) -> [DaylightSavingNote] {
        var gmt = Calendar(identifier: .gregorian)
        gmt.timeZone = TimeZone(secondsFromGMT: 0)!
        var notes: [DaylightSavingNote] = []
        for (instant, before, after) in transitions(of: zone, from: start, until: end) {
            // The wall times the change skips or repeats, as seconds of a UTC clock.
            let low = instant.addingTimeInterval(TimeInterval(min(before, after)))
            let high = instant.addingTimeInterval(TimeInterval(max(before, after)))
            var candidates = [gmt.startOfDay(for: low)]
            let lastDay = gmt.startOfDay(for: high.addingTimeInterval(-1))
            if lastDay != candidates[0] { candidates.append(lastDay) }
            for day in candidates {
                let weekday = gmt.component(.weekday, from: day)
                guard days.contains(where: { $0.rawValue == weekday }) else { continue }
                let wall = day.addingTimeInterval(TimeInterval(hour * 3600 + minute * 60))
                guard wall >= low, wall < high else { continue }
                notes.append(DaylightSavingNote(
                    kind: after > before ? .gap : .fold, day: dayText(day, gmt), time: clockText(wall, gmt), zone: zone.identifier,
                    clockFrom: clockText(instant.addingTimeInterval(TimeInterval(before)), gmt),
                    clockTo: clockText(instant.addingTimeInterval(TimeInterval(after)), gmt)))
            }
        }
        return notes
    }

    /// The instants in `[start, end)` at which `zone`'s offset from UTC
    /// changes, with the offsets (seconds) before and after. Found day by
    /// day, then to the second by halving: this does not rely on the zone
    /// database naming a change a daylight-saving one.
    static func transitions(of zone: TimeZone, from start: Date, until end: Date) -> [(Date, Int, Int)] {
        var found: [(Date, Int, Int)] = []
        var low = start
        var offset = zone.secondsFromGMT(for: low)
        while low < end {
            let high = min(low.addingTimeInterval(86_400), end)
            let next = zone.secondsFromGMT(for: high)
            if next != offset {
                // The change is in (a, b]: halve down to the second.
                var a = low.timeIntervalSince1970.rounded(.down), b = high.timeIntervalSince1970.rounded(.up)
                while b - a > 1 {
                    let middle = ((a + b) / 2).rounded(.down)
                    if zone.secondsFromGMT(for: Date(timeIntervalSince1970: middle)) == offset { a = middle } else { b = middle }
                }
                found.append((Date(timeIntervalSince1970: b), offset, next))
                offset = next
            }
            low = high
        }
        return found
    }

    private static func dayText(_ date: Date, _ calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    private static func clockText(_ date: Date, _ calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour!, parts.minute!)
    }
}

extension Reminder {
    /// The days in the year from `date` on which this reminder's time does
    /// not exist or happens twice in its zone.
    public func daylightSavingNotes(from date: Date, user: TimeZone) -> [DaylightSavingNote] {
        DaylightSaving.notes(
            days: days, hour: hour, minute: minute, zone: timeZone(user: user), from: date, until: date.addingTimeInterval(366 * 86_400))
    }
}

extension Runtime {
    /// Warnings for the schedules of `program` whose time, in the next year
    /// from now, falls in a clock change of its zone (the user's when it
    /// names none): what happens on those days. The routine checker cannot
    /// say it, since it knows neither the user's zone nor the date.
    public func daylightSavingWarnings(for program: RoutineProgram) -> [Diagnostic] {
        let start = environment.now, end = environment.now.addingTimeInterval(366 * 86_400)
        return program.schedules.compactMap { schedule in
            let zone: TimeZone
            if let name = schedule.zone {
                // A zone that does not exist is the checker's error already.
                guard let named = TimeZone(identifier: name) else { return nil }
                zone = named
            } else {
                zone = environment.timeZone
            }
            let notes = DaylightSaving.notes(days: schedule.days, hour: schedule.hour, minute: schedule.minute, zone: zone, from: start, until: end)
            guard let first = notes.first else { return nil }
            let whose = schedule.zone == nil ? " of your time zone" : ""
            let changed = [first.clockFrom, first.clockTo].sorted()
            let sentences = notes.map(\.sentence).joined(separator: "; ")
            return Diagnostic(
                .warning, "'\(schedule.whenText)' falls in a daylight-saving change\(whose): \(sentences)", at: schedule.range,
                hint: "installed timers do so, as systemd does; a time outside \(changed[0])–\(changed[1]) is not affected")
        }
    }
}
