import Testing
import TandemKit
import Repair

@Suite struct RepairTests {
    let module = RepairModule()

    @Test func manifestNamesTheModule() {
        #expect(module.manifest.id == "repair")
    }

    @Test func practicesBelongToTheModule() {
        #expect(!module.practices.isEmpty)
        for practice in module.practices {
            #expect(practice.moduleID == "repair", "\(practice.id) is outside the module")
            #expect(practice.cadence.problem == nil)
        }
    }

    @Test func hasConversationCards() {
        #expect(!module.cards.isEmpty)
    }
}
