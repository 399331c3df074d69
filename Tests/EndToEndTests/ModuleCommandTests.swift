import Foundation
import Testing

/// The commands modules contribute, run through the built binary as a person
/// runs them: `tandem assess`, `tandem overlap`, `tandem feelings`.
@Suite struct ModuleCommandTests {
    let home = makeTemporaryHome("tandem-modcmd")

    /// Fifteen answers: three per pillar, vulnerability the weakest.
    let answers = "3\n4\n2\n5\n5\n4\n1\n2\n2\n3\n3\n3\n4\n4\n4\n"

    @Test func assessReadsPipedAnswersAndNamesTheWeakestPillar() {
        let run = runTandem(["assess"], stdin: answers, home: home)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Weakest pillar: Vulnerability"))
        #expect(run.stdout.contains("foundations.be_vulnerable"))
    }

    @Test func assessJSONHasAScorePerPillar() throws {
        let run = runTandem(["assess", "--json"], stdin: answers, home: home)
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let pillars = try #require(object["pillars"] as? [[String: Any]])
        #expect(pillars.count == 5)
        #expect((object["recommendations"] as? [String])?.isEmpty == false)
    }

    @Test func assessRemembersAndShowsATrend() throws {
        let october = runTandem(["assess"], stdin: answers, environment: ["TANDEM_NOW": "2026-10-20T20:00:00"], home: home)
        #expect(october.status == 0, "\(october.stderr)")
        #expect(october.stdout.contains("tandem adopt foundations.be_vulnerable"))
        let better = "4\n4\n4\n5\n5\n4\n3\n3\n4\n3\n4\n3\n4\n4\n5\n"
        #expect(runTandem(["assess"], stdin: better, home: home).status == 0)
        let history = runTandem(["assess", "--history"], home: home)
        #expect(history.status == 0, "\(history.stderr)")
        #expect(history.stdout.contains("(2 assessments, from 2026-10-20 to 2026-11-20)"))
        #expect(history.stdout.contains("  Vulnerability                  ▂▅  1.7 → 3.3 (+1.7)\n"), "\(history.stdout)")
        let stats = runTandem(["stats"], home: home)
        #expect(stats.stdout.split(separator: "\n").contains { $0.hasPrefix("Self-assessment, 2026-11-20: Open and honest communication 4.0") })
        // Before the second result, stats shows the first.
        let earlier = runTandem(["stats", "--as-of", "2026-11-01"], home: home)
        #expect(earlier.stdout.contains("Self-assessment, 2026-10-20:"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(runTandem(["stats", "--json"], home: home).stdout.utf8)) as? [String: Any])
        let latest = try #require(json["latestAssessment"] as? [String: Any])
        #expect(latest["date"] as? String == "2026-11-20")
        #expect((latest["summary"] as? String)?.hasPrefix("Open and honest communication 4.0") == true)
    }

    @Test func assessNoSaveWritesNothing() throws {
        let run = runTandem(["assess", "--no-save"], stdin: answers, home: home)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).isEmpty, "--no-save wrote the journal")
        #expect(runTandem(["assess", "--history"], home: home).stdout.hasPrefix("No saved assessments yet."))
    }

    @Test(arguments: [
        ("3\n9\n", "question 2: '9' is not an answer from 1 to 5"),
        ("3\nlots\n", "question 2: 'lots'"),
        ("3\n4\n", "question 3"),
        ("", "question 1"),
    ])
    func assessRefusesBadOrMissingAnswers(stdin: String, message: String) {
        let run = runTandem(["assess"], stdin: stdin, home: home)
        #expect(run.status == 2)
        #expect(run.stderr.contains("tandem: error: \(message)"), "\(run.stderr)")
        #expect(!run.stdout.contains("Weakest"))
    }

    @Test func overlapAcrossADaylightSavingSwitchInOneZone() throws {
        // New York is on summer time from March 8, Berlin only from March 29.
        let run = runTandem(
            ["overlap", "--me", "Europe/Berlin", "18-23", "--partner", "America/New_York", "12-18",
             "--from", "2026-03-23", "--json"], home: home)
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let windows = try #require(object["windows"] as? [[String: Any]])
        let starts = windows.compactMap { $0["start"] as? String }
        let ends = windows.compactMap { $0["end"] as? String }
        #expect(starts.count == 7)
        #expect(starts.first == "2026-03-23T17:00:00Z")
        #expect(ends.first == "2026-03-23T22:00:00Z")
        #expect(starts.contains("2026-03-28T17:00:00Z"))
        #expect(starts.contains("2026-03-29T16:00:00Z"))
        #expect(ends.contains("2026-03-29T21:00:00Z"))
    }

    @Test func overlapTextShowsBothLocalTimes() {
        let run = runTandem(
            ["overlap", "--me", "Europe/Berlin", "22-02", "--partner", "Asia/Tokyo", "06-09", "--from", "2026-11-23"],
            home: home)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Berlin") || run.stdout.contains("22:00"))
        #expect(run.stdout.contains("06:00") || run.stdout.contains("6:00"))
    }

    @Test(arguments: [
        (["--me", "Europe/Berln", "18-23", "--partner", "America/New_York", "12-18"], "unknown time zone 'Europe/Berln' (did you mean 'Europe/Berlin'"),
        (["--me", "Europe/Berlin", "18-25", "--partner", "America/New_York", "12-18"], "malformed range '18-25'"),
        (["--me", "Europe/Berlin", "abc", "--partner", "America/New_York", "12-18"], "abc"),
        (["--me", "Europe/Berlin", "18-23", "--partner", "America/New_York", "12-18", "--from", "2026-13-01"], "2026-13-01"),
    ])
    func overlapRefusesBadInput(arguments: [String], message: String) {
        let run = runTandem(["overlap"] + arguments, home: home)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func feelingsShowsACoreFeelingAndSuggestsForTypos() {
        let fear = runTandem(["feelings", "fear"], home: home)
        #expect(fear.status == 0, "\(fear.stderr)")
        #expect(fear.stdout.contains("I feel"))
        let typo = runTandem(["feelings", "faer"], home: home)
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean 'fear'"), "\(typo.stderr)")
    }
}
