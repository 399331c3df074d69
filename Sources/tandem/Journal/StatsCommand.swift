import ArgumentParser
import Foundation
import TandemJournal
import TandemKit
import TandemRuntime

/// `tandem stats [--as-of DATE] [--json]`
struct StatsCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "How the habits are holding up: strength, streaks, last 30 days, a 26-week heatmap, check-ins.")

    @Option(name: .customLong("as-of"), help: "Compute for this day (YYYY-MM-DD; default: today).")
    var asOf: String?

    @OptionGroup var output: OutputOptions

    func run(on runtime: Runtime) throws {
        let environment = runtime.environment
        let day = try JournalAccess.day(asOf, environment, option: "--as-of") ?? LocalDay(environment.now, in: environment.timeZone)
        let stats = try runtime.existingJournal()?.stats(asOf: day, heatmapWeeks: output.json ? 0 : 26)
            ?? JournalStats.empty(asOf: day)
        if output.json {
            runtime.environment.output.write(stats.jsonText() + "\n")
        } else {
            runtime.environment.output.write(JournalText.render(stats, style: runtime.environment.style, width: runtime.environment.readingWidth))
        }
    }
}
