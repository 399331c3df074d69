import ArgumentParser
import Foundation
import TandemJournal
import TandemKit

/// `tandem stats [--as-of DATE] [--json]`
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "How the habits are holding up: strength, streaks, last 30 days, a 26-week heatmap, check-ins.")

    @Option(name: .customLong("as-of"), help: "Compute for this day (YYYY-MM-DD; default: today).")
    var asOf: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let environment = try App.environment()
        let day = try JournalAccess.day(asOf, environment, option: "--as-of") ?? LocalDay(environment.now, in: environment.timeZone)
        let stats = try JournalAccess.openIfExists(environment)?.stats(asOf: day, heatmapWeeks: output.json ? 0 : 26)
            ?? JournalStats.empty(asOf: day)
        if output.json {
            StandardOutput.stdout.write(stats.jsonText() + "\n")
        } else {
            StandardOutput.stdout.write(JournalText.render(stats, style: App.style))
        }
    }
}
