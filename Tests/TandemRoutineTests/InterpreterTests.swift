import Foundation
import TandemKit
@testable import TandemRoutine
import Testing

@Suite struct InterpreterTests {
    @Test func aRoutineAsksAndAnswersTodaysQuestionThroughItsHost() {
        let result = run("""
            let q = question()
            say "Today: {q}"
            answer_question("the garden")
            """)
        #expect(result.outcome.exitCode == 0, "\(result.outcome.diagnostics)")
        #expect(result.output == "Today: What made you smile today?\n")
        #expect(result.host.recorded == ["answer the garden"])
        let wrong = run("answer_question(3)").outcome
        #expect(wrong.diagnostics.first?.message.contains("answer_question") == true)
    }

    @Test func arithmeticAndPrinting() {
        #expect(say("say 1 + 2 * 3\nsay 7 / 2\nsay 6 / 3\nsay 7 // 2\nsay -7 // 2\nsay -7 % 3\nsay 2.5 * 2\nsay 0.1 + 0.2") ==
                "7\n3.5\n2\n3\n-4\n2\n5\n0.30000000000000004\n")
        #expect(say("say [1, 2.5, \"a\", true, nil, [1]]") == "[1, 2.5, \"a\", true, nil, [1]]\n")
        #expect(say("say 1h30m + 45s\nsay 20m * 2\nsay 90s") == "1h30m45s\n40m\n1m30s\n")
        #expect(say("say \"a\" + \"b\"\nsay [1] + [2]\nsay \"ab\" * 2") == "ab\n[1, 2]\nabab\n")
    }

    @Test func stringInterpolationAndEscapes() {
        #expect(say("let n = 3\n" + #"say "n={n}, twice={n * 2}, list={[n]} \{literal\} \"q\" back\\slash""#) ==
                "n=3, twice=6, list=[3] {literal} \"q\" back\\slash\n")
        #expect(say(#"say "line\nbreak""#) == "line\nbreak\n")
        #expect(say("let xs = [\"a\", \"b\"]\n" + #"say "{join(xs, ", ")}""#) == "a, b\n")
    }

    @Test func scopingAndRoutines() {
        #expect(say("""
            say twice(21)
            routine twice(x) { return x * 2 }
            let count = 0
            routine bump(by = 1) { count = count + by }
            bump()
            bump(5)
            say count
            let x = 1
            if true { let x = 2
              say x }
            say x
            """) == "42\n6\n2\n1\n")
    }

    @Test func recursion() {
        #expect(say("routine fib(n) { if n < 2 { return n }\n return fib(n - 1) + fib(n - 2) }\nsay fib(20)") == "6765\n")
    }

    @Test func loops() {
        #expect(say("""
            let total = 0
            for i in 1..10 { if i == 3 { continue }
              if i == 6 { break }
              total = total + i }
            say total
            let n = 0
            repeat 4 { n = n + 1 }
            say n
            let w = 10
            while w > 0 { w = w - 3 }
            say w
            for c in "ab" { say c }
            for x in [1, 2] { say x * 10 }
            """) == "12\n4\n-2\na\nb\n10\n20\n")
    }

    @Test func lists() {
        #expect(say("""
            let xs = [3, 1, 2]
            append(xs, 4)
            xs[0] = 9
            say xs
            say pop(xs)
            say len(xs)
            say xs[1]
            let ys = xs
            append(ys, 7)
            say xs
            say sort([3, 1, 2])
            say contains(xs, 9)
            """) == "[9, 1, 2, 4]\n4\n3\n1\n[9, 1, 2, 7]\n[1, 2, 3]\ntrue\n")
    }

    @Test func stringsCountAndIndexCharactersAsPeopleDo() {
        #expect(say("say len(\"héllo\")\nsay \"héllo\"[1]\nsay \"abc\"[2]\nsay len(\"\")") == "5\né\nc\n0\n")
        #expect(runtimeError("say \"héllo\"[5]")?.message == "index 5 is out of range: the string has 5 characters")
        // Past the first eight bytes, which are checked for ASCII together.
        #expect(say("say len(\"abcdefghijklmnopé\")\nsay \"abcdefghijklmnopé\"[16]\nsay len(\"abcdefghijklmnopq\")") == "17\né\n17\n")
    }

    @Test func interpolationAndJoinBuildTextOfAnyLength() {
        #expect(say("let n = -42\nsay \"n={n}, min={-9223372036854775807 - 1}, d={2.5}, b={true}, l={[1, \"a\"]}\"")
            == "n=-42, min=-9223372036854775808, d=2.5, b=true, l=[1, \"a\"]\n")
        // Past the 240 bytes gathered on the stack.
        let long = String(repeating: "é", count: 150)
        #expect(say("let s = \"\(long)\"\nsay \"<{s}|{0}|{s}>\"") == "<\(long)|0|\(long)>\n")
        #expect(say("say join([\"ü\", 2, true, 2.5, nil], \"–\")") == "ü–2–true–2.5–nil\n")
        #expect(say("say join([], \",\") == \"\"") == "true\n")
    }

    @Test func everyBuiltin() {
        #expect(say("""
            say len("héllo")
            say str(3) + "!"
            say num("42") + 1
            say num("2.5")
            say round(2.567, 2)
            say round(2.5)
            say floor(2.9)
            say abs(-3)
            say min(3, 1, 2)
            say max([3, 9, 2])
            say join([1, 2, 3], "-")
            say split("a,b,c", ",")
            say split("a b  c")
            say upper("hi")
            say lower("HI")
            say contains("hello", "ell")
            say today()
            say now()
            say weekday()
            say type(1.5)
            say random(5, 5)
            say pick([7])
            say sum([1, 2, 3])
            say range(3)
            """) == "5\n3!\n43\n2.5\n2.57\n3\n2\n3\n1\n9\n1-2-3\n[\"a\", \"b\", \"c\"]\n[\"a\", \"b\", \"c\"]\nHI\nhi\ntrue\n2026-11-20\n21:30\nfriday\ndecimal\n5\n7\n6\n[0, 1, 2]\n")
    }

    @Test func seededRandomIsRepeatable() {
        let a = say("say random(1, 1000000)\nsay pick([1, 2, 3, 4, 5, 6])")
        #expect(a == say("say random(1, 1000000)\nsay pick([1, 2, 3, 4, 5, 6])"))
    }

    @Test func runtimeErrors() {
        #expect(runtimeError("say 9223372036854775807 + 1")?.message == "integer overflow: the result does not fit in 64 bits")
        #expect(runtimeError("say 1 / 0")?.message == "division by zero")
        #expect(runtimeError("say 1 // 0")?.message == "division by zero")
        #expect(runtimeError("say 5 % 0")?.message == "division by zero")
        #expect(runtimeError("say [1, 2][2]")?.message == "index 2 is out of range: the list has 2 elements")
        #expect(runtimeError("if 1 { }")?.message == "the condition of 'if' must be a boolean (true or false), not integer")
        #expect(runtimeError("say \"a\" + 1")?.message == "cannot add string and integer")
        #expect(runtimeError("say pop([])")?.message == "pop from an empty list")
        #expect(runtimeError("say num(\"x\")")?.message == "\"x\" is not a number")
    }

    @Test func runtimeErrorsCarryTheCallChain() {
        let diagnostic = runtimeError("routine inner() { return 1 / 0 }\nroutine outer() { return inner() }\nsay outer()")
        #expect(diagnostic?.line == 1 && diagnostic?.column == 26)
        #expect(diagnostic?.callChain.map(\.routine) == ["inner", "outer"])
        #expect(diagnostic?.description.contains("in inner(), called at test.routine:2:26") == true)
    }

    @Test func deepRecursionIsAnErrorNamingTheLimit() {
        let diagnostic = runtimeError("routine down(n) { return down(n + 1) }\ndown(0)")
        #expect(diagnostic?.message == "too much recursion: more than \(Machine.recursionLimit) nested routine calls")
        #expect(say("routine depth(n) { if n == 0 { return 0 }\n return 1 + depth(n - 1) }\nsay depth(9000)") == "9000\n")
    }

    @Test func coachingStatementsWithScriptedAnswers() {
        let (output, outcome, host) = run("""
            let score = ask number "How connected?" in 1..10
            let ok = ask yesno "Ready?"
            let where_ = ask choice "Where?" from ["walk", "cook"]
            let name = ask "Name?"
            let result = practice daily.gratitude
            say "{score} {ok} {where_} {name} {result}"
            note "Connection {score}"
            checkin
            tip daily
            card daily
            timer 20m "quiet"
            """, answers: ["7", "y", "2", "Sam", "done", "8", "the coffee"])
        #expect(outcome.exitCode == 0, "\(outcome.diagnostics)")
        #expect(output.contains("7 true cook Sam done\n"))
        #expect(output.contains("⏱ quiet (20m): done"))
        #expect(host.recorded.prefix(3) == ["practice daily.gratitude done", "note Connection 7", "checkin 8 the coffee"])
    }

    @Test func invalidOrMissingAnswersNameTheQuestion() {
        let bad = run("let n = ask number \"How many?\" in 1..10", answers: ["11"]).outcome
        #expect(bad.diagnostics.first?.message == "invalid answer '11' to \"How many?\"")
        #expect(bad.diagnostics.first?.hint == "expected a number from 1 to 10")
        let missing = run("practice daily.gratitude").outcome
        #expect(missing.exitCode == 1)
        #expect(missing.diagnostics.first?.message.hasPrefix("no answer to") == true)
    }

    @Test func moduleFunctions() {
        let output = say("let lines = longdistance.overlap(\"Europe/Berlin\", \"18-23\", \"America/New_York\", \"07-09 18-22\")\nsay type(lines)")
        #expect(output == "list\n")
        #expect(say("say len(foundations.pillars())") == "5\n")
    }

    @Test func interruptStopsATightLoop() {
        let done = DispatchSemaphore(value: 0)
        let box = OutcomeBox()
        let interrupt = RoutineInterrupt()
        Thread.detachNewThread {
            box.value = run("while true { }", interrupt: interrupt).outcome
            done.signal()
        }
        Thread.sleep(forTimeInterval: 0.3)
        interrupt.request()
        done.wait()
        #expect(box.value?.exitCode == 130)
    }

    @Test func interruptStopsOnlyItsOwnSession() {
        let interrupt = RoutineInterrupt()
        interrupt.request()
        #expect(run("say 1\nwhile true { }", interrupt: interrupt).outcome.exitCode == 130)
        #expect(say("let n = 0\nwhile n < 3 { n = n + 1 }\nsay n") == "3\n")
        #expect(interrupt.isRequested)
    }

    @Test func valuesKeptUntilExitAreNotReleasedWithTheSession() throws {
        weak var kept: ListBox?
        do {
            let output = CapturedOutput()
            let host = StandardRoutineHost(output: output, input: ScriptedInput([]), seed: 1, waitsForTimers: false)
            let session = RoutineSession(registry: registry, host: host, interrupt: RoutineInterrupt())
            session.keepValuesUntilExit()
            #expect(session.run(RoutineProgram.parse("let xs = [\"a\", 1]\nsay len(xs)", name: "t.routine"), entry: nil).exitCode == 0)
            #expect(output.text == "2\n")
            kept = session.machine.globals.slots[0].listRef?.takeUnretainedValue()
            #expect(kept != nil)
        }
        #expect(kept != nil)  // leaked on purpose: the process would exit now
    }

    @Test func sessionsDoNotEchoTheAnswerJustTyped() {
        let output = CapturedOutput()
        let host = StandardRoutineHost(output: output, input: ScriptedInput(["yes", "done"]), seed: 1, waitsForTimers: false)
        let session = RoutineSession(registry: registry, host: host, interrupt: RoutineInterrupt())
        guard case .success(let asked) = session.evaluate("ask yesno \"Ready?\"") else { Issue.record("ask failed"); return }
        #expect(asked == nil)
        guard case .success(let practiced) = session.evaluate("practice daily.gratitude") else { Issue.record("practice failed"); return }
        #expect(practiced == nil)
        guard case .success(let sum) = session.evaluate("1 + 1") else { Issue.record("1 + 1 failed"); return }
        #expect(sum == .integer(2))
    }

    @Test func sessionsKeepDefinitionsAcrossChunks() {
        let output = CapturedOutput()
        let host = StandardRoutineHost(output: output, input: ScriptedInput([]), seed: 1, waitsForTimers: false)
        let session = RoutineSession(registry: registry, host: host, interrupt: RoutineInterrupt())
        #expect(session.evaluate("let n = 2").exitCode == 0)
        #expect(session.evaluate("routine twice(x) { return x * n }").exitCode == 0)
        guard case .success(let value) = session.evaluate("twice(21)") else { Issue.record("failed"); return }
        #expect(value == .integer(42))
        #expect(session.evaluate("let n = 3").exitCode == 0)
        guard case .success(let again) = session.evaluate("twice(1)") else { Issue.record("failed"); return }
        #expect(again == .integer(3))
        #expect(session.evaluate("say undefined_name").exitCode == 2)
        #expect(session.definedNames == ["twice", "n"])
        #expect(session.source(ofRoutine: "twice") == "routine twice(x) { return x * n }")
        #expect(RoutineSession.isIncomplete("routine f() {"))
        #expect(RoutineSession.isIncomplete("say \"abc"))
        #expect(RoutineSession.isIncomplete("say [1,"))
        #expect(!RoutineSession.isIncomplete("say 1"))
    }
}

final class OutcomeBox: @unchecked Sendable {
    var value: RoutineOutcome?
}
