import Testing
@testable import TandemREPL
import TandemRoutine

@Suite("Input scanner")
struct InputScannerTests {
    @Test("complete inputs", arguments: [
        "say 1 + 2", "", "let xs = [1, 2, 3]", "routine f() { say 1 }", "say \"a {1 + 2} b\"",
        "say \"brace \\{ not open\"", "say 1 # comment with { and \"", "f(1, [2, (3)])",
        "say \"nested {str(\"x\")} ok\"", "}", "say 1)", "routine f() {\n  say 1\n}",
    ])
    func complete(_ source: String) {
        #expect(InputScanner.state(of: source) == .complete)
        #expect(!InputScanner.isIncomplete(source))
    }

    @Test("incomplete inputs")
    func incomplete() {
        #expect(InputScanner.state(of: "routine evening() {") == .incomplete(open: "{"))
        #expect(InputScanner.state(of: "let xs = [1,") == .incomplete(open: "["))
        #expect(InputScanner.state(of: "f(1,") == .incomplete(open: "("))
        #expect(InputScanner.state(of: "say \"hello") == .incomplete(open: "\""))
        #expect(InputScanner.state(of: "say \"a {f(") == .incomplete(open: "("))
        #expect(InputScanner.state(of: "say \"a {x") == .incomplete(open: "{"))
        #expect(InputScanner.state(of: "say \"ends in escape \\\"") == .incomplete(open: "\""))
        #expect(InputScanner.state(of: "while true {\n  if x {\n") == .incomplete(open: "{"))
        #expect(InputScanner.state(of: "if x { # } closes nothing") == .incomplete(open: "{"))
    }

    /// A line that is otherwise right continues exactly when a file's would:
    /// it does not parse on its own, and it parses with the next line (`2`,
    /// or `+ 2` after a backslash).
    @Test("a line continues after a binary operator or a trailing backslash, as in files", arguments: [
        "let x = 1 +", "let x = 1 -", "say 2 *", "say 7 /", "say 7 //", "say 7 %", "say a ==", "say a !=", "say a <",
        "say a <=", "say a >", "say a >=", "say a and", "say a or", "let x = 1 \\", "say f(1) +", "say \"a\" +",
        "say 1 + # why", "let x = 1 +\n  2 *", "say 1..", "let x = -", "say not", "let x =", "say 1 # +", "say 1 # \\",
        "say 1 \\ ", "say 1", "say -", "return -", "say xs[0] -",
    ])
    func continuation(_ line: String) {
        let next = line.hasSuffix("\\") ? "\n+ 2" : "\n2"
        let alone = RoutineProgram.parse(line, name: "f.routine", resolvingIncludes: false).diagnostics
        let joined = RoutineProgram.parse(line + next, name: "f.routine", resolvingIncludes: false).diagnostics
        let continues = !alone.isEmpty && joined.isEmpty
        #expect(RoutineSession.isIncomplete(line) == continues)
        #expect(InputScanner.isIncomplete(line) == continues)
        #expect((InputScanner.state(of: line) == .continues) == continues)
    }

    @Test("a routine's definition is found in what was typed")
    func routineDefinition() {
        let source = """
            let n = 2
            routine evening(partner = "Sam") {
              say "Hi {partner} }"
              if n > 1 { say "x" }
            }
            evening()
            """
        #expect(InputScanner.routineDefinition(named: "evening", in: source) == """
            routine evening(partner = "Sam") {
              say "Hi {partner} }"
              if n > 1 { say "x" }
            }
            """)
        #expect(InputScanner.routineDefinition(named: "even", in: source) == nil)
        #expect(InputScanner.routineDefinition(named: "morning", in: source) == nil)
        #expect(InputScanner.routineDefinition(named: "f", in: "routine g() {}\nroutine f(a,\n b) { return a }") == "routine f(a,\n b) { return a }")
    }
}
