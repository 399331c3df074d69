import Foundation
@testable import TandemJournal
import TandemKit
import Testing

/// A JSON export holding these event objects (JSON text each).
func exportFile(_ events: [String]) -> Data {
    Data(#"{"format": "tandem-journal", "version": 1, "events": [\#(events.joined(separator: ","))]}"#.utf8)
}

/// One event as JSON text.
func eventJSON(
    id: String = UUID().uuidString.lowercased(), kind: String = "note", date: String = "2026-11-20",
    subject: String? = nil, payload: String = #"{"text": "hello", "tags": []}"#, extra: String = ""
) -> String {
    let subjectField = subject.map { #", "subject": "\#($0)""# } ?? ""
    return #"{"id": "\#(id)", "author": "a", "device": "d", "createdAt": "2026-11-20T21:30:00.000Z", "date": "\#(date)", "kind": "\#(kind)"\#(subjectField), "payload": \#(payload)\#(extra)}"#
}

/// The file's bytes (compared whole: stronger than comparing hashes).
func fileDigest(_ url: URL) throws -> Data { try Data(contentsOf: url) }

@Suite struct ImportValidationTests {
    @Test(arguments: ["1e19", "999", "-5", "0", "7.5", "\"7\"", "null", "1e400"])
    func refusesAConnectionACheckinCouldNotHave(connection: String) throws {
        let journal = try openJournal(temporaryFolder())
        let file = exportFile([eventJSON(kind: "checkin", payload: #"{"connection": \#(connection), "appreciation": "x"}"#)])
        let error = #expect(throws: CommandFailure.self) { try journal.importEvents(from: file) }
        #expect(error?.message.contains("event 1") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("connection") == true)
        #expect(error?.exitCode == ExitStatus.usage)
        #expect(try journal.eventCount() == 0)
    }

    @Test func acceptsAWholeConnectionWrittenAsADecimal() throws {
        let journal = try openJournal(temporaryFolder())
        try journal.importEvents(from: exportFile([eventJSON(kind: "checkin", payload: #"{"connection": 7.0, "appreciation": "x"}"#)]))
        // The fixture's entries are by author "a", not this journal's owner.
        #expect(try journal.stats(author: "a").checkIns.recent.map(\.connection) == [7])
    }

    @Test(arguments: [
        (#"{"title": "T", "cadence": "8/7"}"#, "adopt", "cadence"),
        (#"{"title": "T", "cadence": "often"}"#, "adopt", "cadence"),
        (#"{"title": "", "cadence": "daily"}"#, "adopt", "title"),
        (#"{"title": "a\u001b]0;pwned\u0007", "cadence": "daily"}"#, "adopt", "control character"),
        (#"{"cadence": "daily"}"#, "adopt", "title"),
        (#"{"text": ""}"#, "note", "empty"),
        (#"{"text": 5}"#, "note", "not text"),
        (#"{"text": "x", "tags": ["a\nb"]}"#, "note", "tag"),
        (#"{"myTimeZone": "Mars/Olympus"}"#, "profile", "time zone"),
        (#"{"myName": "\u0008\u0008"}"#, "profile", "control character"),
    ])
    func refusesPayloadsTheCommandsWouldRefuse(payload: String, kind: String, words: String) throws {
        let journal = try openJournal(temporaryFolder())
        let file = exportFile([eventJSON(kind: kind, subject: kind == "adopt" ? "custom.x" : nil, payload: payload)])
        let error = #expect(throws: CommandFailure.self) { try journal.importEvents(from: file) }
        #expect(error?.message.contains(words) == true, "\(error?.message ?? "")")
        #expect(try journal.eventCount() == 0)
    }

    @Test(arguments: [
        (eventJSON(id: "not-a-uuid"), "not a UUID"),
        (eventJSON(date: "0001-01-01"), "1970-01-01 to 9999-12-31"),
        (eventJSON(date: "2026-12-25"), "in the future"),
        (eventJSON(kind: "done", payload: "{}"), "subject"),
        (eventJSON(kind: "undo", subject: "daily.x", payload: "{}"), "refersTo"),
        (eventJSON(kind: "Bad Kind"), "kind"),
        (eventJSON(extra: #", "mood": 3"#), "unknown field 'mood'"),
    ])
    func refusesEventsNoCommandWrites(event: String, words: String) throws {
        let journal = try openJournal(temporaryFolder())
        let error = #expect(throws: CommandFailure.self) { try journal.importEvents(from: exportFile([event])) }
        #expect(error?.message.contains(words) == true, "\(error?.message ?? "")")
    }

    @Test(arguments: ["0", "-1", "1.5", "\"1\""])
    func refusesAVersionThatIsNotAPositiveWholeNumber(version: String) throws {
        let journal = try openJournal(temporaryFolder())
        let file = Data(#"{"format": "tandem-journal", "version": \#(version), "events": []}"#.utf8)
        let error = #expect(throws: CommandFailure.self) { try journal.importEvents(from: file) }
        #expect(error?.message.contains("version") == true)
    }

    @Test func unknownFieldsAndNumbersSurviveARoundTripExactly() throws {
        let payload = #"{"text": "x", "tags": [], "a": 1.0, "b": -0.0, "c": 12345678901234567890, "d": 1e-7, "e": {"nested": [0.10, true, null]}}"#
        let event = eventJSON(payload: payload)
        let first = try openJournal(temporaryFolder())
        try first.importEvents(from: exportFile([event]))
        for format in ExportFormat.allCases {
            let exported = try first.export(format: format)
            let text = String(decoding: exported, as: UTF8.self)
            for literal in ["1.0", "-0.0", "12345678901234567890", "1e-7", "0.10"] {
                #expect(text.contains(literal), "\(format) lost \(literal)")
            }
            let second = try openJournal(temporaryFolder())
            // The same owner (a restore), so the export names the same author.
            try second.continueAs(author: first.author)
            try second.importEvents(from: exported)
            #expect(try second.allEvents() == first.allEvents(), "\(format)")
            // And again: an export of the re-imported journal is the same.
            #expect(try second.export(format: format) == exported)
        }
    }

    @Test func anIDRepeatedWithOtherContentInTheFileIsAConflict() throws {
        let id = UUID().uuidString.lowercased()
        let journal = try openJournal(temporaryFolder())
        try journal.addNote("keep me")
        let before = try fileDigest(journal.url)
        let file = exportFile([eventJSON(id: id), eventJSON(id: UUID().uuidString.lowercased()), eventJSON(id: id, payload: #"{"text": "other"}"#)])
        let error = #expect(throws: CommandFailure.self) { try journal.importEvents(from: file) }
        #expect(error?.exitCode == ExitStatus.refused)
        #expect(error?.message.contains("conflict") == true)
        #expect(error?.message.contains(id) == true)
        #expect(error?.message.contains("event 1") == true, "\(error?.message ?? "")")
        #expect(try journal.eventCount() == 1)
        #expect(try fileDigest(journal.url) == before)
    }

    @Test func anIDRepeatedIdenticallyIsAlreadyPresent() throws {
        let event = eventJSON()
        let journal = try openJournal(temporaryFolder())
        let summary = try journal.importEvents(from: exportFile([event, event]))
        #expect(summary.total == 2)
        #expect(summary.added == 1)
        #expect(summary.alreadyPresent == 1)
    }

    @Test func anIDTheJournalHoldsWithOtherContentIsAConflictAndChangesNoByte() throws {
        let journal = try openJournal(temporaryFolder())
        let note = try journal.addNote("mine")
        try journal.close()
        let reopened = try openJournal(journal.url.deletingLastPathComponent())
        let before = try fileDigest(journal.url)
        let walBefore = try? fileDigest(URL(fileURLWithPath: journal.url.path + "-wal"))
        let file = exportFile([eventJSON(), eventJSON(id: note.id.uuidString.lowercased(), payload: #"{"text": "theirs", "tags": []}"#)])
        let error = #expect(throws: CommandFailure.self) { try reopened.importEvents(from: file) }
        #expect(error?.exitCode == ExitStatus.refused)
        #expect(error?.message.contains(note.id.uuidString.lowercased()) == true)
        #expect(error?.message.contains("note") == true)
        #expect(try reopened.eventCount() == 1)
        #expect(try fileDigest(journal.url) == before)
        #expect((try? fileDigest(URL(fileURLWithPath: journal.url.path + "-wal"))) == walBefore)
    }

    @Test func invalidUTF8IsRefusedWithItsOffset() throws {
        var data = exportFile([eventJSON(payload: #"{"text": "caf!"}"#)])
        let offset = try #require(data.firstIndex(of: UInt8(ascii: "!")))
        data[offset] = 0xE9
        let journal = try openJournal(temporaryFolder())
        let error = #expect(throws: CommandFailure.self) { try journal.importEvents(from: data) }
        #expect(error?.message.contains("UTF-8") == true)
        #expect(error?.message.contains("byte offset \(offset)") == true, "\(error?.message ?? "")")
    }

    @Test func csvRoundTripsHostileText() throws {
        let hostile = ["a\r\nb", "lone\rcarriage", "quote \" and, comma", "\"", ",", "\n", "tab\there", "ünï ✓ 👩‍❤️‍👨", " padded "]
        let source = try openJournal(temporaryFolder())
        try source.adopt("custom.walk", title: "Walk, \"together\"", cadence: .daily)
        for text in hostile {
            try source.addNote(text.replacingOccurrences(of: "\r", with: "") + " x", tags: ["t,1", "q\"2"])
        }
        let records = source.recordStore(moduleID: "trust")
        for text in hostile { try records.append(ModuleRecord(kind: "promise", date: source.today, fields: ["text": text])) }
        let csv = try source.export(format: .csv)
        let target = try openJournal(temporaryFolder())
        let summary = try target.importEvents(from: csv)
        #expect(summary.added == (try source.eventCount()))
        #expect(try target.allEvents() == source.allEvents())
        #expect(try target.export(format: .csv) == csv)
    }

    @Test func csvQuotesAFieldWithCRLF() {
        // "\r\n" is one Character, equal to neither "\r" nor "\n": quoting must look at scalars.
        for field in ["card\r\none", "cr\ronly", "lf\nonly"] {
            #expect(CSV.quote(field) == "\"" + field + "\"")
            #expect(CSV.parse("h\r\n" + CSV.quote(field) + "\r\n") == [["h"], [field]])
        }
    }
}

@Suite struct JSONTextTests {
    @Test(arguments: [
        (#"{"a": 1, "a": 2}"#, "twice"),
        (String(repeating: "[", count: 200) + String(repeating: "]", count: 200), "nested"),
        (#"{"a": "\ud800"}"#, "surrogate"),
        (#"{"a": 01}"#, "number"),
        (#"{"a": "x"} trailing"#, "expected ','"),
        ("{\"a\": \"\u{1}\"}", "control character"),
    ])
    func refusesWhatIsNotStrictJSON(text: String, words: String) throws {
        let journal = try openJournal(temporaryFolder())
        let file = Data(#"{"format": "tandem-journal", "version": 1, "events": [{"id": "x", "payload": \#(text)}]}"#.utf8)
        let error = #expect(throws: CommandFailure.self) { try journal.importEvents(from: file) }
        #expect(error?.message.contains(words) == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("at byte") == true)
    }

    @Test func numbersKeepTheirText() {
        #expect(JSONNumber(text: "-0.0")?.text == "-0.0")
        #expect(JSONNumber(text: "12345678901234567890")?.intValue == nil)
        #expect(JSONNumber(text: "1e19")?.intValue == nil)
        #expect(JSONNumber(text: "7.0")?.intValue == 7)
        #expect(JSONNumber(text: "1.") == nil)
        #expect(JSONNumber(text: "+1") == nil)
        #expect(JSONNumber(text: "NaN") == nil)
    }
}

@Suite struct MarkReachTests {
    @Test func refusesAMarkBeforeTheAdoptionUnlessForced() throws {
        let journal = try openJournal(temporaryFolder())
        try journal.adopt("daily.gratitude", title: "Thanks", cadence: .daily, on: LocalDay(parsing: "2026-11-10"))
        let before = LocalDay(parsing: "2026-11-09")!
        let error = #expect(throws: CommandFailure.self) { try journal.record(mark: .done, for: "daily.gratitude", date: before) }
        #expect(error?.message.contains("--since 2026-11-09") == true, "\(error?.message ?? "")")
        #expect(try journal.record(mark: .done, for: "daily.gratitude", date: before, force: true).event != nil)
    }

    @Test func refusesAMarkMoreThanAYearAgoUnlessForced() throws {
        let journal = try openJournal(temporaryFolder())
        try journal.adopt("daily.gratitude", title: "Thanks", cadence: .daily, on: LocalDay(parsing: "2020-01-01"))
        let old = LocalDay(parsing: "2025-01-01")!
        let error = #expect(throws: CommandFailure.self) { try journal.record(mark: .done, for: "daily.gratitude", date: old) }
        #expect(error?.message.contains("more than a year ago") == true)
        #expect(try journal.record(mark: .done, for: "daily.gratitude", date: old, force: true).event != nil)
        #expect(try journal.record(mark: .done, for: "daily.gratitude", date: LocalDay(parsing: "2026-01-01")).event != nil)
    }

    @Test func adoptingFromAnEarlierDayMovesTheStart() throws {
        let journal = try openJournal(temporaryFolder())
        try journal.adopt("daily.gratitude", title: "Thanks", cadence: .daily)
        let outcome = try journal.adopt("daily.gratitude", title: "Thanks", cadence: .daily, on: LocalDay(parsing: "2026-11-01"))
        guard case .adopted(let habit) = outcome else { Issue.record("\(outcome)"); return }
        #expect(habit.adoptedOn == LocalDay(parsing: "2026-11-01"))
        #expect(try journal.record(mark: .done, for: "daily.gratitude", date: LocalDay(parsing: "2026-11-02")).event != nil)
    }

    @Test func yearsOutside1970To9999AreNotDates() {
        #expect(LocalDay(parsing: "0001-01-01") == nil)
        #expect(LocalDay(parsing: "1969-12-31") == nil)
        #expect(LocalDay(parsing: "1970-01-01") != nil)
        #expect(LocalDay(parsing: "9999-12-31") != nil)
        #expect(LocalDay(parsingAnyYear: "0001-01-01") != nil)
    }
}

@Suite struct FuzzSeedTests {
    /// The importer fuzzer's seeds are real exports: they stay importable,
    /// and re-exporting them is a fixed point, as the fuzzer requires.
    @Test func theSeedsImportAndReexportToTheSameBytes() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("bench/fuzz-seeds/import")
        let seeds = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        #expect(seeds.count >= 3)
        let today = LocalDay(parsing: "2026-11-20")!
        for seed in seeds {
            let data = try Data(contentsOf: seed)
            #expect(try JournalExport.validate(data, today: today) > 0, "\(seed.lastPathComponent)")
            for format in ExportFormat.allCases {
                let once = try JournalExport.reexport(data, format: format, today: today)
                #expect(try JournalExport.reexport(once, format: format, today: today) == once, "\(seed.lastPathComponent) \(format)")
            }
        }
    }
}
