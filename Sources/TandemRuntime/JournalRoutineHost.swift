import Foundation
import Synchronization
import TandemCatalog
import TandemJournal
import TandemKit
import TandemRoutine

/// The routine host of `tandem run`, the REPL and scheduled runs: output and
/// answers through the runtime's streams, and practices, notes, check-ins,
/// cards and module records through the runtime's one journal. With `dryRun`, nothing
/// is written: reads see the journal, writes stay in memory.
///
/// A `practice` never adopts a habit on its own. When the practice is an
/// adopted habit, done and skip mark it. When it is not, done writes a note
/// tagged `practice` (the journal keeps what was done without tracking a
/// habit nobody chose) and skip records nothing; both say how to adopt it.
public final class JournalRoutineHost: StandardRoutineHost {
    /// The runtime this routine runs on.
    public let runtime: Runtime
    /// Whether writes stay in memory.
    public let dryRun: Bool
    private var dryRecords: [String: DryRunRecordStore] = [:]

    /// Creates the routine host for a run on `runtime`, with its streams.
    public init(runtime: Runtime, seed: UInt64? = nil, dryRun: Bool = false, waitsForTimers: Bool = true) {
        self.runtime = runtime
        self.dryRun = dryRun
        let environment = runtime.environment
        super.init(
            output: environment.output, input: environment.input, now: environment.now, timeZone: environment.timeZone,
            seed: seed, waitsForTimers: waitsForTimers, showsProgressBar: environment.outputIsTerminal,
            width: environment.width)
        memoryLimit = environment.routineMemoryLimit
    }

    override public func recordPractice(_ practice: Practice, outcome: PracticeOutcome) throws {
        if dryRun { return try super.recordPractice(practice, outcome: outcome) }
        let journal = try runtime.journal()
        if try journal.habit(practice.id)?.isActive == true {
            try journal.record(mark: outcome == .done ? .done : .skipped, for: practice.id)
            return
        }
        if outcome == .done {
            try journal.addNote("Did \(practice.title) (\(practice.id))", tags: ["practice", practice.id])
            write("Noted in the journal, not tracked as a habit (tandem adopt \(practice.id) tracks it).\n")
        } else {
            write("Nothing recorded: \(practice.id) is not a habit you track (tandem adopt \(practice.id)).\n")
        }
    }

    override public func recordNote(_ text: String) throws {
        if dryRun { return try super.recordNote(text) }
        try runtime.journal().addNote(text, tags: ["routine"])
    }

    override public func recordCheckin(score: Int, appreciation: String) throws {
        if dryRun { return try super.recordCheckin(score: score, appreciation: appreciation) }
        try runtime.journal().addCheckIn(connection: score, appreciation: appreciation)
    }

    override public func recentCardIDs(module: String) -> [String] {
        let journal = (try? runtime.existingJournal()?.recentDraws(.card)[module]) ?? []
        // A dry run remembers its own draws on top of the journal's.
        return dryRun ? super.recentCardIDs(module: module) + journal : journal
    }

    override public func dailyQuestion() throws -> String? {
        try runtime.todaysQuestion()?.card.prompt
    }

    override public func answerDailyQuestion(_ text: String) throws {
        if dryRun { return try super.answerDailyQuestion(text) }
        try runtime.answerTodaysQuestion(text)
    }

    override public func recordCard(_ draw: CardDraw) throws {
        if dryRun { return try super.recordCard(draw) }
        try runtime.journal().recordCardShown(draw.id)
    }

    /// Module `moduleID`'s context: its own records (in a dry run, read from
    /// the journal and written to memory), this run's streams and seed.
    override public func moduleContext(for moduleID: String) throws -> ModuleContext {
        var records: (any ModuleRecordStore)? = nil
        if dryRun {
            let store = dryRecords[moduleID] ?? DryRunRecordStore(reading: runtime.records(for: moduleID), exists: { [runtime] in
                FileManager.default.fileExists(atPath: runtime.environment.journalURL.path)
            })
            dryRecords[moduleID] = store
            records = store
        }
        return runtime.moduleContext(for: moduleID, seed: seed, records: records)
    }
}

/// A module's records in a dry run: the journal's, and what the run appended,
/// which stays in memory.
final class DryRunRecordStore: ModuleRecordStore {
    private let base: any ModuleRecordStore
    private let exists: @Sendable () -> Bool
    private let appended = Mutex<[ModuleRecord]>([])

    init(reading base: any ModuleRecordStore, exists: @escaping @Sendable () -> Bool) {
        self.base = base
        self.exists = exists
    }

    func append(_ record: ModuleRecord) throws { appended.withLock { $0.append(record) } }

    func records(kind: String?) throws -> [ModuleRecord] {
        // Never create a journal to read nothing from it.
        let stored = exists() ? try base.records(kind: kind) : []
        return stored + appended.withLock { all in kind.map { kind in all.filter { $0.kind == kind } } ?? all }
    }
}
