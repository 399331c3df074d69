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
            try writeLatestAssessment(on: runtime, asOf: day)
        }
    }

    /// The latest self-assessment (`tandem assess` saves it as a foundations
    /// record with a one-line summary) up to `day`, and its date.
    func writeLatestAssessment(on runtime: Runtime, asOf day: LocalDay) throws {
        guard try runtime.existingJournal() != nil, runtime.registry.module(id: "foundations") != nil,
            let latest = try runtime.records(for: "foundations").records(kind: "assessment").last(where: { $0.date <= day }),
            let summary = latest.fields["summary"]
        else { return }
        let environment = runtime.environment
        environment.output.write("\n" + TextLayout.paragraph(
            environment.style.bold("Self-assessment, \(latest.date)") + ": " + summary.terminalSafe + ". tandem assess --history shows the trend.",
            width: environment.readingWidth, hanging: "  "))
    }
}
