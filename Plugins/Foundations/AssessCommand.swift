import ArgumentParser
import Foundation
import TandemKit

/// `tandem assess`: the five-pillar self-assessment.
///
/// Asks three statements per pillar, each rated 1 (rarely) to 5 (almost
/// always), then shows a score per pillar, names the weakest pillar (or the
/// pillars tied for weakest) and recommends practices that strengthen it.
///
/// At a terminal a bad answer is asked again. When answers are piped in, each
/// line is the next answer, and a missing or invalid answer stops the command
/// with a ``CommandFailure`` (exit code 2) before anything is written.
///
/// The result is saved as a foundations record (``SavedAssessment``) unless
/// `--no-save`; `--history` shows each pillar's score over the saved results.
///
/// ```
/// tandem assess
/// printf '4\n3\n5\n…' | tandem assess --json
/// tandem assess --history
/// ```
public struct FoundationsAssess: ModuleCommand {
    /// The command's name and help.
    public static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Rate the five pillars of emotional intimacy and get practices for the weakest.",
        discussion: """
            Answer each statement from 1 (rarely) to 5 (almost always). Answers \
            may be piped in, one per line; a missing or invalid answer is an error. \
            The result is saved in the journal (unless --no-save), so --history can \
            show each pillar's score over time and tandem stats the latest.
            """)

    /// Print the result as one JSON object instead of a report.
    @Flag(name: .long, help: "Print the result as one JSON object.")
    public var json = false

    /// Do not keep the result in the journal.
    @Flag(name: .customLong("no-save"), help: "Do not save the result in the journal.")
    public var noSave = false

    /// Show the saved results instead of asking.
    @Flag(name: .long, help: "Show each pillar's score over the saved results, with a sparkline (asks nothing).")
    public var history = false

    /// Creates the command with its defaults.
    public init() {}

    /// Asks the questions, then writes the report (or JSON) to the context's output.
    public mutating func run(in context: ModuleContext) throws {
        if history {
            if noSave { throw CommandFailure("--history shows saved results; it takes no --no-save") }
            return try showHistory(in: context)
        }
        let assessment = PillarAssessment.standard
        let answers = try Self.collectAnswers(for: assessment, in: context, introduction: !json)
        let result: AssessmentResult
        do {
            result = try assessment.score(answers: answers)
        } catch {
            throw CommandFailure(error.message)
        }
        var saved: LocalDay?
        if !noSave {
            do {
                try context.records.append(SavedAssessment(result, date: context.today).record(at: context.now))
            } catch {
                throw CommandFailure("could not save the result: \(error); use --no-save to see it without saving", exitCode: ExitStatus.runtimeError)
            }
            saved = context.today
        }
        if json {
            context.output.write(try Self.json(for: result, saved: saved) + "\n")
        } else {
            context.output.write(Self.report(for: result, style: context.style, width: min(context.width, 100), saved: saved))
        }
    }

    /// `--history`: every pillar's saved scores, oldest to newest.
    func showHistory(in context: ModuleContext) throws {
        let saved = try SavedAssessment.all(in: context.records)
        if json {
            struct Entry: Encodable {
                var date: String
                var scores: [String: Double]
                var weakest: [String]
                var recommendations: [String]
                var answers: [Int]
            }
            let entries = saved.map { result in
                Entry(
                    date: result.date.description,
                    scores: Dictionary(uniqueKeysWithValues: result.scores.map { ($0.key.id, ($0.value * 100).rounded() / 100) }),
                    weakest: result.weakest.map(\.id), recommendations: result.recommendations, answers: result.answers)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            context.output.write(String(decoding: try encoder.encode(["assessments": entries]), as: UTF8.self) + "\n")
            return
        }
        context.output.write(Self.historyReport(saved, style: context.style, width: min(context.width, 100)))
    }

    /// The saved results as one line per pillar: a sparkline, the first and
    /// latest score and the change.
    static func historyReport(_ saved: [SavedAssessment], style: TextStyle, width: Int = 80) -> String {
        guard let first = saved.first, let last = saved.last else {
            return TextLayout.paragraph("No saved assessments yet. Take one with tandem assess; each is saved, so the next shows a trend.", width: width)
        }
        let count = saved.count == 1 ? "1 assessment" : "\(saved.count) assessments"
        let span = saved.count == 1 ? "on \(first.date)" : "from \(first.date) to \(last.date)"
        var text = style.bold("Your five pillars over time") + style.dim(" (\(count), \(span))") + "\n"
        let nameWidth = Pillar.allCases.map { TextLayout.columns($0.name) }.max() ?? 0
        for pillar in Pillar.allCases {
            let scores = saved.map { $0.scores[pillar] ?? 0 }
            let from = scores.first ?? 0, to = scores.last ?? 0
            var line = "  \(TextLayout.pad(pillar.name, to: nameWidth))  \(SavedAssessment.sparkline(scores))  "
            line += saved.count == 1 ? String(format: "%.1f", to) : String(format: "%.1f → %.1f (%+.1f)", from, to, to - from)
            text += (last.weakest.contains(pillar) ? style.color(line, .yellow) : line) + "\n"
        }
        text += "\n" + TextLayout.paragraph(
            "Latest, \(last.date): weakest " + last.weakest.map(\.name).joined(separator: ", ") + ". Take the check again in a month to see the trend.",
            width: width, styling: style.dim)
        return text
    }

    /// Reads one answer per question from the context's input.
    ///
    /// Interactive input asks again after a bad answer; piped input fails on
    /// the first missing or bad answer, naming the question and the text.
    /// `introduction` adds a short explanation before the first question at a terminal.
    static func collectAnswers(for assessment: PillarAssessment, in context: ModuleContext, introduction: Bool) throws -> [Int] {
        let input = context.input
        let range = "\(PillarAssessment.scale.lowerBound) to \(PillarAssessment.scale.upperBound)"
        if input.isInteractive, introduction {
            context.output.write(context.style.bold("The five pillars: a quick self-check") + "\n"
                + "Rate each statement about the last few weeks, \(PillarAssessment.scaleHint).\n"
                + "There are no right answers; honest ones help most.\n\n")
        }
        var answers: [Int] = []
        for index in assessment.questions.indices {
            let number = index + 1
            while true {
                guard let line = input.readLine(prompt: assessment.prompt(for: index)) else {
                    throw CommandFailure(
                        "question \(number) of \(assessment.questions.count) has no answer (the input ended); "
                            + "give one answer from \(range) per line")
                }
                if let answer = PillarAssessment.parseAnswer(line) {
                    answers.append(answer)
                    break
                }
                if input.isInteractive {
                    context.errors.write("Please answer with a whole number from \(range) (\(PillarAssessment.scaleHint)).\n")
                } else {
                    throw CommandFailure("question \(number): '\(line)' is not an answer from \(range)")
                }
            }
        }
        return answers
    }

    /// The result as one JSON object with sorted keys.
    static func json(for result: AssessmentResult, saved: LocalDay? = nil) throws -> String {
        struct PillarJSON: Encodable {
            var id: String
            var name: String
            var score: Double
            var percent: Int
            var answers: [Int]
        }
        struct ResultJSON: Encodable {
            var pillars: [PillarJSON]
            var weakest: [String]
            var recommendations: [String]
            var saved: String?

            enum CodingKeys: String, CodingKey { case pillars, weakest, recommendations, saved }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(pillars, forKey: .pillars)
                try container.encode(weakest, forKey: .weakest)
                try container.encode(recommendations, forKey: .recommendations)
                try container.encode(saved, forKey: .saved)  // null when not saved
            }
        }
        let value = ResultJSON(
            pillars: result.scores.map {
                PillarJSON(
                    id: $0.pillar.id, name: $0.pillar.name, score: ($0.average * 100).rounded() / 100,
                    percent: $0.percent, answers: $0.answers)
            },
            weakest: result.weakest.map(\.id),
            recommendations: result.recommendations, saved: saved?.description)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The result as a short, readable report.
    static func report(for result: AssessmentResult, style: TextStyle, width: Int = 80, saved: LocalDay? = nil) -> String {
        let nameWidth = result.scores.map { TextLayout.columns($0.pillar.name) }.max() ?? 0
        var text = "\n" + style.bold("Your five pillars") + "\n"
        for score in result.scores {
            let name = TextLayout.pad(score.pillar.name, to: nameWidth)
            let average = String(format: "%.1f", score.average)
            let line = "  \(name)  \(average)/5  \(bar(percent: score.percent))  \(score.percent)%"
            text += (result.weakest.contains(score.pillar) && !result.isEven ? style.color(line, .yellow) : line) + "\n"
        }
        text += "\n"
        let lowest = result.weakest.first.flatMap(result.score(for:))?.average ?? 0
        if result.isEven {
            text += TextLayout.paragraph(
                lowest >= 4.5
                    ? "Every pillar is strong and level: keep doing what works."
                    : "Your pillars are level: none stands out as weaker than the others.", width: width)
        }
        let names = result.weakest.map(\.name)
        let label = result.weakest.count == 1 ? "Weakest pillar" : "Weakest pillars (tied)"
        text += TextLayout.paragraph(
            style.bold(label) + ": " + names.joined(separator: ", ") + " (" + String(format: "%.1f", lowest) + "/5)", width: width, hanging: "  ")
        text += "\nPractices that strengthen \(result.weakest.count == 1 ? "it" : "them"); adopt one as a habit:\n"
        for id in result.recommendations {
            text += "  tandem adopt " + style.color(id, .cyan) + "\n"
        }
        let after = saved.map { "Saved on \($0); tandem assess --history shows how the pillars change." } ?? "Not saved (--no-save)."
        text += "\n" + TextLayout.paragraph(
            "Pick one for the coming week; `tandem show ID` explains it. Take the check again in a month.", width: width, styling: style.dim)
        text += TextLayout.paragraph(after, width: width, styling: style.dim)
        return text
    }

    /// A 20-character bar filled in proportion to `percent`.
    static func bar(percent: Int) -> String {
        let filled = max(0, min(20, Int((Double(percent) / 5).rounded())))
        return String(repeating: "#", count: filled) + String(repeating: ".", count: 20 - filled)
    }
}
