import Testing
import TandemKit
import Daily

@Suite struct DailyTests {
    let module = DailyModule()

    @Test func manifestNamesTheModule() {
        #expect(module.manifest.id == "daily")
    }

    @Test func practicesBelongToTheModule() {
        #expect(!module.practices.isEmpty)
        for practice in module.practices {
            #expect(practice.moduleID == "daily", "\(practice.id) is outside the module")
            #expect(practice.cadence.problem == nil)
        }
    }

    @Test func hasConversationCards() {
        #expect(!module.cards.isEmpty)
    }
}
