import ArgumentParser
import Foundation
import TandemCatalog
import TandemJournal
import TandemKit
import TandemRuntime

/// The journal's subcommands, in the order `tandem --help` lists them.
enum JournalCommands {
    static let all: [any ParsableCommand.Type] = [
        AdoptCommand.self, DoneCommand.self, SkipCommand.self, UndoCommand.self, TodayCommand.self,
        CheckinCommand.self, NoteCommand.self, JournalCommand.self, StatsCommand.self, ExportCommand.self,
        ImportCommand.self, DropCommand.self, ProfileCommand.self,
    ]
}

/// What the journal commands share: reading dates and practice ids the way
/// people type them.
enum JournalAccess {
    /// Reads `YYYY-MM-DD`, `today` or `yesterday`; refuses days after today.
    static func day(_ text: String?, _ environment: TandemEnvironment, option: String = "--date") throws -> LocalDay? {
        guard let text else { return nil }
        let today = LocalDay(environment.now, in: environment.timeZone)
        let day: LocalDay
        switch text.lowercased() {
        case "today": day = today
        case "yesterday": day = today.adding(days: -1)
        default:
            day = try parsed(text, option: option, today: today, words: ", today or yesterday")
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
            return try parsed(text, option: option, today: today, words: "")
        }
    }

    /// A `YYYY-MM-DD` date in the supported years, or a failure that says
    /// which rule it breaks.
    static func parsed(_ text: String, option: String, today: LocalDay, words: String) throws -> LocalDay {
        if let day = LocalDay(parsing: text) { return day }
        if LocalDay(parsingAnyYear: text) != nil {
            throw CommandFailure("\(option) \(text) is outside the dates Tandem keeps (\(LocalDay.supportedRange))")
        }
        throw CommandFailure("\(option) '\(text)' is not a date; use YYYY-MM-DD (such as \(today))\(words)")
    }

    /// Whether `id` is `custom.snake_case_slug`.
    static func isCustom(_ id: String) -> Bool {
        let parts = id.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == "custom", let first = parts[1].unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return parts[1].unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// Opens the journal for a command about an adopted habit, after checking
    /// the id names something: a practice, or a habit the journal tracks (a
    /// custom habit only once adopted). Unknown ids suggest the closest;
    /// nothing is created.
    static func openForHabit(_ id: String, _ runtime: Runtime) throws -> Journal {
        if runtime.registry.practice(id: id) != nil {
            // Not adopted while there is no journal: say so without creating one.
            guard let journal = try runtime.existingJournal() else { throw Journal.notAdopted(id) }
            return journal
        }
        var candidates = runtime.registry.allPractices.map(\.id)
        if let journal = try runtime.existingJournal() {
            let habits = try journal.habits().map(\.id)
            if habits.contains(id) { return journal }
            candidates = habits + candidates
        }
        if isCustom(id) {
            let hint = Suggestions.hint(for: id, in: candidates)
            throw CommandFailure("'\(id)' is not an adopted habit" + (hint.isEmpty ? "; adopt it first with: tandem adopt \(id) --title \"…\"" : hint))
        }
        if id.hasPrefix("custom.") {
            throw CommandFailure("'\(id)' is not a custom habit id; use custom.snake_case_name, such as custom.morning_walk")
        }
        throw CommandFailure("unknown practice '\(id)'\(Suggestions.hint(for: id, in: candidates))")
    }

    /// "1 day", "5 days".
    static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }

    /// Writes pretty, key-sorted JSON and a newline to the runtime's output.
    static func printJSON(to runtime: Runtime, _ value: some Encodable) throws {
        runtime.environment.output.write(try ContentRenderer.json(value))
    }
}
