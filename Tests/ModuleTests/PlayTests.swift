import Testing
import TandemKit
import Play

@Suite struct PlayTests {
    let module = PlayModule()

    @Test func manifestNamesTheModule() {
        #expect(module.manifest.id == "play")
    }

    @Test func practicesBelongToTheModule() {
        #expect(!module.practices.isEmpty)
        for practice in module.practices {
            #expect(practice.moduleID == "play", "\(practice.id) is outside the module")
            #expect(practice.cadence.problem == nil)
        }
    }

    @Test func hasConversationCards() {
        #expect(!module.cards.isEmpty)
    }
}
