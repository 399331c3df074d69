import Foundation
import TandemCatalog
import TandemJournal
import TandemKit
import TandemTogether

/// A day's question and the answers to it, as `tandem question --json` and
/// a routine's `question_status()` show them.
public struct QuestionStatus: Sendable, Hashable, Encodable {
    /// The day, YYYY-MM-DD.
    public var date: String
    /// The question.
    public var question: String
    /// Its card id (`questions#17`).
    public var card: String
    /// My answer, once given.
    public var mine: String?
    /// My partner's answer, once both have answered (``partnerStatus`` is `open`).
    public var partner: String?
    /// `open` (their answer can be read), `sealed` (they answered; it opens
    /// once I have), `waiting` (both answered; theirs opens after their next
    /// sync) or `unanswered`.
    public var partnerStatus: String
}

/// The question of the day, as every front end asks and answers it:
/// `tandem question`, the REPL's banner and `question()` in routines.
extension Runtime {
    /// Today's question: the same card on both partners' machines.
    public func todaysQuestion() throws -> CardDraw? {
        let couple = try existingJournal()?.sharingSettings()?.couple
        return DailyQuestion.pick(registry, day: environment.today, couple: couple)
    }

    /// Answers today's question: sealed for my partner until they have
    /// answered too (see ``SealedAnswer``).
    ///
    /// - Throws: ``CommandFailure`` for an empty answer (exit code 2), or when
    ///   today's question was answered already (exit code 1).
    public func answerTodaysQuestion(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw CommandFailure("the answer is empty") }
        guard let draw = try todaysQuestion() else {
            throw CommandFailure("no coaching module has questions", exitCode: ExitStatus.runtimeError)
        }
        let journal = try journal()
        let today = environment.today
        let sealed = try SealedAnswer.seal(trimmed, author: journal.author, day: today.description)
        try journal.recordAnswer(
            trimmed, cardID: draw.id, commitment: sealed.commitment, sealed: sealed.sealed, key: sealed.key, nonce: sealed.nonce, date: today)
    }

    /// A day's question and answers: my partner's opened when its key has come.
    public func questionStatus(of day: QuestionDay, draw: CardDraw? = nil) -> QuestionStatus {
        let cardID = day.mine?.cardID ?? day.partner?.cardID ?? draw?.id ?? ""
        let prompt = draw?.card.prompt ?? Self.prompt(cardID, registry) ?? "(a question this Tandem does not have)"
        var partnerText: String?
        var status = "unanswered"
        if let theirs = day.partner {
            if let key = theirs.key, let nonce = theirs.nonce {
                partnerText = (try? SealedAnswer.open(
                    sealed: theirs.sealed, commitment: theirs.commitment, key: key, nonce: nonce, author: theirs.author,
                    day: day.date.description)) ?? "(their answer does not match what they committed to)"
                status = "open"
            } else {
                status = day.mine == nil ? "sealed" : "waiting"
            }
        }
        return QuestionStatus(
            date: day.date.description, question: prompt, card: cardID, mine: day.mine?.text, partner: partnerText, partnerStatus: status)
    }

    /// Today's question and answers, or `nil` when no module has questions.
    public func todaysQuestionStatus() throws -> QuestionStatus? {
        guard let draw = try todaysQuestion() else { return nil }
        let today = environment.today
        let day = try existingJournal()?.questionDays([today]).first ?? QuestionDay(date: today)
        return questionStatus(of: day, draw: draw)
    }

    static func prompt(_ cardID: String, _ registry: ModuleRegistry) -> String? {
        let parts = cardID.split(separator: "#")
        guard parts.count == 2, let index = Int(parts[1]), let module = registry.modules.first(where: { $0.id == parts[0] }),
              module.cards.indices.contains(index)
        else { return nil }
        return module.cards[index].prompt
    }

    /// "Sam answered today's question; answer it to read theirs": when my
    /// partner has answered today and I have not. `nil` otherwise.
    public func questionNotice() -> String? {
        guard let journal = try? existingJournal(), let day = try? journal.questionDays([environment.today]).first,
              day.partner != nil, day.mine == nil
        else { return nil }
        let name = partnerName(journal)
        return "\(name) answered today's question; answer it to read theirs"
    }

    private func partnerName(_ journal: Journal) -> String {
        ((try? journal.profile().partnerName) ?? nil) ?? "your partner"
    }

    /// "2 reminders waiting: evening, tidy": for the REPL's banner; `nil` when none wait.
    public func remindersNotice() -> String? {
        guard let waiting = try? existingJournal()?.waitingReminders(), !waiting.isEmpty else { return nil }
        let labels = (try? reminders()).map { list in Dictionary(list.map { ($0.name, $0.label) }, uniquingKeysWith: { a, _ in a }) } ?? [:]
        let names = waiting.map { labels[$0.name] ?? $0.name }
        return "\(waiting.count) reminder\(waiting.count == 1 ? "" : "s") waiting: " + names.joined(separator: ", ")
    }
}
