import Testing
import TandemKit
import Support

@Suite struct SupportTests {
    let module = SupportModule()

    @Test func manifestNamesTheModule() {
        #expect(module.manifest.id == "support")
    }

    @Test func practicesBelongToTheModule() {
        #expect(!module.practices.isEmpty)
        for practice in module.practices {
            #expect(practice.moduleID == "support", "\(practice.id) is outside the module")
            #expect(practice.cadence.problem == nil)
        }
    }

    @Test func hasConversationCards() {
        #expect(!module.cards.isEmpty)
    }
}
