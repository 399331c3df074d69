import Testing
import TandemKit
import Foundations

@Suite struct FoundationsTests {
    let module = FoundationsModule()

    @Test func manifestNamesTheModule() {
        #expect(module.manifest.id == "foundations")
    }

    @Test func practicesBelongToTheModule() {
        #expect(!module.practices.isEmpty)
        for practice in module.practices {
            #expect(practice.moduleID == "foundations", "\(practice.id) is outside the module")
            #expect(practice.cadence.problem == nil)
        }
    }

    @Test func hasConversationCards() {
        #expect(!module.cards.isEmpty)
    }
}
