import Testing
import TandemKit
import LongDistance

@Suite struct LongDistanceTests {
    let module = LongDistanceModule()

    @Test func manifestNamesTheModule() {
        #expect(module.manifest.id == "longdistance")
    }

    @Test func practicesBelongToTheModule() {
        #expect(!module.practices.isEmpty)
        for practice in module.practices {
            #expect(practice.moduleID == "longdistance", "\(practice.id) is outside the module")
            #expect(practice.cadence.problem == nil)
        }
    }

    @Test func hasConversationCards() {
        #expect(!module.cards.isEmpty)
    }
}
