import Foundation
import TandemCatalog
import TandemKit

/// How a `practice` statement ended.
public enum PracticeOutcome: String, Sendable, CaseIterable {
    /// The couple did it.
    case done
    /// They chose to skip it.
    case skipped
    /// Not yet: nothing is recorded.
    case notDone = "not-done"
}

/// Everything a running routine does to the world goes through its host:
/// output, answers to questions, journal writes, the clock, randomness and
/// timers. The command line, the REPL and tests each provide one.
///
/// Methods are called on the interpreter's thread, one at a time.
public protocol RoutineHost: AnyObject {
    /// Writes text as it is (`say` adds its own newline).
    func write(_ text: String)
    /// Reads one answer; `prompt` is shown first on a terminal. `nil` at the
    /// end of input.
    func readLine(prompt: String) -> String?
    /// Whether a person is answering at a terminal (bad answers are asked
    /// again) rather than lines coming from a pipe (bad answers are errors).
    var isInteractive: Bool { get }
    /// "Now": the clock, or `TANDEM_NOW`.
    var now: Date { get }
    /// The user's time zone.
    var timeZone: TimeZone { get }
    /// The `--seed` for `random`, `pick`, `tip` and `card`, if any.
    var seed: UInt64? { get }
    /// Records the outcome of a practice (not called for ``PracticeOutcome/notDone``).
    func recordPractice(_ practice: Practice, outcome: PracticeOutcome) throws
    /// Writes a journal note.
    func recordNote(_ text: String) throws
    /// Records a connection check-in: a score from 1 to 10 and a word or
    /// sentence about how it feels.
    func recordCheckin(score: Int, appreciation: String) throws
    /// The ids (``CardDraw/id``) of the cards of a module shown recently, newest first.
    func recentCardIDs(module: String) -> [String]
    /// Remembers that a card was shown.
    func recordCard(_ draw: CardDraw) throws
    /// Today's question for both partners (`question()`), or `nil` when there is none.
    func dailyQuestion() throws -> String?
    /// Answers today's question (`answer_question(text)`), sealed until the partner has answered too.
    func answerDailyQuestion(_ text: String) throws
    /// The adopted habits as `habits()` gives them: one map per habit with
    /// the fields of ``JournalMap/habit`` (``JournalMap/sharedHabit`` for
    /// `.both`), the names of `tandem stats --json`.
    func journalHabits(who: RoutineWho) throws -> [RoutineMap]
    /// The check-ins of the last `days` days, oldest first, as `checkins()`
    /// gives them (``JournalMap/checkin``).
    func journalCheckins(days: Int, who: RoutineWho) throws -> [RoutineMap]
    /// Today's question and who has answered it (``JournalMap/question``),
    /// or `nil` when there is no question.
    func questionStatus() throws -> RoutineMap?
    /// The ids of the habits in the journal, of both partners: `habit(id)`
    /// accepts them (and the practices of the modules) when it is checked.
    var knownHabitIDs: Set<String> { get }
    /// Counts down `seconds` with `label`, calling `shouldStop` often; returns
    /// false when it stopped early.
    func runTimer(seconds: Int, label: String, shouldStop: () -> Bool) -> Bool
    /// The width of the output in columns, for wrapped text.
    var width: Int { get }
    /// How many bytes of lists and text a routine may hold at once
    /// (``RoutineMemory/defaultLimit`` unless the host says otherwise);
    /// going past it is a runtime error naming the limit and the line.
    var memoryLimit: Int { get }
    /// The context the functions of module `moduleID` run in: its own
    /// records, and the host's clock, profile, input and output.
    func moduleContext(for moduleID: String) throws -> ModuleContext
}

/// A host on text streams that keeps journal writes in memory: the basis of
/// the command line's host (which records into the journal), and handy in
/// tests and in dry runs.
open class StandardRoutineHost: RoutineHost {
    /// Where output goes.
    public let output: any TextOutput
    /// Where answers come from.
    public let input: any LineInput
    /// "Now".
    public let now: Date
    /// The user's time zone.
    public let timeZone: TimeZone
    /// The seed, if any.
    public let seed: UInt64?
    /// Whether timers really wait.
    public var waitsForTimers: Bool
    /// Whether the terminal can show a live progress bar.
    public var showsProgressBar: Bool
    /// What was recorded, one line per action, such as `practice daily.gratitude done`.
    public private(set) var recorded: [String] = []
    private var cards: [String: [String]] = [:]
    private var memoryRecords: [String: InMemoryRecordStore] = [:]
    private let contextTemplate: ModuleContext?
    private let widthColumns: Int

    /// Creates a host.
    public init(
        output: any TextOutput, input: any LineInput, now: Date = Date(), timeZone: TimeZone = .current,
        seed: UInt64? = nil, waitsForTimers: Bool = true, showsProgressBar: Bool = false,
        moduleContext: ModuleContext? = nil, width: Int = 80
    ) {
        widthColumns = width
        self.output = output
        self.input = input
        self.now = now
        self.timeZone = timeZone
        self.seed = seed
        self.waitsForTimers = waitsForTimers
        self.showsProgressBar = showsProgressBar
        contextTemplate = moduleContext
    }

    open func write(_ text: String) { output.write(text) }
    open func readLine(prompt: String) -> String? { input.readLine(prompt: prompt) }
    open var isInteractive: Bool { input.isInteractive }

    open func recordPractice(_ practice: Practice, outcome: PracticeOutcome) throws {
        recorded.append("practice \(practice.id) \(outcome.rawValue)")
    }
    open func recordNote(_ text: String) throws { recorded.append("note \(text)") }
    open func recordCheckin(score: Int, appreciation: String) throws { recorded.append("checkin \(score) \(appreciation)") }
    open func recentCardIDs(module: String) -> [String] { cards[module, default: []] }
    open func recordCard(_ draw: CardDraw) throws {
        cards[draw.module.id, default: []].insert(draw.id, at: 0)
        recorded.append("card \(draw.module.id)")
    }
    /// A fixed question, in memory.
    open func dailyQuestion() throws -> String? { "What made you smile today?" }
    open func answerDailyQuestion(_ text: String) throws { recorded.append("answer \(text)") }
    /// No journal: no habits.
    open func journalHabits(who: RoutineWho) throws -> [RoutineMap] { [] }
    /// No journal: no check-ins.
    open func journalCheckins(days: Int, who: RoutineWho) throws -> [RoutineMap] { [] }
    /// The fixed question, unanswered.
    open func questionStatus() throws -> RoutineMap? {
        guard let question = try dailyQuestion() else { return nil }
        return ["date": .string(LocalDateText.date(now, timeZone)), "question": .string(question), "card": .string(""),
                "mine": .none, "partner": .none, "partnerStatus": .string("unanswered")]
    }
    /// No journal: no habits.
    open var knownHabitIDs: Set<String> { [] }

    /// 80 columns unless set.
    open var width: Int { widthColumns }
    /// The memory budget of routines run with this host.
    public var memoryLimit: Int = RoutineMemory.defaultLimit

    /// The template given at creation, else a context on this host's streams
    /// with records kept in memory, one store per module.
    open func moduleContext(for moduleID: String) throws -> ModuleContext {
        if let contextTemplate { return contextTemplate }
        let records = memoryRecords[moduleID] ?? InMemoryRecordStore()
        memoryRecords[moduleID] = records
        return ModuleContext(now: now, timeZone: timeZone, output: output, input: input, seed: seed, records: records, width: width)
    }

    open func runTimer(seconds: Int, label: String, shouldStop: () -> Bool) -> Bool {
        let title = label.isEmpty ? "Timer" : label.terminalSafe
        guard waitsForTimers, seconds > 0 else {
            write("⏱ \(title) (\(Value.format(duration: seconds))): done\n")
            return true
        }
        if !showsProgressBar { write("⏱ \(title) (\(Value.format(duration: seconds))) …\n") }
        let start = Date()
        let total = Double(seconds)
        var lastDrawn = -1
        while true {
            if shouldStop() {
                if showsProgressBar { write("\n") }
                return false
            }
            let elapsed = Date().timeIntervalSince(start)
            if elapsed >= total { break }
            if showsProgressBar {
                let remaining = Int((total - elapsed).rounded(.up))
                if remaining != lastDrawn {
                    lastDrawn = remaining
                    let width = 30
                    let filled = Int(Double(width) * elapsed / total)
                    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                    let clock = String(format: "%d:%02d", remaining / 60, remaining % 60)
                    write("\r\u{1B}[2K⏱ \(title) \(bar) \(clock) left")
                }
            }
            usleep(50_000)
        }
        write(showsProgressBar ? "\r\u{1B}[2K⏱ \(title): done\n" : "⏱ \(title): done\n")
        return true
    }
}
