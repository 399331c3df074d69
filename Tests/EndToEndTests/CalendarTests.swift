import Foundation
import Testing

/// `tandem schedule export --ics`, read back by PyPI's `icalendar` and
/// `recurring-ical-events` (in the venv scripts/test makes), against the runs
/// `tandem schedule --json --count N` lists; and `scripts/install`.
@Suite struct CalendarTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let home = makeTemporaryHome("tandem-calendar")
    static let now = "2026-12-02T20:00:00Z"

    @discardableResult
    func run(_ args: [String], zone: String = "Europe/Berlin", now: String = CalendarTests.now) -> TandemRun {
        runTandem(args, environment: ["TANDEM_NOW": now, "TZ": zone], home: home, directory: home)
    }

    /// Saved routines with schedules every day, on weekdays, in another zone,
    /// in a DST gap and fold, and a title that needs escaping and folding.
    func writeRoutines() throws {
        let folder = home.appendingPathComponent("routines")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
            # evening.routine: wind down, together; a title with commas, semicolons; back\\slashes and ünïcödé, long enough to fold
            routine evening() { say "hi" }
            routine call() { say "call" }
            routine early() { say "early" }
            every day at 21:30 run evening
            every mon, thu at 20:00 run evening
            every day at 02:30 run early
            every day at 01:30 in America/New_York run call
            """.write(to: folder.appendingPathComponent("evening.routine"), atomically: true, encoding: .utf8)
        #expect(run(["adopt", "daily.gratitude", "--remind", "07:15"]).status == 0)
    }

    func export() throws -> (text: String, path: URL) {
        try writeRoutines()
        let path = home.appendingPathComponent("tandem.ics")
        let result = run(["schedule", "export", "--ics", "--output", path.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Wrote 5 events"))
        let mode = try FileManager.default.attributesOfItem(atPath: path.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        return (try String(contentsOf: path, encoding: .utf8), path)
    }

    @Test func linesAreCRLFFoldedAt75OctetsAndTextIsEscaped() throws {
        let (text, _) = try export()
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "a bare LF")
        for line in lines { #expect(line.utf8.count <= 75, "\(line.utf8.count) octets: \(line)") }
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains(
            "SUMMARY:wind down\\, together\\; a title with commas\\, semicolons\\; back\\\\slashes and ünïcödé\\, long enough to fold\r\n"))
        #expect(unfolded.contains("DESCRIPTION:Time for Say one specific thank-you. Run: tandem done daily.gratitude\r\n"))
        #expect(unfolded.contains("DTSTART;TZID=America/New_York:20261202T013000\r\n"))
        #expect(unfolded.contains("RRULE:FREQ=WEEKLY;BYDAY=MO,TH\r\n"))
        #expect(unfolded.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:PT0S\r\n"))
        // Exporting again gives the same events (the same UIDs), so importing again updates them.
        let again = run(["schedule", "export", "--ics"]).stdout
        func uids(_ text: String) -> [Substring] { text.split(separator: "\r\n").filter { $0.hasPrefix("UID:") } }
        #expect(uids(again) == uids(text))
        #expect(Set(uids(text)).count == 5)
    }

    @Test func icalendarReadsItAndRecurringEventsGivesTheRunsTandemLists() throws {
        guard let python = ProcessInfo.processInfo.environment["TANDEM_ICAL_PYTHON"] else {
            Issue.record("TANDEM_ICAL_PYTHON is not set: run the tests with scripts/test, which makes the venv with icalendar")
            return
        }
        let (_, path) = try export()
        // A year that crosses the EU and US switches of 2027 (and the US one of November).
        let start = "2026-12-02T20:00:00Z", end = "2027-12-02T20:00:00Z"
        let read = Spawn.run(python, [Self.repository.appendingPathComponent("scripts/ical-occurrences").path, path.path, start, end],
                             environment: ProcessInfo.processInfo.environment, directory: home, stdin: "", timeout: 120)
        #expect(read.status == 0, "\(String(decoding: read.stderr, as: UTF8.self))")
        let occurrences = try #require(try JSONSerialization.jsonObject(with: read.stdout) as? [String: [String]])
        let listed = run(["schedule", "--json", "--count", "400"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count == 5)
        for entry in entries {
            let name = try #require(entry["name"] as? String)
            let runs = (entry["nextRuns"] as? [String] ?? []).filter { $0 >= start && $0 < end }
            let uid = try #require(occurrences.keys.first { $0.hasPrefix(name + ".") }, "no event for \(name)")
            #expect(occurrences[uid] == runs, "\(name): the calendar and tandem schedule disagree")
        }
    }

    /// The events keep their UIDs from the first export on, even when the
    /// first habit (and so the journal) comes later, and a later export has
    /// a higher SEQUENCE, so that a calendar app updates the events.
    @Test func eventsKeepTheirIdsAndLaterExportsAreNewerRevisions() throws {
        let folder = home.appendingPathComponent("routines")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "routine evening() { say \"hi\" }\nevery day at 21:30 run evening\n"
            .write(to: folder.appendingPathComponent("evening.routine"), atomically: true, encoding: .utf8)
        func fields(_ text: String, _ name: String) -> [Substring] {
            text.split(separator: "\r\n").filter { $0.hasPrefix(name + ":") }.map { $0.dropFirst(name.count + 1) }
        }
        let first = run(["schedule", "export", "--ics"])
        #expect(first.status == 0, "\(first.stderr)")
        let uid = try #require(fields(first.stdout, "UID").first)
        #expect(run(["adopt", "daily.gratitude", "--remind", "07:15"]).status == 0)
        let later = run(["schedule", "export", "--ics"], now: "2026-12-03T08:00:00Z")
        #expect(later.status == 0, "\(later.stderr)")
        #expect(fields(later.stdout, "UID").count == 2)
        #expect(fields(later.stdout, "UID").contains(uid), "the routine's event changed its UID when the journal was made")
        let before = try #require(fields(first.stdout, "SEQUENCE").first.flatMap { Int($0) })
        let after = try #require(fields(later.stdout, "SEQUENCE").first.flatMap { Int($0) })
        #expect(after > before)
    }

    /// RFC 5545 has no empty calendar: with nothing scheduled, nothing is
    /// written, and the message says how to schedule something.
    @Test func nothingScheduledWritesNoCalendar() throws {
        let path = home.appendingPathComponent("tandem.ics")
        let result = run(["schedule", "export", "--ics", "--output", path.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("there are no schedules or habit reminders, so there is no calendar to write"))
        #expect(!FileManager.default.fileExists(atPath: path.path))
        #expect(run(["schedule", "export", "--ics"]).stdout.isEmpty)
    }

    @Test func aRefusedOutputSaysWhy() throws {
        try writeRoutines()
        let folder = home.appendingPathComponent("routines")
        let result = run(["schedule", "export", "--ics", "--output", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no calendar was written: \(folder.path) is a folder, not a file"))
        #expect(run(["schedule", "export"]).stderr.contains("--ics"))
    }

    @Test func scriptsInstallPutsTheBinaryManPageAndCompletionsInPlace() throws {
        guard let manual = ProcessInfo.processInfo.environment["TANDEM_GENERATE_MANUAL"] else {
            Issue.record("TANDEM_GENERATE_MANUAL is not set: run the tests with scripts/test, which builds generate-manual")
            return
        }
        let prefix = home.appendingPathComponent("prefix")
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment["TANDEM_INSTALL_FROM"] = tandemBinaryURL().path
        environment["TANDEM_GENERATE_MANUAL"] = manual
        for _ in 0..<2 {  // twice: it replaces what it installed
            let result = Spawn.run("/bin/bash", [Self.repository.appendingPathComponent("scripts/install").path, prefix.path],
                                   environment: environment, directory: Self.repository, stdin: "", timeout: 120)
            #expect(result.status == 0, "\(String(decoding: result.stderr, as: UTF8.self))")
            #expect(String(decoding: result.stdout, as: UTF8.self).contains("is not on your PATH yet"))
        }
        let installed = prefix.appendingPathComponent("bin/tandem")
        let version = runTandem(["--version"], home: home, binary: installed)
        #expect(version.status == 0 && !version.stdout.isEmpty)
        let manPage = try String(contentsOf: prefix.appendingPathComponent("share/man/man1/tandem.1"), encoding: .utf8)
        #expect(manPage.contains(".Dt TANDEM 1"))
        #expect(manPage.contains("schedule"))
        for completion in ["share/bash-completion/completions/tandem", "share/zsh/site-functions/_tandem", "share/fish/vendor_completions.d/tandem.fish"] {
            let text = try String(contentsOf: prefix.appendingPathComponent(completion), encoding: .utf8)
            #expect(text.contains("tandem"), "\(completion)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: prefix.appendingPathComponent("bin").path)
        #expect(leftovers == ["tandem"])
    }
}
