@testable import TandemRoutine
import Testing

@Suite struct CheckerTests {
    @Test func unknownPracticeWithSuggestion() {
        expectFindings("""
            use daily
            routine evening() {
              practice 1️⃣daily.gratitud
            }
            """, [("1", "unknown practice 'daily.gratitud'", "did you mean 'daily.gratitude'?")])
        let rendered = problems(in: "  practice daily.gratitud\n", name: "evening.routine")[0].description
        #expect(rendered == """
            evening.routine:1:12: error: unknown practice 'daily.gratitud'
                  practice daily.gratitud
                           ^~~~~~~~~~~~~~
              hint: did you mean 'daily.gratitude'?

            """)
    }

    @Test func reportsEveryProblemNotOnlyTheFirst() {
        expectFindings("""
            use daily, 1️⃣trsut
            let x = 1
            say 2️⃣y
            3️⃣z = 2
            routine f(a, b = 2) { return a + b }
            4️⃣f()
            5️⃣len(1, 2)
            6️⃣lenn(x)
            7️⃣break
            8️⃣return
            routine 9️⃣f() { }
            """, [
                ("1", "unknown module 'trsut'", "did you mean 'trust'?"),
                ("2", "undefined variable 'y'", nil),
                ("3", "cannot assign to 'z': it is not declared", nil),
                ("4", "routine 'f' takes 1 to 2 arguments, but 0 were given", "call it as f(a, b)"),
                ("5", "'len' takes 1 argument, but 2 were given", "call it as len(x)"),
                ("6", "undefined routine 'lenn'", "did you mean 'len'?"),
                ("7", "'break' outside a loop", nil),
                ("8", "'return' outside a routine", nil),
                ("9", "routine 'f' is already defined at test.routine:5:9", nil),
            ])
    }

    @Test func modulesAndModuleFunctions() {
        expectFindings("""
            let a = 1️⃣longdistance.overlapp(1)
            let b = 2️⃣longdistance.overlap(1, 2)
            tip 3️⃣dayly
            card 4️⃣nope
            practice 5️⃣dialy.gratitude
            """, [
                ("1", "module 'longdistance' has no function 'overlapp'", "did you mean 'overlap'?"),
                ("2", "'longdistance.overlap' takes 4 arguments, but 2 were given", nil),
                ("3", "unknown module 'dayly'", "did you mean 'daily'?"),
                ("4", "unknown module 'nope'", nil),
                ("5", "unknown module 'dialy'", "did you mean 'daily'?"),
            ])
    }

    @Test func schedules() {
        expectFindings("""
            routine needs(partner) { }
            routine fine() { }
            every day at 21:30 run 1️⃣needs
            every sunday at 19:00 run 2️⃣fien
            every mon, thu at 20:00 run fine
            """, [
                ("1", "schedule runs 'needs', which needs 1 argument", "pass it in the schedule: run needs(partner)"),
                ("2", "schedule runs 'fien', but no routine has that name", "did you mean 'fine'?"),
            ])
    }

    @Test func scopes() {
        // Routines may be called before they are defined and see every
        // top-level variable; block variables end with their block.
        expectFindings("""
            later()
            routine later() { say total }
            let total = 3
            if true { let inner = 1 }
            say 1️⃣inner
            routine r() { say 2️⃣hidden }
            for i in 1..3 { let hidden = i }
            say 3️⃣early
            let early = 1
            let 4️⃣total = 4
            """, [
                ("1", "undefined variable 'inner'", nil),
                ("2", "undefined variable 'hidden'", nil),
                ("3", "'early' is used before it is declared", "move 'let early = …' above this line"),
                ("4", "'total' is already declared at the top level", nil),
            ])
    }

    @Test func includesAndCycles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("routine-include-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "include \"b.routine\"\nsay shared()\n".write(to: folder.appendingPathComponent("a.routine"), atomically: true, encoding: .utf8)
        try "include \"a.routine\"\nroutine shared() { return 1 }\n".write(to: folder.appendingPathComponent("b.routine"), atomically: true, encoding: .utf8)
        let program = RoutineProgram.load(path: folder.appendingPathComponent("a.routine").path)
        let found = RoutineSession.check(program, registry: registry)
        #expect(found.map(\.message) == ["include cycle: a.routine → b.routine → a.routine"])
        try "routine shared() { return 1 }\n".write(to: folder.appendingPathComponent("b.routine"), atomically: true, encoding: .utf8)
        #expect(RoutineSession.check(RoutineProgram.load(path: folder.appendingPathComponent("a.routine").path), registry: registry).isEmpty)
        let missing = problems(in: "include \"nowhere.routine\"")
        #expect(missing.first?.message == "cannot read included file 'nowhere.routine'")
    }

    @Test func aCleanProgramHasNoProblems() {
        #expect(problems(in: """
            use daily, trust, longdistance
            routine evening(partner = "Sam") {
              say "Good evening, {partner}."
              let score = ask number "How connected (1-10)?" in 1..10
              if score < 5 { practice trust.own_mistakes } else { practice daily.gratitude }
              timer 20m "No-tech time"
              note "Connection {score}/10"
            }
            every day at 21:30 run evening
            """).isEmpty)
    }
}

import Foundation
