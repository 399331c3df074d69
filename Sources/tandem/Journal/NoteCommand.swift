import ArgumentParser
import TandemJournal
import TandemKit
import TandemRuntime

/// `tandem note TEXT [--tag T]…`
struct NoteCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Write a note in the journal, with tags if you like.",
        discussion: """
            Notes are private: they never leave this machine unless written with --share (then
            your partner sees them through the shared folder). 'tandem profile set --share-notes yes'
            makes sharing the default, and --private keeps one note here.
            """)

    @Argument(help: "The note.")
    var words: [String]

    @Option(name: .long, help: "A tag of one line, at most 80 characters (repeat for several).")
    var tag: [String] = []

    @Option(name: .long, help: "The day: YYYY-MM-DD, today or yesterday (default: today).")
    var date: String?

    @Flag(name: .long, help: "Share this note with your partner through the shared folder.")
    var share = false

    @Flag(name: .long, help: "Keep this note on this machine (when profile set --share-notes yes made sharing the default).")
    var `private` = false

    func run(on runtime: Runtime) throws {
        let environment = runtime.environment
        let day = try JournalAccess.day(date, environment)
        let text = words.joined(separator: " ")
        if text.trimmingCharacters(in: .whitespaces).isEmpty { throw CommandFailure("the note is empty") }
        // Checked before the journal is opened (and perhaps created).
        for tag in tag { _ = try Journal.checkedLine(tag, what: "the tag") }
        if share && `private` { throw CommandFailure("--share and --private contradict each other; give one") }
        let journal = try runtime.journal()
        let sharedByDefault = try journal.notesSharedByDefault()
        let shared = share || (!`private` && sharedByDefault)
        let event = try journal.addNote(text, tags: tag, date: day, shared: shared)
        let tags = event.tags.map { " #\($0.terminalSafe)" }.joined()
        runtime.environment.output.write("Noted on \(event.date)\(tags)\(shared ? ", shared with your partner" : "").\n")
    }
}
