import Foundation
import TandemHost
import TandemJournal
import TandemKit
import TandemRoutine

/// The command line's routine host: standard input and output, and the
/// journal (opened only when a routine first records something; never
/// written with `--dry-run`).
final class CommandLineRoutineHost: StandardRoutineHost {
    private let journal: LazyJournal?
    private let seedValue: UInt64?

    init(environment: TandemEnvironment, seed: UInt64?, dryRun: Bool, wait: Bool) {
        seedValue = seed
        if dryRun {
            journal = nil
        } else {
            let fixed = ProcessInfo.processInfo.environment["TANDEM_NOW"].map { !$0.isEmpty } ?? false
            let now = environment.now
            let url = environment.journalURL, zone = environment.timeZone, folder = environment.dataDirectory
            let clock: @Sendable () -> Date
            if fixed { clock = { now } } else { clock = { Date() } }
            journal = LazyJournal { () throws -> Journal in
                try PrivateFolder.make(folder)
                return try Journal.open(at: url, timeZone: zone, clock: clock)
            }
        }
        let terminal = isatty(STDOUT_FILENO) != 0
        super.init(
            output: StandardOutput.stdout, input: StandardInput(), now: environment.now, timeZone: environment.timeZone,
            seed: seed, waitsForTimers: wait, showsProgressBar: terminal)
    }

    override func recordPractice(_ practice: Practice, outcome: PracticeOutcome) throws {
        guard let journal else { return try super.recordPractice(practice, outcome: outcome) }
        let opened = try journal.get()
        if try opened.habit(practice.id)?.isActive != true {
            try opened.adopt(practice.id, title: practice.title, cadence: practice.cadence)
        }
        try opened.record(mark: outcome == .done ? .done : .skipped, for: practice.id)
    }

    override func recordNote(_ text: String) throws {
        guard let journal else { return try super.recordNote(text) }
        try journal.get().addNote(text, tags: ["routine"])
    }

    override func recordCheckin(score: Int, appreciation: String) throws {
        guard let journal else { return try super.recordCheckin(score: score, appreciation: appreciation) }
        try journal.get().addCheckIn(connection: score, appreciation: appreciation)
    }

    override func recentCards(module: String) -> [String] {
        guard let journal, let opened = try? journal.get(), let ids = try? opened.recentCardIDs(limit: 50) else {
            return super.recentCards(module: module)
        }
        // Card ids are `module#index`; map them back to prompts.
        guard let cards = App.registry.module(id: module)?.cards else { return [] }
        return ids.compactMap { id in
            let parts = id.split(separator: "#")
            guard parts.count == 2, parts[0] == module, let index = Int(parts[1]), cards.indices.contains(index) else { return nil }
            return cards[index].prompt
        }
    }

    override func recordCard(_ prompt: String, module: String) throws {
        guard let journal else { return try super.recordCard(prompt, module: module) }
        guard let index = App.registry.module(id: module)?.cards.firstIndex(where: { $0.prompt == prompt }) else { return }
        try journal.get().recordCardShown("\(module)#\(index)")
    }

    override func moduleContext() throws -> ModuleContext {
        let context = try App.moduleContext(seed: seedValue)
        return context
    }
}
