import Foundation
import Testing
import TandemKit
import LongDistance

@Suite struct LongDistanceTests {
    let module = LongDistanceModule()

    // MARK: Content

    @Test func manifestNamesTheModule() {
        #expect(module.manifest.id == "longdistance")
        #expect(module.manifest.version == "1.0.0")
    }

    @Test func requiredPracticesExist() {
        let ids = Set(module.practices.map(\.id))
        for required in ["longdistance.stay_connected", "longdistance.set_aside_time", "longdistance.active_listening"] {
            #expect(ids.contains(required), "missing \(required)")
        }
        #expect((4...6).contains(module.practices.count))
    }

    @Test func exposesTheCommandAndFunction() {
        #expect(module.commands.map { $0.configuration.commandName } == ["overlap"])
        #expect(module.functions.map(\.name) == ["overlap"])
        #expect(module.functions.first?.arity == 4...4)
        #expect(OverlapCommand.configuration.discussion.contains("tandem overlap --me"))
    }

    // MARK: Hour ranges

    @Test(arguments: [
        ("18-23", 18 * 60, 23 * 60),
        ("07:30-09", 7 * 60 + 30, 9 * 60),
        ("7-9:15", 7 * 60, 9 * 60 + 15),
        ("22-24", 22 * 60, 1440),
        ("0-24", 0, 1440),
        ("22-02", 22 * 60, 1440 + 2 * 60),
        ("23:45-00:15", 23 * 60 + 45, 1440 + 15),
        ("18-00", 18 * 60, 1440),
    ])
    func parsesRanges(text: String, start: Int, end: Int) throws {
        let range = try HourRange(parsing: text)
        #expect(range.startMinute == start)
        #expect(range.endMinute == end)
    }

    @Test(arguments: ["25-3", "abc", "18-", "-18", "18-18", "24-02", "18:5-20", "18:60-20", "7-9-11", "18--23", "", "１８-23"])
    func rejectsMalformedRanges(text: String) {
        let error = #expect(throws: CallWindowError.self) { try HourRange(parsing: text) }
        #expect(error?.message.contains("'\(text)'") == true, "message should quote the text: \(error?.message ?? "")")
        #expect(error?.message.contains("expected") == true)
    }

    @Test func malformedRangeMessagesSayWhatIsWrong() {
        #expect((try? HourRange(parsing: "25-3")) == nil)
        let hour = #expect(throws: CallWindowError.self) { try HourRange(parsing: "25-3") }
        #expect(hour?.message.contains("'25' is not a start time") == true)
        let end = #expect(throws: CallWindowError.self) { try HourRange(parsing: "18-") }
        #expect(end?.message.contains("end time is missing") == true)
    }

    // MARK: The finder

    static let berlin = TimeZone(identifier: "Europe/Berlin")!
    static let newYork = TimeZone(identifier: "America/New_York")!

    func finder(_ myZone: TimeZone, _ mine: [String], _ partnerZone: TimeZone, _ theirs: [String]) throws -> CallWindowFinder {
        CallWindowFinder(
            me: FreeTime(zone: myZone, ranges: try mine.map { try HourRange(parsing: $0) }),
            partner: FreeTime(zone: partnerZone, ranges: try theirs.map { try HourRange(parsing: $0) }))
    }

    func utc(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }

    @Test func weekAcrossEuropeanDSTSwitch() throws {
        // New York moved to EDT on 8 March 2026; Berlin moves to CEST on 29 March.
        let windows = try finder(Self.berlin, ["18-23"], Self.newYork, ["12-18"])
            .windows(from: LocalDay(parsing: "2026-03-23")!, days: 7)
        #expect(windows.count == 7)
        // Before the switch: Berlin 18-23 CET is 17-22 UTC; New York 12-18 EDT is 16-22 UTC.
        #expect(windows.first == CallWindow(start: utc("2026-03-23T17:00:00Z"), end: utc("2026-03-23T22:00:00Z")))
        #expect(windows[5] == CallWindow(start: utc("2026-03-28T17:00:00Z"), end: utc("2026-03-28T22:00:00Z")))
        // After: Berlin 18-23 CEST is 16-21 UTC, so the window moves an hour earlier.
        #expect(windows.last == CallWindow(start: utc("2026-03-29T16:00:00Z"), end: utc("2026-03-29T21:00:00Z")))
        #expect(windows.allSatisfy { $0.minutes == 300 })
    }

    @Test func briefExampleTouchesButNeverOverlaps() throws {
        // Berlin 18-23 against New York 07-12: before the switch New York's
        // noon is 17:00 in Berlin; after it, the two ranges only touch at 18:00.
        let windows = try finder(Self.berlin, ["18-23"], Self.newYork, ["07-12"])
            .windows(from: LocalDay(parsing: "2026-03-23")!, days: 7)
        #expect(windows.isEmpty)
        // Widening New York by an hour shows the shift: nothing before the
        // switch, one hour on the 29th.
        let wider = try finder(Self.berlin, ["18-23"], Self.newYork, ["07-13"])
            .windows(from: LocalDay(parsing: "2026-03-23")!, days: 7)
        #expect(wider == [CallWindow(start: utc("2026-03-29T16:00:00Z"), end: utc("2026-03-29T17:00:00Z"))])
    }

    @Test func rangeWrappingPastMidnight() throws {
        let windows = try finder(Self.berlin, ["22-02"], Self.newYork, ["16-20"])
            .windows(from: LocalDay(parsing: "2026-03-23")!, days: 2)
        #expect(windows == [
            // Sunday night's free time carries into Monday 00:00-01:00 Berlin.
            CallWindow(start: utc("2026-03-22T23:00:00Z"), end: utc("2026-03-23T00:00:00Z")),
            // Monday 22:00 to Tuesday 01:00 Berlin is New York 17:00-20:00.
            CallWindow(start: utc("2026-03-23T21:00:00Z"), end: utc("2026-03-24T00:00:00Z")),
            // The last night is kept whole, past the end of the two days.
            CallWindow(start: utc("2026-03-24T21:00:00Z"), end: utc("2026-03-25T00:00:00Z")),
        ])
    }

    @Test func roundTheClockFreeTimeStopsADayPastTheSpan() throws {
        let windows = try finder(Self.berlin, ["0-24"], Self.newYork, ["00-24"])
            .windows(from: LocalDay(parsing: "2026-03-23")!, days: 2)
        #expect(windows == [CallWindow(start: utc("2026-03-22T23:00:00Z"), end: utc("2026-03-25T23:00:00Z"))])
    }

    @Test func rangesWithMinutes() throws {
        let london = TimeZone(identifier: "Europe/London")!
        let windows = try finder(london, ["07:30-09"], Self.berlin, ["8-9:15"])
            .windows(from: LocalDay(parsing: "2026-01-12")!, days: 1)
        #expect(windows == [CallWindow(start: utc("2026-01-12T07:30:00Z"), end: utc("2026-01-12T08:15:00Z"))])
        #expect(windows.first?.minutes == 45)
    }

    @Test func severalRangesAndMerging() throws {
        let windows = try finder(Self.berlin, ["07-08", "18-21", "20-23"], Self.newYork, ["01-03", "12-15", "15-18"])
            .windows(from: LocalDay(parsing: "2026-03-23")!, days: 1)
        #expect(windows == [
            CallWindow(start: utc("2026-03-23T06:00:00Z"), end: utc("2026-03-23T07:00:00Z")),
            CallWindow(start: utc("2026-03-23T17:00:00Z"), end: utc("2026-03-23T22:00:00Z")),
        ])
    }

    @Test func mergeAndIntersectAreExact() {
        let t = { (hour: Double) in Date(timeIntervalSince1970: hour * 3600) }
        let merged = CallWindowFinder.merge([
            DateInterval(start: t(5), end: t(6)), DateInterval(start: t(1), end: t(2)), DateInterval(start: t(2), end: t(3)),
        ])
        #expect(merged == [DateInterval(start: t(1), end: t(3)), DateInterval(start: t(5), end: t(6))])
        let shared = CallWindowFinder.intersect(merged, [DateInterval(start: t(0), end: t(1)), DateInterval(start: t(2.5), end: t(5.5))])
        #expect(shared == [DateInterval(start: t(2.5), end: t(3)), DateInterval(start: t(5), end: t(5.5))])
    }

    // MARK: The command

    func run(_ arguments: [String], now: String = "2026-03-20T12:00:00Z", profile: Profile = Profile()) throws -> String {
        let output = CapturedOutput()
        let context = ModuleContext(now: utc(now), timeZone: Self.berlin, profile: profile, output: output)
        var command = try OverlapCommand.parse(arguments)
        try command.run(in: context)
        return output.text
    }

    func failure(_ arguments: [String], profile: Profile = Profile()) -> CommandFailure? {
        #expect(throws: CommandFailure.self) { _ = try run(arguments, profile: profile) }
    }

    @Test func commandPrintsBothLocalTimes() throws {
        let text = try run(["--me", "Europe/Berlin", "18-23", "--partner", "America/New_York", "12-18", "--from", "2026-03-23"])
        #expect(text.contains("Mon 23 Mar 18:00–23:00 you  ·  Mon 23 Mar 13:00–18:00 partner  ·  5h"), "\(text)")
        #expect(text.contains("Sun 29 Mar 18:00–23:00 you  ·  Sun 29 Mar 12:00–17:00 partner  ·  5h"), "\(text)")
        #expect(text.contains("7 windows, 35h in all"))
    }

    @Test func commandShowsWrapAndNames() throws {
        let text = try run(
            ["--me", "22-02", "--partner", "16-20", "--from", "2026-03-23", "--days", "1"],
            profile: Profile(myName: "Sam", partnerName: "Alex", myTimeZone: "Europe/Berlin", partnerTimeZone: "America/New_York"))
        #expect(text.contains("Mon 23 Mar 22:00–01:00 (+1) Sam  ·  Mon 23 Mar 17:00–20:00 Alex  ·  3h"), "\(text)")
    }

    @Test func commandSaysSoWhenNothingOverlaps() throws {
        let text = try run(["--me", "Europe/Berlin", "18-23", "--partner", "America/New_York", "07-12", "--from", "2026-03-23"])
        #expect(text.contains("No shared free time in these 7 days"), "\(text)")
    }

    @Test func commandWritesJSON() throws {
        let text = try run(["--me", "Europe/Berlin", "18-23", "--partner", "America/New_York", "12-18", "--from", "2026-03-23", "--json"])
        struct Window: Decodable {
            var start: String, end: String, minutes: Int, myStart: String, myEnd: String, partnerStart: String, partnerEnd: String
        }
        struct Document: Decodable { var me: String, partner: String, from: String, days: Int, windows: [Window] }
        let document = try JSONDecoder().decode(Document.self, from: Data(text.utf8))
        #expect(document.me == "Europe/Berlin")
        #expect(document.partner == "America/New_York")
        #expect(document.from == "2026-03-23")
        #expect(document.days == 7)
        #expect(document.windows.count == 7)
        let first = try #require(document.windows.first), last = try #require(document.windows.last)
        #expect(first.start == "2026-03-23T17:00:00Z")
        #expect(first.end == "2026-03-23T22:00:00Z")
        #expect(first.minutes == 300)
        #expect(first.myStart == "2026-03-23T18:00:00+01:00")
        #expect(first.partnerStart == "2026-03-23T13:00:00-04:00")
        #expect(first.partnerEnd == "2026-03-23T18:00:00-04:00")
        #expect(last.start == "2026-03-29T16:00:00Z")
        #expect(last.end == "2026-03-29T21:00:00Z")
        #expect(last.myStart == "2026-03-29T18:00:00+02:00")
        #expect(last.myEnd == "2026-03-29T23:00:00+02:00")
        #expect(last.partnerStart == "2026-03-29T12:00:00-04:00")
    }

    @Test func fromDefaultsToTodayInMyZone() throws {
        // 23:30 UTC on the 22nd is already the 23rd in Berlin.
        let text = try run(["--me", "Europe/Berlin", "18-23", "--partner", "America/New_York", "12-18", "--json"], now: "2026-03-22T23:30:00Z")
        #expect(text.contains("\"from\" : \"2026-03-23\""), "\(text)")
    }

    @Test func unknownZoneSuggestsCloseIDs() {
        let typo = failure(["--me", "Europe/Berln", "18-23", "--partner", "America/New_York", "12-18"])
        #expect(typo?.message.contains("unknown time zone 'Europe/Berln'") == true, "\(typo?.message ?? "")")
        #expect(typo?.message.contains("'Europe/Berlin'") == true)
        #expect(typo?.exitCode == 2)
        let city = failure(["--me", "Europe/Berlin", "18-23", "--partner", "new york", "12-18"])
        #expect(city?.message.contains("'America/New_York'") == true, "\(city?.message ?? "")")
    }

    @Test func commandRejectsBadInput() {
        let range = failure(["--me", "Europe/Berlin", "25-3", "--partner", "America/New_York", "12-18"])
        #expect(range?.message.contains("malformed range '25-3'") == true)
        let date = failure(["--me", "Europe/Berlin", "18-23", "--partner", "America/New_York", "12-18", "--from", "2026-02-30"])
        #expect(date?.message.contains("bad date '2026-02-30'") == true)
        let form = failure(["--me", "Europe/Berlin", "18-23", "--partner", "America/New_York", "12-18", "--from", "23/03/2026"])
        #expect(form?.message.contains("YYYY-MM-DD") == true)
        let days = failure(["--me", "Europe/Berlin", "18-23", "--partner", "America/New_York", "12-18", "--days", "0"])
        #expect(days?.message.contains("--days") == true)
        let noHours = failure(["--me", "Europe/Berlin", "--partner", "America/New_York", "12-18"])
        #expect(noHours?.message.contains("give the hours you are free") == true)
        let noPartner = failure(["--me", "Europe/Berlin", "18-23"])
        #expect(noPartner?.message.contains("--partner") == true)
    }

    @Test func missingZoneIsAClearError() {
        let error = failure(["--me", "18-23", "--partner", "America/New_York", "12-18"])
        #expect(error?.message.contains("no time zone for you") == true, "\(error?.message ?? "")")
        let partner = failure(["--me", "18-23", "--partner", "12-18"], profile: Profile(myTimeZone: "Europe/Berlin"))
        #expect(partner?.message.contains("no time zone for your partner") == true)
    }

    // MARK: The routine function

    @Test func routineFunctionListsWindowsForTheWeek() throws {
        let context = ModuleContext(now: utc("2026-03-23T08:00:00Z"), timeZone: Self.berlin)
        let value = try LongDistanceModule.overlapFunction.body(
            [.string("Europe/Berlin"), .string("18-23"), .string("America/New_York"), .list([.string("12-15"), .string("15-18")])], context)
        guard case .list(let items) = value else {
            Issue.record("expected a list, got \(value)")
            return
        }
        #expect(items.count == 7)
        #expect(items.first == .string("Mon 23 Mar 18:00–23:00 Europe/Berlin = Mon 23 Mar 13:00–18:00 America/New_York (5h)"))
        #expect(items.last == .string("Sun 29 Mar 18:00–23:00 Europe/Berlin = Sun 29 Mar 12:00–17:00 America/New_York (5h)"))
    }

    @Test func routineFunctionReportsBadArguments() {
        let context = ModuleContext(now: utc("2026-03-23T08:00:00Z"))
        let body = LongDistanceModule.overlapFunction.body
        let zone = #expect(throws: RoutineFunctionError.self) {
            _ = try body([.string("Mars/Olympus"), .string("18-23"), .string("UTC"), .string("12-18")], context)
        }
        #expect(zone?.message.contains("unknown time zone") == true)
        let range = #expect(throws: RoutineFunctionError.self) {
            _ = try body([.string("Europe/Berlin"), .string("18-"), .string("UTC"), .string("12-18")], context)
        }
        #expect(range?.message.contains("malformed range '18-'") == true)
        #expect(throws: RoutineFunctionError.self) {
            _ = try body([.string("Europe/Berlin"), .integer(18), .string("UTC"), .string("12-18")], context)
        }
    }
}
