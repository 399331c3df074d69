import ArgumentParser
import Foundation
import TandemKit

/// `tandem overlap`: the times in the coming days when both partners are free,
/// shown in both local times.
public struct OverlapCommand: ModuleCommand {
    /// The command's name, help and examples.
    public static let configuration = CommandConfiguration(
        commandName: "overlap",
        abstract: "Find the times you and your partner are both free to call.",
        discussion: """
            Give your time zone and the local hours you are free each day after --me, \
            and the same for your partner after --partner. Tandem lists the windows you \
            share over the next days, in both local times, with daylight-saving changes \
            taken into account.

            A range such as 18-23 means 18:00 to 23:00 every day; 22-02 runs past \
            midnight; minutes are fine (07:30-09, 7-9:15) and 24 may end a range. Give \
            several ranges one after another. Leave out the zone to use the one saved in \
            your profile.

            Examples:
              tandem overlap --me Europe/Berlin 18-23 --partner America/New_York 12-18
              tandem overlap --me 07-08 18-23 --partner 12-18 --from 2026-03-23
              tandem overlap --me 22-02 --partner Asia/Tokyo 06:30-08 --days 3 --json
            """)

    /// `[ZONE] RANGE…` for me.
    @Option(parsing: .upToNextOption, help: ArgumentHelp("Your time zone (optional) and the local hours you are free.", valueName: "zone-or-range"))
    var me: [String] = []

    /// `[ZONE] RANGE…` for my partner.
    @Option(parsing: .upToNextOption, help: ArgumentHelp("Your partner's time zone (optional) and their local hours.", valueName: "zone-or-range"))
    var partner: [String] = []

    /// The first day, in my zone.
    @Option(help: ArgumentHelp("The first day (YYYY-MM-DD, in your zone); default today.", valueName: "date"))
    var from: String?

    /// How many days to look at.
    @Option(parsing: .unconditional, help: "How many days to look at, 1 to 60 (default: 7).", transform: NumberOption.whole)
    var days: Int = 7

    /// Whether to write JSON.
    @Flag(help: "Write the windows as JSON.")
    var json = false

    /// Creates the command with no arguments (the parser fills them in).
    public init() {}

    /// Finds and prints the shared windows.
    public mutating func run(in context: ModuleContext) throws {
        let report: OverlapReport
        do {
            let myFree = try OverlapRequest.freeTime(me, who: "you", option: "--me", profileZone: context.profile.myTimeZone)
            let partnerFree = try OverlapRequest.freeTime(
                partner, who: "your partner", option: "--partner", profileZone: context.profile.partnerTimeZone)
            guard (1...60).contains(days) else { throw CallWindowError("--days must be 1 to 60, not \(days)") }
            let first = try from.map { text throws(CallWindowError) in
                guard let day = LocalDay(parsing: text) else {
                    throw CallWindowError("bad date '\(text)': expected a real date as YYYY-MM-DD from \(LocalDay.supportedRange), such as 2026-03-23")
                }
                return day
            } ?? LocalDay(context.now, in: myFree.zone)
            let finder = CallWindowFinder(me: myFree, partner: partnerFree)
            report = OverlapReport(finder: finder, from: first, days: days)
        } catch let error as CallWindowError {
            throw CommandFailure(error.message)
        }
        if json {
            context.output.write(try report.json() + "\n")
        } else {
            context.output.write(report.text(profile: context.profile, style: context.style, width: min(context.width, 100)))
        }
    }
}

/// Reading `[ZONE] RANGE…` the way `--me` and `--partner` take it.
enum OverlapRequest {
    /// A zone (when the first word does not start with a digit) and ranges.
    static func freeTime(_ words: [String], who: String, option: String, profileZone: String?) throws(CallWindowError) -> FreeTime {
        let whoIs = who == "you" ? "you are" : "\(who) is"
        guard !words.isEmpty else {
            throw CallWindowError("say when \(whoIs) free with \(option), such as \(option) Europe/Berlin 18-23")
        }
        var rest = words[...]
        let zone: TimeZone
        if let first = rest.first, first.first?.isNumber != true {
            zone = try ZoneNames.zone(named: first)
            rest = rest.dropFirst()
        } else if let saved = profileZone, !saved.isEmpty {
            zone = try ZoneNames.zone(named: saved)
        } else {
            throw CallWindowError(
                "no time zone for \(who): put one after \(option) (such as \(option) Europe/Berlin 18-23) or save it in your profile")
        }
        guard !rest.isEmpty else {
            throw CallWindowError("give the hours \(whoIs) free after \(option) \(zone.identifier), such as 18-23")
        }
        return FreeTime(zone: zone, ranges: try hourRanges(rest))
    }

    /// Each word as one or more ranges ("07-08,18-23" is read as two).
    static func hourRanges(_ words: some Sequence<String>) throws(CallWindowError) -> [HourRange] {
        var ranges: [HourRange] = []
        for word in words {
            for piece in word.split(separator: ",") {
                ranges.append(try HourRange(parsing: String(piece)))
            }
        }
        return ranges
    }

    /// Hours given to a routine function: a string of ranges or a list of strings.
    static func ranges(from value: RoutineValue, name: String) throws(CallWindowError) -> [String] {
        switch value {
        case .string(let text):
            return text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        case .list(let items):
            var words: [String] = []
            for item in items {
                guard case .string(let text) = item else {
                    throw CallWindowError("\(name) must hold strings such as \"18-23\", not a \(item.typeName)")
                }
                words += text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            }
            return words
        default:
            throw CallWindowError("\(name) must be a string such as \"18-23\" or a list of them, not a \(value.typeName)")
        }
    }
}

/// The shared windows over a span of days, ready to print as text or JSON.
public struct OverlapReport: Sendable {
    /// The finder that was asked.
    public let finder: CallWindowFinder
    /// The first day, in my zone.
    public let from: LocalDay
    /// How many days.
    public let days: Int
    /// The shared windows, sorted.
    public let windows: [CallWindow]

    /// Computes the windows.
    public init(finder: CallWindowFinder, from: LocalDay, days: Int) {
        self.finder = finder
        self.from = from
        self.days = days
        self.windows = finder.windows(from: from, days: days)
    }

    /// One line per window, for people and routine functions:
    /// `Mon 23 Mar 18:00–23:00 Europe/Berlin = Mon 23 Mar 13:00–18:00 America/New_York (5h)`.
    public var lines: [String] {
        windows.map { window in
            "\(LocalClock.span(window, in: finder.me.zone)) \(finder.me.zone.identifier) = "
                + "\(LocalClock.span(window, in: finder.partner.zone)) \(finder.partner.zone.identifier) (\(LocalClock.duration(window.minutes)))"
        }
    }

    /// The report as text for the terminal.
    public func text(profile: Profile, style: TextStyle, width: Int = 80) -> String {
        let myName = (profile.myName ?? "you").terminalSafe
        let partnerName = (profile.partnerName ?? "partner").terminalSafe
        let last = from.adding(days: days - 1)
        var text = TextLayout.paragraph(
            style.bold("Shared free time, \(LocalClock.dayLabel(from)) to \(LocalClock.dayLabel(last)) \(last.components.year)"), width: width)
        text += TextLayout.paragraph(
            "\(myName): \(finder.me.zone.identifier) \(finder.me.ranges.map(\.description).joined(separator: " "))  ·  "
                + "\(partnerName): \(finder.partner.zone.identifier) \(finder.partner.ranges.map(\.description).joined(separator: " "))",
            width: width, hanging: "  ", styling: style.dim)
        guard !windows.isEmpty else {
            text += TextLayout.paragraph(
                "No shared free time in \(days == 1 ? "that day" : "these \(days) days"): your free hours never meet. "
                    + "Try stretching one range by an hour on each side, or swap a weekday evening for a weekend morning.", width: width)
            return text
        }
        let myWidth = windows.map { TextLayout.columns(LocalClock.span($0, in: finder.me.zone)) }.max() ?? 0
        let partnerWidth = windows.map { TextLayout.columns(LocalClock.span($0, in: finder.partner.zone)) }.max() ?? 0
        for window in windows {
            let mine = TextLayout.pad(LocalClock.span(window, in: finder.me.zone), to: myWidth)
            let theirs = TextLayout.pad(LocalClock.span(window, in: finder.partner.zone), to: partnerWidth)
            text += TextLayout.paragraph(
                style.color(mine, .cyan) + " \(myName)  ·  \(theirs) \(partnerName)  ·  " + style.bold(LocalClock.duration(window.minutes)),
                width: width, indent: "  ", hanging: "    ")
        }
        let total = windows.reduce(0) { $0 + $1.minutes }
        text += TextLayout.paragraph(
            "\(windows.count) window\(windows.count == 1 ? "" : "s"), \(LocalClock.duration(total)) in all. "
                + "Put one in both calendars now, before the week fills up.", width: width)
        return text
    }

    /// The report as JSON: zones, the first day, the number of days and each
    /// window in UTC and in both local times.
    public func json() throws -> String {
        struct Window: Encodable {
            var start: String, end: String, minutes: Int
            var myStart: String, myEnd: String, partnerStart: String, partnerEnd: String
        }
        struct Document: Encodable {
            var me: String, partner: String, from: String, days: Int, windows: [Window]
        }
        let me = finder.me.zone, partner = finder.partner.zone
        let document = Document(
            me: me.identifier, partner: partner.identifier, from: from.description, days: days,
            windows: windows.map { window in
                Window(
                    start: LocalClock.utc(window.start), end: LocalClock.utc(window.end), minutes: window.minutes,
                    myStart: LocalClock.iso(window.start, in: me), myEnd: LocalClock.iso(window.end, in: me),
                    partnerStart: LocalClock.iso(window.start, in: partner), partnerEnd: LocalClock.iso(window.end, in: partner))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return TerminalText.escapingJSON(String(decoding: try encoder.encode(document), as: UTF8.self))
    }
}

/// Dates and times written the same way on every machine, whatever the locale.
enum LocalClock {
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func parts(_ date: Date, in zone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
    }

    /// `Mon 23 Mar`.
    static func dayLabel(_ day: LocalDay) -> String { day.label() }

    /// `Mon 23 Mar 18:00–23:00`, with `(+1)` when the end falls on a later day.
    static func span(_ window: CallWindow, in zone: TimeZone) -> String {
        let start = parts(window.start, in: zone), end = parts(window.end, in: zone)
        let startDay = LocalDay(window.start, in: zone)
        var endDay = LocalDay(window.end, in: zone)
        var endClock = String(format: "%02d:%02d", end.hour ?? 0, end.minute ?? 0)
        if endClock == "00:00", endDay > startDay {
            endClock = "24:00"
            endDay = endDay.adding(days: -1)
        }
        var later = 0
        var day = startDay
        while day < endDay { day = day.adding(days: 1); later += 1 }
        let suffix = later > 0 ? " (+\(later))" : ""
        return "\(dayLabel(startDay)) " + String(format: "%02d:%02d", start.hour ?? 0, start.minute ?? 0) + "–\(endClock)\(suffix)"
    }

    /// `2026-03-23T18:00:00+01:00`: the local clock and its offset from UTC.
    static func iso(_ date: Date, in zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset) / 60
        return clock(date, in: zone) + sign + String(format: "%02d:%02d", magnitude / 60, magnitude % 60)
    }

    /// `2026-03-23T17:00:00Z`.
    static func utc(_ date: Date) -> String {
        clock(date, in: TimeZone(secondsFromGMT: 0)!) + "Z"
    }

    private static func clock(_ date: Date, in zone: TimeZone) -> String {
        let p = parts(date, in: zone)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0, p.second ?? 0)
    }

    /// `5h`, `45m`, `1h 30m`.
    static func duration(_ minutes: Int) -> String {
        switch (minutes / 60, minutes % 60) {
        case (0, let m): "\(m)m"
        case (let h, 0): "\(h)h"
        case (let h, let m): "\(h)h \(m)m"
        }
    }
}
