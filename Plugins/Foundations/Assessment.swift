import Foundation
import TandemKit

/// One of the five pillars of emotional intimacy.
public enum Pillar: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Saying what you think and feel, and hearing the same back.
    case communication
    /// Valuing each other's views and counting on each other.
    case respectAndTrust = "respect_and_trust"
    /// Letting your partner see the real, unpolished you.
    case vulnerability
    /// Staying interested, invested and warm toward each other.
    case passion
    /// Giving each other undivided attention.
    case presence

    /// The pillar's id in JSON and routines: `communication`, `respect_and_trust`, …
    public var id: String { rawValue }

    /// The pillar's name as people read it.
    public var name: String {
        switch self {
        case .communication: "Open and honest communication"
        case .respectAndTrust: "Respect and trust"
        case .vulnerability: "Vulnerability"
        case .passion: "Passion"
        case .presence: "Presence"
        }
    }

    /// Practice ids, from any module, that strengthen this pillar, best first.
    ///
    /// Ids of other modules are named by string: a module that is not loaded
    /// simply leaves its ids unused.
    public var practiceIDs: [String] {
        switch self {
        case .communication:
            ["foundations.open_and_honest", "foundations.soften_approach", "men.communicate_regularly", "women.practice_openness"]
        case .respectAndTrust:
            ["trust.keep_promises", "trust.avoid_judgment", "foundations.own_your_part", "foundations.accept_and_appreciate"]
        case .vulnerability:
            ["foundations.be_vulnerable", "men.embrace_vulnerability", "women.accept_vulnerability", "foundations.name_the_barrier"]
        case .passion:
            ["daily.affection", "men.prioritize_intimacy", "daily.gratitude", "foundations.take_an_interest"]
        case .presence:
            ["daily.no_tech_time", "longdistance.active_listening", "foundations.seek_to_understand"]
        }
    }

    /// Finds a pillar by id (`respect_and_trust`), by name (`Respect and trust`)
    /// or by a short form (`trust`, `respect`), ignoring case.
    public init?(lookup text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        if let exact = Pillar.allCases.first(where: { $0.id == key || $0.name.lowercased().replacingOccurrences(of: " ", with: "_") == key }) {
            self = exact
            return
        }
        switch key {
        case "respect", "trust", "respect_trust": self = .respectAndTrust
        case "honesty", "openness", "talk": self = .communication
        case "attention": self = .presence
        default: return nil
        }
    }

    /// Orders pillars as they are listed.
    public static func < (lhs: Pillar, rhs: Pillar) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One statement of the self-assessment, rated from 1 (rarely) to 5 (almost always).
public struct AssessmentQuestion: Sendable, Hashable {
    /// The pillar the statement measures.
    public var pillar: Pillar
    /// The statement, in the first person.
    public var text: String

    /// Creates a question.
    public init(pillar: Pillar, text: String) {
        self.pillar = pillar
        self.text = text
    }
}

/// A pillar's score: the answers given for it and their average.
public struct PillarScore: Sendable, Hashable {
    /// The pillar.
    public var pillar: Pillar
    /// The answers for this pillar, 1 to 5, in question order.
    public var answers: [Int]

    /// Creates a score.
    public init(pillar: Pillar, answers: [Int]) {
        self.pillar = pillar
        self.answers = answers
    }

    /// The average answer, 1 to 5 (0 when there are no answers).
    public var average: Double {
        answers.isEmpty ? 0 : Double(answers.reduce(0, +)) / Double(answers.count)
    }

    /// The average as a share of the top answer: 5 is 100, 3 is 60.
    public var percent: Int { Int((average / Double(PillarAssessment.scale.upperBound) * 100).rounded()) }
}

/// The outcome of the assessment: a score per pillar, the weakest pillars and
/// the practices that address them.
public struct AssessmentResult: Sendable, Hashable {
    /// One score per pillar, in pillar order.
    public var scores: [PillarScore]

    /// Creates a result from pillar scores.
    public init(scores: [PillarScore]) {
        self.scores = scores.sorted { $0.pillar < $1.pillar }
    }

    /// The pillars with the lowest average; more than one when they tie.
    public var weakest: [Pillar] {
        guard let lowest = scores.map(\.average).min() else { return [] }
        return scores.filter { $0.average - lowest < 1e-9 }.map(\.pillar)
    }

    /// Whether every pillar has the same average (so none stands out).
    public var isEven: Bool { scores.count > 1 && weakest.count == scores.count }

    /// Practice ids that address the weakest pillars, without repeats, in pillar order.
    ///
    /// One weak pillar gets all its practices; when several tie, each gets its
    /// best few so the list stays short (about six): three each for two, two
    /// each for three, one each for four or five.
    public var recommendations: [String] {
        let pillars = weakest
        guard !pillars.isEmpty else { return [] }
        let perPillar = max(1, 6 / pillars.count)
        var seen = Set<String>()
        return pillars.flatMap { $0.practiceIDs.prefix(perPillar) }.filter { seen.insert($0).inserted }
    }

    /// The score for one pillar.
    public func score(for pillar: Pillar) -> PillarScore? { scores.first { $0.pillar == pillar } }
}

/// A problem with the answers given to the assessment.
public struct AssessmentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

/// The five-pillar self-assessment: its questions and how answers are scored.
///
/// This type does no input or output, so it can be tested on its own; the
/// `assess` command (``FoundationsAssess``) asks the questions and prints the result.
public struct PillarAssessment: Sendable {
    /// The allowed answers: 1 (rarely) to 5 (almost always).
    public static let scale: ClosedRange<Int> = 1...5

    /// What the ends and middle of the scale mean, shown with every question.
    public static let scaleHint = "1 = rarely, 3 = sometimes, 5 = almost always"

    /// The questions, grouped by pillar.
    public var questions: [AssessmentQuestion]

    /// Creates an assessment with its questions.
    public init(questions: [AssessmentQuestion]) {
        self.questions = questions
    }

    /// The standard assessment: three statements for each of the five pillars.
    public static let standard = PillarAssessment(questions: [
        AssessmentQuestion(pillar: .communication, text: "I tell my partner how I actually feel, not just what happened."),
        AssessmentQuestion(pillar: .communication, text: "I can bring up something that bothers me without it turning into a fight."),
        AssessmentQuestion(pillar: .communication, text: "When my partner shares something, I feel safe answering honestly."),
        AssessmentQuestion(pillar: .respectAndTrust, text: "I take my partner's opinions seriously, even when I disagree."),
        AssessmentQuestion(pillar: .respectAndTrust, text: "I trust my partner to be on my side when things get hard."),
        AssessmentQuestion(pillar: .respectAndTrust, text: "I do what I say I will do for my partner."),
        AssessmentQuestion(pillar: .vulnerability, text: "I let my partner see me when I am scared, unsure or sad."),
        AssessmentQuestion(pillar: .vulnerability, text: "I share hopes or worries I have not told anyone else."),
        AssessmentQuestion(pillar: .vulnerability, text: "I can ask my partner for comfort or help without feeling weak."),
        AssessmentQuestion(pillar: .passion, text: "I am curious about what is going on in my partner's life."),
        AssessmentQuestion(pillar: .passion, text: "I show my partner affection and warmth on ordinary days."),
        AssessmentQuestion(pillar: .passion, text: "I make time for us even when life is busy."),
        AssessmentQuestion(pillar: .presence, text: "When we talk, my phone and screens are out of sight."),
        AssessmentQuestion(pillar: .presence, text: "I listen to my partner without planning my reply."),
        AssessmentQuestion(pillar: .presence, text: "We spend time together each day where we really pay attention to each other."),
    ])

    /// The pillars the questions cover, in pillar order.
    public var pillars: [Pillar] { Array(Set(questions.map(\.pillar))).sorted() }

    /// The prompt shown for question `index` (0-based): its number, pillar,
    /// statement and the scale.
    public func prompt(for index: Int) -> String {
        let question = questions[index]
        return "\(index + 1)/\(questions.count) [\(question.pillar.name)] \(question.text)\n   (\(Self.scaleHint)): "
    }

    /// Reads one answer: a whole number on the scale, ignoring surrounding
    /// spaces; `nil` for anything else.
    public static func parseAnswer(_ text: String) -> Int? {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), scale.contains(value) else { return nil }
        return value
    }

    /// Scores one answer per question, in question order.
    ///
    /// - Throws: ``AssessmentError`` when the number of answers is wrong or an
    ///   answer is off the scale.
    public func score(answers: [Int]) throws(AssessmentError) -> AssessmentResult {
        guard answers.count == questions.count else {
            throw AssessmentError("expected \(questions.count) answers, got \(answers.count)")
        }
        if let bad = answers.firstIndex(where: { !Self.scale.contains($0) }) {
            throw AssessmentError("answer \(bad + 1) is \(answers[bad]), not \(Self.scale.lowerBound) to \(Self.scale.upperBound)")
        }
        var byPillar: [Pillar: [Int]] = [:]
        for (question, answer) in zip(questions, answers) {
            byPillar[question.pillar, default: []].append(answer)
        }
        return AssessmentResult(scores: pillars.map { PillarScore(pillar: $0, answers: byPillar[$0] ?? []) })
    }
}
