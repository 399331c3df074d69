import Foundation
import Testing
import TandemKit
import Men

@Suite struct MenTests {
    let module = MenModule()

    // MARK: Manifest and content

    @Test func manifestNamesTheModule() {
        #expect(module.manifest.id == "men")
        #expect(module.manifest.version == "1.0.0")
        #expect(module.manifest.tags.contains("tips"))
        #expect(module.manifest.tags.contains("for-men"))
    }

    @Test(arguments: ["men.communicate_regularly", "men.embrace_vulnerability", "men.prioritize_intimacy", "men.name_the_feeling"])
    func requiredPracticeExists(id: String) {
        #expect(module.practices.contains { $0.id == id }, "missing \(id)")
    }

    @Test func exposesTheFeelingsCommand() {
        #expect(module.commands.count == 1)
        #expect(module.commands.first?.configuration.commandName == "feelings")
        #expect(module.functions.map(\.name) == ["feeling", "feelings"])
    }

    // MARK: The wheel

    @Test func wheelHasCoresWithEnoughWords() {
        let wheel = FeelingsWheel.standard
        #expect((6...8).contains(wheel.cores.count))
        for core in wheel.cores {
            #expect(core.words.count >= 8, "\(core.name) has \(core.words.count) words")
            #expect(core.name == core.name.lowercased() && !core.name.contains(" "))
            #expect(core.starter.contains("___"), "\(core.name) starter has no blank")
            for text in [core.hint, core.starter, core.example] + core.words {
                #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty)
            }
        }
    }

    @Test func wheelHasNoDuplicateWords() {
        let wheel = FeelingsWheel.standard
        let everything = (wheel.coreNames + wheel.allWords).map(FeelingsWheel.normalize)
        var seen = Set<String>()
        let duplicates = everything.filter { !seen.insert($0).inserted }
        #expect(duplicates.isEmpty, "duplicated: \(duplicates)")
    }

    @Test func lookupFindsCoresAndFinerWords() throws {
        let wheel = FeelingsWheel.standard
        #expect(wheel.lookup("FEAR")?.core.name == "fear")
        #expect(wheel.lookup("fear")?.word == nil)
        let lonely = try #require(wheel.lookup(" Lonely "))
        #expect(lonely.core.name == "sadness")
        #expect(lonely.word == "lonely")
        #expect(wheel.lookup("heavy hearted")?.word == "heavy-hearted")
        #expect(wheel.lookup("on-edge")?.word == "on edge")
        #expect(wheel.lookup("hangry") == nil)
    }

    @Test func linesWrapWithinTheWidth() {
        let words = FeelingsWheel.standard.cores[0].words
        let lines = FeelingsWheel.lines(of: words, width: 30)
        #expect(lines.flatMap { $0 } == words)
        #expect(lines.count > 1)
        for line in lines {
            #expect(line.joined(separator: ", ").count + 1 <= 30)
        }
        #expect(FeelingsWheel.lines(of: [], width: 30).isEmpty)
    }

    // MARK: The command

    func makeContext(seed: UInt64? = nil, style: TextStyle = .plain) -> (ModuleContext, CapturedOutput) {
        let output = CapturedOutput()
        return (ModuleContext(output: output, errors: CapturedOutput(), style: style, seed: seed), output)
    }

    @Test func showsTheWholeWheel() throws {
        let (context, output) = makeContext()
        var command = try Feelings.parse([])
        try command.run(in: context)
        for core in FeelingsWheel.standard.cores {
            #expect(output.text.contains(core.name.capitalized + "\n"), "\(core.name) missing")
        }
        for word in FeelingsWheel.standard.allWords {
            #expect(output.text.contains(word), "\(word) missing")
        }
        #expect(!output.text.contains("\u{1B}["), "plain output has escapes")
        let longest = output.text.split(separator: "\n").map(\.count).max() ?? 0
        #expect(longest <= 100)
    }

    @Test func boldsCoresWhenStyled() throws {
        let (context, output) = makeContext(style: .ansi)
        var command = try Feelings.parse([])
        try command.run(in: context)
        #expect(output.text.contains(TextStyle.ansi.bold("Fear")))
    }

    @Test func showsOneCoreWithAStarter() throws {
        let (context, output) = makeContext()
        var command = try Feelings.parse(["fear"])
        try command.run(in: context)
        let text = output.text
        #expect(text.hasPrefix("Fear\n"))
        #expect(text.contains("uneasy"))
        #expect(text.contains("I feel ___ when ___"))
        #expect(!text.contains("lonely"), "another core's words leaked in")
    }

    @Test func oneCoreWrapsToTheWidth() throws {
        let lookup = try Feelings.find("disgust")
        let text = Feelings.render(lookup, style: .plain, width: 50)
        for line in text.split(separator: "\n") {
            #expect(line.count <= 50, "too wide: \(line)")
        }
        #expect(text.contains("I'd like us to talk"))
    }

    @Test func aFinerWordShowsItsCore() throws {
        let (context, output) = makeContext()
        var command = try Feelings.parse(["Lonely"])
        try command.run(in: context)
        #expect(output.text.hasPrefix("\"lonely\" sits under sadness."))
        #expect(output.text.contains("Sadness\n"))
    }

    @Test func unknownFeelingThrowsWithSuggestion() throws {
        let (context, output) = makeContext()
        var command = try Feelings.parse(["faer"])
        let failure = try #require(throws: CommandFailure.self) { try command.run(in: context) }
        #expect(failure.message.contains("did you mean 'fear'"))
        #expect(failure.exitCode == 2)
        #expect(output.text.isEmpty, "wrote output before failing")

        var nonsense = try Feelings.parse(["xyzzyqwerty"])
        let noHint = try #require(throws: CommandFailure.self) { try nonsense.run(in: context) }
        #expect(!noHint.message.contains("did you mean"))
        #expect(noHint.message.contains("joy, love"))
    }

    @Test func printsTheWheelAsJSON() throws {
        let (context, output) = makeContext()
        var command = try Feelings.parse(["--json"])
        try command.run(in: context)
        let decoded = try JSONDecoder().decode(FeelingsWheel.self, from: Data(output.text.utf8))
        #expect(decoded == FeelingsWheel.standard)
        // Sorted keys: "example" comes before "hint", "name", "starter", "words".
        let example = try #require(output.text.range(of: "\"example\""))
        let words = try #require(output.text.range(of: "\"words\""))
        #expect(example.lowerBound < words.lowerBound)
    }

    @Test func printsOneCoreAsJSON() throws {
        let (context, output) = makeContext()
        var command = try Feelings.parse(["anger", "--json"])
        try command.run(in: context)
        let decoded = try JSONDecoder().decode(CoreFeeling.self, from: Data(output.text.utf8))
        #expect(decoded.name == "anger")
    }

    @Test func randomPickIsRepeatableWithASeed() throws {
        func pick(_ arguments: [String], contextSeed: UInt64? = nil) throws -> String {
            let (context, output) = makeContext(seed: contextSeed)
            var command = try Feelings.parse(arguments)
            try command.run(in: context)
            return output.text
        }
        let first = try pick(["--random", "--seed", "42"])
        #expect(first == (try pick(["--random", "--seed", "42"])))
        #expect(first.hasPrefix("Today's word: "))
        let picks = try Set((1...10).map { try pick(["--random", "--seed", String($0)]) })
        #expect(picks.count > 1, "every seed picked the same word")
        // The host's --seed (the context seed) also makes it repeatable.
        #expect(try pick(["--random"], contextSeed: 9) == (try pick(["--random"], contextSeed: 9)))

        let (context, output) = makeContext()
        var fromFear = try Feelings.parse(["fear", "--random", "--seed", "3", "--json"])
        try fromFear.run(in: context)
        let prompt = try JSONDecoder().decode(Feelings.Prompt.self, from: Data(output.text.utf8))
        #expect(prompt.core == "fear")
        #expect(FeelingsWheel.standard.core(named: "fear")?.words.contains(prompt.word) == true)
        #expect(prompt.starter.hasPrefix("I feel \(prompt.word) when"))
    }

    @Test func seedNeedsRandom() {
        #expect(throws: (any Error).self) { try Feelings.parse(["--seed", "4"]) }
    }

    @Test func widthComesFromColumns() {
        #expect(Feelings.wrapWidth(columns: 80) == 80)
        #expect(Feelings.wrapWidth(columns: 60) == 60)
        #expect(Feelings.wrapWidth(columns: 10) == 40)
        #expect(Feelings.wrapWidth(columns: 300) == 100)
    }

    // MARK: Routine functions

    func function(_ name: String) throws -> RoutineFunction {
        try #require(module.functions.first { $0.name == name })
    }

    @Test func feelingReturnsAWordFromTheWheel() throws {
        let feeling = try function("feeling")
        #expect(feeling.arity == 0...1)
        let value = try feeling.body([], ModuleContext(seed: 7))
        guard case .string(let word) = value else {
            Issue.record("expected a string, got \(value)")
            return
        }
        #expect(FeelingsWheel.standard.allWords.contains(word))
    }

    @Test func feelingIsRepeatableWithASeed() throws {
        let feeling = try function("feeling")
        let first = try feeling.body([], ModuleContext(seed: 7))
        #expect(first == (try feeling.body([], ModuleContext(seed: 7))))
        let spread = try Set((0..<20).map { try feeling.body([], ModuleContext(seed: $0)) })
        #expect(spread.count > 1)
    }

    @Test func feelingCanComeFromOneCore() throws {
        let feeling = try function("feeling")
        let joy = try #require(FeelingsWheel.standard.core(named: "joy"))
        for seed in 0..<10 as Range<UInt64> {
            let value = try feeling.body([.string("Joy")], ModuleContext(seed: seed))
            guard case .string(let word) = value else {
                Issue.record("expected a string, got \(value)")
                continue
            }
            #expect(joy.words.contains(word))
        }
    }

    @Test func feelingsListsACoresWords() throws {
        let feelings = try function("feelings")
        let value = try feelings.body([.string("shame")], ModuleContext(seed: 7))
        let shame = try #require(FeelingsWheel.standard.core(named: "shame"))
        #expect(value == .list(shame.words.map(RoutineValue.string)))
    }

    @Test func functionsRejectBadArguments() throws {
        let feelings = try function("feelings")
        let unknown = try #require(throws: RoutineFunctionError.self) {
            try feelings.body([.string("angr")], ModuleContext(seed: 7))
        }
        #expect(unknown.message.contains("did you mean 'anger'"))
        #expect(throws: RoutineFunctionError.self) { try feelings.body([.integer(3)], ModuleContext(seed: 7)) }
        #expect(throws: RoutineFunctionError.self) { try function("feeling").body([.bool(true)], ModuleContext(seed: 7)) }
    }
}
