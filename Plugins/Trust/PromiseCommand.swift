import ArgumentParser
import Foundation
import TandemKit

/// `tandem promise`: a ledger of the promises you make your partner, and
/// whether you kept them.
public struct PromiseCommand: ModuleCommand {
    /// The command's name, help and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "promise",
        abstract: "Keep a ledger of the promises you make your partner.",
        discussion: """
            Write a promise down when you make it, and mark it kept or broken when its time \
            comes. Nothing is ever erased: the ledger shows what you promised, what you kept, \
            and how you made things right when you could not.

            Examples:
              tandem promise add "call your mother on Sunday" --due 2026-03-29
              tandem promise kept 1
              tandem promise broken 2 --repair "book the table myself for Friday"
              tandem promise list --all
            """,
        subcommands: [Add.self, Kept.self, Broken.self, List.self],
        defaultSubcommand: List.self)

    /// Creates the command (the parser fills it in).
    public init() {}

    /// The subcommands do the work; this shows the list of open promises.
    public mutating func run(in context: ModuleContext) throws {
        try PromiseCommand.List.show(all: false, json: false, in: context)
    }

    /// `tandem promise add TEXT [--due today|tomorrow|YYYY-MM-DD]`.
    public struct Add: ModuleCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Write down a promise you made.",
            discussion: """
                The due day is today, tomorrow or a date as YYYY-MM-DD. Examples:
                  tandem promise add "call your mother on Sunday" --due 2026-03-29
                  tandem promise add "take out the recycling" --due tomorrow
                """)

        /// What you promised.
        @Argument(help: "What you promised, in a few words.")
        var text: String

        /// When it is due.
        @Option(help: ArgumentHelp("The day it is due: today, tomorrow or YYYY-MM-DD.", valueName: "date"))
        var due: String?

        /// Creates the subcommand (the parser fills it in).
        public init() {}

        /// Appends a `promise` record.
        public mutating func run(in context: ModuleContext) throws {
            let today = context.today
            let ledger = try PromiseLedger(store: context.records)
            let record = try failing { () throws(PromiseError) in
                try PromiseLedger.makeRecord(text: text, due: due, today: today, at: context.now)
            }
            try context.records.append(record)
            let number = ledger.promises.count + 1
            var line = "Promise #\(number) written down: \"\((record.fields["text"] ?? "").terminalSafe)\""
            if let due = record.fields["due"] {
                let dueDay = LocalDay(parsing: due)!
                line += dueDay < today ? " (due \(dueDay.label(withYear: true)), already overdue)" : " (due \(dueDay.label(withYear: true)))"
            }
            context.output.write(line + ".\n")
            context.output.write(context.style.dim("When it's done, mark it with `tandem promise kept \(number)`.") + "\n")
        }
    }

    /// `tandem promise kept ID`.
    public struct Kept: ModuleCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            commandName: "kept", abstract: "Mark a promise as kept.",
            discussion: "ID is the promise's number from `tandem promise list`, or the start of its long id.")

        /// The promise.
        @Argument(help: "The promise's number (or the start of its id).")
        var id: String

        /// Creates the subcommand (the parser fills it in).
        public init() {}

        /// Appends a `kept` record for the promise.
        public mutating func run(in context: ModuleContext) throws {
            let promise = try settle(id, kept: true, repair: nil, in: context)
            context.output.write("Kept #\(promise.number): \"\(promise.text.terminalSafe)\". " + context.style.color("Well done.", .green) + "\n")
            context.output.write("Small promises kept, one after another, are how trust is built.\n")
        }
    }

    /// `tandem promise broken ID [--repair TEXT]`.
    public struct Broken: ModuleCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            commandName: "broken", abstract: "Mark a promise as broken, and say how you'll make it right.",
            discussion: "Example: tandem promise broken 2 --repair \"book the table myself for Friday\"")

        /// The promise.
        @Argument(help: "The promise's number (or the start of its id).")
        var id: String

        /// What I'll do to make it right.
        @Option(help: ArgumentHelp("What you'll do to make it right.", valueName: "text"))
        var repair: String?

        /// Creates the subcommand (the parser fills it in).
        public init() {}

        /// Appends a `broken` record for the promise.
        public mutating func run(in context: ModuleContext) throws {
            let promise = try settle(id, kept: false, repair: repair, in: context)
            context.output.write("Marked #\(promise.number) as broken: \"\(promise.text.terminalSafe)\".\n")
            if let repair = repair?.trimmingCharacters(in: .whitespacesAndNewlines), !repair.isEmpty {
                context.output.write("Your repair: \(repair.terminalSafe). Tell your partner, then do it soon.\n")
            } else {
                context.output.write(
                    "Tell your partner plainly, without excuses, and offer one thing you'll do to make it right.\n")
            }
        }
    }

    /// `tandem promise list [--all] [--json]`.
    public struct List: ModuleCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Show open promises (or all of them) and your keep rate.")

        /// Whether to include kept and broken promises.
        @Flag(help: "Include kept and broken promises.")
        var all = false

        /// Whether to write JSON.
        @Flag(help: "Write the promises as JSON.")
        var json = false

        /// Creates the subcommand (the parser fills it in).
        public init() {}

        /// Prints the promises.
        public mutating func run(in context: ModuleContext) throws {
            try List.show(all: all, json: json, in: context)
        }

        static func show(all: Bool, json: Bool, in context: ModuleContext) throws {
            let ledger = try PromiseLedger(store: context.records)
            let today = context.today
            let shown = all ? ledger.promises : ledger.open
            if json {
                context.output.write(try PromiseReport.json(ledger: ledger, shown: shown, today: today) + "\n")
            } else {
                context.output.write(PromiseReport.text(ledger: ledger, shown: shown, all: all, today: today, style: context.style))
            }
        }
    }
}

/// Runs a ledger step, turning its error into a ``CommandFailure``.
private func failing<T>(_ body: () throws(PromiseError) -> T) throws(CommandFailure) -> T {
    do { return try body() } catch { throw CommandFailure(error.message) }
}

/// Finds the promise and appends the record that settles it.
private func settle(_ id: String, kept: Bool, repair: String?, in context: ModuleContext) throws -> Promise {
    let ledger = try PromiseLedger(store: context.records)
    let today = context.today
    let (promise, record) = try failing { () throws(PromiseError) in
        let promise = try ledger.promise(matching: id)
        return (promise, try ledger.settleRecord(promise, kept: kept, repair: repair, today: today, at: context.now))
    }
    try context.records.append(record)
    return promise
}

/// The ledger written for people or as JSON.
enum PromiseReport {
    static func text(ledger: PromiseLedger, shown: [Promise], all: Bool, today: LocalDay, style: TextStyle) -> String {
        var text = ""
        if ledger.promises.isEmpty {
            return "No promises written down yet. Next time you promise your partner something, "
                + "add it with `tandem promise add \"…\"`.\n"
        }
        text += style.bold(all ? "All promises" : "Open promises") + "\n"
        if shown.isEmpty {
            text += "  Nothing open: every promise is settled.\n"
        }
        for promise in shown {
            var line = "  " + style.color("#\(promise.number)", .cyan) + "  \(promise.text.terminalSafe)"
            var notes: [String] = []
            switch promise.status {
            case .open:
                if let due = promise.due {
                    if promise.isOverdue(today: today) {
                        notes.append(style.color("OVERDUE since \(due.label(withYear: true))", .yellow))
                    } else if due == today {
                        notes.append("due today")
                    } else {
                        notes.append("due \(due.label(withYear: true))")
                    }
                }
            case .kept(let on):
                notes.append(style.color("kept \(on.label(withYear: true))", .green))
            case .broken(let on, let repair):
                notes.append(style.color("broken \(on.label(withYear: true))", .red) + (repair.map { "; repair: \($0.terminalSafe)" } ?? ""))
            }
            if !notes.isEmpty { line += "  (" + notes.joined(separator: ", ") + ")" }
            text += line + "\n"
        }
        let overdue = ledger.open.filter { $0.isOverdue(today: today) }.count
        if overdue > 0 {
            text += "\(overdue) overdue: keep it today, or tell your partner honestly and mark it broken with a repair.\n"
        }
        text += keepRateLine(ledger) + "\n"
        return text
    }

    static func keepRateLine(_ ledger: PromiseLedger) -> String {
        guard let rate = ledger.keepRate else { return "Keep rate: nothing kept or broken yet." }
        let settled = ledger.keptCount + ledger.brokenCount
        return "Keep rate: \(ledger.keptCount) of \(settled) settled promise\(settled == 1 ? "" : "s") kept (\(Int((rate * 100).rounded()))%)."
    }

    static func json(ledger: PromiseLedger, shown: [Promise], today: LocalDay) throws -> String {
        struct Item: Encodable {
            var number: Int, id: String, text: String, due: String?, made: String, status: String
            var overdue: Bool, settled: String?, repair: String?
        }
        struct Document: Encodable {
            var today: String, open: Int, kept: Int, broken: Int, keepRate: Double?, promises: [Item]
        }
        let items = shown.map { promise in
            var settled: String?, repair: String?
            switch promise.status {
            case .open: break
            case .kept(let on): settled = on.description
            case .broken(let on, let text): settled = on.description; repair = text
            }
            return Item(
                number: promise.number, id: promise.id.uuidString.lowercased(), text: promise.text, due: promise.due?.description, made: promise.made.description,
                status: promise.status.name, overdue: promise.isOverdue(today: today), settled: settled, repair: repair)
        }
        let document = Document(
            today: today.description, open: ledger.open.count, kept: ledger.keptCount, broken: ledger.brokenCount,
            keepRate: ledger.keepRate, promises: items)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return TerminalText.escapingJSON(String(decoding: try encoder.encode(document), as: UTF8.self))
    }
}
