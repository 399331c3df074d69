import ArgumentParser
import Foundation
import TandemJournal
import TandemKit
import TandemRuntime

/// `tandem stats [--as-of DATE] [--who W] [--long] [--json]`
struct StatsCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "How the habits are holding up: an overview, strength, streaks, last 30 days, heatmaps, check-ins, and together.")

    @Option(name: .customLong("as-of"), help: "Compute for this day (YYYY-MM-DD; default: today).")
    var asOf: String?

    @Flag(name: .long, help: "Show the 26-week heatmap of every habit, even a young one.")
    var long = false

    @OptionGroup var who: WhoOptions

    @OptionGroup var output: OutputOptions

    func run(on runtime: Runtime) throws {
        let environment = runtime.environment
        let day = try JournalAccess.day(asOf, environment, option: "--as-of") ?? LocalDay(environment.now, in: environment.timeZone)
        let journal = try runtime.existingJournal()
        let who = who.who ?? .me
        let partner = try who.partner(in: journal)
        let profile = runtime.profile
        let myName = profile.myName ?? "me", partnerName = profile.partnerName ?? "partner"
        let weeks = output.json ? 0 : 26
        func figures(_ author: String?, together: String?) throws -> JournalStats {
            try journal?.stats(asOf: day, heatmapWeeks: weeks, author: author, together: together, partnerName: partnerName)
                ?? JournalStats.empty(asOf: day)
        }
        var sections: [(JournalStats, String?)] = []
        switch who {
        case .me: sections = [(try figures(nil, together: partner), partner == nil ? nil : myName)]
        case .partner: sections = [(try figures(partner, together: nil), partnerName)]
        case .both: sections = [(try figures(nil, together: partner), myName), (try figures(partner, together: nil), partnerName)]
        }
        if output.json {
            if sections.count == 1, who == .me, let latest = try latestAssessment(on: runtime, asOf: day) {
                try JournalAccess.printJSON(to: runtime, WithAssessment(stats: sections[0].0, latestAssessment: latest))
            } else if sections.count == 1 {
                runtime.environment.output.write(sections[0].0.jsonText() + "\n")
            } else {
                struct Both: Encodable { var me: JournalStats; var partner: JournalStats }
                try JournalAccess.printJSON(to: runtime, Both(me: sections[0].0, partner: sections[1].0))
            }
            return
        }
        let text = sections.map { stats, whose in
            JournalText.render(stats, style: environment.style, width: environment.readingWidth, long: long, whose: whose)
        }
        runtime.environment.output.write(text.joined(separator: "\n"))
        if who != .partner { try writeLatestAssessment(on: runtime, asOf: day) }
    }

    /// The latest self-assessment in `stats --json`: `{"date", "summary"}`.
    struct Assessment: Encodable {
        var date: String
        var summary: String
    }

    /// The stats' own keys and `latestAssessment`, in one object.
    struct WithAssessment: Encodable {
        var stats: JournalStats
        var latestAssessment: Assessment
        enum Key: String, CodingKey { case latestAssessment }
        func encode(to encoder: any Encoder) throws {
            try stats.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(latestAssessment, forKey: .latestAssessment)
        }
    }

    /// The latest self-assessment (`tandem assess` saves it as a foundations
    /// record with a one-line summary) up to `day`.
    func latestAssessment(on runtime: Runtime, asOf day: LocalDay) throws -> Assessment? {
        guard try runtime.existingJournal() != nil, runtime.registry.module(id: "foundations") != nil,
            let latest = try runtime.records(for: "foundations").records(kind: "assessment").last(where: { $0.date <= day }),
            let summary = latest.fields["summary"]
        else { return nil }
        return Assessment(date: latest.date.description, summary: summary)
    }

    /// The latest self-assessment and its date, after the text.
    func writeLatestAssessment(on runtime: Runtime, asOf day: LocalDay) throws {
        guard let latest = try latestAssessment(on: runtime, asOf: day) else { return }
        let environment = runtime.environment
        environment.output.write("\n" + TextLayout.paragraph(
            environment.style.bold("Self-assessment, \(latest.date)") + ": " + latest.summary.terminalSafe + ". tandem assess --history shows the trend.",
            width: environment.readingWidth, hanging: "  "))
    }
}
