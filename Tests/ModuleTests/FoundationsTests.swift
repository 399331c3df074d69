import Foundation
import Synchronization
import Testing
import TandemKit
import Daily
import Foundations

@Suite struct FoundationsTests {
    let module = FoundationsModule()

    static let requiredIDs = [
        "foundations.soften_approach", "foundations.be_vulnerable", "foundations.seek_to_understand",
        "foundations.open_and_honest", "foundations.accept_and_appreciate",
    ]

    // MARK: Content

    @Test func manifestNamesTheModule() {
        #expect(module.manifest.id == "foundations")
        #expect(module.manifest.version == "1.0.0")
    }

    @Test(arguments: requiredIDs) func requiredPracticeExists(id: String) {
        #expect(module.practices.contains { $0.id == id }, "missing \(id)")
    }

    @Test func cadencesAreSensibleAndVaried() {
        let cadences = Set(module.practices.map(\.cadence))
        #expect(cadences.count >= 3)
        #expect(module.practices.contains { $0.cadence.frequency < 1 })
    }

    // MARK: Routine functions

    @Test func pillarsFunctionListsTheFivePillars() throws {
        let function = try #require(module.functions.first { $0.name == "pillars" })
        #expect(function.arity == 0...0)
        let value = try function.body([], ModuleContext())
        guard case .list(let items) = value else {
            Issue.record("expected a list, got \(value.typeName)")
            return
        }
        #expect(items == Pillar.allCases.map { .string($0.name) })
        #expect(items.count == 5)
    }

    @Test func practicesForFunctionMapsAPillar() throws {
        let function = try #require(module.functions.first { $0.name == "practices_for" })
        let value = try function.body([.string("presence")], ModuleContext())
        #expect(value == .list([.string("daily.no_tech_time"), .string("longdistance.active_listening"), .string("foundations.seek_to_understand")]))
        let trust = try function.body([.string("Trust")], ModuleContext())
        guard case .list(let ids) = trust else { Issue.record("expected a list"); return }
        #expect(ids.contains(.string("trust.keep_promises")))
        #expect(throws: RoutineFunctionError.self) { try function.body([.string("patience")], ModuleContext()) }
        #expect(throws: RoutineFunctionError.self) { try function.body([.integer(3)], ModuleContext()) }
    }

    // MARK: Assessment logic

    let assessment = PillarAssessment.standard

    /// Answers in question order, given per pillar.
    func answers(_ byPillar: [Pillar: [Int]]) -> [Int] {
        var next: [Pillar: Int] = [:]
        return assessment.questions.map { question in
            let index = next[question.pillar, default: 0]
            next[question.pillar] = index + 1
            return byPillar[question.pillar]?[index] ?? 3
        }
    }

    @Test func standardAssessmentAsksTwoOrThreePerPillar() {
        for pillar in Pillar.allCases {
            let count = assessment.questions.filter { $0.pillar == pillar }.count
            #expect((2...3).contains(count), "\(pillar) has \(count) questions")
        }
        #expect(assessment.pillars == Pillar.allCases)
        #expect(Set(assessment.questions.map(\.text)).count == assessment.questions.count)
    }

    @Test func promptNamesNumberPillarAndScale() {
        let prompt = assessment.prompt(for: 0)
        #expect(prompt.hasPrefix("1/\(assessment.questions.count) "))
        #expect(prompt.contains(assessment.questions[0].pillar.name))
        #expect(prompt.contains("1 = rarely"))
        #expect(prompt.contains("5 = almost always"))
    }

    @Test func parsesAnswersOnTheScaleOnly() {
        #expect(PillarAssessment.parseAnswer("4") == 4)
        #expect(PillarAssessment.parseAnswer("  1 ") == 1)
        #expect(PillarAssessment.parseAnswer("5") == 5)
        for bad in ["0", "6", "7", "-1", "", "three", "3.5", "4 5"] {
            #expect(PillarAssessment.parseAnswer(bad) == nil, "'\(bad)' should be refused")
        }
    }

    @Test func scoresKnownAnswers() throws {
        let result = try assessment.score(answers: answers([
            .communication: [4, 4, 5], .respectAndTrust: [5, 5, 5], .vulnerability: [2, 3, 4],
            .passion: [3, 3, 3], .presence: [1, 2, 2],
        ]))
        #expect(result.scores.map(\.pillar) == Pillar.allCases)
        let communication = try #require(result.score(for: .communication))
        #expect(communication.answers == [4, 4, 5])
        #expect(abs(communication.average - 13.0 / 3.0) < 1e-9)
        #expect(communication.percent == 87)
        #expect(result.score(for: .respectAndTrust)?.average == 5)
        #expect(result.score(for: .respectAndTrust)?.percent == 100)
        #expect(result.score(for: .vulnerability)?.average == 3)
        #expect(result.score(for: .vulnerability)?.percent == 60)
        #expect(result.weakest == [.presence])
        #expect(!result.isEven)
        #expect(result.recommendations.contains("daily.no_tech_time"))
        #expect(result.recommendations.contains("longdistance.active_listening"))
        #expect(!result.recommendations.contains("trust.keep_promises"))
    }

    @Test func weakestIncludesTies() throws {
        let result = try assessment.score(answers: answers([
            .communication: [2, 2, 2], .respectAndTrust: [4, 4, 4], .vulnerability: [5, 4, 3],
            .passion: [1, 2, 3], .presence: [3, 3, 3],
        ]))
        #expect(result.weakest == [.communication, .passion])
        #expect(result.recommendations.contains("foundations.open_and_honest"))
        #expect(result.recommendations.contains("daily.affection"))
        #expect(!result.recommendations.contains("daily.no_tech_time"))
        #expect(Set(result.recommendations).count == result.recommendations.count)
    }

    @Test func evenScoresMakeEveryPillarWeakest() throws {
        let result = try assessment.score(answers: Array(repeating: 4, count: assessment.questions.count))
        #expect(result.weakest == Pillar.allCases)
        #expect(result.isEven)
        // One (the best) practice per pillar keeps the list short.
        #expect(result.recommendations == Pillar.allCases.map { $0.practiceIDs[0] })
    }

    @Test func threeWayTieGetsTwoPracticesEach() throws {
        let result = try assessment.score(answers: answers([
            .communication: [5, 5, 5], .respectAndTrust: [2, 2, 2], .vulnerability: [2, 2, 2],
            .passion: [5, 4, 5], .presence: [2, 2, 2],
        ]))
        #expect(result.weakest == [.respectAndTrust, .vulnerability, .presence])
        #expect(result.recommendations == [
            "trust.keep_promises", "trust.avoid_judgment", "foundations.be_vulnerable",
            "men.embrace_vulnerability", "daily.no_tech_time", "longdistance.active_listening",
        ])
    }

    @Test(arguments: Pillar.allCases) func everyPillarHasRecommendations(pillar: Pillar) {
        #expect(pillar.practiceIDs.count >= 2)
        #expect(pillar.practiceIDs.allSatisfy { $0.wholeMatch(of: /[a-z][a-z0-9]*\.[a-z][a-z0-9_]*/) != nil })
        #expect(Pillar(lookup: pillar.id) == pillar)
        #expect(Pillar(lookup: pillar.name.uppercased()) == pillar)
    }

    @Test func briefedRecommendationsAreMapped() {
        #expect(Pillar.presence.practiceIDs.starts(with: ["daily.no_tech_time", "longdistance.active_listening"]))
        #expect(Pillar.respectAndTrust.practiceIDs.starts(with: ["trust.keep_promises", "trust.avoid_judgment"]))
        #expect(Pillar.vulnerability.practiceIDs.starts(with: ["foundations.be_vulnerable", "men.embrace_vulnerability", "women.accept_vulnerability"]))
        #expect(Pillar.communication.practiceIDs.contains("men.communicate_regularly"))
        #expect(Pillar.communication.practiceIDs.contains("women.practice_openness"))
        #expect(Pillar.passion.practiceIDs.starts(with: ["daily.affection", "men.prioritize_intimacy", "daily.gratitude"]))
    }

    @Test func recommendedFoundationsAndDailyPracticesExist() {
        let known = Set(module.practices.map(\.id) + DailyModule().practices.map(\.id))
        for id in Pillar.allCases.flatMap(\.practiceIDs) where id.hasPrefix("foundations.") || id.hasPrefix("daily.") {
            #expect(known.contains(id), "\(id) is recommended but does not exist")
        }
    }

    @Test func scoringRefusesBadAnswerLists() {
        #expect(throws: AssessmentError.self) { try assessment.score(answers: [3, 3]) }
        var answers = Array(repeating: 3, count: assessment.questions.count)
        answers[4] = 6
        #expect(throws: AssessmentError.self) { try assessment.score(answers: answers) }
        answers[4] = 0
        #expect(throws: AssessmentError.self) { try assessment.score(answers: answers) }
    }

    // MARK: The assess command

    static let presenceLow = ["4", "4", "5", "5", "5", "5", "2", "3", "4", "3", "3", "3", "1", "2", "2"]

    func run(_ arguments: [String], input: any LineInput) throws -> (output: String, errors: String) {
        let output = CapturedOutput()
        let errors = CapturedOutput()
        let context = ModuleContext(output: output, errors: errors, input: input)
        var command = try FoundationsAssess.parse(arguments)
        try command.run(in: context)
        return (output.text, errors.text)
    }

    @Test func commandIsExposedAsAssess() {
        #expect(module.commands.count == 1)
        #expect(module.commands.first?.configuration.commandName == "assess")
        #expect(FoundationsAssess.configuration.abstract.isEmpty == false)
    }

    /// The report with its lines joined again: it is wrapped to the width
    /// of whatever terminal runs the tests.
    static func unwrapped(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func commandReportsScoresWeakestAndRecommendations() throws {
        let (output, errors) = try run([], input: ScriptedInput(Self.presenceLow))
        #expect(errors.isEmpty)
        for pillar in Pillar.allCases {
            #expect(output.contains(pillar.name), "no line for \(pillar.name)")
        }
        #expect(Self.unwrapped(output).contains("Weakest pillar: Presence (1.7/5)"))
        #expect(output.contains("100%"))
        #expect(output.contains("daily.no_tech_time"))
        #expect(output.contains("longdistance.active_listening"))
        #expect(!output.contains("\u{1B}["), "plain style must not write escapes")
        #expect(!output.contains("1 = rarely"), "piped input shows no prompts")
    }

    @Test func commandReportsTiedWeakestPillars() throws {
        var answers = Array(repeating: "4", count: 15)
        answers[0] = "2"; answers[1] = "2"; answers[2] = "2"  // communication
        answers[12] = "1"; answers[13] = "2"; answers[14] = "3"  // presence
        let (output, _) = try run([], input: ScriptedInput(answers))
        #expect(Self.unwrapped(output).contains("Weakest pillars (tied): Open and honest communication, Presence (2.0/5)"))
        #expect(!output.contains("level"))
    }

    @Test func commandSaysWhenAllPillarsAreLevel() throws {
        let (strong, _) = try run([], input: ScriptedInput(Array(repeating: "5", count: 15)))
        #expect(Self.unwrapped(strong).contains("Every pillar is strong"))
        let (middling, _) = try run([], input: ScriptedInput(Array(repeating: "3", count: 15)))
        #expect(Self.unwrapped(middling).contains("Your pillars are level"))
        #expect(Self.unwrapped(middling).contains("Weakest pillars (tied): Open and honest communication, Respect and trust, Vulnerability, Passion, Presence (3.0/5)"))
    }

    @Test func commandWritesSortedJSON() throws {
        let (output, _) = try run(["--json"], input: ScriptedInput(Self.presenceLow))
        #expect(output.hasSuffix("}\n"))
        #expect(output.split(separator: "\n").count == 1)
        // Sorted keys: pillars, recommendations, weakest; inside a pillar: answers, id, name, percent, score.
        #expect(output.hasPrefix("{\"pillars\":[{\"answers\":[4,4,5],\"id\":\"communication\",\"name\":"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["pillars", "weakest", "recommendations", "saved"])
        #expect(object["saved"] as? String == ModuleContext().today.description)
        #expect(object["weakest"] as? [String] == ["presence"])
        let recommendations = try #require(object["recommendations"] as? [String])
        #expect(recommendations.first == "daily.no_tech_time")
        let pillars = try #require(object["pillars"] as? [[String: Any]])
        #expect(pillars.map { $0["id"] as? String } == Pillar.allCases.map(\.id))
        let presence = try #require(pillars.last)
        #expect(presence["answers"] as? [Int] == [1, 2, 2])
        #expect(presence["score"] as? Double == 1.67)
        #expect(presence["name"] as? String == "Presence")
    }

    @Test(arguments: [
        (2, "7"), (5, "often"), (1, ""), (15, "0"), (9, "3.5"),
    ])
    func commandRefusesABadPipedAnswer(question: Int, text: String) throws {
        var answers = Array(repeating: "3", count: 15)
        answers[question - 1] = text
        let output = CapturedOutput()
        let context = ModuleContext(output: output, errors: output, input: ScriptedInput(answers))
        var command = try FoundationsAssess.parse([])
        let failure = try #require(throws: CommandFailure.self) { try command.run(in: context) }
        #expect(failure.exitCode == 2)
        #expect(failure.message.contains("question \(question)"), "\(failure.message)")
        #expect(failure.message.contains("'\(text)'"), "\(failure.message)")
        #expect(output.text.isEmpty, "nothing partial may be written")
    }

    @Test func commandRefusesMissingAnswers() throws {
        let output = CapturedOutput()
        let context = ModuleContext(output: output, errors: output, input: ScriptedInput(Array(Self.presenceLow.prefix(10))))
        var command = try FoundationsAssess.parse(["--json"])
        let failure = try #require(throws: CommandFailure.self) { try command.run(in: context) }
        #expect(failure.exitCode == 2)
        #expect(failure.message.contains("question 11"), "\(failure.message)")
        #expect(output.text.isEmpty)
    }

    @Test func commandRefusesEmptyInput() throws {
        let output = CapturedOutput()
        let context = ModuleContext(output: output, errors: output, input: ScriptedInput([]))
        var command = try FoundationsAssess.parse([])
        let failure = try #require(throws: CommandFailure.self) { try command.run(in: context) }
        #expect(failure.message.contains("question 1 "), "\(failure.message)")
        #expect(output.text.isEmpty)
    }

    @Test func interactiveInputAsksAgainAfterABadAnswer() throws {
        let input = TerminalInput(["7", "sometimes"] + Self.presenceLow)
        let (output, errors) = try run([], input: input)
        #expect(output.contains("Weakest pillar: Presence"))
        #expect(errors.components(separatedBy: "Please answer").count - 1 == 2)
        let prompts = input.prompts
        #expect(prompts.count == 17)
        #expect(prompts[0] == prompts[1] && prompts[1] == prompts[2], "question 1 is asked again")
        #expect(prompts[0].contains("1 = rarely"))
        #expect(prompts.last?.hasPrefix("15/15") == true)
    }

    @Test func interactiveRunIntroducesTheScaleExceptForJSON() throws {
        let (report, _) = try run([], input: TerminalInput(Self.presenceLow))
        #expect(report.hasPrefix("The five pillars: a quick self-check"))
        let (json, _) = try run(["--json"], input: TerminalInput(Self.presenceLow))
        #expect(json.hasPrefix("{\"pillars\":"))
    }

    @Test func interactiveEndOfInputStops() throws {
        let output = CapturedOutput()
        let context = ModuleContext(output: output, errors: output, input: TerminalInput(["4", "x"]))
        var command = try FoundationsAssess.parse([])
        let failure = try #require(throws: CommandFailure.self) { try command.run(in: context) }
        #expect(failure.message.contains("question 2"))
    }

    // MARK: Saved results

    /// Runs `assess` with `records` on `day` (noon UTC).
    func assess(_ arguments: [String], answers: [String], records: InMemoryRecordStore, on day: String) throws -> String {
        let output = CapturedOutput()
        let now = try Date.ISO8601FormatStyle().parse(day + "T12:00:00Z")
        let context = ModuleContext(
            now: now, timeZone: TimeZone(identifier: "UTC")!, output: output, errors: output, input: ScriptedInput(answers), records: records)
        var command = try FoundationsAssess.parse(arguments)
        try command.run(in: context)
        return output.text
    }

    @Test func theResultIsSavedWithAnswersScoresAndRecommendations() throws {
        let records = InMemoryRecordStore()
        let report = try assess([], answers: Self.presenceLow, records: records, on: "2026-10-20")
        #expect(Self.unwrapped(report).contains("Saved on 2026-10-20; tandem assess --history shows how the pillars change."))
        #expect(report.contains("  tandem adopt daily.no_tech_time\n"), "each practice comes with the command that adopts it")
        let saved = try #require(try SavedAssessment.all(in: records).first)
        #expect(saved.date.description == "2026-10-20")
        #expect(saved.answers == Self.presenceLow.compactMap { Int($0) })
        #expect(saved.weakest == [.presence])
        #expect(saved.recommendations.first == "daily.no_tech_time")
        #expect(abs((saved.scores[.presence] ?? 0) - 5.0 / 3) < 0.01)
        #expect(try records.records(kind: "assessment").first?.fields["summary"]?.contains("Presence 1.7") == true)
    }

    @Test func noSaveKeepsNothing() throws {
        let records = InMemoryRecordStore()
        let report = try assess(["--no-save"], answers: Self.presenceLow, records: records, on: "2026-10-20")
        #expect(report.contains("Not saved (--no-save)."))
        #expect(try records.records(kind: nil).isEmpty)
        let json = try assess(["--no-save", "--json"], answers: Self.presenceLow, records: records, on: "2026-10-20")
        #expect(json.contains("\"saved\":null"))
        #expect(throws: CommandFailure.self) { try assess(["--history", "--no-save"], answers: [], records: records, on: "2026-10-20") }
    }

    @Test func historyShowsEachPillarOverTime() throws {
        let records = InMemoryRecordStore()
        #expect(try assess(["--history"], answers: [], records: records, on: "2026-10-20").hasPrefix("No saved assessments yet."))
        _ = try assess([], answers: Self.presenceLow, records: records, on: "2026-10-20")
        var better = Self.presenceLow
        better[12] = "4"; better[13] = "4"; better[14] = "5"  // presence 4.3
        _ = try assess([], answers: better, records: records, on: "2026-11-20")
        let history = try assess(["--history"], answers: [], records: records, on: "2026-11-20")
        #expect(history.hasPrefix("Your five pillars over time (2 assessments, from 2026-10-20 to 2026-11-20)\n"))
        #expect(history.contains("  Presence                       ▂▇  1.7 → 4.3 (+2.7)\n"), "\(history)")
        let json = try assess(["--history", "--json"], answers: [], records: records, on: "2026-11-20")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [[String: Any]]])
        let entries = try #require(object["assessments"])
        #expect(entries.map { $0["date"] as? String } == ["2026-10-20", "2026-11-20"])
        #expect((entries.last?["scores"] as? [String: Double])?["presence"] == 4.33)
    }

    @Test func sparklinesSpanTheScale() {
        #expect(SavedAssessment.sparkline([1, 3, 5]) == "▁▅█")
    }

    @Test func routinesReadTheLatestResult() throws {
        let records = InMemoryRecordStore()
        let context = ModuleContext(records: records)
        func call(_ name: String, _ arguments: [RoutineValue] = []) throws -> RoutineValue {
            try #require(module.functions.first { $0.name == name }).body(arguments, context)
        }
        #expect(try call("last_score", [.string("presence")]) == RoutineValue.none)
        #expect(try call("weakest") == .list([]))
        #expect(try call("last_assessed") == RoutineValue.none)
        _ = try assess([], answers: Self.presenceLow, records: records, on: "2026-10-20")
        #expect(try call("last_score", [.string("presence")]) == .decimal(1.67))
        #expect(try call("last_score", [.string("trust")]) == .decimal(5))
        #expect(try call("weakest") == .list([.string("presence")]))
        #expect(try call("last_assessed") == .string("2026-10-20"))
        #expect(throws: RoutineFunctionError.self) { try call("last_score", [.string("patience")]) }
    }

    @Test func parsingRefusesUnknownOptions() {
        #expect(throws: (any Error).self) { try FoundationsAssess.parse(["--verbose"]) }
    }
}

/// Answers typed at a (pretend) terminal, remembering the prompts shown.
private final class TerminalInput: LineInput {
    private let state: Mutex<(lines: [String], prompts: [String])>
    init(_ lines: [String]) { state = Mutex((lines, [])) }
    var isInteractive: Bool { true }
    var prompts: [String] { state.withLock { $0.prompts } }
    func readLine(prompt: String) -> String? {
        state.withLock { state in
            state.prompts.append(prompt)
            return state.lines.isEmpty ? nil : state.lines.removeFirst()
        }
    }
}
