import Foundation
import Testing

/// `tandem card` and `tandem tip` remember what they showed, `--seed`
/// repeats and records nothing, and favourites are kept, listed and drawn.
@Suite struct DrawTests {
    let home = makeTemporaryHome("tandem-draws")

    /// Text with its wrapped lines joined, as the card was written.
    func oneLine(_ text: String) -> String {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    func drawn(_ arguments: [String]) throws -> String {
        let run = runTandem(arguments + ["--json"], home: home)
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: String])
        return try #require(object["card"] ?? object["tip"])
    }

    @Test(arguments: [["card"], ["card", "trust"], ["card", "questions"]])
    func thirtyCardsInARowRepeatNothing(arguments: [String]) throws {
        let cards = try (1...30).map { _ in try drawn(arguments) }
        #expect(Set(cards).count == 30, "repeated: \(Dictionary(grouping: cards, by: { $0 }).filter { $0.value.count > 1 }.keys)")
    }

    @Test func tipsRepeatNothingUntilTheDeckIsSpent() throws {
        // daily has 12 tips: twelve draws show each once, the thirteenth starts again.
        let tips = try (1...12).map { _ in try drawn(["tip", "daily"]) }
        #expect(Set(tips).count == 12)
        #expect(tips.contains(try drawn(["tip", "daily"])))
    }

    @Test func aSeededDrawRepeatsAndRecordsNothing() throws {
        let first = try drawn(["card", "play", "--seed", "7"])
        #expect(try drawn(["card", "play", "--seed", "7"]) == first)
        #expect(try drawn(["tip", "--seed", "7"]) == (try drawn(["tip", "--seed", "7"])))
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).isEmpty, "a seeded draw wrote the journal")
        let keep = runTandem(["card", "--keep"], home: home)
        #expect(keep.status == 1)
        #expect(keep.stderr.contains("no card has been shown yet"))
    }

    @Test func theLastCardShownIsKeptListedAndDrawn() throws {
        #expect(runTandem(["cards", "--favourites"], home: home).stdout.contains("No favourite cards yet"))
        #expect(runTandem(["card", "--from", "favourites"], home: home).status == 1)
        let card = try drawn(["card", "repair"])
        let keep = runTandem(["card", "--keep"], home: home)
        #expect(keep.status == 0, "\(keep.stderr)")
        #expect(keep.stdout.hasPrefix("Kept as a favourite:\n"))
        #expect(oneLine(keep.stdout).contains(card))
        #expect(runTandem(["card", "--keep"], home: home).stdout.hasPrefix("Already a favourite:"))
        let list = runTandem(["cards", "--favourites"], home: home)
        #expect(list.stdout.contains("Repair after a fight (repair, 1 kept)"))
        #expect(oneLine(list.stdout).contains(card))
        #expect(try drawn(["card", "--from", "favourites"]) == card)
        #expect(try drawn(["card", "repair", "--from", "favourites"]) == card)
        let elsewhere = runTandem(["card", "daily", "--from", "favourites"], home: home)
        #expect(elsewhere.status == 1)
        #expect(elsewhere.stderr.contains("no favourite cards from daily yet"))
        let json = runTandem(["cards", "--favourites", "--json"], home: home)
        #expect(json.stdout.contains("\"kept\" : \"2026-11-20\""))
    }

    @Test(arguments: [
        (["card", "--keep", "daily"], "--keep keeps the last card shown; it takes no module, --seed or --from"),
        (["card", "--keep", "--seed", "1"], "--keep keeps the last card shown"),
        (["card", "--from", "faves"], "--from takes 'favourites', not 'faves'"),
    ])
    func misusedOptionsAreRefused(arguments: [String], message: String) {
        let run = runTandem(arguments, home: home)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func cardsListsADeckTaggedByDepth() {
        let run = runTandem(["cards", "support"], home: home)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Support under stress (support, 42 cards)\n"))
        #expect(run.stdout.contains("light") && run.stdout.contains("medium") && run.stdout.contains("deep"))
        #expect(try! FileManager.default.contentsOfDirectory(atPath: home.path).isEmpty, "listing cards wrote the journal")
    }
}
