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

    // MARK: What routines read of the journal

    /// My partner's member id, or nil before any entry of theirs has come:
    /// a routine then reads no habits and no check-ins of theirs (rather
    /// than failing), so one routine serves alone and together.
    private func partner(_ journal: Journal?) throws -> String? {
        try journal?.partnerID()
    }

    override public func journalHabits(who: RoutineWho) throws -> [RoutineMap] {
        let journal = try runtime.existingJournal()
        let today = runtime.environment.today
        switch who {
        case .me, .partner:
            let author = who == .partner ? try partner(journal) : nil
            guard let journal, who == .me || author != nil else { return [] }
            let stats = try journal.stats(asOf: today, author: author)
            let due = Dictionary(try journal.dueToday(asOf: today, author: author).map { ($0.habit.id, $0) }, uniquingKeysWith: { a, _ in a })
            return stats.habits.map { habit in
                RoutineMap([
                    ("id", .string(habit.id)), ("title", .string(habit.title)), ("cadence", .string(habit.cadence)),
                    ("schedule", .string(habit.schedule)), ("strength", .decimal(habit.strength)),
                    ("currentStreak", .integer(habit.currentStreak)), ("bestStreak", .integer(habit.bestStreak)),
                    ("doneLast30", .integer(habit.doneLast30)), ("firstEntry", habit.firstEntry.map { .string($0.description) } ?? .none),
                    ("adoptedOn", .string(habit.adoptedOn.description)),
                    ("doneToday", .bool(due[habit.id]?.mark == .done)), ("dueToday", .bool(due[habit.id]?.isDue ?? false)),
                    ("who", .string(who.rawValue)),
                ])
            }
        case .both:
            guard let journal, let partnerID = try partner(journal) else { return [] }
            let stats = try journal.stats(asOf: today, together: partnerID, partnerName: runtime.profile.partnerName ?? "partner")
            func done(_ author: String?) throws -> Set<String> {
                Set(try journal.dueToday(asOf: today, author: author).filter { $0.mark == .done }.map(\.habit.id))
            }
            let bothDone = try done(nil).intersection(try done(partnerID))
            return (stats.together?.habits ?? []).map { habit in
                RoutineMap([
                    ("id", .string(habit.id)), ("title", .string(habit.title)), ("bothDoneLast30", .integer(habit.bothDoneLast30)),
                    ("togetherStreak", .integer(habit.togetherStreak)), ("myStrength", .decimal(habit.myStrength)),
                    ("partnerStrength", .decimal(habit.partnerStrength)), ("doneToday", .bool(bothDone.contains(habit.id))),
                    ("who", .string("both")),
                ])
            }
        }
    }

    override public func journalCheckins(days: Int, who: RoutineWho) throws -> [RoutineMap] {
        let journal = try runtime.existingJournal()
        let days = min(days, 36_600)
        func points(_ author: String?, _ whose: String) throws -> [(CheckInPoint, String)] {
            try journal?.checkInPoints(days: days, asOf: runtime.environment.today, author: author).map { ($0, whose) } ?? []
        }
        var list: [(CheckInPoint, String)]
        switch who {
        case .me: list = try points(nil, "me")
        case .partner:
            guard let partner = try partner(journal) else { return [] }
            list = try points(partner, "partner")
        case .both:
            // Both partners' check-ins, by day; mine first on a day both checked in.
            list = try points(nil, "me")
            if let partner = try partner(journal) { list += try points(partner, "partner") }
            list = list.enumerated().sorted { ($0.element.0.date, $0.offset) < ($1.element.0.date, $1.offset) }.map(\.element)
        }
        return list.map { point, whose in
            ["date": .string(point.date.description), "connection": .integer(point.connection), "who": .string(whose)]
        }
    }

    override public func questionStatus() throws -> RoutineMap? {
        guard let status = try runtime.todaysQuestionStatus() else { return nil }
        return [
            "date": .string(status.date), "question": .string(status.question), "card": .string(status.card),
            "mine": status.mine.map(RoutineValue.string) ?? .none, "partner": status.partner.map(RoutineValue.string) ?? .none,
            "partnerStatus": .string(status.partnerStatus),
        ]
    }

    override public var knownHabitIDs: Set<String> { runtime.journalHabitIDs() }

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

extension Runtime {
    /// The ids of every habit in the journal, mine and my partner's, dropped
    /// ones included: what `habit(id)` in a routine accepts besides the
    /// practices of the modules. Empty without a journal.
    public func journalHabitIDs() -> Set<String> {
        guard let journal = try? existingJournal() else { return [] }
        var ids = Set(((try? journal.allHabits()) ?? []).map(\.id))
        if let partner = try? journal.partnerID() { ids.formUnion(((try? journal.allHabits(author: partner)) ?? []).map(\.id)) }
        return ids
    }
}
