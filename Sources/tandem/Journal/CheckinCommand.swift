import ArgumentParser
import Foundation
import TandemJournal
import TandemKit
import TandemRuntime

/// `tandem checkin [--connection N] [--appreciation TEXT] [--note TEXT]`
struct CheckinCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin",
        abstract: "Check in: how connected you feel (1-10), one appreciation, an optional note.",
        discussion: """
            On a terminal it asks; from a pipe it reads one answer per line (connection,
            appreciation, note). With --connection and --appreciation it asks nothing.
            Check-ins are shared with your partner (when you share a folder) unless --private.
            """)

    @Option(name: .long, parsing: .unconditional, help: "How connected you feel, 1 to 10.", transform: NumberOption.whole)
    var connection: Int?

    @Option(name: .long, help: "One thing you appreciate about your partner.")
    var appreciation: String?

    @Option(name: .long, help: "Anything else (optional).")
    var note: String?

    @Option(name: .long, help: "The day: YYYY-MM-DD, today or yesterday (default: today).")
    var date: String?

    @Flag(name: .long, help: "Keep this check-in on this machine (check-ins are shared by default).")
    var `private` = false

    @Flag(name: .long, help: "List the last 30 check-ins instead of checking in.")
    var history = false

    @OptionGroup var who: WhoOptions

    func run(on runtime: Runtime) throws {
        let environment = runtime.environment
        if history { return try showHistory(runtime) }
        if who.who != nil { throw CommandFailure("--who goes with --history (a check-in is always your own)") }
        let day = try JournalAccess.day(date, environment)
        if let connection, !(1...10).contains(connection) {
            throw CommandFailure("--connection must be 1 to 10, not \(connection)")
        }
        if let appreciation, appreciation.trimmingCharacters(in: .whitespaces).isEmpty {
            throw CommandFailure("--appreciation cannot be empty")
        }
        let input = runtime.environment.input
        let asking = connection == nil || appreciation == nil
        var partner = "your partner"
        if asking, let name = runtime.profile.partnerName {
            partner = name.terminalSafe
        }
        var score = connection ?? 0
        if connection == nil {
            score = try ask(input, runtime, "How connected do you feel today, 1 to 10? ", problem: "a whole number from 1 to 10") { answer -> Int? in
                guard let value = Int(answer), (1...10).contains(value) else { return nil }
                return value
            }
        }
        var thanks = appreciation ?? ""
        if appreciation == nil {
            thanks = try ask(input, runtime, "One thing you appreciate about \(partner): ", problem: "one thing, in a few words") { answer -> String? in
                answer.isEmpty ? nil : answer
            }
        }
        var extra = note
        if extra == nil, asking {
            extra = input.readLine(prompt: "Anything else? (Enter to skip) ")?.trimmingCharacters(in: .whitespaces)
        }
        let journal = try runtime.journal()
        try journal.addCheckIn(connection: score, appreciation: thanks, note: extra, date: day, isPrivate: `private`)
        let recent = try journal.stats(asOf: day ?? journal.today).checkIns.recent.map(\.connection)
        runtime.environment.output.write(
            "Checked in: connection \(score)/10. Recent check-ins \(JournalText.sparkline(recent)). Thank you for noticing.\n")
    }

    /// Asks until the answer is good on a terminal; from a pipe, one line or a failure.
    func ask<T>(_ input: any LineInput, _ runtime: Runtime, _ prompt: String, problem: String, _ check: (String) -> T?) throws -> T {
        while true {
            guard let line = input.readLine(prompt: prompt) else {
                throw CommandFailure("no answer to \"\(prompt.trimmingCharacters(in: .whitespaces))\"; nothing was written")
            }
            if let value = check(line.trimmingCharacters(in: .whitespaces)) { return value }
            if input.isInteractive {
                runtime.environment.output.write("Please give \(problem).\n")
            } else {
                throw CommandFailure("'\(line)' is not \(problem); nothing was written")
            }
        }
    }

    /// The last 30 check-ins of each member asked for, a sparkline each.
    func showHistory(_ runtime: Runtime) throws {
        let journal = try runtime.existingJournal()
        let who = try who.who ?? (journal?.partnerID() == nil ? .me : .both)
        let partner = try who.partner(in: journal)
        let profile = runtime.profile
        var members: [(String, String?)] = []
        if who != .partner { members.append((profile.myName ?? "me", journal?.author)) }
        if who != .me { members.append((profile.partnerName ?? "partner", partner)) }
        let width = runtime.environment.readingWidth
        var out = ""
        for (name, author) in members {
            let stats = try author.flatMap { try journal?.stats(author: $0).checkIns }
            out += runtime.environment.style.bold(name.terminalSafe) + "\n"
            guard let stats, stats.count > 0 else {
                out += "  no check-ins yet\n"
                continue
            }
            out += "  " + JournalText.sparkline(stats.recent.map(\.connection)) + "  average " + String(format: "%.1f", stats.average ?? 0)
                + ", trend \(stats.trend)\n"
            let events = try journal?.events(matching: EventFilter(kinds: [.checkIn], who: author == journal?.author ? .me : .partner)) ?? []
            for event in events.suffix(30) {
                let connection = event.payload["connection"]?.intValue.map(String.init) ?? "?"
                out += TextLayout.paragraph(
                    "\(event.date)  \(connection)/10  " + (event.text("appreciation") ?? "").terminalSafeLines, width: width, indent: "  ")
            }
        }
        runtime.environment.output.write(out)
    }
}
