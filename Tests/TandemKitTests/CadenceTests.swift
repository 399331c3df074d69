import Testing
import TandemKit

@Suite struct CadenceTests {
    @Test(arguments: [
        ("daily", "1/1", "daily"), ("weekly", "1/7", "weekly"), ("3/7", "3/7", "3/7"),
        ("1/1", "1/1", "daily"), ("mon,wed,fri", "3/7", "mon,wed,fri"), ("Fri, mon", "2/7", "mon,fri"),
        ("mon,tue,wed,thu,fri,sat,sun", "1/1", "daily"), ("2/14", "2/14", "2/14"),
        ("weekday", "5/7", "mon,tue,wed,thu,fri"), ("Weekdays", "5/7", "mon,tue,wed,thu,fri"),
        ("weekend", "2/7", "sat,sun"), ("weekends, mon", "3/7", "mon,sat,sun"), ("thurs,tues", "2/7", "tue,thu"),
        ("weekday,weekend", "1/1", "daily"),
    ])
    func parsesWhatPeopleType(text: String, fraction: String, description: String) throws {
        let cadence = try Cadence(parsing: text)
        #expect(cadence.fraction == fraction)
        #expect(cadence.description == description)
        #expect(cadence.problem == nil)
    }

    @Test(arguments: ["0/7", "8/7", "1/0", "3/400", "x/7", "3/", "someday", "", "mo"])
    func rejectsWhatIsNotACadence(text: String) {
        #expect(throws: CadenceError.self) { try Cadence(parsing: text) }
    }

    @Test func errorSaysWhatIsWrong() {
        do {
            _ = try Cadence(parsing: "8/7")
            Issue.record("8/7 parsed")
        } catch {
            #expect(error.description == "invalid cadence '8/7': the count must be 1 to 7 in 7 days, not 8")
        }
    }

    @Test func frequencyIsTimesOverDays() {
        #expect(Cadence.daily.frequency == 1)
        #expect(Cadence.timesPer(times: 3, days: 7).frequency == 3.0 / 7.0)
        #expect(Cadence.weekdays([.monday, .friday]).frequency == 2.0 / 7.0)
    }

    @Test func weekdaysOrderFromMonday() {
        #expect(Weekday.allCases.sorted().first == .monday)
        #expect(Weekday.allCases.sorted().last == .sunday)
        #expect(Weekday(name: "Thurs") == .thursday)
        #expect(Weekday(name: "su") == nil)
    }
}

@Suite struct SuggestionsTests {
    let ids = ["daily.gratitude", "daily.affection", "daily.no_tech_time", "trust.keep_promises"]

    @Test func suggestsTheClosestId() {
        #expect(Suggestions.closest(to: "daily.gratitud", in: ids).first == "daily.gratitude")
        #expect(Suggestions.closest(to: "daily.afection", in: ids).first == "daily.affection")
        #expect(Suggestions.closest(to: "keep_promises", in: ids).first == "trust.keep_promises")
    }

    @Test func suggestsNothingForUnrelatedText() {
        #expect(Suggestions.closest(to: "zzzzzzzz", in: ids).isEmpty)
        #expect(Suggestions.hint(for: "zzzzzzzz", in: ids) == "")
    }

    @Test func editDistanceCountsEdits() {
        #expect(Suggestions.editDistance("kitten", "sitting") == 3)
        #expect(Suggestions.editDistance("", "abc") == 3)
        #expect(Suggestions.editDistance("same", "same") == 0)
    }

    @Test func anIDGivenTwiceIsSuggestedOnce() {
        // The journal's habits and the registry's practices, concatenated.
        let twice = ["daily.gratitude"] + ids
        #expect(Suggestions.closest(to: "daily.gratitud", in: twice) == ["daily.gratitude"])
        #expect(Suggestions.hint(for: "daily.gratitud", in: twice) == " (did you mean 'daily.gratitude'?)")
    }

    @Test func theLimitCountsDistinctIDs() {
        let candidates = ["ab1", "ab1", "ab1", "ab2", "ab3"]
        #expect(Suggestions.closest(to: "ab", in: candidates, limit: 3) == ["ab1", "ab2", "ab3"])
    }
}

@Suite struct SeededRandomTests {
    @Test func sameSeedSameSequence() {
        var a = SeededRandom(seed: 42), b = SeededRandom(seed: 42), c = SeededRandom(seed: 43)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
    }
}

@Suite struct TextStyleTests {
    @Test func plainStyleLeavesTextAlone() {
        #expect(TextStyle.plain.bold("x") == "x")
        #expect(TextStyle.ansi.bold("x") == "\u{1B}[1mx\u{1B}[0m")
    }
}
