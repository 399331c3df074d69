import Foundation
import Testing

/// Routines that read the journal (`habits()`, `habit(id)`, `checkins()`,
/// `question_status()`), run by the built binary against what `tandem stats
/// --json` says of the same journal.
@Suite struct JournalFunctionTests {
    let root = makeTemporaryHome("tandem-journal-functions")
    var home: URL { root.appendingPathComponent("me") }

    @discardableResult
    func run(_ home: URL, _ args: [String], stdin: String? = nil, now: String = "2026-12-02T20:00:00Z") -> TandemRun {
        runTandem(args, stdin: stdin, environment: ["TANDEM_NOW": now], home: home, directory: root)
    }

    /// Writes a routine file and runs it; its output.
    func routine(_ source: String, in home: URL, dryRun: Bool = false, now: String = "2026-12-02T20:00:00Z") -> String {
        let path = root.appendingPathComponent("r\(abs(source.hashValue)).routine")
        try? source.write(to: path, atomically: true, encoding: .utf8)
        let result = run(home, ["run", path.path] + (dryRun ? ["--dry-run"] : []), now: now)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    func statsJSON(_ home: URL) throws -> [String: Any] {
        let result = run(home, ["stats", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// A JSON value as the routine language prints it (stats' habits hold no booleans).
    func printed(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return "nil"
        case let number as NSNumber:
            let double = number.doubleValue
            return double == double.rounded() && abs(double) < 1e15 ? String(Int(double)) : String(double)
        case let text as String: return text
        default: return "\(value!)"
        }
    }

    @Test func habitsGiveTheFieldsAndFiguresOfStatsJSON() throws {
        run(home, ["adopt", "daily.gratitude"], now: "2026-11-20T09:00:00Z")
        run(home, ["adopt", "custom.walk", "--title", "Walk together", "--every", "3/7"], now: "2026-11-20T09:00:00Z")
        for day in ["2026-11-21", "2026-11-22", "2026-11-24", "2026-12-01", "2026-12-02"] {
            run(home, ["done", "daily.gratitude"], now: day + "T10:00:00Z")
        }
        run(home, ["done", "custom.walk"], now: "2026-11-30T10:00:00Z")
        let output = routine("""
            for h in habits() {
              for k in h { say "{h["id"]} {k} {h[k]}" }
            }
            """, in: home)
        let lines = Set(output.split(separator: "\n").map(String.init))
        let stats = try statsJSON(home)
        let habits = try #require(stats["habits"] as? [[String: Any]])
        #expect(habits.count == 2)
        for habit in habits {
            let id = try #require(habit["id"] as? String)
            for (key, value) in habit {
                if let number = value as? Double, number != number.rounded() {
                    // Foundation's JSON reader may be off in the last digit; the routine prints the journal's own double.
                    let shown = lines.first { $0.hasPrefix("\(id) \(key) ") }.flatMap { Double($0.split(separator: " ").last ?? "") }
                    #expect(shown.map { abs($0 - number) < 1e-12 } == true, "\(id) \(key): \(number) against \(shown as Any)")
                    continue
                }
                #expect(lines.contains("\(id) \(key) \(printed(value))"), "\(id) \(key): \(printed(value)) not in \(output)")
            }
            let extra = lines.filter { $0.hasPrefix(id + " ") }.count - habit.count
            #expect(extra == 3, "doneToday, dueToday and who besides the stats fields")
        }
        #expect(lines.contains("daily.gratitude doneToday true"))
        #expect(lines.contains("daily.gratitude dueToday false"))
        #expect(lines.contains("custom.walk doneToday false"))
        #expect(lines.contains("daily.gratitude who me"))
        #expect(routine("say habit(\"custom.walk\")[\"title\"]\nsay habit(\"trust.own_mistakes\")", in: home) == "Walk together\nnil\n")
        #expect(routine("say sort(habits(), \"strength\")[0][\"id\"]", in: home) == "custom.walk\n")
    }

    @Test func checkinsOfTheLastDaysOldestFirstAsStatsRecent() throws {
        for (day, score) in [("2026-11-01", 4), ("2026-11-28", 6), ("2026-12-01", 7), ("2026-12-02", 9)] {
            let done = run(home, ["checkin", "--connection", String(score), "--appreciation", "ok"], now: day + "T10:00:00Z")
            #expect(done.status == 0, "\(done.stderr)")
        }
        #expect(routine("say checkins(2)", in: home) == """
            [{"date": "2026-12-01", "connection": 7, "who": "me"}, {"date": "2026-12-02", "connection": 9, "who": "me"}]

            """)
        let recent = try #require((try statsJSON(home)["checkIns"] as? [String: Any])?["recent"] as? [[String: Any]])
        let last30 = recent.filter { ($0["date"] as? String ?? "") >= "2026-11-03" }
        let expected = last30.map { "\($0["date"]!) \($0["connection"]!)" }.joined(separator: "\n") + "\n"
        #expect(routine("for c in checkins() { say \"{c[\"date\"]} {c[\"connection\"]}\" }", in: home) == expected)
        #expect(routine("say len(checkins(0))", in: home) == "0\n")
    }

    @Test func aDryRunReadsTheSameJournal() {
        run(home, ["adopt", "daily.gratitude"])
        run(home, ["done", "daily.gratitude"])
        let source = "say habits()\nsay checkins()\nsay question_status()[\"partnerStatus\"]"
        #expect(routine(source, in: home, dryRun: true) == routine(source, in: home))
    }

    @Test func checkFindsAnUnknownFieldAndKnowsTheJournalsOwnHabits() throws {
        run(home, ["adopt", "custom.walk", "--title", "Walk"])
        let path = root.appendingPathComponent("typo.routine")
        try "let h = habit(\"custom.walk\")\nsay h[\"doneTodya\"]\nsay habit(\"custom.wlak\")\n".write(to: path, atomically: true, encoding: .utf8)
        let result = run(home, ["check", path.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("""
            typo.routine:2:7: error: a habit map (from habits() or habit()) has no field "doneTodya"
                say h["doneTodya"]
                      ^~~~~~~~~~~
              hint: did you mean 'doneToday'?
            """), "\(result.stderr)")
        #expect(result.stderr.contains("error: no practice or habit has the id \"custom.wlak\""))
        #expect(result.stderr.contains("hint: did you mean 'custom.walk'?"))
        #expect(!result.stderr.contains("\"custom.walk\" "))
    }

    @Test func thePartnersHabitsCheckinsAndAnswerThroughTheSharedFolder() throws {
        let sam = root.appendingPathComponent("sam"), alex = root.appendingPathComponent("alex")
        let shared = root.appendingPathComponent("shared")
        // Alone, the partner's entries are empty: one routine serves both cases.
        run(sam, ["adopt", "daily.gratitude"])
        #expect(routine("say habits(\"partner\")\nsay habit(\"daily.gratitude\", \"partner\")\nsay habits(\"both\")", in: sam) == "[]\nnil\n[]\n")
        let made = run(sam, ["together", "init", shared.path, "--name", "Sam", "--partner-name", "Alex"])
        #expect(made.status == 0, "\(made.stderr)")
        let code = try #require(made.stdout.firstMatch(of: /[0-9A-Z]{5}(-[0-9A-Z]{5}){4}/)).output.0
        let joined = run(alex, ["together", "join", shared.path, "--name", "Alex"], stdin: String(code) + "\n")
        #expect(joined.status == 0, "\(joined.stderr)")
        run(alex, ["adopt", "daily.gratitude"])
        run(sam, ["done", "daily.gratitude"])
        run(sam, ["checkin", "--connection", "8", "--appreciation", "dinner"])
        run(sam, ["question", "--answer", "the walk by the river"])
        let seen = routine("""
            if habit("daily.gratitude", "partner")["doneToday"] { say "Sam already did it today" }
            let both = habit("daily.gratitude", "both")
            say "{both["doneToday"]} {both["who"]}"
            say checkins(30, "both")
            say question_status()["partnerStatus"]
            """, in: alex)
        #expect(seen == """
            Sam already did it today
            false both
            [{"date": "2026-12-02", "connection": 8, "who": "partner"}]
            sealed

            """)
        run(alex, ["done", "daily.gratitude"])
        #expect(routine("say habit(\"daily.gratitude\", \"both\")[\"doneToday\"]", in: alex) == "true\n")
    }
}
