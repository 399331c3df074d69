import Foundation
import Testing

/// The journal's subcommands, run through the built binary.
@Suite struct JournalCommandTests {
    let home = makeTemporaryHome("tandem-journal-e2e")
    var journalPath: String { home.appendingPathComponent("journal.sqlite").path }

    func run(_ args: [String], stdin: String? = nil, now: String = "2026-11-20T21:30:00") -> TandemRun {
        runTandem(args, stdin: stdin, environment: ["TANDEM_NOW": now], home: home)
    }

    func statsJSON(_ home: URL? = nil) throws -> [String: Any] {
        let result = runTandem(["stats", "--json"], home: home ?? self.home)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func adoptDoneSkipUndoAndStats() throws {
        #expect(run(["adopt", "daily.gratitude", "--since", "2026-11-01"]).status == 0)
        let custom = run(["adopt", "custom.morning_walk", "--since", "2026-11-01", "--title", "Morning walk together", "--every", "3/7"])
        #expect(custom.status == 0)
        #expect(custom.stdout.contains("Morning walk together"))
        for day in 1...20 {
            let result = run(["done", "daily.gratitude", "--date", String(format: "2026-11-%02d", day)])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let again = run(["done", "daily.gratitude", "--date", "2026-11-20"])
        #expect(again.stdout.contains("already"))
        #expect(run(["skip", "daily.gratitude", "--date", "2026-11-15"]).status == 0)
        #expect(run(["done", "daily.gratitude", "--date", "2026-11-15", "--note", "thanked Sam for dinner"]).status == 0)
        #expect(run(["undo", "daily.gratitude", "--date", "2026-11-20"]).status == 0)
        let stats = try statsJSON()
        #expect(stats["asOf"] as? String == "2026-11-20")
        let habits = try #require(stats["habits"] as? [[String: Any]])
        let gratitude = try #require(habits.first { $0["id"] as? String == "daily.gratitude" })
        #expect(gratitude["cadence"] as? String == "1/1")
        #expect(gratitude["currentStreak"] as? Int == 19)
        #expect(gratitude["bestStreak"] as? Int == 19)
        #expect(gratitude["doneLast30"] as? Int == 19)
        let m = pow(0.5, 1.0 / 13)
        let expected = (1 - pow(m, 19)) * m
        #expect(abs((gratitude["strength"] as? Double ?? -1) - expected) < 1e-9)
        let walk = try #require(habits.first { $0["id"] as? String == "custom.morning_walk" })
        #expect(walk["cadence"] as? String == "3/7")

        let text = run(["stats"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("# done  ~ skipped  . missed  - not due"))
        // Habits younger than four weeks get the overview row, not yet a heatmap.
        #expect(!text.stdout.contains("Mon"))
        #expect(text.stdout.contains("--long shows them now"))
        #expect(run(["stats", "--long"]).stdout.contains("Mon"))
        #expect(text.stdout.contains("19 days now"))
        #expect(!text.stdout.contains("\u{1B}["))  // no colour when not a terminal

        let asOf = run(["stats", "--json", "--as-of", "2026-11-10"])
        #expect(asOf.stdout.contains("\"asOf\" : \"2026-11-10\""))
    }

    @Test func badInputExitsTwoAndWritesNothing() throws {
        #expect(run(["adopt", "daily.gratitude"]).status == 0)
        let before = run(["journal", "--json"]).stdout

        let unknown = run(["adopt", "daily.gratitud"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'daily.gratitude'"))
        let unknownDone = run(["done", "daily.gratitud"])
        #expect(unknownDone.status == 2)
        #expect(unknownDone.stderr.contains("did you mean 'daily.gratitude'"))
        for cadence in ["0/7", "8/7", "often"] {
            let result = run(["adopt", "custom.x", "--title", "X", "--every", cadence])
            #expect(result.status == 2, "\(cadence)")
            #expect(result.stderr.contains("invalid cadence"), "\(cadence)")
        }
        #expect(run(["adopt", "custom.x"]).status == 2)  // no title
        let future = run(["done", "daily.gratitude", "--date", "2026-11-21"])
        #expect(future.status == 2)
        #expect(future.stderr.contains("in the future"))
        let garbled = run(["done", "daily.gratitude", "--date", "2026-02-30"])
        #expect(garbled.status == 2)
        #expect(garbled.stderr.contains("is not a date"))
        #expect(run(["undo", "daily.gratitude"]).status == 2)
        #expect(run(["checkin", "--connection", "11", "--appreciation", "x"]).status == 2)
        #expect(run(["checkin"], stdin: "eleven\n").status == 2)
        #expect(run(["note", " "]).status == 2)
        #expect(run(["profile", "set", "--my-zone", "Europe/Berln"]).stderr.contains("Europe/Berlin"))
        #expect(run(["profile", "set", "--my-zone", "Europe/Berln"]).status == 2)
        #expect(run(["stats", "--as-of", "yesterday-ish"]).status == 2)
        #expect(run(["drop", "custom.never_adopted"]).status == 2)

        #expect(run(["journal", "--json"]).stdout == before)
    }

    @Test func todayShowsDueAndAtRisk() throws {
        #expect(run(["adopt", "daily.gratitude", "--since", "2026-11-01"]).status == 0)
        #expect(run(["done", "daily.gratitude", "--date", "2026-11-19"]).status == 0)
        let today = run(["today"])
        #expect(today.status == 0)
        #expect(today.stdout.contains("daily.gratitude"))
        // Joined across lines: "at risk" may wrap at the terminal's width.
        #expect(today.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("at risk"))
        let json = run(["today", "--json"])
        #expect(json.stdout.contains("\"atRisk\" : true"))
        #expect(run(["done", "daily.gratitude"]).status == 0)
        #expect(run(["today", "--json"]).stdout.contains("\"atRisk\" : false"))
    }

    @Test func checkinFromAPipeAndFromFlags() throws {
        let piped = run(["checkin"], stdin: "7\nSam made dinner\nlong week\n")
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.contains("connection 7/10"))
        let flags = run(["checkin", "--connection", "9", "--appreciation", "patience"], now: "2026-11-21T09:00")
        #expect(flags.status == 0)
        let journal = run(["journal"], now: "2026-11-21T09:00")
        #expect(journal.stdout.contains("connection 7/10; appreciates: Sam made dinner; long week"))
        #expect(journal.stdout.contains("connection 9/10; appreciates: patience"))
        let stats = run(["stats"], now: "2026-11-21T09:00")
        #expect(stats.stdout.contains("▆▇"))
        #expect(try statsJSON().description.contains("count"))
    }

    @Test func notesAndJournalFilters() throws {
        #expect(run(["note", "Dinner", "at", "the", "lake", "--tag", "travel"]).status == 0)
        #expect(run(["note", "Quiet evening", "--date", "2026-11-01"]).status == 0)
        let all = run(["journal"])
        #expect(all.stdout.contains("Dinner at the lake #travel"))
        #expect(all.stdout.components(separatedBy: "\n").first?.hasPrefix("2026-11-01") == true)
        #expect(run(["journal", "--tag", "travel"]).stdout.contains("lake"))
        #expect(!run(["journal", "--tag", "travel"]).stdout.contains("Quiet"))
        #expect(run(["journal", "--search", "QUIET"]).stdout.contains("Quiet evening"))
        #expect(!run(["journal", "--since", "2026-11-10"]).stdout.contains("Quiet"))
        #expect(!run(["journal", "--until", "2026-11-10"]).stdout.contains("lake"))
        let json = run(["journal", "--json"])
        let events = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(events.count == 2)
        #expect(events.allSatisfy { $0["id"] != nil && $0["author"] != nil && $0["device"] != nil && $0["createdAt"] != nil })
    }

    @Test func dropKeepsHistory() throws {
        #expect(run(["adopt", "daily.gratitude"]).status == 0)
        #expect(run(["done", "daily.gratitude"]).status == 0)
        let drop = run(["drop", "daily.gratitude"])
        #expect(drop.status == 0)
        #expect(drop.stdout.contains("history is kept"))
        #expect((try statsJSON()["habits"] as? [Any])?.isEmpty == true)
        #expect(run(["journal", "--search", "daily.gratitude"]).stdout.contains("done"))
        #expect(run(["done", "daily.gratitude"]).status == 2)
    }

    @Test func profileSetAndShow() throws {
        let set = run(["profile", "set", "--my-name", "Alex", "--partner-name", "Sam", "--my-zone", "Europe/Berlin", "--partner-zone", "America/New_York"])
        #expect(set.status == 0, "\(set.stderr)")
        let show = run(["profile"])
        #expect(show.stdout.contains("Alex"))
        #expect(show.stdout.contains("America/New_York"))
        #expect(run(["profile", "--json"]).stdout.contains("\"partnerName\" : \"Sam\""))
    }

    @Test func exportImportRoundTrip() throws {
        #expect(run(["adopt", "daily.gratitude", "--since", "2026-11-01"]).status == 0)
        #expect(run(["adopt", "custom.walk", "--since", "2026-11-01", "--title", "Walk", "--every", "mon,wed,fri"]).status == 0)
        for day in [3, 4, 5, 6, 9, 11, 13, 16, 18] {
            #expect(run(["done", "daily.gratitude", "--date", String(format: "2026-11-%02d", day)]).status == 0)
            #expect(run(["done", "custom.walk", "--date", String(format: "2026-11-%02d", day)]).status == 0)
        }
        #expect(run(["skip", "daily.gratitude", "--date", "2026-11-10"]).status == 0)
        #expect(run(["checkin", "--connection", "6", "--appreciation", "a, \"quoted\" thing"]).status == 0)
        #expect(run(["note", "line one\nline two", "--tag", "x"]).status == 0)
        let original = try statsJSON()

        for format in ["json", "csv"] {
            let file = home.appendingPathComponent("export.\(format)")
            let export = run(["export", "--format", format, "--output", file.path])
            #expect(export.status == 0, "\(export.stderr)")
            let mode = (try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber)?.intValue
            #expect(mode == 0o600)
            let other = makeTemporaryHome("tandem-import")
            let imported = runTandem(["import", "--restore", file.path], home: other)
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stdout.contains("Imported"))
            let copy = try statsJSON(other)
            #expect(NSDictionary(dictionary: copy) == NSDictionary(dictionary: original), "\(format)")
            let again = runTandem(["import", file.path], home: other)
            #expect(again.stdout.contains("Imported 0 new events"))
        }
        let stdout = run(["export", "--format", "csv"])
        #expect(stdout.stdout.hasPrefix("id,author,device,created_at,date,kind,subject,refers_to,payload"))
    }

    @Test func badImportFileIsRefused() throws {
        let bad = home.appendingPathComponent("bad.json")
        try Data("{\"format\": \"something else\", \"version\": 1, \"events\": []}".utf8).write(to: bad)
        let result = run(["import", bad.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("not a Tandem export"))
        #expect(!FileManager.default.fileExists(atPath: journalPath))
        #expect(run(["import", home.appendingPathComponent("missing.json").path]).status == 2)
    }

    @Test func foreignFileIsRefusedAndLeftUntouched() throws {
        let bytes = Data("SQLite format 3\0 but really a text file that is long enough to have a header..........................................".utf8)
        try bytes.write(to: URL(fileURLWithPath: journalPath))
        let result = run(["note", "hello"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("not a Tandem journal"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: journalPath)) == bytes)
        let text = Data("just text".utf8)
        try text.write(to: URL(fileURLWithPath: journalPath))
        #expect(run(["stats"]).status == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: journalPath)) == text)
    }

    @Test func moduleRecordsLandInTheJournalUnderTheModuleID() throws {
        let promise = run(["promise", "add", "call your mother on Sunday", "--due", "2026-11-22"])
        #expect(promise.status == 0, "\(promise.stderr)")
        let json = run(["journal", "--json"])
        let events = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(events.count == 1)
        #expect(events.first?["kind"] as? String == "record")
        #expect(events.first?["subject"] as? String == "trust")
        #expect(run(["promise", "list"]).stdout.contains("call your mother"))
    }

    @Test func tzDatabaseNamesAreAcceptedAndShownAsTyped() throws {
        for (zone, partner) in [("Etc/UTC", "Etc/GMT+5"), ("UTC", "EST")] {
            let set = run(["profile", "set", "--my-zone", zone, "--partner-zone", partner])
            #expect(set.status == 0, "\(set.stderr)")
            let shown = run(["profile"]).stdout
            #expect(shown.contains("time zone \(zone)\n"), "\(shown)")
            #expect(shown.contains("time zone \(partner)\n"), "\(shown)")
        }
        #expect(!run(["profile"]).stdout.contains("GMT\n"))
    }

    @Test func readOnlyCommandsDoNotCreateTheJournal() throws {
        #expect(run(["today"]).status == 0)
        #expect(run(["stats", "--json"]).status == 0)
        #expect(run(["journal"]).status == 0)
        #expect(run(["profile"]).status == 0)
        #expect(run(["--help"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: journalPath))
        let before = try FileManager.default.attributesOfItem(atPath: home.path)[.posixPermissions] as? NSNumber
        #expect(run(["note", "now it exists"]).status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: journalPath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        // The test made the folder: Tandem never changes the mode of a folder it did not create.
        let folder = try FileManager.default.attributesOfItem(atPath: home.path)
        #expect(folder[.posixPermissions] as? NSNumber == before)
    }
}
