import Testing
import TandemKit
import Questions

@Suite struct QuestionsTests {
    let module = QuestionsModule()

    @Test func manifestNamesTheModule() {
        #expect(module.manifest.id == "questions")
    }

    @Test func practicesBelongToTheModule() {
        #expect(!module.practices.isEmpty)
        for practice in module.practices {
            #expect(practice.moduleID == "questions", "\(practice.id) is outside the module")
            #expect(practice.cadence.problem == nil)
        }
    }

    @Test func hasConversationCards() {
        #expect(!module.cards.isEmpty)
    }
}
