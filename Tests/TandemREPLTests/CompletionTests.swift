import Foundation
import Testing
@testable import TandemREPL

@Suite("Completion")
struct CompletionTests {
    static let vocabulary = CompletionVocabulary(
        metaCommands: ["help", "modules", "practices", "show", "run", "load", "save", "quit", "overlap"],
        helpTopics: ["keys", "language", "save"],
        moduleIDs: ["daily", "trust", "longdistance"],
        memberNames: CompletionVocabulary.members(fromIDs: practiceIDs).merging(["longdistance": ["overlap"]]) { $0 + $1 },
        practiceIDs: practiceIDs)

    static let practiceIDs = [
        "daily.gratitude", "daily.affection", "daily.no_tech_time", "trust.keep_promises", "trust.own_mistakes",
    ]

    static let engine = CompletionEngine(
        vocabulary: vocabulary,
        listDirectory: { folder in
            switch folder {
            case "": ["evening.routine", "examples/", "notes.txt", ".hidden.routine"]
            case "examples/": ["morning.routine", "state_of_union.routine"]
            default: []
            }
        },
        savedRoutines: { ["evening", "date_night"] })

    @Test("a practice id after MODULE.")
    func practiceIDs() {
        let completion = Self.engine.complete("practice daily.gr")
        #expect(completion.candidates == ["daily.gratitude"])
        #expect(completion.insertion == "atitude")
        #expect(Self.engine.complete("practice trust.").candidates == ["trust.keep_promises", "trust.own_mistakes"])
        #expect(Self.engine.complete("practice trust.").insertion == "")
        #expect(Self.engine.complete("let x = longdistance.ov").insertion == "erlap")
        #expect(Self.engine.complete("practice nosuch.x").candidates.isEmpty)
    }

    @Test("a module id after practice gets its dot")
    func moduleAfterPractice() {
        #expect(Self.engine.complete("practice da").insertion == "ily.")
        #expect(Self.engine.complete("tip tr").insertion == "ust")
    }

    @Test("keywords, built-ins and session names")
    func names() {
        #expect(Self.engine.complete("rout").insertion == "ine")
        #expect(Self.engine.complete("say le").candidates == ["len", "let"])
        #expect(Self.engine.complete("say le").insertion == "")
        #expect(Self.engine.complete("eve", sessionNames: ["evening", "score"]).candidates == ["evening", "every"])
        #expect(Self.engine.complete("even", sessionNames: ["evening", "score"]).insertion == "ing")
        #expect(Self.engine.complete("say sc", sessionNames: ["evening", "score"]).candidates == ["score"])
        #expect(Self.engine.complete("say 12").candidates.isEmpty)
        #expect(Self.engine.complete("say \"rout").candidates.isEmpty)
    }

    @Test("a map's keys after name[\"")
    func mapKeys() {
        let keys: (String) -> [String]? = { $0 == "tally" ? ["walk", "weekend", "cook", "odd\"quote"] : nil }
        #expect(Self.engine.complete("say tally[\"c", mapKeys: keys).insertion == "ook\"]")
        #expect(Self.engine.complete("say tally[\"w", mapKeys: keys).candidates == ["walk", "weekend"])
        #expect(Self.engine.complete("say tally[\"", mapKeys: keys).candidates == ["cook", "walk", "weekend"])
        // Not a map, a closed key, or a string that is not a key: nothing.
        #expect(Self.engine.complete("say other[\"c", mapKeys: keys).candidates.isEmpty)
        #expect(Self.engine.complete("say tally[\"cook\"] + \"c", mapKeys: keys).candidates.isEmpty)
        #expect(Self.engine.complete("say \"tally[\\\"c", mapKeys: keys).candidates.isEmpty)
    }

    @Test("meta commands and their arguments")
    func meta() {
        #expect(Self.engine.complete(":pr").insertion == "actices ")
        #expect(Self.engine.complete(":").candidates.count == 9)
        #expect(Self.engine.complete(":o").insertion == "verlap ")
        #expect(Self.engine.complete(":practices da").insertion == "ily ")
        #expect(Self.engine.complete(":show daily.aff").insertion == "ection")
        #expect(Self.engine.complete(":show tr").insertion == "ust.")
        #expect(Self.engine.complete(":help ke").insertion == "ys ")
        #expect(Self.engine.complete(":pr", isContinuation: true).candidates == ["practice"])
    }

    @Test("practice ids after :done, :skip, :adopt and :show; module ids after :tip, :card, tip and card")
    func practicesAndModules() {
        for command in [":done", ":skip", ":adopt", ":show"] {
            #expect(Self.engine.complete("\(command) daily.gr").insertion == "atitude", "\(command)")
            #expect(Self.engine.complete("\(command) tr").insertion == "ust.", "\(command)")
            #expect(Self.engine.complete("\(command) trust.").candidates == ["trust.keep_promises", "trust.own_mistakes"], "\(command)")
            // A module function is not a practice.
            #expect(Self.engine.complete("\(command) longdistance.ov").candidates.isEmpty, "\(command)")
        }
        #expect(Self.engine.complete(":tip da").insertion == "ily ")
        #expect(Self.engine.complete(":card tr").insertion == "ust ")
        #expect(Self.engine.complete(":card ").candidates == ["daily", "longdistance", "trust"])
        #expect(Self.engine.complete("card tr").insertion == "ust")
        #expect(Self.engine.complete("tip lo").insertion == "ngdistance")
    }

    @Test("file names after :load and :run")
    func files() {
        #expect(Self.engine.complete(":load ev").insertion == "ening.routine ")
        #expect(Self.engine.complete(":load ex").insertion == "amples/")
        #expect(Self.engine.complete(":load examples/s").insertion == "tate_of_union.routine ")
        #expect(Self.engine.complete(":load ").candidates == ["evening.routine", "examples/"])
        #expect(Self.engine.complete(":run e").candidates == ["evening", "evening.routine", "examples/"])
        #expect(Self.engine.complete(":run da").insertion == "te_night ")
    }

    @Test("under 10 ms per Tab over 1,000 practices")
    func speed() {
        var ids: [String] = []
        for module in 0..<10 {
            for practice in 0..<100 { ids.append("module\(module).practice_\(practice)_\(module * 7 % 13)") }
        }
        let engine = CompletionEngine(
            vocabulary: CompletionVocabulary(moduleIDs: (0..<10).map { "module\($0)" }, memberNames: CompletionVocabulary.members(fromIDs: ids)))
        let names = (0..<200).map { "name\($0)" }
        let lines = ["practice module3.pr", "practice module3.practice_4", "mod", "say x", "practice module9.", "say na"]
        for line in lines { _ = engine.complete(line, sessionNames: names) }  // warm up
        let clock = ContinuousClock()
        var times: [Duration] = []
        for _ in 0..<5 {
            for line in lines {
                times.append(clock.measure { _ = engine.complete(line, sessionNames: names) })
            }
        }
        let median = times.sorted()[times.count / 2]
        #expect(engine.complete("practice module3.practice_42").candidates.count == 1)
        #expect(median < .milliseconds(10), "median \(median)")
    }

    @Test("columns fill down, then across, within the width")
    func columns() {
        let words = ["alpha", "beta", "gamma", "delta", "epsilon"]
        #expect(ColumnLayout.render(words, width: 80) == "alpha    beta     gamma    delta    epsilon\n")
        #expect(ColumnLayout.render(words, width: 20) == "alpha    delta\nbeta     epsilon\ngamma\n")
        #expect(ColumnLayout.render(words, width: 5) == "alpha\nbeta\ngamma\ndelta\nepsilon\n")
        #expect(ColumnLayout.render([], width: 80) == "")
        for line in ColumnLayout.render((1...50).map { "word\($0)" }, width: 33).split(separator: "\n") {
            #expect(line.count <= 33)
        }
    }

    @Test("common prefix")
    func commonPrefix() {
        #expect(CompletionEngine.commonPrefix(["daily.gratitude", "daily.grace"]) == "daily.gra")
        #expect(CompletionEngine.commonPrefix(["a", "b"]) == "")
        #expect(CompletionEngine.commonPrefix([]) == "")
    }
}
