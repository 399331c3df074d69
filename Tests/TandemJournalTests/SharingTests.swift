import Foundation
@testable import TandemJournal
import TandemKit
import Testing

/// Two members' entries in one journal, and what goes to the shared folder.
@Suite struct AuthorshipTests {
    /// My journal and my partner's, with the partner's entries read into mine.
    func couple() throws -> (me: Journal, partner: Journal) {
        let me = try openJournal(temporaryFolder()), partner = try openJournal(temporaryFolder())
        try me.setProfile(myName: "Alex", partnerName: "Sam (as I call them)")
        try me.addCheckIn(connection: 9, appreciation: "mine")
        try partner.setProfile(myName: "Sam", partnerName: "Alex")
        try partner.adopt("daily.gratitude", title: "Thanks", cadence: .daily, on: partner.today.adding(days: -20))
        try partner.record(mark: .done, for: "daily.gratitude")
        try partner.addCheckIn(connection: 2, appreciation: "theirs")
        let theirs = try partner.allEvents().map { ReceivedEvent(device: partner.device, event: $0) }
        try me.ingest(theirs, offsets: ["logs/x/2026-11.jsonl": 100])
        return (me, partner)
    }

    @Test func aPartnersEntriesNeverChangeMine() throws {
        let (me, partner) = try couple()
        #expect(try me.habits().isEmpty)
        #expect(try me.stats().checkIns.average == 9)
        #expect(try me.profile().myName == "Alex")
        #expect(try me.profile().partnerName == "Sam", "the partner's own name wins over mine for them")
        #expect(try me.partnerID() == partner.author)
        let theirs = try me.stats(author: partner.author)
        #expect(theirs.habits.map(\.id) == ["daily.gratitude"])
        #expect(theirs.checkIns.average == 2)
        #expect(try me.events(matching: EventFilter(who: .partner)).allSatisfy { $0.author == partner.author })
        #expect(try me.events(matching: EventFilter(who: .me)).allSatisfy { $0.author == me.author })
        // Marking my own habit of the same id is mine alone.
        try me.adopt("daily.gratitude", title: "Thanks", cadence: .daily)
        #expect(try me.dueToday().first?.mark == DayMark.none)
        #expect(try me.dueToday(author: partner.author).first?.mark == .done)
        let together = try #require(try me.stats(together: partner.author).together)
        #expect(together.habits.map(\.id) == ["daily.gratitude"])
        #expect(together.gapLast30 == 7)
    }

    @Test func readingTheSameLinesTwiceAddsNothingAndAConflictingIdIsLeftOut() throws {
        let (me, partner) = try couple()
        let count = try me.eventCount()
        let again = try me.ingest(partner.allEvents().map { ReceivedEvent(device: partner.device, event: $0) }, offsets: [:])
        #expect(again.added == 0)
        #expect(again.known == (try partner.eventCount()))
        #expect(try me.eventCount() == count)
        var forged = try #require(try partner.allEvents().last)
        forged.payload["appreciation"] = .string("changed")
        let conflict = try me.ingest([ReceivedEvent(device: partner.device, event: forged)], offsets: [:])
        #expect(conflict.added == 0)
        #expect(conflict.refused.count == 1)
        #expect(try me.folderOffsets() == ["logs/x/2026-11.jsonl": 100])
        #expect(try me.folderDevices().first?.author == partner.author)
    }

    @Test func privateEntriesNeverWaitToBePublished() throws {
        let journal = try openJournal(temporaryFolder())
        try journal.addNote("only mine")
        try journal.addNote("ours", shared: true)
        try journal.addCheckIn(connection: 5, appreciation: "kept here", isPrivate: true)
        try journal.addCheckIn(connection: 6, appreciation: "shared")
        try journal.recordCardShown("daily#1")
        let (pending, through) = try journal.pendingSharedEvents(after: 0)
        let texts = pending.compactMap { $0.text("text") ?? $0.text("appreciation") }
        #expect(texts == ["ours", "shared"])
        #expect(through == Int64(try journal.eventCount()))
        try journal.didPublish(through: through, nextSequence: 3, ownLog: [:])
        #expect(try journal.pendingSharedEvents(after: through).events.isEmpty)
    }

    @Test func anAnswerIsRevealedOnlyOnceThePartnerHasCommitted() throws {
        let (me, partner) = try couple()
        let day = me.today
        try me.recordAnswer("mine", cardID: "questions#1", commitment: "c1", sealed: Data([1]), key: Data([2]), nonce: Data([3]), date: day)
        #expect(try me.allEvents().filter { $0.kind == .reveal }.isEmpty, "no reveal before the partner has answered")
        #expect(throws: CommandFailure.self) {
            try me.recordAnswer("again", cardID: "questions#1", commitment: "c2", sealed: Data([1]), key: Data([2]), nonce: Data([3]), date: day)
        }
        try partner.recordAnswer("theirs", cardID: "questions#1", commitment: "c3", sealed: Data([4]), key: Data([5]), nonce: Data([6]), date: day)
        let shared = try partner.allEvents().filter(Journal.isShared)
        #expect(!shared.contains { $0.kind == .answer }, "the text and key stay on the partner's device")
        try me.ingest(shared.map { ReceivedEvent(device: partner.device, event: $0) }, offsets: [:])
        #expect(try me.questionDays([day]).first?.partner?.key == nil, "still sealed: the partner's key is not here")
        #expect(try me.writeDueReveals() == 1)
        #expect(try me.writeDueReveals() == 0)
        let mine = try #require(try me.questionDays([day]).first?.mine)
        #expect(mine.text == "mine")
        #expect(mine.key == Data([2]))
    }
}
