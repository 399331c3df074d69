import ArgumentParser
import Foundation
import TandemJournal
import TandemKit
import TandemRuntime

/// `tandem journal [--since DATE] [--until DATE] [--search TEXT] [--tag T] [--json]`
struct JournalCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal", abstract: "Read the journal: marks, check-ins, notes and more, oldest first.")

    @Option(name: .long, help: "From this day (YYYY-MM-DD).")
    var since: String?

    @Option(name: .long, help: "Up to this day (YYYY-MM-DD).")
    var until: String?

    @Option(name: .long, help: "Only entries containing this text.")
    var search: String?

    @Option(name: .long, help: "Only notes with this tag.")
    var tag: String?

    @OptionGroup var who: WhoOptions

    @OptionGroup var output: OutputOptions

    func run(on runtime: Runtime) throws {
        let environment = runtime.environment
        let filter = EventFilter(
            since: try JournalAccess.anyDay(since, environment, option: "--since"),
            until: try JournalAccess.anyDay(until, environment, option: "--until"),
            search: search, tag: tag, who: who.who ?? .both)
        let journal = try runtime.existingJournal()
        let events = try journal?.events(matching: filter) ?? []
        if output.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            runtime.environment.output.write(TerminalText.escapingJSON(String(decoding: try encoder.encode(events), as: UTF8.self)) + "\n")
            return
        }
        if events.isEmpty {
            runtime.environment.output.write("Nothing in the journal\(since != nil || until != nil || search != nil || tag != nil ? " matches" : " yet").\n")
            return
        }
        let style = runtime.environment.style
        var out = ""
        let width = runtime.environment.readingWidth
        // With a partner's entries in the journal, each line says whose it is.
        let profile = runtime.profile
        let names: [String: String]? = try journal.flatMap { journal in
            guard let partner = try journal.partnerID() else { return nil }
            return [journal.author: journal.displayName(of: journal.author, profile: profile),
                    partner: journal.displayName(of: partner, profile: profile)]
        }
        let nameWidth = min(12, names?.values.map { $0.terminalSafe.count }.max() ?? 0)
        for event in events {
            let kind: String = style.bold(event.kind.rawValue.terminalSafe.padding(toLength: 8, withPad: " ", startingAt: 0))
            var text: String = Self.describe(event, style)
            var author = ""
            if let names, let journal {
                let name = (names[event.author] ?? journal.displayName(of: event.author, profile: profile)).terminalSafe
                author = TextLayout.pad(String(name.prefix(nameWidth)), to: nameWidth) + "  "
                if event.author == journal.author, !Journal.isShared(event), event.kind != .card { text += " " + style.dim("(private)") }
            }
            // Continuation lines start under the text, past the date and kind.
            out += TextLayout.paragraph(text, width: width, indent: "\(event.date)  \(author)\(kind)  ")
        }
        runtime.environment.output.write(out)
    }

    /// One event as a line of text. Everything that comes from the journal
    /// passes through `terminalSafe` (one-line fields) or `terminalSafeLines`
    /// (notes, whose continuation lines the caller indents), so stored text
    /// never drives the terminal.
    static func describe(_ event: JournalEvent, _ style: TextStyle) -> String {
        func line(_ key: String) -> String? { event.text(key)?.terminalSafe }
        func lines(_ key: String) -> String? { event.text(key)?.terminalSafeLines }
        let subject = style.color((event.subject ?? "").terminalSafe, .cyan)
        let note = lines("note").map { ": \($0)" } ?? ""
        switch event.kind {
        case .adopt: return "\(subject) \(line("title").map { "\"\($0)\" " } ?? "")(\(line("cadence") ?? ""))"
        case .drop: return "\(subject) no longer tracked"
        case .done, .skip: return "\(subject)\(note)"
        case .undo: return "\(subject) mark taken back"
        case .checkIn:
            let connection = event.payload["connection"]?.intValue.map(String.init) ?? "?"
            return "connection \(connection)/10; appreciates: \(lines("appreciation") ?? "")\(lines("note").map { "; \($0)" } ?? "")"
        case .note:
            return (lines("text") ?? "") + event.tags.map { " " + style.dim("#\($0.terminalSafe)") }.joined()
        case .profile:
            return event.payload.keys.sorted().map { "\($0.terminalSafe) = \((event.payload[$0]?.stringValue ?? "").terminalSafe)" }.joined(separator: ", ")
        case .record:
            var fields: [String] = []
            if case .object(let values) = event.payload["fields"] {
                fields = values.keys.sorted().map { "\($0.terminalSafe): \((values[$0]?.stringValue ?? "").terminalSafeLines)" }
            }
            return "\(subject) \(line("kind") ?? "")" + (fields.isEmpty ? "" : " (" + fields.joined(separator: ", ") + ")")
        case .card: return "card \(subject) shown"
        case .question: return "answered the daily question (sealed until both have answered)"
        case .reveal: return "opened their answer to the daily question"
        case .answer: return "my answer: \(lines("text") ?? "")"
        default: return subject
        }
    }
}
