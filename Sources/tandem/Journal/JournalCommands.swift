import ArgumentParser
import Foundation
import TandemHost
import TandemJournal
import TandemKit

/// The journal's subcommands, in the order `tandem --help` lists them.
enum JournalCommands {
    static let all: [any ParsableCommand.Type] = [
        AdoptCommand.self, DoneCommand.self, SkipCommand.self, UndoCommand.self, TodayCommand.self,
        CheckinCommand.self, NoteCommand.self, JournalCommand.self, StatsCommand.self, ExportCommand.self,
        ImportCommand.self, DropCommand.self, ProfileCommand.self,
        JournalStressCommand.self, JournalGenerateCommand.self,
    ]
}

/// What the journal commands share: opening the journal, reading dates and
/// practice ids the way people type them.
enum JournalAccess {
    /// Opens the journal in `$TANDEM_HOME` (or the XDG data folder), with
    /// "now" from `TANDEM_NOW` when it is set.
    static func open(_ environment: TandemEnvironment) throws -> Journal {
        try PrivateFolder.make(environment.dataDirectory)
        return try Journal.open(at: environment.journalURL, timeZone: environment.timeZone, clock: clock(environment))
    }

    /// The fixed `TANDEM_NOW` when it is set, else the real clock.
    static func clock(_ environment: TandemEnvironment) -> @Sendable () -> Date {
        let variable = ProcessInfo.processInfo.environment["TANDEM_NOW"] ?? ""
        if variable.isEmpty { return { Date() } }
        let now = environment.now
        return { now }
    }

    /// Reads `YYYY-MM-DD`, `today` or `yesterday`; refuses days after today.
    static func day(_ text: String?, _ environment: TandemEnvironment, option: String = "--date") throws -> LocalDay? {
        guard let text else { return nil }
        let today = LocalDay(environment.now, in: environment.timeZone)
        let day: LocalDay
        switch text.lowercased() {
        case "today": day = today
        case "yesterday": day = today.adding(days: -1)
        default:
            guard let parsed = LocalDay(parsing: text) else {
                throw CommandFailure("\(option) '\(text)' is not a date; use YYYY-MM-DD (such as \(today)), today or yesterday")
            }
            day = parsed
        }
        if day > today { throw CommandFailure("\(option) \(day) is in the future (today is \(today))") }
        return day
    }

    /// Reads a date for a filter (`--since`, `--as-of`): any valid date.
    static func anyDay(_ text: String?, _ environment: TandemEnvironment, option: String) throws -> LocalDay? {
        guard let text else { return nil }
        let today = LocalDay(environment.now, in: environment.timeZone)
        switch text.lowercased() {
        case "today": return today
        case "yesterday": return today.adding(days: -1)
        default:
            guard let parsed = LocalDay(parsing: text) else {
                throw CommandFailure("\(option) '\(text)' is not a date; use YYYY-MM-DD (such as \(today))")
            }
            return parsed
        }
    }

    /// Whether `id` is `custom.snake_case_slug`.
    static func isCustom(_ id: String) -> Bool {
        let parts = id.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == "custom", let first = parts[1].unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return parts[1].unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// Opens the journal for a command about an adopted habit, after checking
    /// the id names something: a practice, a custom habit, or a habit the
    /// journal tracks. Unknown ids suggest the closest; nothing is created.
    static func openForHabit(_ id: String, _ environment: TandemEnvironment) throws -> Journal {
        if App.registry.practice(id: id) != nil || isCustom(id) { return try open(environment) }
        var candidates = App.registry.allPractices.map(\.id)
        if FileManager.default.fileExists(atPath: environment.journalURL.path) {
            let journal = try open(environment)
            let habits = try journal.habits().map(\.id)
            if habits.contains(id) { return journal }
            candidates = habits + candidates
        }
        if id.hasPrefix("custom.") {
            throw CommandFailure("'\(id)' is not a custom habit id; use custom.snake_case_name, such as custom.morning_walk")
        }
        throw CommandFailure("unknown practice '\(id)'\(Suggestions.hint(for: id, in: candidates))")
    }

    /// "1 day", "5 days".
    static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }

    /// Writes pretty, key-sorted JSON and a newline.
    static func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        StandardOutput.stdout.write(String(decoding: try encoder.encode(value), as: UTF8.self) + "\n")
    }
}

extension JournalAccess {
    /// The couple's profile from the journal, read without creating it.
    static func profile(_ environment: TandemEnvironment) -> Profile {
        Journal.readProfile(at: environment.journalURL) ?? Profile()
    }

    /// Module records kept in the journal, opened on first use, namespaced
    /// by the module whose command this process runs (`tandem promise …`
    /// writes as `trust`).
    static func moduleRecords(_ environment: TandemEnvironment, moduleID: String? = nil) -> any ModuleRecordStore {
        let journal = LazyJournal { () throws -> Journal in try open(environment) }
        let commandName = CommandLine.arguments.dropFirst().first { !$0.hasPrefix("-") }
        let module = moduleID ?? commandName.flatMap { App.registry.command(named: $0)?.module.id } ?? "tandem"
        return journal.recordStore(moduleID: module)
    }
}
