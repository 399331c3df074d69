import Testing
import TandemCatalog
import TandemKit
import TandemModules

/// A module that is fine, for building broken variants of.
private func practice(_ id: String, cadence: Cadence = .daily, title: String = "A title") -> Practice {
    Practice(
        id: id, title: title, why: "Because.", steps: ["Do it."], tryToday: "Try it.",
        reflections: ["How was it?", "What changed?", "What next?"], cadence: cadence)
}

private struct GoodModule: CoachingModule {
    let manifest = ModuleManifest(id: "good", displayName: "Good", summary: "Works.")
    let practices = [practice("good.one"), practice("good.two")]
    let cards: [ConversationCard] = ["What made you smile today?"]
}

private struct BrokenModule: CoachingModule {
    let manifest = ModuleManifest(id: "Broken Module", displayName: "", summary: "Fails.")
    let practices = [
        practice("other.one"), practice("broken.two", cadence: .timesPer(times: 8, days: 7)),
        practice("broken.three", title: "  "),
    ]
    let cards: [ConversationCard] = [""]
}

private struct DuplicateOfGood: CoachingModule {
    let manifest = ModuleManifest(id: "good", displayName: "Good again", summary: "Same id.")
    let practices = [practice("good.three")]
    let cards: [ConversationCard] = ["Anything?"]
}

private struct RepeatsPractice: CoachingModule {
    let manifest = ModuleManifest(id: "twice", displayName: "Twice", summary: "Same practice twice.")
    let practices = [practice("twice.same"), practice("twice.same")]
    let cards: [ConversationCard] = ["Anything?"]
}

@Suite struct RegistryTests {
    @Test func builtInModulesAllLoad() {
        let registry = ModuleRegistry(moduleTypes: allModuleTypes)
        #expect(registry.problems.isEmpty, "\(registry.problems)")
        #expect(registry.moduleIDs == ["foundations", "daily", "men", "women", "longdistance", "trust", "play", "repair", "dreams", "support", "questions"])
    }

    @Test func requiredPracticeIdsExist() throws {
        let registry = ModuleRegistry(moduleTypes: allModuleTypes)
        let required = [
            "foundations.soften_approach", "foundations.be_vulnerable", "foundations.seek_to_understand",
            "foundations.open_and_honest", "foundations.accept_and_appreciate", "daily.gratitude",
            "daily.affection", "daily.no_tech_time", "men.communicate_regularly", "men.embrace_vulnerability",
            "men.prioritize_intimacy", "women.practice_openness", "women.practice_empathy",
            "women.accept_vulnerability", "longdistance.stay_connected", "longdistance.set_aside_time",
            "longdistance.active_listening", "trust.keep_promises", "trust.own_mistakes", "trust.avoid_judgment",
        ]
        for id in required {
            #expect(registry.practice(id: id) != nil, "missing \(id)")
        }
    }

    @Test func aBrokenModuleIsSkippedWithEveryReasonAndTheRestLoad() throws {
        let registry = ModuleRegistry(modules: [GoodModule(), BrokenModule()])
        #expect(registry.moduleIDs == ["good"])
        let problem = try #require(registry.problems.first)
        #expect(registry.problems.count == 1)
        #expect(problem.typeName == "BrokenModule")
        let text = problem.description
        #expect(text.contains("its id 'Broken Module' is not one lowercase word"))
        #expect(text.contains("its display name is empty"))
        #expect(text.contains("practice 'other.one' is not 'Broken Module.snake_case_slug'"))
        #expect(text.contains("practice 'broken.two' has an invalid cadence"))
        #expect(text.contains("practice 'broken.three' has an empty title"))
        #expect(text.contains("card 1 is empty"))
        #expect(registry.practice(id: "good.one") != nil)
    }

    @Test func aDuplicateIdNamesBothModules() throws {
        let registry = ModuleRegistry(modules: [GoodModule(), DuplicateOfGood(), RepeatsPractice()])
        #expect(registry.moduleIDs == ["good"])
        #expect(registry.problems.count == 2)
        let duplicate = try #require(registry.problems.first { $0.typeName == "DuplicateOfGood" })
        #expect(duplicate.description == "module 'good' (DuplicateOfGood) was not loaded: its id 'good' is already used by GoodModule")
        let repeats = try #require(registry.problems.first { $0.typeName == "RepeatsPractice" })
        #expect(repeats.description.contains("practice id 'twice.same' appears twice"))
        // The first module keeps working.
        #expect(registry.module(id: "good")?.typeName == "GoodModule")
        #expect(registry.practice(id: "good.three") == nil)
    }

    @Test func unknownIdsSuggestTheClosest() {
        let registry = ModuleRegistry(moduleTypes: allModuleTypes)
        #expect(throws: LookupError.self) { try registry.requirePractice("daily.gratitud") }
        do {
            _ = try registry.requirePractice("daily.gratitud")
        } catch {
            #expect(error.description.hasPrefix("unknown practice 'daily.gratitud' (did you mean 'daily.gratitude'"))
        }
        do {
            _ = try registry.requireModule("longdistanse")
        } catch {
            #expect(error.description == "unknown module 'longdistanse' (did you mean 'longdistance'?)")
        }
    }

    @Test func practiceIdsAreUniqueAcrossModules() {
        let ids = ModuleRegistry(moduleTypes: allModuleTypes).allPractices.map(\.id)
        #expect(Set(ids).count == ids.count)
    }
}
