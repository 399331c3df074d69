import Testing
import TandemKit
import Men

@Suite struct MenTests {
    let module = MenModule()

    @Test func manifestNamesTheModule() {
        #expect(module.manifest.id == "men")
    }

    @Test func practicesBelongToTheModule() {
        #expect(!module.practices.isEmpty)
        for practice in module.practices {
            #expect(practice.moduleID == "men", "\(practice.id) is outside the module")
            #expect(practice.cadence.problem == nil)
        }
    }

    @Test func hasConversationCards() {
        #expect(!module.cards.isEmpty)
    }
}
