import Foundation
import TandemCatalog
import TandemKit
@testable import TandemRoutine
import Testing

/// Routines cannot take the process down: lists that contain themselves,
/// integer overflow in built-ins, and memory are runtime errors or terminate.
@Suite struct SafetyTests {
    // MARK: Lists that contain themselves

    @Test func aListThatContainsItselfIsShownWithDots() {
        #expect(say("let xs = [1]\nappend(xs, xs)\nsay xs") == "[1, [...]]\n")
        #expect(say("let xs = [1]\nappend(xs, xs)\nsay str(xs)\nsay \"{xs}!\"") == "[1, [...]]\n[1, [...]]!\n")
        #expect(say("let xs = [1]\nappend(xs, xs)\nsay join(xs, \"-\")") == "1-[1, [...]]\n")
        // Two lists inside each other, as Python writes them.
        #expect(say("let a = []\nlet b = [a]\nappend(a, b)\nsay a\nsay b") == "[[[...]]]\n[[[...]]]\n")
        // The same list twice, not inside itself, is written out twice.
        #expect(say("let s = [1]\nsay [s, s]") == "[[1], [1]]\n")
    }

    @Test func comparingListsThatContainThemselvesEnds() {
        #expect(say("""
            let xs = [1]
            append(xs, xs)
            let ys = [1]
            append(ys, ys)
            let zs = [2]
            append(zs, zs)
            say xs == xs
            say xs == ys
            say xs == zs
            say contains(xs, ys)
            say contains([zs], ys)
            """) == "true\ntrue\nfalse\ntrue\nfalse\n")
    }

    @Test func aListThatContainsItselfCanBeEchoedAndPassedOn() {
        let session = RoutineSession(
            registry: registry, host: StandardRoutineHost(output: CapturedOutput(), input: ScriptedInput([])), interrupt: RoutineInterrupt())
        session.evaluate("let xs = [1]\nappend(xs, xs)")
        guard case .success(let value?) = session.evaluate("xs") else {
            Issue.record("no value")
            return
        }
        #expect(value.literalText == "[1, \"[...]\"]")
        // Module functions get a RoutineValue, which cannot hold a cycle.
        #expect(session.value(ofVariable: "xs")?.displayText == "[1, \"[...]\"]")
    }

    // MARK: Overflow

    @Test func overflowInBuiltInsIsARuntimeErrorWithALocation() {
        let max = "9223372036854775807", min = "(-9223372036854775807 - 1)"
        #expect(runtimeError("let a = -1\nsay len(a..\(max))")?.message == "the range -1..\(max) is too large for a list")
        #expect(runtimeError("let a = -5\nsay len(range(a, \(max)))")?.message == "the range -5..9223372036854775806 is too large for a list")
        #expect(say("say range(\(min))\nsay range(3, \(min))\nsay range(\(min), \(min))") == "[]\n[]\n[]\n")
        let repeated = runtimeError("say \"abcd\" * 4611686018427387905")
        #expect(repeated?.message == "cannot repeat a string 4611686018427387905 times")
        #expect(repeated?.line == 1 && repeated?.column == 5)
        #expect(runtimeError("let d = \(min)\nsay abs(d)")?.message == "integer overflow: the result does not fit in 64 bits")
        #expect(runtimeError("let d = 1s * \(min)\nsay abs(d)")?.message == "integer overflow: the result does not fit in 64 bits")
        #expect(runtimeError("say -(\(min))")?.message == "integer overflow: the result does not fit in 64 bits")
        #expect(runtimeError("say sum([\(max), 1])")?.message == "integer overflow: the result does not fit in 64 bits")
    }

    // MARK: The memory budget

    /// Runs source with a memory budget of `limit` bytes.
    func run(_ source: String, limit: Int) -> (output: String, outcome: RoutineOutcome) {
        let output = CapturedOutput()
        let host = StandardRoutineHost(output: output, input: ScriptedInput([]), seed: 1, waitsForTimers: false)
        host.memoryLimit = limit
        let session = RoutineSession(registry: registry, host: host, interrupt: RoutineInterrupt())
        let outcome = session.run(RoutineProgram.parse(source, name: "test.routine"), entry: nil)
        return (output.text, outcome)
    }

    func budgetError(_ source: String, limit: Int = 8 << 20) -> Diagnostic? {
        if case .runtimeError(let diagnostic) = run(source, limit: limit).outcome { return diagnostic }
        return nil
    }

    @Test func aGrowingMapEndsAtTheBudgetAndCountsLongKeys() {
        let message = "out of memory: the routine needs more than its memory budget of 8 MB"
        let entries = budgetError("let m = {}\nlet i = 0\nwhile true {\n  m[str(i)] = i\n  i = i + 1\n}")
        #expect(entries?.message == message)
        #expect(entries?.line == 4)
        // Few entries, long keys: the keys' text is what fills the budget.
        let keys = budgetError("let long = \"x\" * 100000\nlet m = {}\nlet i = 0\nwhile true {\n  m[long + str(i)] = 1\n  i = i + 1\n}")
        #expect(keys?.message == message)
        #expect(keys?.line == 5)
    }

    @Test func doublingAListOrAStringEndsAtTheBudgetOnItsLine() {
        let message = "out of memory: the routine needs more than its memory budget of 8 MB"
        let list = budgetError("let xs = [1]\nwhile true {\n  xs = xs + xs\n}")
        #expect(list?.message == message)
        #expect(list?.line == 3)
        #expect(list?.hint?.contains("TANDEM_ROUTINE_MEMORY") == true)
        let appended = budgetError("let xs = []\nwhile true {\n  append(xs, \"x\")\n}")
        #expect(appended?.message == message && appended?.line == 3)
        let text = budgetError("let s = \"ab\"\nwhile true {\n  s = s + s\n}")
        #expect(text?.message == message && text?.line == 3)
        let interpolated = budgetError("let s = \"ab\"\nwhile true {\n  s = \"{s}{s}\"\n}")
        #expect(interpolated?.message == message && interpolated?.line == 3)
        let repeated = budgetError("let s = \"abcd\" * 1000000\nlet t = [s, s * 2]\n")
        #expect(repeated?.message == message && repeated?.line == 2)
        let joined = budgetError("say len(join(range(4000000), \",\"))")
        #expect(joined?.message == message)
        let ranged = budgetError("let xs = range(2000000)")
        #expect(ranged?.message == message)
        let general = budgetError("let flags = []\nrepeat 1000000 { append(flags, true) }\nflags[0] = \"x\"")
        #expect(general?.message == message && general?.line == 3)
        // A list holding the same list twice, sixty deep, would be 2^60 long as text.
        let shown = budgetError("let a = [1]\nrepeat 60 { a = [a, a] }\nsay a")
        #expect(shown?.message == message && shown?.line == 3)
    }

    @Test func whatIsFreedIsGivenBack() {
        // 40 MB made and dropped in turns stays within 8 MB.
        let (output, outcome) = run("""
            let total = 0
            repeat 40 {
              let xs = range(100000)
              let s = "x" * 200000
              total = total + len(xs) + len(s)
            }
            say total
            """, limit: 8 << 20)
        #expect(output == "12000000\n")
        if case .success = outcome {} else { Issue.record("\(outcome.diagnostics.map(\.message))") }
    }

    @Test func mapsInARoutinesLocalsAreGivenBackWhenItReturns() {
        // 100,000 calls each make a map of ~160 bytes: 16 MB if they were kept.
        let (output, outcome) = run("""
            routine record(n) {
              let m = {"n": n, "next": nil}
              let inner = {"m": m}
              return len(inner)
            }
            let total = 0
            repeat 100000 { total = total + record(1) }
            say total
            """, limit: 8 << 20)
        #expect(output == "100000\n")
        if case .success = outcome {} else { Issue.record("\(outcome.diagnostics.map(\.message))") }
    }

    @Test func theDefaultBudgetIsLargeEnoughForTheBenchmarks() {
        #expect(say("let flags = []\nrepeat 2000000 { append(flags, true) }\nsay len(flags)") == "2000000\n")
        #expect(say("let parts = []\nlet i = 0\nwhile i < 200000 { append(parts, \"item{i}\")\n i = i + 1 }\nsay len(join(parts, \",\"))") == "2088889\n")
    }

    @Test func budgetSizesAreReadAsPeopleWriteThem() {
        #expect(RoutineMemory.parse("512M") == 512 << 20)
        #expect(RoutineMemory.parse("2g") == 2 << 30)
        #expect(RoutineMemory.parse("300000K") == 300000 << 10)
        #expect(RoutineMemory.parse("256") == 256 << 20)
        #expect(RoutineMemory.parse("1.5G") == nil && RoutineMemory.parse("0") == nil && RoutineMemory.parse("12K") == nil)
        #expect(RoutineMemory.parse("99999999999999G") == nil)
        #expect(RoutineMemory.describe(256 << 20) == "256 MB" && RoutineMemory.describe(3 << 29) == "1.5 GB")
    }
}
