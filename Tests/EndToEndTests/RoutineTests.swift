import Foundation
import Testing

/// `tandem run`, `check`, `routines` and `schedule` through the built binary.
@Suite struct RoutineEndToEndTests {
    static let examples: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples")

    func write(_ text: String, _ name: String, in folder: URL) -> String {
        let url = folder.appendingPathComponent(name)
        try? text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func checkReportsEveryProblemWithCaretAndHint() {
        let home = makeTemporaryHome()
        let path = write("""
            use daily, trsut
            routine evening() {
              let score = ask number "How connected?" in 1..10
                practice daily.gratitud
              say scroe
            }
            every day at 21:30 run evenin
            """, "evening.routine", in: home)
        let result = runTandem(["check", path], home: home)
        #expect(result.status == 2)
        #expect(result.stderr.contains("evening.routine:1:12: error: unknown module 'trsut'\n"))
        #expect(result.stderr.contains("""
            evening.routine:4:14: error: unknown practice 'daily.gratitud'
                    practice daily.gratitud
                             ^~~~~~~~~~~~~~
              hint: did you mean 'daily.gratitude'?
            """))
        #expect(result.stderr.contains("evening.routine:5:7: error: undefined variable 'scroe'"))
        #expect(result.stderr.contains("hint: did you mean 'score'?"))
        #expect(result.stderr.contains("evening.routine:7:24: error: schedule runs 'evenin', but no routine has that name"))
        #expect(result.stderr.contains("4 errors found."))
        // run checks first and runs nothing.
        let run = runTandem(["run", path], stdin: "7\n", home: home)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
    }

    @Test func eveningWithPipedAnswers() {
        let home = makeTemporaryHome()
        let path = write("""
            use daily, trust
            routine evening(partner = "Sam") {
              say "Good evening. Time to reconnect with {partner}."
              let score = ask number "How connected do you feel today (1-10)?" in 1..10
              if score < 5 {
                practice trust.own_mistakes
              } else {
                practice daily.gratitude
              }
              timer 20m "No-tech time with {partner}"
              note "Connection {score}/10"
            }
            every day at 21:30 run evening
            """, "evening.routine", in: home)
        let result = runTandem(["run", path, "--no-wait"], stdin: "7\ny\n", home: home)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Good evening. Time to reconnect with Sam."))
        #expect(result.stdout.contains("(daily.gratitude)"))
        #expect(result.stdout.contains("Noted: Connection 7/10"))
        // What was recorded is in the journal.
        let journal = runTandem(["journal"], home: home)
        #expect(journal.stdout.contains("Connection 7/10"))
        #expect(journal.stdout.contains("daily.gratitude"))
    }

    @Test func missingOrInvalidAnswerIsARuntimeErrorNamingTheQuestion() {
        let home = makeTemporaryHome()
        let path = write("let n = ask number \"How connected?\" in 1..10\nsay n\n", "ask.routine", in: home)
        let bad = runTandem(["run", path], stdin: "eleven\n", home: home)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("ask.routine:1:9: error: invalid answer 'eleven' to \"How connected?\""))
        let missing = runTandem(["run", path], stdin: "", home: home)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no answer to \"How connected?\""))
    }

    @Test func runtimeErrorShowsTheCallChain() {
        let home = makeTemporaryHome()
        let path = write("routine ratio(a, b) {\n  return a // b\n}\nroutine main() { say ratio(1, 0) }\nmain()\n", "err.routine", in: home)
        let result = runTandem(["run", path], home: home)
        #expect(result.status == 1)
        #expect(result.stderr.contains("err.routine:2:10: error: division by zero"))
        #expect(result.stderr.contains("in ratio(), called at \(path):4:22"))
        #expect(result.stderr.contains("in main(), called at \(path):5:1"))
    }

    @Test func deepRecursionAndAbsurdNestingAreErrorsNotCrashes() {
        let home = makeTemporaryHome()
        let deep = write("routine down(n) { return down(n + 1) }\ndown(0)\n", "deep.routine", in: home)
        let result = runTandem(["run", deep], home: home)
        #expect(result.status == 1)
        #expect(result.stderr.contains("too much recursion: more than 10000 nested routine calls"))
        let parens = write("say " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000) + "\n", "parens.routine", in: home)
        let nested = runTandem(["check", parens], home: home)
        #expect(nested.status == 2)
        #expect(nested.stderr.contains("too deeply nested: the limit is"))
    }

    @Test func namedRoutineFromTheRoutinesFolderAndExplicitEntry() {
        let home = makeTemporaryHome()
        let folder = home.appendingPathComponent("routines")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = write("# Say hello.\nroutine hello() { say \"hello\" }\nroutine other() { say \"other\" }\nevery mon, thu at 20:00 run other\n", "hello.routine", in: folder)
        _ = write("routine evening() { say \"evening\" }\nevery day at 21:30 run evening\n", "evening.routine", in: folder)
        #expect(runTandem(["run", "hello"], home: home).stdout == "hello\n")
        #expect(runTandem(["run", "hello", "other"], home: home).stdout == "other\n")
        let unknown = runTandem(["run", "hello", "nope"], home: home)
        #expect(unknown.status == 2)
        #expect(runTandem(["run", "helo"], home: home).stderr.contains("did you mean 'hello'?"))
        let routines = runTandem(["routines"], home: home)
        #expect(routines.stdout.contains("hello  Say hello."))
        #expect(routines.stdout.contains("every mon, thu at 20:00 run other"))
        // TANDEM_NOW is Friday 2026-11-20 21:30.
        let schedule = runTandem(["schedule", "--json"], home: home)
        #expect(schedule.status == 0)
        #expect(schedule.stdout.contains("\"next\" : \"2026-11-20T21:30\""))
        #expect(schedule.stdout.contains("\"next\" : \"2026-11-23T20:00\""))
        let text = runTandem(["schedule"], home: home)
        #expect(text.stdout.hasPrefix("Fri 2026-11-20 21:30  evening"))
    }

    @Test func dryRunWritesNothing() {
        let home = makeTemporaryHome()
        let path = write("note \"secret\"\n", "n.routine", in: home)
        let result = runTandem(["run", path, "--dry-run"], home: home)
        #expect(result.status == 0)
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("journal.sqlite").path))
    }

    @Test func seedMakesChoicesRepeatable() {
        let home = makeTemporaryHome()
        let path = write("say random(1, 1000000)\ntip daily\ncard trust\n", "r.routine", in: home)
        let a = runTandem(["run", path, "--seed", "42", "--dry-run"], home: home)
        let b = runTandem(["run", path, "--seed", "42", "--dry-run"], home: home)
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
    }

    @Test func interruptDuringATightLoopExits130() throws {
        let home = makeTemporaryHome()
        let path = write("say \"started\"\nwhile true { }\n", "loop.routine", in: home)
        let (process, _) = try startTandem(["run", path], home: home)
        // Give it time to start and enter the loop, then press Ctrl-C.
        Thread.sleep(forTimeInterval: 1.5)
        process.interrupt()
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            Issue.record("tandem did not stop on SIGINT")
            return
        }
        #expect(process.terminationStatus == 130)
    }

    @Test(arguments: [
        ("morning", "y\nthe coffee\ny\nrushed\ns\n"),
        ("evening", "7\ny\nyes\n"),
        ("virtual_date", "1\n2\ny\ny\n"),
        ("state_of_the_union", "her laugh\nthe dishes\nthe call\nwe talked\n8\nmoney\ny\ny\ny\ny\n"),
        ("repair_trust", "to be home for dinner\nlet down\ny\ny\nno\ny\ncall if I am late\ny\n"),
        ("gratitude_challenge", "7\ny\nthe walk\ny\n"),
        ("weekly_review", ""),
    ])
    func examplesCheckAndRunWithScriptedAnswers(name: String, answers: String) {
        let home = makeTemporaryHome()
        let path = Self.examples.appendingPathComponent(name + ".routine").path
        let check = runTandem(["check", path], home: home)
        #expect(check.status == 0, "\(check.stderr)")
        let run = runTandem(["run", path, "--no-wait", "--seed", "1"], stdin: answers, home: home)
        #expect(run.status == 0, "\(name): \(run.stderr)")
    }

    @Test func everyExampleUsesEveryModuleTogether() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.examples.path).filter { $0.hasSuffix(".routine") }
        #expect(files.count >= 6)
        let all = try files.map { try String(contentsOf: Self.examples.appendingPathComponent($0), encoding: .utf8) }.joined()
        for module in ["foundations", "daily", "men", "women", "longdistance", "trust"] {
            #expect(all.contains("\(module)."), "no example uses \(module)")
        }
    }
}
