import Testing
import TandemKit
import Daily

@Suite struct DailyTests {
    let module = DailyModule()

    static let requiredIDs = ["daily.gratitude", "daily.affection", "daily.no_tech_time"]

    @Test func manifestNamesTheModule() {
        #expect(module.manifest.id == "daily")
        #expect(module.manifest.version == "1.0.0")
    }

    @Test(arguments: requiredIDs) func requiredPracticeExists(id: String) {
        #expect(module.practices.contains { $0.id == id }, "missing \(id)")
    }

    @Test func addsThreeToFiveMoreRituals() {
        let extra = module.practices.filter { !Self.requiredIDs.contains($0.id) }
        #expect((3...5).contains(extra.count), "\(extra.count) extra practices")
    }

    @Test func cadencesAreRealistic() throws {
        for id in Self.requiredIDs {
            #expect(module.practices.first { $0.id == id }?.cadence == .daily, "\(id) is a daily habit")
        }
        #expect(module.practices.contains { $0.cadence.frequency < 1 }, "not everything should be daily")
        let weeklyOnes = module.practices.filter { $0.cadence.timesPerPeriod == 1 && $0.cadence.periodDays == 7 }
        #expect(!weeklyOnes.isEmpty, "expected a once-a-week ritual")
        let weekAhead = try #require(module.practices.first { $0.id == "daily.week_ahead" })
        #expect(weekAhead.cadence.description == "sun")
        #expect(module.practices.first { $0.id == "daily.reunion_ritual" }?.cadence.description == "mon,tue,wed,thu,fri")
    }

    @Test func addsNoCommandsOrFunctions() {
        #expect(module.commands.isEmpty)
        #expect(module.functions.isEmpty)
    }
}
