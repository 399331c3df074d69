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

    @OptionGroup var output: OutputOptions

    func run(on runtime: Runtime) throws {
        let environment = runtime.environment
        let filter = EventFilter(
            since: try JournalAccess.anyDay(since, environment, option: "--since"),
            until: try JournalAccess.anyDay(until, environment, option: "--until"),
            search: search, tag: tag)
        let events = try runtime.existingJournal()?.events(matching: filter) ?? []
        if output.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            runtime.environment.output.write(String(decoding: try encoder.encode(events), as: UTF8.self) + "\n")
            return
        }
        if events.isEmpty {
            runtime.environment.output.write("Nothing in the journal\(since != nil || until != nil || search != nil || tag != nil ? " matches" : " yet").\n")
            return
        }
        let style = runtime.environment.style
        var out = ""
        let width = runtime.environment.readingWidth
        for event in events {
            let kind: String = style.bold(event.kind.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))
            let text: String = Self.describe(event, style)
            // Continuation lines start under the text, past the date and kind.
            out += TextLayout.paragraph(text, width: width, indent: "\(event.date)  \(kind)  ")
        }
        runtime.environment.output.write(out)
    }

    static func describe(_ event: JournalEvent, _ style: TextStyle) -> String {
        let subject = style.color(event.subject ?? "", .cyan)
        let note = event.text("note").map { ": \($0)" } ?? ""
        switch event.kind {
        case .adopt: return "\(subject) \(event.text("title").map { "\"\($0)\" " } ?? "")(\(event.text("cadence") ?? ""))"
        case .drop: return "\(subject) no longer tracked"
        case .done, .skip: return "\(subject)\(note)"
        case .undo: return "\(subject) mark taken back"
        case .checkIn:
            let connection = event.payload["connection"]?.numberValue.map { String(Int($0)) } ?? "?"
            return "connection \(connection)/10; appreciates: \(event.text("appreciation") ?? "")\(event.text("note").map { "; \($0)" } ?? "")"
        case .note:
            return (event.text("text") ?? "") + event.tags.map { " " + style.dim("#\($0)") }.joined()
        case .profile:
            return event.payload.keys.sorted().map { "\($0) = \(event.payload[$0]?.stringValue ?? "")" }.joined(separator: ", ")
        case .record:
            var fields: [String] = []
            if case .object(let values) = event.payload["fields"] {
                fields = values.keys.sorted().map { "\($0): \(values[$0]?.stringValue ?? "")" }
            }
            return "\(subject) \(event.text("kind") ?? "")" + (fields.isEmpty ? "" : " (" + fields.joined(separator: ", ") + ")")
        case .card: return "card \(subject) shown"
        default: return subject
        }
    }
}
