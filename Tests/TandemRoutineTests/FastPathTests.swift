import Foundation
import TandemCatalog
import TandemRuntime
import TandemKit
@testable import TandemRoutine
import Testing

/// The interpreter's specialised shapes (calls that push their arguments on
/// the value stack, list variables used in place, `if c { return x }`)
/// behave as the general ones do.
@Suite struct FastPathTests {
    @Test func listVariablesInPlace() {
        #expect(say("""
            let xs = [1, 2, 3]
            xs[0] = 9
            append(xs, 4)
            say pop(xs)
            say len(xs)
            say xs[0]
            routine local() {
              let ys = [0, 0]
              let i = 1
              ys[i] = true
              append(ys, "s")
              say ys
              say pop(ys)
              say len(ys)
              say ys[i]
            }
            local()
            """) == "4\n3\n9\n[0, true, \"s\"]\ns\n2\ntrue\n")
        #expect(runtimeError("let xs = [1]\nlet i = 3\nxs[i] = 0")?.message.hasPrefix("index 3 is out of range") == true)
        #expect(runtimeError("let xs = num(\"5\")\nappend(xs, 1)")?.message == "append needs a list first, not integer")
        #expect(runtimeError("let xs = []\npop(xs)") != nil)
        #expect(say("let s = \"abc\"\nsay len(s)") == "3\n")
    }

    @Test func listsReachedThroughElements() {
        #expect(say("""
            let pegs = [[3, 2, 1], [], []]
            routine moveTop(from, to) { append(pegs[to], pop(pegs[from])) }
            moveTop(0, 2)
            moveTop(0, 1)
            let i = 2
            say pegs
            say len(pegs[i])
            say pop(pegs[i])
            append(pegs[i], "x{i}")
            say pegs[i]
            """) == "[[3], [2], [1]]\n1\n1\n[\"x2\"]\n")
        #expect(runtimeError("let xs = [[1]]\nlet i = 1\nappend(xs[i], 2)")?.message.hasPrefix("index 1 is out of range") == true)
        #expect(runtimeError("let xs = [num(\"5\")]\nlet i = 0\nappend(xs[i], 2)")?.message == "append needs a list first, not integer")
        #expect(runtimeError("let xs = [[]]\nlet i = 0\npop(xs[i])") != nil)
        #expect(say("let xs = [\"abc\"]\nlet i = 0\nsay len(xs[i])") == "3\n")
    }

    /// `append(a, pop(b))` (also in hanoi's pegs, above).
    @Test func movingTheLastElementBetweenLists() {
        #expect(say("let stack = [\"a\", true]\nlet undo = [1]\nappend(undo, pop(stack))\nsay stack\nsay undo")
            == "[\"a\"]\n[1, true]\n")
        // The list popped from holds the target: `xs[i]` is found first, as
        // arguments go left to right, so popping it from `xs` is no error.
        #expect(say("""
            let ys = [[1], [2]]
            let j = 1
            append(ys[j], pop(ys))
            say len(ys)
            say ys[0]
            """) == "1\n[1]\n")
        #expect(runtimeError("let xs = [[1]]\nlet i = 0\nlet e = []\nappend(xs[i], pop(e))")?.message == "pop from an empty list")
        #expect(runtimeError("let xs = [[1]]\nlet i = 1\nlet e = [5]\nappend(xs[i], pop(e))")?.message.hasPrefix("index 1 is out of range") == true)
        // Nothing is popped when the target is not there.
        let output = CapturedOutput()
        let session = RoutineSession(
            registry: registry, host: StandardRoutineHost(output: output, input: ScriptedInput([]), seed: 1, waitsForTimers: false),
            interrupt: RoutineInterrupt())
        #expect(session.evaluate("let xs = [[1]]\nlet i = 1\nlet e = [5]").exitCode == 0)
        #expect(session.evaluate("append(xs[i], pop(e))").exitCode == 1)
        #expect(session.evaluate("say e").exitCode == 0)
        #expect(output.text == "[5]\n")
    }

    @Test func evaluationOrderWithGlobals() {
        // The list is looked up before the value is computed, as always.
        #expect(say("""
            let xs = [1]
            routine swap() {
              xs = [9]
              return 2
            }
            append(xs, swap())
            say xs
            let ys = [[0], [0]]
            let i = 0
            append(ys[i], pop(ys))
            say ys
            """) == "[9]\n[[0, [0]]]\n")
    }

    @Test func ifReturnShapes() {
        #expect(say("""
            routine a(n) { if n > 0 { return n }
              return 0 }
            routine b(n) { if n > 0 { return true }
              return false }
            routine c(n) { if n > 0 { return }
              return 1 }
            routine d(n) { if n > 0 { return n * 2 }
              return -1 }
            say a(3)
            say a(-3)
            say b(1)
            say c(1)
            say c(0)
            say d(2)
            """) == "3\n0\ntrue\nnil\n1\n4\n")
    }

    @Test func routineBodies() {
        var guards = "routine many(n) {\n"
        for k in 0..<12 { guards += "  if n == \(k) { return \(k * 10) }\n" }
        guards += "  say \"none\"\n  return -1\n}\n"
        #expect(say(guards + "say many(0)\nsay many(9)\nsay many(11)\nsay many(12)") == "0\n90\n110\nnone\n-1\n")
        #expect(say("""
            routine empty() {}
            routine noReturn(x) { let y = x }
            routine bare(x) { if x { return }
              say "on"
              return }
            routine inLoop(n) {
              let i = 0
              while true { if i == n { return i * 2 }
                i = i + 1 }
              return -1
            }
            routine early(x) {
              if x > 1 { say "big" }
              if x > 0 { return "pos" }
              return "neg"
            }
            say empty()
            say noReturn(1)
            say bare(true)
            say bare(false)
            say inLoop(4)
            say early(2)
            say early(-1)
            routine tailed(n) {
              if n == 0 { return "zero" }
              say "a"
              say "b"
              say "c"
              say "d"
              say "e"
            }
            routine tailedReturn(n) {
              if n == 0 { return }
              if n == 1 { return 1 }
              let k = n * 2
              if k > 5 { return "big" }
              return k
            }
            say tailed(0)
            say tailed(1)
            say tailedReturn(0)
            say tailedReturn(1)
            say tailedReturn(2)
            say tailedReturn(3)
            """) == "nil\nnil\nnil\non\nnil\n8\nbig\npos\nneg\nzero\na\nb\nc\nd\ne\nnil\nnil\n1\n4\nbig\n")
    }

    @Test func interpolationAndJoin() {
        #expect(say("let i = 42\nlet s = \"x\"\nsay \"item{i}-{s}-{[s]}-{1.5}-{nil}\"") == "item42-x-[\"x\"]-1.5-nil\n")
        #expect(say("say join([\"a\", 1, [2], \"\"], \", \")\nsay join([], \",\")") == "a, 1, [2], \n\n")
    }

    @Test func integerTermsInComparisons() {
        #expect(say("""
            routine check(a, b, c, d) {
              if a - b == c - d { say "equal" } else { say "different" }
              if a + b < c + 1 { say "less" } else { say "not less" }
            }
            check(5, 3, 4, 2)
            check(1, 1, 5, 0)
            check(1.5, 0.5, 2, 1)
            """) == "equal\nnot less\ndifferent\nless\nequal\nless\n")
        #expect(runtimeError("routine f(a, b) { if a - b == 0 { say 1 } }\nf(-9223372036854775807, 2)")?.message
                == "integer overflow: the result does not fit in 64 bits")
        #expect(runtimeError("routine f(a, b) { if a - b == 0 { say 1 } }\nf(\"a\", 2)")?.message == "cannot subtract string and integer")
    }

    @Test func conditionChains() {
        #expect(say("""
            routine t(a, b, c) {
              if a == b or a - b == c or b - a == c { say "or" } else { say "neither" }
              if a < b and b < c and a + 1 <= c { say "and" } else { say "not all" }
              let n = 0
              while n < a and n != b { n = n + 1 }
              say n
              return a > b or c == 3
            }
            say t(1, 2, 3)
            say t(5, 2, 3)
            say t(1.5, 2, 3)
            """) == "neither\nand\n1\ntrue\nor\nnot all\n2\ntrue\nneither\nand\n2\ntrue\n")
        #expect(runtimeError("routine t(a, b) { if a == 0 or a - b == 0 { say 1 } }\nt(-9223372036854775807, 5)")?.message
                == "integer overflow: the result does not fit in 64 bits")
        #expect(runtimeError("routine t(a, b) { if a == 1 and b + 1 > 0 { say 1 } }\nt(1, nil)")?.message
                == "cannot add nil and integer")
        #expect(say("routine t(a, b) { if a == 2 or b + 1 > 0 { say 1 } }\nt(2, nil)") == "1\n")
    }

    @Test func blocksAndTestsInLine() {
        #expect(say("""
            routine yes() { return true }
            routine one() { return 1 }
            let flags = [true, false]
            let g = true
            let total = 0
            let i = 0
            while i < 10 {
              i = i + 1
              if i == 2 { continue }
              if i == 8 { break }
              total = total + i
            }
            say total
            if yes() { say "call" }
            if flags[1] { say "no" } else { say "index" }
            if g { say "global" }
            let b = false
            if b { say "no" } else {
              say "local"
              say "two"
              say "three"
              say "four"
              say "five"
            }
            for x in [1, 2, 3] {
              if x == 2 { continue }
              say x
            }
            repeat 2 { say "r" }
            """) == "26\ncall\nindex\nglobal\nlocal\ntwo\nthree\nfour\nfive\n1\n3\nr\nr\n")
        #expect(runtimeError("routine one() { return 1 }\nif one() { say 1 }")?.message
                == "the condition of 'if' must be a boolean (true or false), not integer")
        #expect(runtimeError("let n = 1\nwhile n { n = 0 }")?.message
                == "the condition of 'while' must be a boolean (true or false), not integer")
        #expect(runtimeError("routine f() { let n = 1\n while n { n = 0 } }\nf()")?.message
                == "the condition of 'while' must be a boolean (true or false), not integer")
    }

    @Test func elementToLocal() {
        #expect(say("routine f(xs, i) { let x = xs[i]\n return x }\nsay f([4, 5], 1)\nsay f(\"hey\", 2)") == "5\ny\n")
        #expect(runtimeError("routine f(xs, i) { let x = xs[i]\n return x }\nf([4, 5], 2)")?.message.hasPrefix("index 2 is out of range") == true)
    }

    @Test func inlineArguments() {
        #expect(say("routine f(a, b, c) { return [a, b, c] }\nroutine g(n) { return f(n + 1, n - 1, n) }\nsay g(5)\nsay g(0.5)")
                == "[6, 4, 5]\n[1.5, -0.5, 0.5]\n")
        #expect(runtimeError("routine f(a) { return a }\nroutine g(n) { return f(n - 1) }\ng(5m)")?.message
                == "cannot subtract duration and integer")
        #expect(runtimeError("routine f(a) { return a }\nroutine g(n) { return f(n + 1) }\ng(9223372036854775807)")?.message
                == "integer overflow: the result does not fit in 64 bits")
    }

    @Test func failedArgumentsLeaveTheStackBalanced() {
        let output = CapturedOutput()
        let host = StandardRoutineHost(
            output: output, input: ScriptedInput([]), now: LocalDateTime.parse("2026-11-20T21:30", in: TimeZone(identifier: "UTC")!)!,
            timeZone: TimeZone(identifier: "UTC")!, seed: 7, waitsForTimers: false)
        let session = RoutineSession(registry: registry, host: host, interrupt: RoutineInterrupt())
        _ = session.evaluate("routine add(a, b, c) { return a + b + c }")
        _ = session.evaluate("let xs = []")
        for _ in 0..<3 {
            if case .runtimeError = session.evaluate("say add(1, 2, xs[4])") {} else { Issue.record("expected an index error") }
            if case .runtimeError = session.evaluate("say add(add(1, 2, 3), 2, 1 // 0)") {} else { Issue.record("expected division by zero") }
        }
        _ = session.evaluate("say add(1, 2, 3)")
        #expect(output.text == "6\n")
        #expect(session.machine.stackTop == session.machine.stackBase)
        #expect(session.machine.depth == 0)
    }

    // MARK: Numbers in line

    static let range = SourceRange(file: SourceFile(name: "test.routine", text: "1 + 2"), start: 0, end: 5)

    /// Values of every kind that arithmetic and comparison meet, with the
    /// edges: overflow, zero, negative zero, NaN and the infinities.
    static var operands: [Value] { [
        .int(0), .int(1), .int(-7), .int(3), .int(.max), .int(.min),
        .decimal(0), .decimal(-0.0), .decimal(2.5), .decimal(-1.25), .decimal(.nan), .decimal(.infinity), .decimal(-.infinity),
        .none, .bool(true), .string("ab"), .duration(60), .list(ListBox([.int(1)])),
    ] }

    func describe(_ result: () throws -> Value) -> String {
        do { return try result().description } catch let error as RuntimeError { return "error: \(error.message)" } catch { return "\(error)" }
    }

    func check<O: ArithmeticOperation>(_: O.Type) {
        let range = Self.range
        for a in Self.operands {
            for b in Self.operands {
                let general = describe { try O.values(a, b, range) }
                // Whenever a fast path answers, it is the general path's answer.
                if let fast = O.fast(a, b) { #expect(fast.description == general, "\(O.self) \(a) \(b)") }
                if case .int(let k) = b, let fast = O.fast(a, int: k) { #expect(fast.description == general, "\(O.self) \(a) \(b)") }
                if case .decimal(let k) = b, let fast = O.fast(a, decimal: k) { #expect(fast.description == general, "\(O.self) \(a) \(b)") }
            }
        }
    }

    func check<O: ComparisonOperation>(_: O.Type) {
        for a in Self.operands {
            for b in Self.operands {
                let general: Bool? = try? O.values(a, b, Self.range)
                if let fast = O.fast(a, b) { #expect(fast == general, "\(O.self) \(a) \(b)") }
            }
        }
    }

    @Test func numbersInLineAgreeWithTheGeneralPath() {
        check(Ops.Add.self)
        check(Ops.Subtract.self)
        check(Ops.Multiply.self)
        check(Ops.Divide.self)
        check(Ops.FloorDivide.self)
        check(Ops.Remainder.self)
        check(Ops.Less.self)
        check(Ops.LessEqual.self)
        check(Ops.Greater.self)
        check(Ops.GreaterEqual.self)
        check(Ops.Equal.self)
        check(Ops.NotEqual.self)
        // The fast paths answer the common cases (else they would never be taken).
        #expect(Ops.Multiply.fast(.decimal(2), .int(3))?.description == "6")
        #expect(Ops.Divide.fast(.int(7), .int(2))?.description == "3.5")
        #expect(Ops.Divide.fast(.int(7), .int(0)) == nil)
        #expect(Ops.Add.fast(.int(.max), .int(1)) == nil)
        #expect(Ops.Less.fast(.decimal(1.5), .int(2)) == true)
        #expect(Ops.NotEqual.fast(.map(MapBox()), .none) == true)
        #expect(Ops.Equal.fast(.none, .none) == true)
        #expect(Ops.Less.fast(.none, .int(1)) == nil)
    }

    /// `x = a op b` in one closure, for each shape of operand, and its errors.
    @Test func fusedAssignments() {
        #expect(say("routine f(a, b) {\n  let x = a * b\n  let y = a - 1.5\n  return [x, y]\n}\nsay f(3, 4)\nsay f(0.5, 2)")
                == "[12, 1.5]\n[1, -1]\n")
        #expect(say("routine f(a, b) {\n  let w = (a + b) * b\n  let v = a / (b + 1)\n  let u = (a + 0) - (b + 0)\n  return [w, v, u]\n}\nsay f(3, 4)")
                == "[28, 0.6, -1]\n")
        #expect(say("routine f(s) {\n  let t = \"<\"\n  t = t + s\n  t = s * 2\n  return t\n}\nsay f(\"ab\")") == "abab\n")
        #expect(runtimeError("routine f(a) {\n  let x = 0\n  x = a // 0\n  return x\n}\nsay f(1.5)")?.message == "division by zero")
        #expect(runtimeError("routine f(a, b) {\n  let x = a - b\n  return x\n}\nsay f(\"a\", 1)")?.message == "cannot subtract string and integer")
        #expect(runtimeError("routine f(a) {\n  let x = a * 2\n  return x\n}\nsay f(\(Int.max))")?.message
                == "integer overflow: the result does not fit in 64 bits")
    }

    /// `while flag and i < n`: flags tested in line with the comparisons;
    /// a flag that is not a boolean still gets the general path's error.
    @Test func flagsInConditions() {
        #expect(say("""
            routine f(n) {
              let going = true
              let i = 0
              while going and i < n {
                i = i + 1
                if i == 3 { going = false }
              }
              let seen = false
              if seen or i > 2 { say "yes" }
              return i
            }
            say f(10)
            say f(2)
            """) == "yes\n3\n2\n")
        #expect(runtimeError("routine f() {\n  let going = 1\n  let i = 0\n  while going and i < 3 { i = i + 1 }\n}\nf()")?.message
                == "the left side of 'and' must be a boolean (true or false), not integer")
    }

    /// Loop bodies of five and six statements run in line: `break`,
    /// `continue` and `return` from each place.
    @Test func longBodiesInLine() {
        #expect(say("""
            routine f(stop) {
              let i = 0
              let log = []
              while i < 10 {
                i = i + 1
                if i == stop { break }
                if i % 2 == 0 { continue }
                append(log, i)
                if i == 7 { return log }
                append(log, 0 - i)
              }
              return log
            }
            say f(4)
            say f(100)
            """) == "[1, -1, 3, -3]\n[1, -1, 3, -3, 5, -5, 7]\n")
    }

    /// `i = i - 1` on a local and `count = count + 1` on a global: in place
    /// for integers, and the general path's answer (or error, naming the
    /// operator written) for anything else.
    @Test func countersInPlace() {
        #expect(say("let count = 0\nrepeat 4 {\n  count = count + 1\n  count = count - 3\n}\nsay count") == "-8\n")
        #expect(say("let total = 0.5\nrepeat 2 { total = total + 1 }\nsay total") == "2.5\n")
        #expect(say("routine down(n) {\n  let i = n\n  i = i - 1\n  return i\n}\nsay down(10)\nsay down(2.5)") == "9\n1.5\n")
        #expect(runtimeError("routine f() {\n  let s = \"a\"\n  s = s - 1\n}\nf()")?.message == "cannot subtract string and integer")
        #expect(runtimeError("let s = \"a\"\ns = s - 1")?.message == "cannot subtract string and integer")
        #expect(runtimeError("let d = 1m\nd = d - 1")?.message == "cannot subtract duration and integer")
        #expect(runtimeError("let n = \(Int.max)\nn = n + 1")?.message == "integer overflow: the result does not fit in 64 bits")
        #expect(runtimeError("let n = \(Int.min + 1)\nn = n - 2")?.message == "integer overflow: the result does not fit in 64 bits")
    }

    /// `x != nil` and `x == nil` on a local, alone and in chains, and
    /// `x = m["key"]` read in place (also when `x` is `m`).
    @Test func nilTestsAndFieldsInPlace() {
        #expect(say("""
            routine length(list) {
              let n = 0
              let e = list
              while e != nil {
                n = n + 1
                e = e["next"]
              }
              return n
            }
            let chain = {"next": {"next": {"next": nil}}}
            say length(chain)
            say length(nil)
            routine kinds(x) {
              let seen = []
              if x == nil { append(seen, "nil") }
              if nil != x and x != 0 { append(seen, "something") }
              if x == nil or x == 0 { append(seen, "empty") }
              let flag = x != nil
              append(seen, flag)
              return seen
            }
            say kinds(nil)
            say kinds(0)
            say kinds(false)
            say kinds([])
            """) == """
            3
            0
            ["nil", "empty", false]
            ["empty", true]
            ["something", true]
            ["something", true]

            """)
        #expect(runtimeError("routine f(m) {\n  let x = m[\"a\"]\n  return x\n}\nf([1])")?.message == "a list index must be an integer, not string")
        #expect(runtimeError("routine f(m) {\n  let x = 0\n  x = m[\"b\"]\n}\nf({\"a\": 1})")?.message == "the map has no key \"b\"")
    }

    /// Fields of a variable's map as operands of arithmetic, comparisons
    /// and `x = a op b`, beside locals, constants and global maps; and the
    /// errors of each side, left first.
    @Test func fieldsAsOperands() {
        #expect(say("""
            let origin = {"x": 0.5, "y": 2}
            routine step(ball, dt) {
              let dx = ball["x"] - origin["x"]
              let moved = ball["x"] + ball["vx"]
              let scaled = dt * ball["vx"]
              let above = ball["y"] > origin["y"]
              let none = ball["next"] == nil
              if ball["x"] < 0 { say "left" }
              return [dx, moved, scaled, above, none, ball["y"] - 1, 10 - ball["y"]]
            }
            say step({"x": 3, "y": 1, "vx": 2, "next": nil}, 0.5)
            say step({"y": 5, "x": -1.5, "vx": 1, "next": {}}, 2)
            """) == """
            [2.5, 5, 1, false, true, 0, 9]
            left
            [-2, -0.5, 2, true, false, 4, 5]

            """)
        #expect(runtimeError("routine f(a, b) { return a[\"x\"] + b[\"y\"] }\nsay f({\"y\": 1}, {})")?.message == "the map has no key \"x\"")
        #expect(runtimeError("routine f(a, b) { return a[\"x\"] + b[\"y\"] }\nsay f({\"x\": 1}, {})")?.message == "the map has no key \"y\"")
        #expect(runtimeError("routine f(a, b) { return a[\"x\"] < b }\nsay f({\"x\": \"s\"}, 1)")?.message == "cannot compare string and integer")
        #expect(runtimeError("routine f(a) { return a[\"x\"] * 2 }\nsay f([1])")?.message == "a list index must be an integer, not string")
        #expect(runtimeError("routine f(a) {\n  let d = a[\"x\"] - a[\"y\"]\n  return d\n}\nsay f({\"x\": 1, \"y\": nil})")?.message
                == "cannot subtract integer and nil")
    }
}

