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
/// ```
/// tandem assess
/// printf '4\n3\n5\n…' | tandem assess --json
/// ```
public struct FoundationsAssess: ModuleCommand {
    /// The command's name and help.
    public static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Rate the five pillars of emotional intimacy and get practices for the weakest.",
        discussion: """
            Answer each statement from 1 (rarely) to 5 (almost always). Answers \
            may be piped in, one per line; a missing or invalid answer is an error.
            """)

    /// Print the result as one JSON object instead of a report.
    @Flag(name: .long, help: "Print the result as one JSON object.")
    public var json = false

    /// Creates the command with its defaults.
    public init() {}

    /// Asks the questions, then writes the report (or JSON) to the context's output.
    public mutating func run(in context: ModuleContext) throws {
        let assessment = PillarAssessment.standard
        let answers = try Self.collectAnswers(for: assessment, in: context, introduction: !json)
        let result: AssessmentResult
        do {
            result = try assessment.score(answers: answers)
        } catch {
            throw CommandFailure(error.message)
        }
        if json {
            context.output.write(try Self.json(for: result) + "\n")
        } else {
            context.output.write(Self.report(for: result, style: context.style, width: min(context.width, 100)))
        }
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
    static func json(for result: AssessmentResult) throws -> String {
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
        }
        let value = ResultJSON(
            pillars: result.scores.map {
                PillarJSON(
                    id: $0.pillar.id, name: $0.pillar.name, score: ($0.average * 100).rounded() / 100,
                    percent: $0.percent, answers: $0.answers)
            },
            weakest: result.weakest.map(\.id),
            recommendations: result.recommendations)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The result as a short, readable report.
    static func report(for result: AssessmentResult, style: TextStyle, width: Int = 80) -> String {
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
        text += "\nPractices that strengthen \(result.weakest.count == 1 ? "it" : "them"):\n"
        for id in result.recommendations {
            text += "  " + style.color(id, .cyan) + "\n"
        }
        text += "\n" + TextLayout.paragraph(
            "Pick one for the coming week; `tandem show ID` explains it. Take the check again in a month.", width: width, styling: style.dim)
        return text
    }

    /// A 20-character bar filled in proportion to `percent`.
    static func bar(percent: Int) -> String {
        let filled = max(0, min(20, Int((Double(percent) / 5).rounded())))
        return String(repeating: "#", count: filled) + String(repeating: ".", count: 20 - filled)
    }
}
