import Foundation
import Testing
import TandemKit
import Daily

@Suite struct DailyTests {
    let module = DailyModule()

    static let requiredIDs = ["daily.gratitude", "daily.affection", "daily.no_tech_time"]

    static func sentenceCount(_ text: String) -> Int {
        text.split(whereSeparator: { ".!?".contains($0) })
            .filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.count
    }

    static func isBlank(_ text: String) -> Bool { text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

    @Test func manifestNamesTheModule() {
        #expect(module.manifest.id == "daily")
        #expect(module.manifest.version == "1.0.0")
        #expect(!Self.isBlank(module.manifest.displayName))
        #expect(!Self.isBlank(module.manifest.summary))
        #expect(!module.manifest.summary.contains("\n"))
        #expect(!module.manifest.tags.isEmpty)
    }

    @Test func practicesBelongToTheModule() {
        #expect(!module.practices.isEmpty)
        for practice in module.practices {
            #expect(practice.moduleID == "daily", "\(practice.id) is outside the module")
            #expect(practice.slug.wholeMatch(of: /[a-z][a-z0-9_]*/) != nil, "\(practice.id) is not snake_case")
            #expect(practice.cadence.problem == nil)
        }
    }

    @Test(arguments: requiredIDs) func requiredPracticeExists(id: String) {
        #expect(module.practices.contains { $0.id == id }, "missing \(id)")
    }

    @Test func addsThreeToFiveMoreRituals() {
        let extra = module.practices.filter { !Self.requiredIDs.contains($0.id) }
        #expect((3...5).contains(extra.count), "\(extra.count) extra practices")
    }

    @Test func practiceIDsAreUnique() {
        let ids = module.practices.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test func everyPracticeIsComplete() {
        for practice in module.practices {
            #expect(!Self.isBlank(practice.title), "\(practice.id) title")
            #expect((2...4).contains(Self.sentenceCount(practice.why)), "\(practice.id) why has \(Self.sentenceCount(practice.why)) sentences")
            #expect((3...6).contains(practice.steps.count), "\(practice.id) has \(practice.steps.count) steps")
            #expect(!practice.steps.contains(where: Self.isBlank), "\(practice.id) has an empty step")
            #expect(!Self.isBlank(practice.tryToday), "\(practice.id) try-today")
            #expect(practice.reflections.count >= 3, "\(practice.id) has \(practice.reflections.count) reflections")
            #expect(!practice.reflections.contains(where: Self.isBlank), "\(practice.id) has an empty reflection")
            #expect(practice.reflections.allSatisfy { $0.hasSuffix("?") }, "\(practice.id) reflections should be questions")
            #expect(!practice.tags.isEmpty, "\(practice.id) has no tags")
        }
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

    @Test func hasEnoughDistinctConversationCards() {
        #expect(module.cards.count >= 20)
        #expect(!module.cards.contains { Self.isBlank($0.prompt) })
        let prompts = module.cards.map { $0.prompt.lowercased() }
        #expect(Set(prompts).count == prompts.count, "duplicate cards")
        #expect(module.cards.allSatisfy { $0.prompt.hasSuffix("?") })
        for depth in ["light", "medium", "deep"] {
            #expect(module.cards.contains { $0.tags.contains(depth) }, "no \(depth) cards")
        }
    }

    @Test func hasItsOwnTips() {
        #expect(module.tips.count >= 10)
        #expect(!module.tips.contains(where: Self.isBlank))
        #expect(Set(module.tips).count == module.tips.count)
        #expect(module.tips != module.practices.map(\.tryToday), "tips should override the default")
    }

    @Test func addsNoCommandsOrFunctions() {
        #expect(module.commands.isEmpty)
        #expect(module.functions.isEmpty)
    }
}
