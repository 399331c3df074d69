import Testing
@testable import TandemREPL

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
