import ArgumentParser
import Foundation
import TandemCatalog
import TandemJournal
import TandemKit
import TandemRuntime
import TandemTogether

/// `tandem question [--answer TEXT] [--history] [--json]`
struct QuestionCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "question",
        abstract: "Today's question for both of you; each answer stays sealed until both have answered.",
        discussion: """
            The question is the same on both machines (chosen from the date and the couple).
            Your answer is shared sealed: your partner sees it once they have answered too, and
            neither of you can change an answer afterwards. This guards against curiosity and
            second thoughts, not against a modified Tandem (see docs/together.md).
            """)

    @Option(name: .long, help: "Answer without being asked.")
    var answer: String?

    @Flag(name: .long, help: "List past days with both answers.")
    var history = false

    @OptionGroup var output: OutputOptions

    func run(on runtime: Runtime) throws {
        let today = runtime.environment.today
        if history {
            guard let journal = try runtime.existingJournal() else {
                return try show([], runtime)
            }
            let days = try journal.questionDays().map { runtime.questionStatus(of: $0) }
            return try show(days, runtime)
        }
        let journal = try runtime.journal()
        guard let draw = try runtime.todaysQuestion() else {
            throw CommandFailure("no coaching module has questions", exitCode: ExitStatus.runtimeError)
        }
        var current = try journal.questionDays([today]).first ?? QuestionDay(date: today)
        if current.mine == nil, answer != nil || !output.json {
            var text = answer
            if text == nil {
                runtime.environment.output.write(TextLayout.paragraph("Today's question: " + draw.card.prompt, width: runtime.environment.readingWidth))
                text = runtime.environment.input.readLine(prompt: "Your answer (Enter to answer later): ")
                guard let typed = text, !typed.trimmingCharacters(in: .whitespaces).isEmpty else {
                    runtime.environment.output.write("Not answered yet; answer later with: tandem question\n")
                    return
                }
            }
            try runtime.answerTodaysQuestion(text ?? "")
            current = try journal.questionDays([today]).first ?? current
        } else if answer != nil {
            throw CommandFailure(
                "you answered today's question already; answers are kept as given, so neither of you can change one "
                    + "after reading the other's", exitCode: ExitStatus.refused)
        }
        let day = runtime.questionStatus(of: current, draw: draw)
        if output.json { return try JournalAccess.printJSON(to: runtime, day) }
        let partner = (runtime.profile.partnerName ?? "your partner").terminalSafe
        var out = TextLayout.paragraph(runtime.environment.style.bold("Today's question: ") + draw.card.prompt.terminalSafe, width: runtime.environment.readingWidth)
        if let mine = day.mine { out += TextLayout.paragraph("You: " + mine.terminalSafeLines, width: runtime.environment.readingWidth, hanging: "  ") }
        switch day.partnerStatus {
        case "open": out += TextLayout.paragraph("\(partner): " + (day.partner ?? "").terminalSafeLines, width: runtime.environment.readingWidth, hanging: "  ")
        case "sealed": out += "\(partner) has answered; you will see it once you have answered too.\n"
        case "waiting": out += "\(partner) has answered; their answer opens as soon as their Tandem sees yours (after their next sync).\n"
        default: out += "\(partner) has not answered yet; your answer stays sealed until they have.\n"
        }
        runtime.environment.output.write(out)
    }

    func show(_ days: [QuestionStatus], _ runtime: Runtime) throws {
        if output.json { return try JournalAccess.printJSON(to: runtime, days) }
        if days.isEmpty { return runtime.environment.output.write("No answers yet. Answer today's question with: tandem question\n") }
        let width = runtime.environment.readingWidth
        let partner = (runtime.profile.partnerName ?? "partner").terminalSafe
        var out = ""
        for day in days {
            out += TextLayout.paragraph(runtime.environment.style.bold(day.date) + "  " + day.question.terminalSafe, width: width, hanging: "  ")
            out += TextLayout.paragraph("You: " + (day.mine?.terminalSafeLines ?? "(not answered)"), width: width, indent: "  ")
            let theirs = day.partner?.terminalSafeLines ?? (day.partnerStatus == "unanswered" ? "(not answered)" : "(sealed)")
            out += TextLayout.paragraph("\(partner): " + theirs, width: width, indent: "  ")
        }
        runtime.environment.output.write(out)
    }
}
