import Foundation
import TandemJournal
import TandemKit
import Testing

/// A fresh folder for one test's journal.
func temporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-journal-\(UUID().uuidString)", isDirectory: true)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

let fixedNow = LocalDateTimeForTests.date("2026-11-20T21:30:00Z")
let utc = TimeZone(identifier: "UTC")!

enum LocalDateTimeForTests {
    static func date(_ text: String) -> Date { try! Date.ISO8601FormatStyle().parse(text) }
}

func openJournal(_ folder: URL, now: Date = fixedNow) throws -> Journal {
    try Journal.open(at: folder.appendingPathComponent("journal.sqlite"), timeZone: utc, clock: { now })
}

func mode(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? NSNumber)?.intValue ?? -1
}

@Suite struct StoreTests {
    @Test func createsAPrivateFolderAndFile() throws {
        let root = temporaryFolder()
        let folder = root.appendingPathComponent("nested/tandem", isDirectory: true)
        let journal = try openJournal(folder)
        try journal.addNote("hello")
        #expect(mode(folder.path) == 0o700)
        for suffix in ["", "-wal", "-shm"] {
            let path = journal.url.path + suffix
            if FileManager.default.fileExists(atPath: path) { #expect(mode(path) == 0o600, "\(path)") }
        }
        #expect(FileManager.default.fileExists(atPath: journal.url.path + "-wal"))
    }

    @Test func refusesAFileThatIsNotSQLiteAndLeavesItUntouched() throws {
        let folder = temporaryFolder()
        let url = folder.appendingPathComponent("journal.sqlite")
        let bytes = Data("my diary, not a database\n".utf8)
        try bytes.write(to: url)
        #expect(throws: CommandFailure.self) { try openJournal(folder) }
        #expect(try Data(contentsOf: url) == bytes)
        #expect(!FileManager.default.fileExists(atPath: url.path + "-wal"))
    }

    @Test func refusesAnotherSQLiteDatabaseAndLeavesItUntouched() throws {
        let folder = temporaryFolder()
        let url = folder.appendingPathComponent("journal.sqlite")
        // Make a foreign SQLite file with a journal of our own, then rewrite
        // its header's application id to zero and add a table: simplest is
        // to copy a database made by another program. Build one by hand:
        let other = try Journal.open(at: folder.appendingPathComponent("other.sqlite"), timeZone: utc, clock: { fixedNow })
        try other.close()
        var data = try Data(contentsOf: folder.appendingPathComponent("other.sqlite"))
        data.replaceSubrange(68..<72, with: [0, 0, 0, 7])  // someone else's application id
        try data.write(to: url)
        let before = try Data(contentsOf: url)
        let error = #expect(throws: CommandFailure.self) { try openJournal(folder) }
        #expect(error?.message.contains("not a Tandem journal") == true)
        #expect(try Data(contentsOf: url) == before)
    }

    @Test func refusesANewerSchemaVersion() throws {
        let folder = temporaryFolder()
        let journal = try openJournal(folder)
        try journal.addNote("from the future")
        try journal.close()
        var data = try Data(contentsOf: journal.url)
        data.replaceSubrange(60..<64, with: [0, 0, 0, 99])  // user_version 99
        try data.write(to: journal.url)
        let before = try Data(contentsOf: journal.url)
        let error = #expect(throws: CommandFailure.self) { try openJournal(folder) }
        #expect(error?.message.contains("newer Tandem") == true)
        #expect(try Data(contentsOf: journal.url) == before)
    }

    @Test func reopeningKeepsEverythingAndDoesNotMigrateAgain() throws {
        let folder = temporaryFolder()
        let first = try openJournal(folder)
        try first.adopt("daily.gratitude", title: "Thanks", cadence: .daily)
        let author = first.author
        try first.close()
        let second = try openJournal(folder)
        #expect(second.author == author)
        #expect(try second.habits().map(\.id) == ["daily.gratitude"])
        #expect(try second.integrityCheck() == "ok")
    }

    @Test func marksUndoAndCorrections() throws {
        let journal = try openJournal(temporaryFolder())
        try journal.adopt("daily.gratitude", title: "Thanks", cadence: .daily, on: LocalDay(parsing: "2026-11-01"))
        let day = LocalDay(parsing: "2026-11-19")!
        let first = try journal.record(mark: .done, for: "daily.gratitude", date: day)
        #expect(first.event != nil)
        #expect(try journal.record(mark: .done, for: "daily.gratitude", date: day).event == nil)
        let corrected = try journal.record(mark: .skipped, for: "daily.gratitude", date: day)
        #expect(corrected.previous == .done)
        #expect(corrected.event?.refersTo == first.event?.id)
        #expect(try journal.history(of: "daily.gratitude").mark(on: day) == .skipped)
        let (undo, undone) = try journal.undo("daily.gratitude", date: day)
        #expect(undone == .skipped)
        #expect(undo.refersTo == corrected.event?.id)
        #expect(try journal.history(of: "daily.gratitude").mark(on: day) == DayMark.none)
        #expect(throws: CommandFailure.self) { try journal.undo("daily.gratitude", date: day) }
    }

    @Test func refusesFutureDatesAndUnadoptedHabitsWritingNothing() throws {
        let journal = try openJournal(temporaryFolder())
        try journal.adopt("daily.gratitude", title: "Thanks", cadence: .daily)
        let count = try journal.eventCount()
        #expect(throws: CommandFailure.self) {
            try journal.record(mark: .done, for: "daily.gratitude", date: LocalDay(parsing: "2026-11-21"))
        }
        #expect(throws: CommandFailure.self) { try journal.record(mark: .done, for: "daily.nothing") }
        #expect(throws: CommandFailure.self) { try journal.adopt("x.y", title: "x", cadence: .timesPer(times: 8, days: 7)) }
        #expect(throws: CommandFailure.self) { try journal.addCheckIn(connection: 11, appreciation: "x") }
        #expect(throws: CommandFailure.self) { try journal.setProfile(myTimeZone: "Mars/Olympus") }
        #expect(try journal.eventCount() == count)
    }

    @Test func statsComputeFromTheTracks() throws {
        let journal = try openJournal(temporaryFolder())
        try journal.adopt("daily.gratitude", title: "Thanks", cadence: .daily, on: LocalDay(parsing: "2026-10-01"))
        let today = journal.today
        for offset in 0..<20 { try journal.record(mark: .done, for: "daily.gratitude", date: today.adding(days: -offset)) }
        try journal.addCheckIn(connection: 7, appreciation: "dinner")
        let stats = try journal.stats()
        #expect(stats.habits.count == 1)
        #expect(abs(stats.habits[0].strength - 0.65575) < 1e-5)
        #expect(stats.habits[0].currentStreak == 20)
        #expect(stats.habits[0].bestStreak == 20)
        #expect(stats.habits[0].doneLast30 == 20)
        #expect(stats.checkIns.count == 1)
        #expect(stats.checkIns.recent.map(\.connection) == [7])
        // As of an earlier day, later marks are ignored.
        let earlier = try journal.stats(asOf: today.adding(days: -10))
        #expect(earlier.habits[0].currentStreak == 10)
    }

    @Test func moduleRecordsAreNamespaced() throws {
        let journal = try openJournal(temporaryFolder())
        let trust = journal.recordStore(moduleID: "trust")
        let other = journal.recordStore(moduleID: "other")
        let promise = ModuleRecord(kind: "promise", date: LocalDay(parsing: "2026-11-20")!, fields: ["text": "call your mother"])
        try trust.append(promise)
        try trust.append(ModuleRecord(kind: "kept", date: LocalDay(parsing: "2026-11-21")!, refersTo: promise.id))
        #expect(try trust.records(kind: nil).map(\.kind) == ["promise", "kept"])
        let stored = try #require(try trust.records(kind: "promise").first)
        #expect(stored.id == promise.id && stored.fields == promise.fields && stored.date == promise.date)
        // Times are kept to the millisecond.
        #expect(abs(stored.createdAt.timeIntervalSince(promise.createdAt)) < 0.001)
        #expect(try other.records(kind: nil).isEmpty)
    }

    @Test func profileAndCards() throws {
        let journal = try openJournal(temporaryFolder())
        try journal.setProfile(myName: "Alex", myTimeZone: "europe/berlin")
        try journal.setProfile(partnerName: "Sam", partnerTimeZone: "America/New_York")
        let profile = try journal.profile()
        #expect(profile == Profile(myName: "Alex", partnerName: "Sam", myTimeZone: "Europe/Berlin", partnerTimeZone: "America/New_York"))
        #expect(Journal.readProfile(at: journal.url) == profile)
        try journal.recordCardShown("daily#1")
        try journal.recordCardShown("daily#2")
        try journal.recordCardShown("daily#1")
        #expect(try journal.recentCardIDs(limit: 5) == ["daily#1", "daily#2"])
    }

    @Test func notesSearchAndTags() throws {
        let journal = try openJournal(temporaryFolder())
        try journal.addNote("Dinner at the lake", tags: ["Travel", "#food"])
        try journal.addNote("Quiet evening", date: LocalDay(parsing: "2026-11-01"))
        #expect(try journal.events(matching: EventFilter(tag: "travel")).count == 1)
        #expect(try journal.events(matching: EventFilter(search: "LAKE")).count == 1)
        #expect(try journal.events(matching: EventFilter(since: LocalDay(parsing: "2026-11-10"))).count == 1)
        #expect(try journal.events(matching: EventFilter(tag: "food")).first?.tags == ["travel", "food"])
    }

    @Test func exportImportRoundTripIsLosslessAndIdempotent() throws {
        let source = try openJournal(temporaryFolder())
        try source.adopt("daily.gratitude", title: "Thanks", cadence: .daily, on: LocalDay(parsing: "2026-10-01"))
        try source.adopt("custom.walk", title: "Walk, \"together\"", cadence: .weekdays([.monday, .friday]), on: LocalDay(parsing: "2026-10-01"))
        let today = source.today
        for offset in 0..<40 where offset % 3 != 0 {
            try source.record(mark: offset % 7 == 0 ? .skipped : .done, for: "daily.gratitude", date: today.adding(days: -offset))
        }
        try source.record(mark: .done, for: "custom.walk", date: today, note: "by the river,\nslowly")
        try source.undo("daily.gratitude", date: today.adding(days: -1))
        try source.addCheckIn(connection: 8, appreciation: "patience", note: "long day")
        try source.addNote("ünïcödé ✓ note", tags: ["t"])
        try source.recordStore(moduleID: "trust").append(ModuleRecord(kind: "promise", date: today, fields: ["text": "x"]))
        let expected = try source.stats()

        for format in ExportFormat.allCases {
            let data = try source.export(format: format)
            let target = try openJournal(temporaryFolder())
            try target.continueAs(author: source.author)
            let summary = try target.importEvents(from: data)
            #expect(summary.added == (try source.eventCount()))
            #expect(try target.stats() == expected, "\(format)")
            #expect(try target.allEvents() == source.allEvents(), "\(format)")
            let again = try target.importEvents(from: data)
            #expect(again.added == 0)
            #expect(try target.eventCount() == source.eventCount())
        }
    }

    @Test func aBadImportWritesNothing() throws {
        let journal = try openJournal(temporaryFolder())
        try journal.addNote("keep me")
        let good = try journal.export(format: .json)
        var text = String(decoding: good, as: UTF8.self)
        text = text.replacingOccurrences(of: "\"date\" : \"2026-11-20\"", with: "\"date\" : \"not a date\"")
        let target = try openJournal(temporaryFolder())
        #expect(throws: CommandFailure.self) { try target.importEvents(from: Data(text.utf8)) }
        #expect(throws: CommandFailure.self) { try target.importEvents(from: Data("garbage".utf8)) }
        #expect(try target.eventCount() == 0)
    }

    @Test func eventsAreAppendOnly() throws {
        let journal = try openJournal(temporaryFolder())
        try journal.addNote("forever")
        #expect(try journal.integrityCheck() == "ok")
        #expect(try journal.eventCount() == 1)
    }
}

import GRDB

@Suite struct MigrationTests {
    @Test func migratesASchemaOneJournalToTheCurrentVersion() throws {
        let folder = temporaryFolder()
        let journal = try openJournal(folder)
        try journal.addCheckIn(connection: 6, appreciation: "a")
        try journal.addCheckIn(connection: 8, appreciation: "b")
        try journal.close()
        // Take the file back to schema 1, as an older Tandem left it.
        let queue = try DatabaseQueue(path: journal.url.path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TABLE checkin_point; PRAGMA user_version = 1")
        }
        try queue.close()
        let reopened = try openJournal(folder)
        let stats = try reopened.stats()
        #expect(stats.checkIns.count == 2)
        #expect(stats.checkIns.average == 7)
        try reopened.close()
        let check = try DatabaseQueue(path: journal.url.path)
        #expect(try check.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == Journal.schemaVersion)
        #expect(try check.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test func readingAnUpToDateJournalWritesNothing() throws {
        let folder = temporaryFolder()
        let journal = try openJournal(folder)
        try journal.addNote("x")
        try journal.close()
        let before = try Data(contentsOf: journal.url)
        let reader = try openJournal(folder)
        _ = try reader.stats()
        _ = try reader.profile()
        #expect(!FileManager.default.fileExists(atPath: journal.url.path + "-wal")
            || ((try? FileManager.default.attributesOfItem(atPath: journal.url.path + "-wal")[.size] as? Int) ?? 0) == 0)
        try reader.close()
        #expect(try Data(contentsOf: journal.url) == before)
    }
}

@Suite struct ForeignFileTests {
    @Test func anotherProgramsEmptyDatabaseIsNotATandemJournal() throws {
        let folder = temporaryFolder()
        let url = folder.appendingPathComponent("journal.sqlite")
        let queue = try DatabaseQueue(path: url.path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = 7") }
        try queue.close()
        let before = try Data(contentsOf: url)
        let error = #expect(throws: CommandFailure.self) { try openJournal(folder) }
        #expect(error?.message.contains("is not a Tandem journal") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("newer Tandem") == false)
        #expect(try Data(contentsOf: url) == before)
    }

    @Test func timeZonesTheTzDatabaseNamesAreAcceptedAsTyped() throws {
        for name in ["Etc/UTC", "Etc/GMT+5", "EST", "UTC", "GMT", "Europe/Berlin"] {
            #expect(try Journal.validTimeZone(name) == name)
        }
        #expect(try Journal.validTimeZone("europe/berlin") == "Europe/Berlin")
        #expect(throws: CommandFailure.self) { try Journal.validTimeZone("Mars/Olympus") }
        #expect(throws: CommandFailure.self) { try Journal.validTimeZone("") }
        let journal = try openJournal(temporaryFolder())
        let profile = try journal.setProfile(myTimeZone: "UTC", partnerTimeZone: "Etc/GMT+5")
        #expect(profile.myTimeZone == "UTC")
        #expect(profile.partnerTimeZone == "Etc/GMT+5")
    }
}

@Suite struct CardDrawStoreTests {
    @Test func recentDrawsAreKeptPerDeckNewestFirstWithoutRepeats() throws {
        let journal = try openJournal(temporaryFolder())
        for id in ["daily#1", "trust#4", "daily#2", "daily#1"] { try journal.recordCardShown(id) }
        try journal.recordTipShown("daily#9")
        #expect(try journal.recentDraws(.card) == ["daily": ["daily#1", "daily#2"], "trust": ["trust#4"]])
        #expect(try journal.recentDraws(.card, limit: 1) == ["daily": ["daily#1"], "trust": ["trust#4"]])
        #expect(try journal.recentDraws(.tip) == ["daily": ["daily#9"]])
        #expect(try journal.lastCardShown() == "daily#1")
    }

    @Test func aFavouriteIsKeptOnce() throws {
        let journal = try openJournal(temporaryFolder())
        #expect(try journal.keepFavourite(cardID: "play#3", prompt: "What song makes you dance?"))
        #expect(try !journal.keepFavourite(cardID: "play#3", prompt: "What song makes you dance?"))
        #expect(try journal.keepFavourite(cardID: "daily#0", prompt: "What was the best five minutes of your day?"))
        #expect(try journal.favourites().map(\.cardID) == ["play#3", "daily#0"])
        #expect(try journal.favourites().first?.moduleID == "play")
    }
}
