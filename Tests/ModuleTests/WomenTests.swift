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
    }

    @Test(arguments: [
        "women.practice_openness", "women.practice_empathy", "women.accept_vulnerability",
        "women.ask_curious_questions", "women.validate_before_solving",
    ])
    func requiredPracticeExists(id: String) {
        #expect(module.practices.contains { $0.id == id }, "missing \(id)")
    }

    @Test func acceptingVulnerabilityTeachesValidationScripts() throws {
        let practice = try #require(module.practices.first { $0.id == "women.accept_vulnerability" })
        #expect(practice.steps.contains { $0.contains("\"That makes sense,\"") })
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
