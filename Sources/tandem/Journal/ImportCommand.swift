import ArgumentParser
import Foundation
import TandemJournal
import TandemKit
import TandemRuntime

/// `tandem import FILE`
struct ImportCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the events of an export (JSON or CSV) that the journal does not have yet.",
        discussion: """
            Importing is a union by event id: importing the same file twice adds nothing.
            Every event is checked as the command that writes it would check it, and an id
            that repeats with different content is a conflict (exit code 1). A file with any
            problem is refused whole: nothing is imported and the journal is left as it was.
            Entries keep their author: a partner's export shows as theirs, never as yours. To
            restore your own backup into a new home, use --restore (the journal then continues
            as the backup's author; it must have no entries of its own yet).
            """)

    @Flag(name: .long, help: "The file is your own backup: continue as its author.")
    var restore = false

    @Argument(help: "A file written by tandem export.")
    var file: String

    func run(on runtime: Runtime) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CommandFailure("cannot read \(file): \((error as NSError).localizedDescription)")
        }
        // Check the file before creating or touching a journal.
        _ = try JournalExport.validate(data, today: LocalDay(runtime.environment.now, in: runtime.environment.timeZone))
        let journal = try runtime.journal()
        if restore {
            guard let author = try JournalExport.owner(of: data, today: runtime.environment.today) else {
                throw CommandFailure("--restore needs a backup written by one person; this file has entries by several and does not say whose export it is")
            }
            try journal.continueAs(author: author)
            runtime.profileDidChange()
        }
        let summary = try journal.importEvents(from: data)
        var out = "Imported \(summary.added) new event\(summary.added == 1 ? "" : "s") (\(summary.alreadyPresent) already present).\n"
        let others = summary.authors.subtracting([journal.author])
        if !others.isEmpty {
            runtime.profileDidChange()
            let name = (try journal.profile().partnerName ?? "your partner").terminalSafe
            out += "Entries by someone else are kept as theirs (\(name)'s), not yours."
            if try journal.ownEventCount() == 0 { out += " If this is your own backup, run: tandem import --restore FILE" }
            out += "\n"
        }
        runtime.environment.output.write(out)
    }
}
