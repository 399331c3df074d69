import Foundation
import Testing

/// Imports are checked like typed input, conflicts are refused loudly, and
/// odd dates are refused everywhere: through the built binary.
@Suite struct ImportSafetyTests {
    let home = makeTemporaryHome("tandem-import-safety")
    var journalPath: String { home.appendingPathComponent("journal.sqlite").path }

    func run(_ args: [String]) -> TandemRun {
        runTandem(args, environment: ["TANDEM_NOW": "2026-11-20T21:30:00"], home: home)
    }

    func write(_ text: String, _ name: String) throws -> String {
        let url = home.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func checkin(_ id: String, _ connection: String) -> String {
        #"{"id": "\#(id)", "author": "a", "device": "d", "createdAt": "2026-11-20T21:30:00.000Z", "date": "2026-11-20", "kind": "checkin", "payload": {"connection": \#(connection), "appreciation": "x"}}"#
    }

    func file(_ events: [String]) -> String {
        #"{"format": "tandem-journal", "version": 1, "events": [\#(events.joined(separator: ","))]}"#
    }

    @Test func aHugeConnectionIsRefusedNotACrash() throws {
        #expect(run(["note", "keep me"]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: journalPath))
        for connection in ["1e19", "999", "-5"] {
            let path = try write(file([checkin(UUID().uuidString.lowercased(), connection)]), "bad.json")
            let result = run(["import", path])
            #expect(result.status == 2, "\(connection): \(result.stderr)")
            #expect(result.stderr.contains("connection must be"), "\(result.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: journalPath)) == before)
        #expect(run(["journal"]).stdout.contains("999") == false)
    }

    @Test func aConflictingIDIsRefusedWithExitCode1AndChangesNoByte() throws {
        let id = UUID().uuidString.lowercased()
        let first = try write(file([checkin(id, "7")]), "first.json")
        #expect(run(["import", first]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: journalPath))
        let second = try write(file([checkin(UUID().uuidString.lowercased(), "5"), checkin(id, "8")]), "second.json")
        let result = run(["import", second])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("conflict"))
        #expect(result.stderr.contains(id))
        #expect(try Data(contentsOf: URL(fileURLWithPath: journalPath)) == before)
        let again = run(["import", first])
        #expect(again.stdout.contains("Imported 0 new events (1 already present)"), "\(again.stdout)")
    }

    @Test func invalidUTF8IsRefusedWithTheOffset() throws {
        var data = Data(file([checkin(UUID().uuidString.lowercased(), "7")]).utf8)
        data.insert(0xFF, at: 10)
        let url = home.appendingPathComponent("bad.json")
        try data.write(to: url)
        let result = run(["import", url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("byte offset 10"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: journalPath))
    }

    @Test func doneOnTheYearOneIsRefused() throws {
        #expect(run(["adopt", "daily.gratitude"]).status == 0)
        let ancient = run(["done", "daily.gratitude", "--date", "0001-01-01"])
        #expect(ancient.status == 2)
        #expect(ancient.stderr.contains("1970-01-01 to 9999-12-31"), "\(ancient.stderr)")
        let forced = run(["done", "daily.gratitude", "--date", "0001-01-01", "--force"])
        #expect(forced.status == 2)
        let before = run(["done", "daily.gratitude", "--date", "2026-11-19"])
        #expect(before.status == 2)
        #expect(before.stderr.contains("--since 2026-11-19"), "\(before.stderr)")
        #expect(run(["done", "daily.gratitude", "--date", "2026-11-19", "--force"]).status == 0)
        #expect(run(["adopt", "daily.gratitude", "--since", "2024-01-01"]).status == 0)
        let old = run(["skip", "daily.gratitude", "--date", "2025-01-01"])
        #expect(old.status == 2)
        #expect(old.stderr.contains("more than a year ago"), "\(old.stderr)")
        #expect(run(["skip", "daily.gratitude", "--date", "2025-01-01", "--force"]).status == 0)
    }

    @Test func overlapFromOutsideTheSupportedYearsIsRefused() {
        for date in ["0001-01-01", "1969-12-31", "10000-01-01"] {
            let result = run(["overlap", "--me", "Europe/Berlin", "18-23", "--partner", "Asia/Tokyo", "06-09", "--from", date])
            #expect(result.status == 2, "\(date)")
            #expect(result.stderr.contains("1970-01-01 to 9999-12-31"), "\(date): \(result.stderr)")
        }
    }
}

