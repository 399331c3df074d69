import Foundation
import TandemCatalog
import TandemJournal
import TandemKit
import TandemTogether

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
