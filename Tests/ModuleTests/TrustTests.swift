import Testing
import TandemKit
import Trust

@Suite struct TrustTests {
    let module = TrustModule()

    @Test func manifestNamesTheModule() {
        #expect(module.manifest.id == "trust")
    }

    @Test func practicesBelongToTheModule() {
        #expect(!module.practices.isEmpty)
        for practice in module.practices {
            #expect(practice.moduleID == "trust", "\(practice.id) is outside the module")
            #expect(practice.cadence.problem == nil)
        }
    }

    @Test func hasConversationCards() {
        #expect(!module.cards.isEmpty)
    }
}
