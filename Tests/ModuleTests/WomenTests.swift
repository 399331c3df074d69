import Testing
import TandemKit
import Women

@Suite struct WomenTests {
    let module = WomenModule()

    // MARK: Manifest and content

    @Test func manifestNamesTheModule() {
        #expect(module.manifest.id == "women")
        #expect(module.manifest.version == "1.0.0")
        #expect(module.manifest.tags.contains("tips"))
        #expect(module.manifest.tags.contains("for-women"))
        #expect(!module.manifest.displayName.isEmpty)
        #expect(!module.manifest.summary.isEmpty)
    }

    @Test func practicesBelongToTheModule() {
        #expect(!module.practices.isEmpty)
        for practice in module.practices {
            #expect(practice.moduleID == "women", "\(practice.id) is outside the module")
            #expect(practice.cadence.problem == nil)
            let slugIsSnakeCase = practice.slug.allSatisfy { ("a"..."z").contains($0) || $0 == "_" }
            #expect(!practice.slug.isEmpty && slugIsSnakeCase, "\(practice.id) slug is not snake_case")
        }
    }

    @Test(arguments: [
        "women.practice_openness", "women.practice_empathy", "women.accept_vulnerability",
        "women.ask_curious_questions", "women.validate_before_solving",
    ])
    func requiredPracticeExists(id: String) {
        #expect(module.practices.contains { $0.id == id }, "missing \(id)")
    }

    @Test func practiceIDsAreUnique() {
        let ids = module.practices.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test func practicesAreComplete() {
        for practice in module.practices {
            #expect((3...6).contains(practice.steps.count), "\(practice.id) has \(practice.steps.count) steps")
            #expect(practice.reflections.count >= 3, "\(practice.id) has too few reflections")
            #expect(!practice.tags.isEmpty, "\(practice.id) has no tags")
            let sentences = practice.why.split(whereSeparator: { ".!?".contains($0) })
                .filter { $0.contains(where: \.isLetter) }
            #expect((2...4).contains(sentences.count), "\(practice.id) why has \(sentences.count) sentences")
            for text in [practice.title, practice.why, practice.tryToday] + practice.steps + practice.reflections {
                #expect(!text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(practice.id) has an empty string")
            }
        }
    }

    @Test func acceptingVulnerabilityTeachesValidationScripts() throws {
        let practice = try #require(module.practices.first { $0.id == "women.accept_vulnerability" })
        #expect(practice.steps.contains { $0.contains("\"That makes sense,\"") })
    }

    @Test func hasEnoughDistinctCards() {
        #expect(module.cards.count >= 20)
        let prompts = module.cards.map { $0.prompt.lowercased() }
        #expect(Set(prompts).count == prompts.count, "a card appears twice")
        for card in module.cards {
            #expect(!card.prompt.trimmingCharacters(in: .whitespaces).isEmpty)
            #expect(card.prompt.hasSuffix("?"), "'\(card.prompt)' is not a question")
        }
    }

    @Test func hasItsOwnTips() {
        #expect(module.tips.count >= 10)
        #expect(Set(module.tips).count == module.tips.count)
        #expect(module.tips != module.practices.map(\.tryToday), "tips fall back to the default")
        #expect(module.tips.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
    }

    // MARK: Routine function

    @Test func validationReturnsAPhraseRepeatably() throws {
        let validation = try #require(module.functions.first { $0.name == "validation" })
        #expect(validation.arity == 0...0)
        let value = try validation.body([], ModuleContext(seed: 7))
        guard case .string(let phrase) = value else {
            Issue.record("expected a string, got \(value)")
            return
        }
        #expect(ValidationPhrases.all.contains(phrase))
        #expect(value == (try validation.body([], ModuleContext(seed: 7))))
        let spread = try Set((0..<20).map { try validation.body([], ModuleContext(seed: $0)) })
        #expect(spread.count > 1)
    }

    @Test func validationPhrasesAreDistinct() {
        #expect(ValidationPhrases.all.count >= 10)
        #expect(Set(ValidationPhrases.all).count == ValidationPhrases.all.count)
        #expect(ValidationPhrases.all.allSatisfy { !$0.isEmpty })
    }
}
