import Foundation
import Testing
import TandemKit
import Trust

@Suite struct TrustTests {
    let module = TrustModule()

    // MARK: Content

    @Test func manifestNamesTheModule() {
        #expect(module.manifest.id == "trust")
        #expect(module.manifest.version == "1.0.0")
    }

    @Test func requiredPracticesExist() {
        let ids = Set(module.practices.map(\.id))
        for required in ["trust.keep_promises", "trust.own_mistakes", "trust.avoid_judgment"] {
            #expect(ids.contains(required), "missing \(required)")
        }
        #expect((4...6).contains(module.practices.count))
    }

    @Test func exposesTheCommandAndFunction() {
        #expect(module.commands.map { $0.configuration.commandName } == ["promise"])
        #expect(PromiseCommand.configuration.subcommands.map { $0.configuration.commandName } == ["add", "kept", "broken", "list"])
        #expect(module.functions.map(\.name) == ["open_promises", "promise"])
        #expect(module.functions.first?.arity == 0...0)
    }

    // MARK: The ledger through its commands

    /// 2026-03-23 10:00 in Berlin.
    static let now = try! Date("2026-03-23T09:00:00Z", strategy: .iso8601)

    struct Harness {
        let store = InMemoryRecordStore()
        let output = CapturedOutput()
        var now = TrustTests.now
        var zone = TimeZone(identifier: "Europe/Berlin")!

        var context: ModuleContext { ModuleContext(now: now, timeZone: zone, output: output, records: store) }

        func run(_ arguments: [String]) throws {
            var command = try PromiseCommand.parseAsRoot(arguments) as! any ModuleCommand
            try command.run(in: context)
        }

        func failure(_ arguments: [String]) -> CommandFailure? {
            #expect(throws: CommandFailure.self) { try run(arguments) }
        }

        func ledger() throws -> PromiseLedger { try PromiseLedger(store: store) }
    }

    static func list(_ arguments: [String], _ context: ModuleContext) throws {
        var command = try PromiseCommand.List.parse(arguments)
        try command.run(in: context)
    }

    @Test func addAppendsAPromiseRecord() throws {
        let harness = Harness()
        try harness.run(["add", "call your mother on Sunday", "--due", "2026-03-29"])
        let records = try harness.store.records(kind: nil)
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(record.kind == "promise")
        #expect(record.date == LocalDay(parsing: "2026-03-23")!)
        #expect(record.refersTo == nil)
        #expect(record.fields == ["text": "call your mother on Sunday", "due": "2026-03-29"])
        #expect(harness.output.text.contains("Promise #1 written down"))
        #expect(harness.output.text.contains("due Sun 29 Mar 2026"))
    }

    @Test(arguments: [("today", "2026-03-23"), ("Tomorrow", "2026-03-24"), ("2026-04-01", "2026-04-01")])
    func dueTakesTodayTomorrowOrADate(due: String, stored: String) throws {
        let harness = Harness()
        try harness.run(["add", "water the plants", "--due", due])
        #expect(try harness.store.records(kind: nil).first?.fields["due"] == stored)
    }

    @Test func keptAndBrokenReferToThePromise() throws {
        let harness = Harness()
        try harness.run(["add", "book the restaurant"])
        try harness.run(["add", "fix the bike light", "--due", "2026-03-25"])
        try harness.run(["kept", "1"])
        try harness.run(["broken", "#2", "--repair", "take the bike to the shop on Saturday"])
        let records = try harness.store.records(kind: nil)
        #expect(records.map(\.kind) == ["promise", "promise", "kept", "broken"])
        #expect(records[2].refersTo == records[0].id)
        #expect(records[3].refersTo == records[1].id)
        #expect(records[3].fields["repair"] == "take the bike to the shop on Saturday")
        let ledger = try harness.ledger()
        #expect(ledger.promises.map(\.status) == [.kept(on: LocalDay(parsing: "2026-03-23")!), .broken(on: LocalDay(parsing: "2026-03-23")!, repair: "take the bike to the shop on Saturday")])
        #expect(ledger.open.isEmpty)
        #expect(ledger.keepRate == 0.5)
    }

    @Test func secondOutcomeIsRejected() throws {
        let harness = Harness()
        try harness.run(["add", "water the plants"])
        try harness.run(["kept", "1"])
        let again = harness.failure(["kept", "1"])
        #expect(again?.message.contains("already marked kept") == true, "\(again?.message ?? "")")
        #expect(again?.exitCode == 2)
        let broken = harness.failure(["broken", "1"])
        #expect(broken?.message.contains("already marked kept") == true)
        #expect(try harness.store.records(kind: nil).count == 2, "a rejected command must not write")
    }

    @Test func unknownIDListsOpenPromises() throws {
        let harness = Harness()
        try harness.run(["add", "one"])
        try harness.run(["add", "two"])
        try harness.run(["add", "three"])
        try harness.run(["kept", "2"])
        let error = harness.failure(["kept", "9"])
        #expect(error?.message.contains("no promise '9'") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("open promises: 1, 3") == true, "\(error?.message ?? "")")
        let word = harness.failure(["broken", "zzzz"])
        #expect(word?.message.contains("no promise 'zzzz'") == true)
        let empty = Harness().failure(["kept", "1"])
        #expect(empty?.message.contains("no open promises") == true)
    }

    @Test func acceptsAUUIDPrefix() throws {
        let harness = Harness()
        try harness.run(["add", "plan the weekend"])
        let id = try #require(harness.store.records(kind: "promise").first?.id)
        try harness.run(["kept", String(id.uuidString.lowercased().prefix(8))])
        #expect(try harness.ledger().keptCount == 1)
    }

    @Test func badDatesAreRejected() throws {
        let harness = Harness()
        for bad in ["2026-02-30", "29-03-2026", "2026-3-29", "someday", "2026-13-01"] {
            let error = harness.failure(["add", "something", "--due", bad])
            #expect(error?.message.contains("bad due date '\(bad)'") == true, "\(error?.message ?? "")")
        }
        let empty = harness.failure(["add", "   "])
        #expect(empty?.message.contains("say what you promise") == true)
        #expect(try harness.store.records(kind: nil).isEmpty)
    }

    @Test func listFlagsOverduePromises() throws {
        let harness = Harness()
        try harness.run(["add", "send the photos", "--due", "2026-03-20"])
        try harness.run(["add", "buy flowers", "--due", "2026-03-23"])
        try harness.run(["add", "plan the trip", "--due", "2026-04-02"])
        try harness.run(["add", "no date"])
        let output = CapturedOutput()
        try Self.list([], ModuleContext(now: Self.now, timeZone: harness.zone, output: output, records: harness.store))
        let lines = output.text.split(separator: "\n").map(String.init)
        #expect(lines.contains("  #1  send the photos  (OVERDUE since Fri 20 Mar 2026)"), "\(output.text)")
        #expect(lines.contains("  #2  buy flowers  (due today)"))
        #expect(lines.contains("  #3  plan the trip  (due Thu 2 Apr 2026)"))
        #expect(lines.contains("  #4  no date"))
        #expect(output.text.contains("1 overdue"))
        #expect(output.text.contains("Keep rate: nothing kept or broken yet."))
    }

    @Test func overdueUsesTheContextTimeZone() throws {
        var harness = Harness()
        try harness.run(["add", "ring the landlord", "--due", "2026-03-22"])
        // 02:00 UTC on the 23rd: already the 23rd in Berlin, still the 22nd in New York.
        harness.now = try Date("2026-03-23T02:00:00Z", strategy: .iso8601)
        let berlin = CapturedOutput(), newYork = CapturedOutput()
        try Self.list([], ModuleContext(now: harness.now, timeZone: harness.zone, output: berlin, records: harness.store))
        try Self.list([], ModuleContext(now: harness.now, timeZone: TimeZone(identifier: "America/New_York")!, output: newYork, records: harness.store))
        #expect(berlin.text.contains("OVERDUE"))
        #expect(!newYork.text.contains("OVERDUE"))
        #expect(newYork.text.contains("due today"))
    }

    @Test func listAllShowsSettledPromisesAndKeepRate() throws {
        let harness = Harness()
        for text in ["a", "b", "c", "d"] { try harness.run(["add", "promise \(text)"]) }
        try harness.run(["kept", "1"])
        try harness.run(["kept", "2"])
        try harness.run(["broken", "3", "--repair", "say sorry and redo it"])
        let open = CapturedOutput()
        try Self.list([], harness.context.withOutput(open))
        #expect(!open.text.contains("promise a"))
        #expect(open.text.contains("#4  promise d"))
        let all = CapturedOutput()
        try Self.list(["--all"], harness.context.withOutput(all))
        #expect(all.text.contains("#1  promise a  (kept Mon 23 Mar 2026)"), "\(all.text)")
        #expect(all.text.contains("#3  promise c  (broken Mon 23 Mar 2026; repair: say sorry and redo it)"))
        #expect(all.text.contains("Keep rate: 2 of 3 settled promises kept (67%)."))
    }

    @Test func listAsJSON() throws {
        let harness = Harness()
        try harness.run(["add", "send the photos", "--due", "2026-03-20"])
        try harness.run(["add", "buy flowers"])
        try harness.run(["kept", "2"])
        let output = CapturedOutput()
        try Self.list(["--all", "--json"], harness.context.withOutput(output))
        struct Item: Decodable { var number: Int, id: String, text: String, due: String?, status: String, overdue: Bool }
        struct Document: Decodable { var open: Int, kept: Int, broken: Int, keepRate: Double?, promises: [Item] }
        let document = try JSONDecoder().decode(Document.self, from: Data(output.text.utf8))
        #expect(document.open == 1 && document.kept == 1 && document.broken == 0)
        #expect(document.keepRate == 1)
        #expect(document.promises.map(\.number) == [1, 2])
        #expect(document.promises.map(\.status) == ["open", "kept"])
        #expect(document.promises[0].overdue)
        #expect(!document.promises[1].overdue)
    }

    @Test func promiseWithoutSubcommandLists() throws {
        let harness = Harness()
        try harness.run(["add", "hang the picture"])
        try harness.run([])
        #expect(harness.output.text.contains("#1  hang the picture"))
    }

    // MARK: The pure ledger

    @Test func ledgerFoldsRecords() {
        let first = ModuleRecord(kind: "promise", date: LocalDay(parsing: "2026-03-01")!, fields: ["text": "first", "due": "2026-03-05"])
        let second = ModuleRecord(kind: "promise", date: LocalDay(parsing: "2026-03-02")!, fields: ["text": "second"])
        let records = [
            first, second,
            ModuleRecord(kind: "broken", date: LocalDay(parsing: "2026-03-06")!, refersTo: first.id),
            // A later outcome for a settled promise is ignored.
            ModuleRecord(kind: "kept", date: LocalDay(parsing: "2026-03-07")!, refersTo: first.id),
            // Records of other kinds or pointing nowhere change nothing.
            ModuleRecord(kind: "note", date: LocalDay(parsing: "2026-03-07")!, refersTo: second.id),
            ModuleRecord(kind: "kept", date: LocalDay(parsing: "2026-03-07")!, refersTo: UUID()),
        ]
        let ledger = PromiseLedger(records: records)
        #expect(ledger.promises.map(\.number) == [1, 2])
        #expect(ledger.promises[0].status == .broken(on: LocalDay(parsing: "2026-03-06")!, repair: nil))
        #expect(ledger.promises[1].status == .open)
        #expect(ledger.open.map(\.text) == ["second"])
        #expect(ledger.keepRate == 0)
        #expect(!ledger.promises[0].isOverdue(today: LocalDay(parsing: "2026-03-10")!), "settled promises are never overdue")
    }

    @Test func openPromisesFunction() throws {
        let harness = Harness()
        try harness.run(["add", "one"])
        try harness.run(["add", "two"])
        try harness.run(["kept", "1"])
        let value = try TrustModule.openPromisesFunction.body([], harness.context)
        #expect(value == .list([.string("two")]))
        #expect(throws: RoutineFunctionError.self) { _ = try TrustModule.openPromisesFunction.body([.integer(1)], harness.context) }
    }
}

extension ModuleContext {
    /// A copy that writes to another output.
    fileprivate func withOutput(_ output: any TextOutput) -> ModuleContext {
        ModuleContext(now: now, timeZone: timeZone, profile: profile, output: output, errors: errors, input: input, style: style, seed: seed, records: records)
    }
}
