import Testing
import TandemKit
import Women

@Suite struct WomenTests {
    let module = WomenModule()

    @Test func manifestNamesTheModule() {
        #expect(module.manifest.id == "women")
    }

    @Test func practicesBelongToTheModule() {
        #expect(!module.practices.isEmpty)
        for practice in module.practices {
            #expect(practice.moduleID == "women", "\(practice.id) is outside the module")
            #expect(practice.cadence.problem == nil)
        }
    }

    @Test func hasConversationCards() {
        #expect(!module.cards.isEmpty)
    }
}
