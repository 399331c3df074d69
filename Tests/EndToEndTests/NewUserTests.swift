import Foundation
import Testing
import TandemKit

/// What a new user hit in a first session: lines too wide for the terminal,
/// the same suggestion twice, typos of custom habits, due words, cadence
/// words and negative numbers.
@Suite struct NewUserTests {
    let home = makeTemporaryHome("tandem-new-user")

    func run(_ args: [String], _ environment: [String: String] = [:]) -> TandemRun {
        runTandem(args, environment: environment, home: home)
    }

    /// Every word of the lines, joined back across the line breaks: a word
    /// the wrapper split shows up as two pieces not in `words`.
    static func brokenWords(_ output: String, words: Set<String>) -> [String] {
        output.split(separator: "\n").flatMap { $0.split(separator: " ").map(String.init) }.filter { !words.contains($0) }
    }

    @Test func outputFitsEightyColumnsWithoutBreakingWords() throws {
        for id in ["daily.gratitude", "foundations.love_maps", "longdistance.shared_ritual"] {
            _ = run(["adopt", id, "--since", "2026-11-01"])
        }
        _ = run(["adopt", "custom.evening_walk_after_dinner_with_the_dog", "--since", "2026-11-01", "--title", "An evening walk after dinner together with the dog, phones left at home"])
        for day in 17...19 {
            _ = run(["done", "daily.gratitude", "--date", "2026-11-\(day)"])
            _ = run(["done", "custom.evening_walk_after_dinner_with_the_dog", "--date", "2026-11-\(day)"])
        }
        _ = run(["note", "A long note about the week, to see that the journal wraps it at the terminal's edge and keeps every word in one piece."])
        for command in [["today"], ["modules"], ["journal"], ["practices"], ["stats"]] {
            let result = run(command, ["COLUMNS": "80"])
            #expect(result.status == 0, "\(command): \(result.stderr)")
            let wide = result.stdout.split(separator: "\n").filter { TextLayout.columns($0) > 80 }
            #expect(wide.isEmpty, "\(command): \(wide)")
            // The same text unwrapped (very wide): its words are the ones allowed.
            let unwrapped = run(command, ["COLUMNS": "10000"]).stdout
            let words = Set(unwrapped.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
            #expect(Self.brokenWords(result.stdout, words: words).isEmpty, "\(command): \(result.stdout)")
        }
    }

    @Test func assessAndOverlapFillTheWidthAndNoMore() {
        let answers = String(repeating: "3\n", count: 15)
        let wide = runTandem(["assess"], stdin: answers, environment: ["COLUMNS": "100"], home: home)
        #expect(wide.status == 0, "\(wide.stderr)")
        // 93 columns: one line at 100, wrapped at 80.
        let advice = "Pick one for the coming week; `tandem show ID` explains it. Take the check again in a month."
        #expect(wide.stdout.contains(advice + "\n"), "\(wide.stdout)")
        let narrow = runTandem(["assess"], stdin: answers, environment: ["COLUMNS": "80"], home: home)
        #expect(!narrow.stdout.contains(advice))
        #expect(narrow.stdout.contains("Weakest pillars (tied): Open and honest communication, Respect and trust,\n  "), "\(narrow.stdout)")
        let overlap = run(["overlap", "--me", "Europe/Berlin", "18-23", "--partner", "America/New_York", "12-18", "--days", "2"], ["COLUMNS": "80"])
        #expect(overlap.status == 0, "\(overlap.stderr)")
        for output in [narrow.stdout, overlap.stdout] {
            #expect(output.split(separator: "\n").allSatisfy { TextLayout.columns($0) <= 80 }, "\(output)")
        }
    }

    @Test func suggestionsNameEachIDOnce() {
        #expect(run(["adopt", "daily.gratitude"]).status == 0)
        let typo = run(["done", "daily.gratitud"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean 'daily.gratitude'?"), "\(typo.stderr)")
        #expect(typo.stderr.components(separatedBy: "'daily.gratitude'").count == 2, "\(typo.stderr)")
    }

    @Test(arguments: [["done"], ["skip"], ["undo"], ["drop"], ["done", "--note", "lovely"]])
    func aTypoOfACustomHabitSuggestsTheHabit(command: [String]) {
        #expect(run(["adopt", "custom.morning_walk", "--title", "Morning walk"]).status == 0)
        let before = run(["journal", "--json"]).stdout
        let typo = run([command[0], "custom.morning_wlak"] + command.dropFirst())
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("'custom.morning_wlak' is not an adopted habit"), "\(typo.stderr)")
        #expect(typo.stderr.contains("did you mean 'custom.morning_walk'?"), "\(typo.stderr)")
        #expect(!typo.stderr.contains("tandem adopt custom.morning_wlak"), "\(typo.stderr)")
        #expect(run(["journal", "--json"]).stdout == before)
    }

    @Test func aCustomHabitNeverAdoptedCreatesNoJournal() {
        let result = run(["done", "custom.morning_walk"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("'custom.morning_walk' is not an adopted habit"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("journal.sqlite").path))
    }

    @Test(arguments: [("today", "Fri 20 Nov"), ("tomorrow", "Sat 21 Nov"), ("2026-12-01", "Tue 1 Dec")])
    func promisesAreDueOnWordsOrDates(due: String, label: String) {
        let result = run(["promise", "add", "call your mother", "--due", due])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(label), "\(result.stdout)")
    }

    @Test func aDueThatIsNoDaySaysWhatWorks() {
        let result = run(["promise", "add", "call your mother", "--due", "sunday-ish"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("today, tomorrow or a date as YYYY-MM-DD"), "\(result.stderr)")
    }

    @Test(arguments: [("weekday", "mon,tue,wed,thu,fri"), ("weekend", "sat,sun"), ("weekends,mon", "mon,sat,sun"), ("thurs", "thu")])
    func adoptTakesTheRoutineLanguagesDayWords(every: String, cadence: String) {
        let result = run(["adopt", "daily.gratitude", "--every", every])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(", \(cadence)."), "\(result.stdout)")
    }

    @Test(arguments: [
        (["tip", "--seed", "-1"], "The value '-1' is invalid for '--seed <seed>': it must be 0 or more"),
        (["card", "--seed", "-1"], "The value '-1' is invalid for '--seed <seed>': it must be 0 or more"),
        (["tip", "--seed=-1"], "The value '-1' is invalid for '--seed <seed>': it must be 0 or more"),
        (["tip", "--seed", "many"], "The value 'many' is invalid for '--seed <seed>': it must be a whole number"),
        (["feelings", "--random", "--seed", "-5"], "The value '-5' is invalid for '--seed <seed>': it must be 0 or more"),
        (["overlap", "--me", "Europe/Berlin", "18-23", "--partner", "Asia/Tokyo", "06-08", "--days", "-3"], "--days must be 1 to 60, not -3"),
        (["checkin", "--connection", "-2", "--appreciation", "dinner"], "--connection must be 1 to 10, not -2"),
    ])
    func negativeNumbersAreJudgedAsValues(args: [String], message: String) {
        let result = run(args)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!result.stderr.contains("Missing value"), "\(result.stderr)")
    }
}
