import ArgumentParser
import Foundation
import TandemKit
import TandemRuntime

/// `tandem due [--prompt] [--json]`
struct DueCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "What is due now: habits still to do today, reminders waiting, and today's reminders to come.",
        discussion: """
            --prompt prints at most one short segment for a shell prompt ("2 due · evening 21:30")
            and nothing when nothing is due; it reads a small cache and opens the journal only
            when the journal or a saved routine changed, so it is fast enough for every prompt.
            bash: PS1='$(tandem due --prompt) '"$PS1"
            zsh:  setopt prompt_subst; PROMPT='$(tandem due --prompt) '$PROMPT
            fish: in fish_prompt, echo -n (tandem due --prompt)' '
            Waiting reminders count as seen once tandem due or tandem today has shown them.
            """)

    @Flag(name: .long, help: "One short segment for a shell prompt, or nothing.")
    var prompt = false

    @OptionGroup var output: OutputOptions

    func run(on runtime: Runtime) throws {
        let environment = runtime.environment
        let summary = try runtime.dueSummary()
        if prompt {
            runtime.writeDueCache(summary)
            if let segment = summary.promptSegment(now: environment.now, timeZone: environment.timeZone) {
                environment.output.write(segment + "\n")
            }
            return
        }
        if output.json {
            struct Item: Encodable { var kind: String; var name: String; var text: String; var at: String? }
            let format = Date.ISO8601FormatStyle(timeZone: environment.timeZone)
            let items = summary.habits.map { Item(kind: "habit", name: $0.id, text: $0.title, at: nil) }
                + summary.waiting.map { Item(kind: "waiting", name: $0.label, text: $0.text, at: $0.due.formatted(format)) }
                + summary.upcoming.map { Item(kind: "upcoming", name: $0.label, text: "", at: $0.at.formatted(format)) }
            try JournalAccess.printJSON(to: runtime, items)
        } else {
            environment.output.write(Self.lines(summary, environment))
        }
        if !summary.waiting.isEmpty { try runtime.existingJournal()?.markRemindersSeen() }
    }

    /// One short line per item; used by `today` too.
    static func lines(_ summary: DueSummary, _ environment: TandemEnvironment, empty: String? = "Nothing due now.") -> String {
        let clock = Date.FormatStyle(date: .omitted, time: .shortened, timeZone: environment.timeZone)
            .locale(Locale(identifier: "en_GB"))
        var out = ""
        for item in summary.waiting {
            out += "reminder  \(item.due.formatted(clock))  \(item.text.terminalSafe)\n"
        }
        for habit in summary.habits {
            out += "due       \(habit.title.terminalSafe): tandem done \(habit.id.terminalSafe)\n"
        }
        for item in summary.upcoming where item.at > environment.now {
            out += "later     \(item.at.formatted(clock))  \(item.label.terminalSafe)\n"
        }
        if out.isEmpty, let empty { out = empty + "\n" }
        return out
    }
}
