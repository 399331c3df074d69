@testable import TandemRoutine
import Testing

@Suite struct ParserTests {
    @Test func aScheduleMayNameItsZoneAndRunUnattended() throws {
        let program = RoutineProgram.parse(
            "routine call() { }\nroutine tidy() { }\nevery day at 21:30 in America/New_York run call\nevery sat at 09:00 in Etc/GMT+5 run tidy unattended\n",
            name: "s.routine")
        #expect(program.diagnostics.isEmpty, "\(program.diagnostics)")
        let schedules = program.schedules
        #expect(schedules.map(\.zone) == ["America/New_York", "Etc/GMT+5"])
        #expect(schedules.map(\.unattended) == [false, true])
        #expect(schedules.first?.whenText == "every day at 21:30 in America/New_York")
        let bad = RoutineProgram.parse("routine call() { }\nevery day at 21:30 in America/New_Yrok run call\n", name: "s.routine")
        let message = try #require(bad.diagnostics.first)
        #expect(message.message == "'America/New_Yrok' is not a time zone")
        #expect(message.description.contains("did you mean 'America/New_York'?"))
    }

    func parse(_ source: String) -> (statements: [Stmt], diagnostics: [Diagnostic]) {
        Parser.parse(SourceFile(name: "t", text: source))
    }

    /// A compact rendering of an expression tree, for comparing shapes.
    func shape(_ e: Expr) -> String {
        switch e.kind {
        case .integer(let i): "\(i)"
        case .decimal(let d): "\(d)"
        case .duration(let s): "\(s)s"
        case .string(let s): "'\(s)'"
        case .interpolation(let parts): "interp(" + parts.map(shape).joined(separator: ",") + ")"
        case .boolean(let b): "\(b)"
        case .none: "nil"
        case .variable(let n): n
        case .list(let items): "[" + items.map(shape).joined(separator: ",") + "]"
        case .map(let entries): "{" + entries.map { shape($0.key) + ":" + shape($0.value) }.joined(separator: ",") + "}"
        case .negate(let o): "(-\(shape(o)))"
        case .not(let o): "(not \(shape(o)))"
        case .binary(let op, let l, let r): "(\(shape(l)) \(op.rawValue) \(shape(r)))"
        case .range(let l, let r): "(\(shape(l))..\(shape(r)))"
        case .index(let l, let r): "\(shape(l))[\(shape(r))]"
        case .call(let n, _, let a): "\(n)(" + a.map(shape).joined(separator: ",") + ")"
        case .moduleCall(let m, let n, _, let a): "\(m).\(n)(" + a.map(shape).joined(separator: ",") + ")"
        case .ask(let k, let q, let o): "ask \(k.rawValue) \(shape(q))" + (o.map { " " + shape($0) } ?? "")
        case .practice(let id, _): "practice \(id)"
        case .checkin: "checkin"
        case .invalid: "?"
        }
    }

    func expression(_ source: String) -> String {
        let (statements, diagnostics) = parse(source)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        guard case .expression(let e)? = statements.first?.kind else { return "not an expression" }
        return shape(e)
    }

    @Test func mapLiteralsAndTheirIndexes() {
        #expect(expression("{\"a\": 1, \"b\": [2]}[\"a\"]") == "{'a':1,'b':[2]}['a']")
        #expect(expression("{}") == "{}")
        #expect(expression("f({k: v + 1,\n})") == "f({k:(v + 1)})")
        // After `==` the brace is a map's; after a condition, a block's.
        let (statements, diagnostics) = parse("if m == {} { say 1 }")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        guard case .ifElse(let condition, let then, nil)? = statements.first?.kind else {
            Issue.record("not an if")
            return
        }
        #expect(shape(condition) == "(m == {})")
        #expect(then.count == 1)
    }

    @Test func precedence() {
        #expect(expression("1 + 2 * 3") == "(1 + (2 * 3))")
        #expect(expression("1 - 2 - 3") == "((1 - 2) - 3)")
        #expect(expression("a < b + 1 and not c or d") == "(((a < (b + 1)) and (not c)) or d)")
        #expect(expression("-x * 2") == "((-x) * 2)")
        #expect(expression("7 // 2 % 3 / 4") == "(((7 // 2) % 3) / 4)")
        #expect(expression("xs[i + 1][0]") == "xs[(i + 1)][0]")
        #expect(expression("longdistance.overlap(a, [1, 2])") == "longdistance.overlap(a,[1,2])")
        #expect(expression("\"hi {name}!\"") == "interp('hi ',name,'!')")
        #expect(expression("1..n + 1") == "(1..(n + 1))")
    }

    @Test func coachingExpressions() {
        #expect(expression("ask number \"How?\" in 1..10") == "ask number 'How?' (1..10)")
        #expect(expression("ask choice \"Which?\" from [\"a\", \"b\"]") == "ask choice 'Which?' ['a','b']")
        #expect(expression("ask yesno \"Ok?\"") == "ask yesno 'Ok?'")
        #expect(expression("ask \"Name?\"") == "ask text 'Name?'")
        #expect(expression("practice daily.gratitude") == "practice daily.gratitude")
    }

    @Test func statements() {
        let (statements, diagnostics) = parse("""
            use daily, trust
            routine evening(partner = "Sam") {
              let x = 1
              x = x + 1
              xs[0] = 2
              if x > 1 { say x } else if x < 0 { say 0 } else { say 1 }
              while true { break }
              for i in 1..10 { continue }
              repeat 3 { note "n" }
              timer 20m "quiet"
              tip daily
              card trust
              return x
            }
            every mon, thu at 20:00 run evening
            include "other.routine"
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(statements.count == 4)
        guard case .routine(let routine) = statements[1].kind else { Issue.record("no routine"); return }
        #expect(routine.name == "evening")
        #expect(routine.arity == 0...1)
        #expect(routine.body.count == 11)
        guard case .schedule(let schedule) = statements[2].kind else { Issue.record("no schedule"); return }
        #expect(schedule.days == [.monday, .thursday])
        #expect(schedule.hour == 20 && schedule.minute == 0)
        #expect(schedule.whenText == "every mon, thu at 20:00")
    }

    @Test func reportsEverySyntaxErrorAndRecovers() {
        expectFindings("""
            let 1️⃣= 3
            say 2️⃣)
            let ok = 1
            routine f(4️⃣{
            }
            say 3️⃣"abc
            """, [
                ("1", "expected a variable name, found '='", nil),
                ("2", "expected an expression, found ')'", nil),
                ("4", "expected a parameter name, found '{'", nil),
                ("3", "unterminated string", "close it with '\"'"),
            ])
    }

    @Test func syntaxErrorsWithMarkers() {
        expectFindings("""
            if x 1️⃣
            say 1 2️⃣2
            x < y 3️⃣< z
            every 4️⃣funday at 20:00 run f
            5️⃣3 = 4
            """, [
                ("1", "expected '{', found the end of the line", nil),
                ("2", "expected a new line after the statement, found a number", nil),
                ("3", "comparisons cannot be chained; combine them with 'and'", nil),
                ("4", "'funday' is not a day", "did you mean 'sunday'?"),
                ("5", "cannot assign to this; only to a variable or a list element", nil),
            ])
    }

    @Test func routinesOnlyAtTopLevel() {
        let (_, diagnostics) = parse("if true {\n  routine f() { }\n}")
        #expect(diagnostics.map(\.message) == ["routines can only appear at the top level of a file"])
    }

    @Test func tenThousandParenthesesIsAnErrorNamingTheLimit() {
        let source = "say " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        let (_, diagnostics) = parse(source)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "too deeply nested: the limit is \(Parser.nestingLimit) levels")
        let long = "say " + Array(repeating: "1", count: 5000).joined(separator: " + ")
        #expect(parse(long).diagnostics.first?.message.contains("limit") == true)
        let blocks = String(repeating: "if true {\n", count: 1000) + String(repeating: "}\n", count: 1000)
        #expect(parse(blocks).diagnostics.first?.message.contains("limit") == true)
    }
}
