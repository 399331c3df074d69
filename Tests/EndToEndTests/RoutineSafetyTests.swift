import Foundation
import Testing

/// Routines cannot take the process down (issue 9, section 4), through the
/// built binary: lists inside themselves, overflow, the memory budget, long
/// diagnostics and piped answers.
@Suite struct RoutineSafetyTests {
    func write(_ text: String, in home: URL) -> String {
        let url = home.appendingPathComponent("probe.routine")
        try? text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func aListInsideItselfPrintsAndTheREPLSessionLivesOn() {
        let home = makeTemporaryHome()
        let run = runTandem(["run", write("let xs = [1]\nappend(xs, xs)\nsay xs\nsay str(xs) == \"{xs}\"\nsay xs == xs\nsay join(xs, \",\")\n", in: home)], home: home)
        #expect(run.status == 0)
        #expect(run.stdout == "[1, [...]]\ntrue\ntrue\n1,[1, [...]]\n")
        let repl = runTandem([], stdin: "let xs = [1]\nappend(xs, xs)\nsay xs\nxs\nsay \"still here\"\n", home: home)
        #expect(repl.status == 0)
        #expect(repl.stdout.contains("[1, [...]]\n") && repl.stdout.hasSuffix("still here\n"))
    }

    @Test func overflowIsARuntimeErrorWithALocation() {
        let home = makeTemporaryHome()
        let run = runTandem(["run", write("let a = -1\nsay len(a..9223372036854775807)\n", in: home)], home: home)
        #expect(run.status == 1)
        #expect(run.stderr.contains("probe.routine:2:9: error: the range -1..9223372036854775807 is too large for a list"))
        let repeated = runTandem(["run", write("say \"abcd\" * 4611686018427387905\n", in: home)], home: home)
        #expect(repeated.status == 1)
        #expect(repeated.stderr.contains("probe.routine:1:5: error: cannot repeat a string 4611686018427387905 times"))
    }

    @Test func theMemoryBudgetStopsARunawayRoutineOnItsLine() {
        let home = makeTemporaryHome()
        let doubling = write("let xs = [1]\nwhile true {\n  xs = xs + xs\n}\n", in: home)
        let run = runTandem(["run", doubling], environment: ["TANDEM_ROUTINE_MEMORY": "16M"], home: home)
        #expect(run.status == 1)
        #expect(run.stderr.contains("probe.routine:3:8: error: out of memory: the routine needs more than its memory budget of 16 MB"))
        // The default budget: 40 million numbers do not fit in 256 MB, and that is found at once.
        let started = Date()
        let joined = runTandem(["run", write("say len(join(range(40000000), \",\"))\n", in: home)], home: home)
        #expect(joined.status == 1)
        #expect(joined.stderr.contains("memory budget of 256 MB"))
        #expect(Date().timeIntervalSince(started) < 10)
        let strings = runTandem(["run", write("let s = \"ab\"\nwhile true { s = s + s }\n", in: home)], home: home)
        #expect(strings.status == 1 && strings.stderr.contains("probe.routine:2:18: error: out of memory"))
        let bad = runTandem(["run", doubling], environment: ["TANDEM_ROUTINE_MEMORY": "lots"], home: home)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("TANDEM_ROUTINE_MEMORY='lots' is not a memory size such as 512M or 2G"))
    }

    @Test func diagnosticsAreCappedAndLongLinesCutToTheWidth() {
        let home = makeTemporaryHome()
        let many = (1...60).map { "say nope\($0)" }.joined(separator: "\n")
        let check = runTandem(["check", write(many, in: home)], home: home)
        #expect(check.status == 2)
        #expect(check.stderr.contains("probe.routine:50:5: error: undefined variable 'nope50'"))
        #expect(!check.stderr.contains("nope51'"))
        #expect(check.stderr.contains("and 10 more problems\n60 errors found"))
        let long = "let x = \"" + String(repeating: "a", count: 300) + "\" + nope + \"" + String(repeating: "b", count: 300) + "\"\n"
        let cut = runTandem(["check", write(long, in: home)], environment: ["COLUMNS": "60"], home: home)
        #expect(cut.status == 2)
        let lines = cut.stderr.split(separator: "\n")
        let source = lines.first { $0.contains("nope") && !$0.contains("error:") }
        #expect(source.map { $0.count <= 60 } == true)
        #expect(source?.hasPrefix("    …") == true && source?.hasSuffix("…") == true)
        // The caret stands under `nope`.
        if let source, let caret = lines.first(where: { $0.contains("^") }) {
            let column = source.distance(from: source.startIndex, to: source.range(of: "nope")!.lowerBound)
            #expect(caret.distance(from: caret.startIndex, to: caret.firstIndex(of: "^")!) == column)
        }
    }

    @Test func anAskInPipedREPLInputTakesTheNextLineAndSaysSo() {
        let run = runTandem([], stdin: "let a = ask number \"How close?\" in 1..10\n7\nsay a * 2\n", home: makeTemporaryHome())
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix("14\n"))
        #expect(run.stderr.contains("note: input is not a terminal, so a question takes the next line of the script as its answer: '7'"))
    }
}
