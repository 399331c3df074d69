import Foundation
import Testing

/// `tandem modules`, `practices`, `show`, `tip`, `card` through the built binary.
@Suite struct BrowseTests {
    let home = makeTemporaryHome("tandem-browse")

    @Test func modulesListsAllSix() {
        let run = runTandem(["modules"], home: home)
        #expect(run.status == 0, "\(run.stderr)")
        for id in ["foundations", "daily", "men", "women", "longdistance", "trust"] {
            #expect(run.stdout.contains(id))
        }
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect(!run.stdout.contains("\u{1B}["), "colour in a pipe")
    }

    @Test func modulesJSONIsData() throws {
        let run = runTandem(["modules", "--json"], home: home)
        #expect(run.status == 0)
        let modules = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(modules.map { $0["id"] as? String } == ["foundations", "daily", "men", "women", "longdistance", "trust", "play", "repair", "dreams", "support", "questions"])
        let daily = try #require(modules.first { $0["id"] as? String == "daily" })
        #expect((daily["practices"] as? [String])?.contains("daily.no_tech_time") == true)
    }

    @Test func practicesOfOneModule() {
        let run = runTandem(["practices", "daily"], home: home)
        #expect(run.status == 0)
        #expect(run.stdout.contains("daily.gratitude"))
        #expect(run.stdout.contains("daily.affection"))
        #expect(!run.stdout.contains("trust.keep_promises"))
    }

    @Test func showExplainsAPractice() {
        let run = runTandem(["show", "daily.gratitude"], home: home)
        #expect(run.status == 0)
        for heading in ["Steps", "Try today", "Reflect"] { #expect(run.stdout.contains(heading)) }
        let json = runTandem(["show", "daily.gratitude", "--json"], home: home)
        #expect(json.stdout.contains("\"id\" : \"daily.gratitude\""))
    }

    @Test(arguments: [
        (["show", "daily.gratitud"], "unknown practice 'daily.gratitud' (did you mean 'daily.gratitude'"),
        (["practices", "dayly"], "unknown module 'dayly' (did you mean 'daily'"),
        (["card", "longdistanse"], "unknown module 'longdistanse' (did you mean 'longdistance'"),
        (["tip", "trustt"], "unknown module 'trustt' (did you mean 'trust'"),
    ])
    func unknownIdsSuggestAndExit2(arguments: [String], message: String) {
        let run = runTandem(arguments, home: home)
        #expect(run.status == 2)
        #expect(run.stderr.contains("tandem: error: \(message)"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func usageErrorsExit2() {
        let run = runTandem(["show"], home: home)
        #expect(run.status == 2)
        #expect(run.stderr.contains("Missing expected argument"))
        #expect(runTandem(["frobnicate"], home: home).status == 2)
    }

    @Test func cardsAndTipsAreRepeatableWithASeed() {
        let first = runTandem(["card", "longdistance", "--seed", "7"], home: home)
        let again = runTandem(["card", "longdistance", "--seed", "7"], home: home)
        #expect(first.status == 0)
        #expect(first.stdout == again.stdout)
        #expect(first.stdout.contains("(longdistance)"))
        let tip = runTandem(["tip", "trust", "--seed", "3", "--json"], home: home)
        #expect(tip.stdout.contains("\"module\" : \"trust\""))
    }

    @Test func browsingWritesNothing() throws {
        runTandem(["modules"], home: home)
        runTandem(["show", "daily.gratitude"], home: home)
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).isEmpty)
    }
}
