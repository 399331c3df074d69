import Foundation
import TandemKit
@testable import TandemRoutine
import Testing

/// Arguments from a command line and from schedules.
@Suite struct ArgumentTests {
    @Test func commandLineArgumentsAreLiteralsOrText() {
        #expect(RoutineValue(commandLineArgument: "3") == .integer(3))
        #expect(RoutineValue(commandLineArgument: "-7") == .integer(-7))
        #expect(RoutineValue(commandLineArgument: "2.5") == .decimal(2.5))
        #expect(RoutineValue(commandLineArgument: "-0.5") == .decimal(-0.5))
        #expect(RoutineValue(commandLineArgument: "true") == .bool(true))
        #expect(RoutineValue(commandLineArgument: "false") == .bool(false))
        #expect(RoutineValue(commandLineArgument: "1h30m") == .duration(5400))
        #expect(RoutineValue(commandLineArgument: "\"42\"") == .string("42"))
        #expect(RoutineValue(commandLineArgument: "Sam") == .string("Sam"))
        #expect(RoutineValue(commandLineArgument: "nil") == .string("nil"))
        #expect(RoutineValue(commandLineArgument: "1 + 2") == .string("1 + 2"))
        #expect(RoutineValue(commandLineArgument: "\"{x}\"") == .string("\"{x}\""))
        #expect(RoutineValue(commandLineArgument: "") == .string(""))
    }

    @Test func schedulesParseLiteralArguments() {
        let program = RoutineProgram.parse("routine e(a, b, c, d) { }\nevery day at 21:30 run e(\"Sam\", -2, 20m, true)\n", name: "s.routine")
        #expect(program.diagnostics.isEmpty)
        let schedule = program.schedules.first
        #expect(schedule?.arguments.map(\.value) == [.string("Sam"), .integer(-2), .duration(1200), .bool(true)])
        #expect(schedule?.callText == "e(\"Sam\", -2, 20m, true)")
        #expect(RoutineProgram.parse("routine e() { }\nevery day at 21:30 run e\n", name: "s.routine").schedules.first?.callText == "e")
    }

    @Test func scheduleArgumentsAreCheckedAgainstTheParameters() {
        expectFindings("""
            routine evening(partner, minutes = 20, loud = false) { }
            every day at 21:30 run evening("Sam")
            every day at 21:30 run evening("Sam", 2.5, true)
            every day at 21:30 run 1️⃣evening("Sam", 20, true, 4)
            every day at 21:30 run evening("Sam", 3️⃣"long")
            every day at 21:30 run evening("Sam", 20, 4️⃣1)
            every day at 21:30 run evening(5️⃣"a{1}")
            """, [
                ("1", "schedule runs 'evening' with 4 arguments, but it takes 1 to 3 arguments", "its parameters are (partner, minutes = 20, loud = false)"),
                ("3", "argument 'minutes' of 'evening' is an integer by its default value, but the schedule passes a string", "its parameters are (partner, minutes = 20, loud = false)"),
                ("4", "argument 'loud' of 'evening' is a boolean by its default value, but the schedule passes an integer", "its parameters are (partner, minutes = 20, loud = false)"),
                ("5", "a schedule's arguments must be literals", "write text in quotes, a number, true, false or a duration such as 20m"),
            ])
    }
}

/// `:save`'s file text: what a routine needs from the session.
@Suite struct SavedRoutineTests {
    func session() -> RoutineSession {
        let host = StandardRoutineHost(output: CapturedOutput(), input: ScriptedInput([]), seed: 1, waitsForTimers: false)
        return RoutineSession(registry: registry, host: host, interrupt: RoutineInterrupt())
    }

    @Test func variablesComeAfterThoseTheyReadAndRoutinesTransitively() throws {
        let session = session()
        for chunk in ["let a = 1", "let b = a + 1", "let a = 5", "routine leaf() { return b }", "routine mid() { return leaf() }",
                      "routine top() { say mid() }", "routine alone() { }"] {
            #expect(session.evaluate(chunk).exitCode == 0, "\(chunk)")
        }
        let text = try session.fileText(forRoutine: "top")
        #expect(text == "let a = 5\nlet b = a + 1\n\nroutine leaf() { return b }\n\nroutine mid() { return leaf() }\n\nroutine top() { say mid() }\n")
        #expect(RoutineSession.check(RoutineProgram.parse(text, name: "top.routine"), registry: registry).isEmpty)
        #expect(try session.fileText(forRoutine: "alone") == "routine alone() { }\n")
        #expect(throws: CommandFailure.self) { try session.fileText(forRoutine: "nope") }
    }
}
