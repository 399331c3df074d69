import Foundation
import Testing

/// `tandem run FILE ROUTINE ARG…`, schedules with arguments, which routine a
/// run calls, and where `tandem run NAME` looks.
@Suite struct RoutineArgumentTests {
    /// A routine that needs an argument.
    static let fib = "routine fib(n) {\n  if n < 2 { return n }\n  return fib(n - 1) + fib(n - 2)\n}\n"

    func write(_ text: String, _ name: String, in folder: URL) -> String {
        let url = folder.appendingPathComponent(name)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func argumentsAreTextOrLiterals() {
        let home = makeTemporaryHome()
        let path = write("""
            say "top"
            routine greet(name, times, ratio, loud, pause = 1s) {
              say "{name} {type(times)} {type(ratio)} {type(loud)} {type(pause)} {times + 1}"
            }
            """, "greet.routine", in: home)
        let result = runTandem(["run", path, "greet", "Sam", "3", "2.5", "true", "20m"], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "top\nSam integer decimal boolean duration 4\n")
        // Quotes make text of what would be a number; `--` lets a negative number through.
        let quoted = runTandem(["run", path, "greet", "\"42\"", "--", "-3", "0.5", "false"], home: home)
        #expect(quoted.status == 0, "\(quoted.stderr)")
        #expect(quoted.stdout == "top\n42 integer decimal boolean duration -2\n")
    }

    @Test func aNamedRoutinesResultIsPrinted() {
        let home = makeTemporaryHome()
        let path = write(Self.fib + """
            routine quiet() { let x = 1 }
            routine words() { return ["a", "b"] }
            """, "fib.routine", in: home)
        #expect(runTandem(["run", path, "fib", "20"], home: home).stdout == "6765\n")
        #expect(runTandem(["run", path, "quiet"], home: home).stdout == "", "nil prints nothing")
        #expect(runTandem(["run", path, "words"], home: home).stdout == "[\"a\", \"b\"]\n")
    }

    @Test func wrongArgumentCountRunsNothing() {
        let home = makeTemporaryHome()
        let path = write("say \"top\"\nroutine greet(name, times) { say name }\n", "greet.routine", in: home)
        let result = runTandem(["run", path, "greet", "Sam"], home: home)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("greet.routine:2:9: error: routine 'greet' takes 2 arguments, but 1 was given"))
        #expect(result.stderr.contains("hint: run it as tandem run \(path) greet name times"))
        #expect(result.stderr.contains("nothing ran"))
    }

    @Test func topLevelStatementsRunWhenTheFileRoutineNeedsArguments() {
        let home = makeTemporaryHome()
        let fib = write(Self.fib + """
            say fib(10)
            """, "fib.routine", in: home)
        let result = runTandem(["run", fib], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "55\n")
        // Named with its argument, it is called after them, and its result shown.
        let named = runTandem(["run", fib, "fib", "7"], home: home)
        #expect(named.status == 0, "\(named.stderr)")
        #expect(named.stdout == "55\n13\n")
        // An argument where the routine's name goes gets a hint.
        let misplaced = runTandem(["run", fib, "10"], home: home)
        #expect(misplaced.status == 2)
        #expect(misplaced.stderr.contains("hint: arguments come after the routine's name: tandem run \(fib) fib 10"))
                // With nothing else to run it is an error whose hint has the real names.
        let lonely = write("use daily\nroutine lonely(partner, minutes = 5) { say partner }\n", "lonely.routine", in: home)
        let refused = runTandem(["run", lonely], home: home)
        #expect(refused.status == 2)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("lonely.routine:2:9: error: routine 'lonely' needs an argument, and the file has nothing else to run"))
        #expect(refused.stderr.contains("hint: run it as tandem run \(lonely) lonely partner [minutes]"))
    }

    @Test func schedulesPassLiteralArguments() {
        let home = makeTemporaryHome()
        let folder = home.appendingPathComponent("routines")
        _ = write("""
            routine evening(partner, minutes = 20) { say "{partner} {minutes}" }
            every day at 21:30 run evening("Sam")
            every mon at 20:00 run evening("Alex", 45)
            """, "evening.routine", in: folder)
        let check = runTandem(["check", "evening"], home: home)
        #expect(check.status == 0, "\(check.stderr)")
        let schedule = runTandem(["schedule"], home: home)
        #expect(schedule.stdout.contains("Fri 2026-11-20 21:30  evening(\"Sam\")  (evening.routine, every day at 21:30; tandem remind evening-2130)"))
        #expect(schedule.stdout.contains("evening(\"Alex\", 45)"))
        let json = runTandem(["schedule", "--json"], home: home)
        #expect(json.stdout.contains("\"arguments\" : ["))
        #expect(runTandem(["routines"], home: home).stdout.contains("every day at 21:30 run evening(\"Sam\")"))

        let bad = write("""
            routine evening(partner, minutes = 20) { say partner }
            every day at 21:30 run evening
            every day at 21:30 run evening("Sam", 20, 3)
            every day at 21:30 run evening("Sam", "long")
            every day at 21:30 run evening(partner)
            """, "bad.routine", in: home)
        let problems = runTandem(["check", bad], home: home)
        #expect(problems.status == 2)
        #expect(problems.stderr.contains("bad.routine:2:24: error: schedule runs 'evening', which needs 1 argument"))
        #expect(problems.stderr.contains("hint: pass it in the schedule: run evening(partner)"))
        #expect(problems.stderr.contains("bad.routine:3:24: error: schedule runs 'evening' with 3 arguments, but it takes 1 to 2 arguments"))
        #expect(problems.stderr.contains("bad.routine:4:39: error: argument 'minutes' of 'evening' is an integer by its default value, but the schedule passes a string"))
        #expect(problems.stderr.contains("bad.routine:5:32: error: a schedule's arguments must be literals"))
    }

    @Test func runLooksInTheCurrentFolderFirst() {
        let home = makeTemporaryHome()
        let work = home.appendingPathComponent("work")
        _ = write("say \"here\"\n", "evening.routine", in: work)
        _ = write("say \"saved\"\n", "evening.routine", in: home.appendingPathComponent("routines"))
        #expect(runTandem(["run", "evening"], home: home, directory: work).stdout == "here\n")
        #expect(runTandem(["run", "evening"], home: home).stdout == "saved\n")
        #expect(runTandem(["check", "evening"], home: home, directory: work).stdout == "evening.routine: ok\n")
        let missing = runTandem(["run", "nope"], home: home, directory: work)
        #expect(missing.status == 2)
        let routines = home.appendingPathComponent("routines").path
        #expect(missing.stderr.contains("no routine file 'nope': looked for ./nope, ./nope.routine and \(routines)/nope.routine"))
    }
}

/// `:save NAME` in the REPL writes a file that runs on its own.
@Suite struct REPLSaveTests {
    @Test func saveTakesTheRoutinesAndVariablesItNeeds() {
        let home = makeTemporaryHome()
        let input = """
            let greeting = "Hi"
            let unused = 1
            let name = upper(greeting)
            let count = 0
            routine helper(x) { return "{name} {x}" }
            routine other() { return 1 }
            routine evening() {
              count = count + 1
              say helper(count)
            }
            :save evening
            :save other

            """
        let repl = runTandem([], stdin: input, home: home)
        #expect(repl.status == 0, "\(repl.stderr)")
        let saved = home.appendingPathComponent("routines/evening.routine")
        let text = (try? String(contentsOf: saved, encoding: .utf8)) ?? ""
        #expect(text == """
            let greeting = "Hi"
            let name = upper(greeting)
            let count = 0

            routine helper(x) { return "{name} {x}" }

            routine evening() {
              count = count + 1
              say helper(count)
            }

            """)
        #expect(runTandem(["check", "evening"], home: home).status == 0)
        let run = runTandem(["run", "evening"], home: home)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "HI 1\n")
        let other = (try? String(contentsOf: home.appendingPathComponent("routines/other.routine"), encoding: .utf8)) ?? ""
        #expect(other == "routine other() { return 1 }\n")
    }
}
