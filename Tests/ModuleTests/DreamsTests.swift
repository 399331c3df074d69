import Testing
import TandemKit
import Dreams

@Suite struct DreamsTests {
    let module = DreamsModule()

    @Test func manifestNamesTheModule() {
        #expect(module.manifest.id == "dreams")
    }

    @Test func practicesBelongToTheModule() {
        #expect(!module.practices.isEmpty)
        for practice in module.practices {
            #expect(practice.moduleID == "dreams", "\(practice.id) is outside the module")
            #expect(practice.cadence.problem == nil)
        }
    }

    @Test func hasConversationCards() {
        #expect(!module.cards.isEmpty)
    }
}
