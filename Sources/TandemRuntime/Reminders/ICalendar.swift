import Foundation

/// Writes the reminders as an RFC 5545 calendar, for a phone's or a
/// desktop's calendar app: one recurring event per reminder, with an alarm
/// at its start, and a `VTIMEZONE` for every zone the events name.
///
/// There is no iCalendar package for Swift among the ones this project can
/// use, and the part of RFC 5545 needed here is small: lines of at most 75
/// octets (folded), CRLF, escaped text, local times with a `TZID`, `RRULE`s
/// of days and weekdays, and time zone rules derived from the system's
/// zone database. The tests read the result with Python's `icalendar` and
/// `recurring-ical-events`.
public struct ICalendar {
    /// What the calendar holds, one event each.
    public var reminders: [Reminder]
    /// The user's zone: that of reminders that name none.
    public var userZone: TimeZone
    /// When the calendar is written: `DTSTAMP`, and the day the events start.
    public var now: Date
    /// Makes each event's `UID` this person's own, so that importing the
    /// calendar again updates its events rather than doubling them, and
    /// two partners' calendars do not clash.
    public var owner: String

    /// A calendar of these reminders.
    public init(reminders: [Reminder], userZone: TimeZone, now: Date, owner: String) {
        self.reminders = reminders
        self.userZone = userZone
        self.now = now
        self.owner = owner
    }

    /// The events' `SEQUENCE`: minutes since 2026-01-01 UTC, so that each
    /// later export is a newer revision of the same events (calendar apps
    /// ignore a re-import whose SEQUENCE has not risen) without keeping a
    /// counter anywhere.
    var sequence: Int { max(0, Int(now.timeIntervalSince1970 - 1_767_225_600) / 60) }

    /// How long each event lasts: long enough to show on a day's view.
    static let eventMinutes = 15

    /// The calendar's text: CRLF line ends, folded lines.
    public var text: String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tandem//Tandem reminders//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:Tandem"]
        let zones = reminders.map { $0.timeZone(user: userZone) }
        var seen: Set<String> = []
        for zone in zones where seen.insert(zone.identifier).inserted {
            lines += Self.timeZoneLines(zone, around: now)
        }
        for (reminder, zone) in zip(reminders, zones) {
            lines += event(reminder, zone)
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined()
    }

    /// One reminder's `VEVENT`, starting on its first day from today on.
    private func event(_ reminder: Reminder, _ zone: TimeZone) -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        // The first day it fires: the wall time is the reminder's own, even
        // on a day when the clock skips it (the calendar app shifts it then).
        let startOfToday = calendar.startOfDay(for: now)
        let first = reminder.moments(after: startOfToday.addingTimeInterval(-1), count: 1, user: userZone).first ?? startOfToday
        let day = calendar.dateComponents([.year, .month, .day], from: first)
        let start = String(format: "%04d%02d%02dT%02d%02d00", day.year!, day.month!, day.day!, reminder.hour, reminder.minute)
        let rule = reminder.days.count == 7
            ? "RRULE:FREQ=DAILY"
            : "RRULE:FREQ=WEEKLY;BYDAY=" + reminder.days.map { Self.dayCodes[$0.rawValue - 1] }.joined(separator: ",")
        let skipped = Self.skippedDays(reminder, zone, from: first)
        let summary = Self.escape(reminder.title)
        let description = Self.escape("Time for \(reminder.title). Run: \(reminder.command)")
        return [
            "BEGIN:VEVENT",
            "UID:" + Self.escape("\(reminder.name).\(owner)@tandem"),
            "DTSTAMP:" + Self.utc(now),
            "SEQUENCE:\(sequence)",
            "DTSTART;TZID=\(zone.identifier):\(start)",
            "DURATION:PT\(Self.eventMinutes)M",
            rule,
        ] + skipped.map { "EXDATE;TZID=\(zone.identifier):\($0)" } + [
            "SUMMARY:" + summary,
            "DESCRIPTION:" + description,
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "TRIGGER:PT0S",
            "DESCRIPTION:" + summary,
            "END:VALARM",
            "END:VEVENT",
        ]
    }

    static let dayCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]

    /// The days of the next ten years on which the reminder's time does not
    /// exist (the clock skips it going forward): the installed timers skip
    /// those days, as systemd does, so the calendar leaves them out too
    /// (a calendar app would otherwise move the event past the gap).
    static func skippedDays(_ reminder: Reminder, _ zone: TimeZone, from start: Date) -> [String] {
        var days: [String] = []
        var cursor = start
        let until = start.addingTimeInterval(10 * 366 * 86_400)
        while let change = zone.nextDaylightSavingTimeTransition(after: cursor), change < until {
            cursor = change
            let before = zone.secondsFromGMT(for: change.addingTimeInterval(-1)), after = zone.secondsFromGMT(for: change)
            guard after > before else { continue }
            // The wall clock jumps from `from` to `to` on that day; the times between do not exist.
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(secondsFromGMT: before)!
            let from = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: change)
            let minute = reminder.hour * 60 + reminder.minute, gapStart = from.hour! * 60 + from.minute!
            guard minute >= gapStart, minute < gapStart + (after - before) / 60,
                  reminder.days.contains(where: { $0.rawValue == from.weekday }) else { continue }
            days.append(String(format: "%04d%02d%02dT%02d%02d00", from.year!, from.month!, from.day!, reminder.hour, reminder.minute))
        }
        return days
    }

    // MARK: Time zones

    /// A zone's `VTIMEZONE`: its offsets and the rule of its changes, from
    /// the system's zone database. A zone whose changes follow a yearly rule
    /// (the last Sunday of March, the second Sunday of March) gets that
    /// rule; one whose changes do not (or that has none) gets the changes
    /// themselves for the years around `date`.
    static func timeZoneLines(_ zone: TimeZone, around date: Date) -> [String] {
        var lines = ["BEGIN:VTIMEZONE", "TZID:" + zone.identifier]
        let from = date.addingTimeInterval(-400 * 86_400), until = date.addingTimeInterval(12 * 366 * 86_400)
        var transitions: [Date] = []
        var cursor = from
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < until, transitions.count < 40 {
            transitions.append(next)
            cursor = next
        }
        guard !transitions.isEmpty else {
            let offset = zone.secondsFromGMT(for: date)
            lines += ["BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:" + offsetText(offset), "TZOFFSETTO:" + offsetText(offset),
                      "TZNAME:" + escape(zone.abbreviation(for: date) ?? zone.identifier), "END:STANDARD"]
            return lines + ["END:VTIMEZONE"]
        }
        // Group the changes by where they go (summer time or back), each with a yearly rule when one fits them all.
        for daylight in [false, true] {
            let changes = transitions.filter { zone.isDaylightSavingTime(for: $0) == daylight }
            guard let first = changes.first else { continue }
            let before = zone.secondsFromGMT(for: first.addingTimeInterval(-1)), after = zone.secondsFromGMT(for: first)
            let kind = daylight ? "DAYLIGHT" : "STANDARD"
            let name = "TZNAME:" + escape(zone.abbreviation(for: first) ?? zone.identifier)
            if let rule = yearlyRule(changes, offsetBefore: before) {
                lines += ["BEGIN:\(kind)", "DTSTART:" + local(first, offset: before), "TZOFFSETFROM:" + offsetText(before),
                          "TZOFFSETTO:" + offsetText(after), rule, name, "END:\(kind)"]
            } else {
                for change in changes {
                    let from = zone.secondsFromGMT(for: change.addingTimeInterval(-1)), to = zone.secondsFromGMT(for: change)
                    lines += ["BEGIN:\(kind)", "DTSTART:" + local(change, offset: from), "TZOFFSETFROM:" + offsetText(from),
                              "TZOFFSETTO:" + offsetText(to), "TZNAME:" + escape(zone.abbreviation(for: change) ?? zone.identifier),
                              "END:\(kind)"]
                }
            }
        }
        return lines + ["END:VTIMEZONE"]
    }

    /// `RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU` when every change falls on
    /// the same weekday of the same week of the same month at the same wall
    /// time (and each offset is the same); `nil` otherwise.
    static func yearlyRule(_ changes: [Date], offsetBefore: Int) -> String? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offsetBefore)!
        var rules: Set<String> = []
        for change in changes {
            let parts = calendar.dateComponents([.month, .day, .weekday, .hour, .minute], from: change)
            guard let month = parts.month, let day = parts.day, let weekday = parts.weekday,
                  let days = calendar.range(of: .day, in: .month, for: change)?.count else { return nil }
            let week = day + 7 > days ? "-1" : String((day - 1) / 7 + 1)
            rules.insert("RRULE:FREQ=YEARLY;BYMONTH=\(month);BYDAY=\(week)\(dayCodes[weekday - 1])@\(parts.hour ?? 0):\(parts.minute ?? 0)")
        }
        guard rules.count == 1, changes.count >= 3, let rule = rules.first else { return nil }
        return String(rule[..<rule.firstIndex(of: "@")!])
    }

    /// `+0100`, `-0430`.
    static func offsetText(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + String(format: "%02d%02d", minutes / 60, minutes % 60)
    }

    /// The wall time of `date` at `offset`, as a floating DATE-TIME.
    static func local(_ date: Date, offset: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offset)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// `20261202T200000Z`.
    static func utc(_ date: Date) -> String {
        local(date, offset: 0) + "Z"
    }

    // MARK: Text

    /// A TEXT value: backslash, semicolon, comma and newline escaped, other
    /// control characters (which have no place in a calendar, and which a
    /// title from a shared file could carry) left out.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case _ where scalar.properties.generalCategory == .control || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value) || scalar.value == 0x200E || scalar.value == 0x200F:
                continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A content line folded at 75 octets, as RFC 5545 §3.1 asks: CRLF and a
    /// space before each continuation, never inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var out = ""
        var width = 0
        for scalar in line.unicodeScalars {
            let bytes = String(scalar).utf8.count
            if width + bytes > 75 {
                out += "\r\n "
                width = 1
            }
            out.unicodeScalars.append(scalar)
            width += bytes
        }
        return out + "\r\n"
    }
}
