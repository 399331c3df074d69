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
            """)

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
        let summary = try journal.importEvents(from: data)
        runtime.environment.output.write("Imported \(summary.added) new event\(summary.added == 1 ? "" : "s") (\(summary.alreadyPresent) already present).\n")
    }
}
