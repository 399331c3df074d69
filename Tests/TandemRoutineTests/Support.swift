import Foundation
import TandemCatalog
import TandemRuntime
import TandemKit
import TandemModules
@testable import TandemRoutine
import Testing

/// The modules built into Tandem, loaded once for every test.
let registry = ModuleRegistry(moduleTypes: allModuleTypes)

/// Source text with markers such as `1️⃣` where findings are expected, in the
/// way swift-format tests its findings: the markers are removed and their
/// line:column positions kept.
struct MarkedSource {
    let text: String
    let markers: [String: (line: Int, column: Int)]

    init(_ marked: String) {
        var text = ""
        var markers: [String: (line: Int, column: Int)] = [:]
        var line = 1, column = 1
        var characters = Array(marked)
        var index = 0
        while index < characters.count {
            let c = characters[index]
            if let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 3,
               ("1"..."9").contains(Character(scalar)), c.unicodeScalars.last == "\u{20E3}" {
                markers[String(Character(scalar))] = (line, column)
                index += 1
                continue
            }
            text.append(c)
            if c == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        characters = []
        self.text = text
        self.markers = markers
    }
}

/// The problems `tandem check` finds in source.
func problems(in source: String, name: String = "test.routine") -> [Diagnostic] {
    let program = RoutineProgram.parse(source, name: name)
    return RoutineSession.check(program, registry: registry)
}

/// Expects exactly these findings, each at its marker: `marker: message`.
func expectFindings(
    _ marked: String, _ expected: [(marker: String, message: String, hint: String?)],
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let source = MarkedSource(marked)
    let found = problems(in: source.text)
    #expect(found.count == expected.count, "found: \(found.map { "\($0.line):\($0.column) \($0.message)" })", sourceLocation: sourceLocation)
    for (diagnostic, expectation) in zip(found, expected) {
        guard let location = source.markers[expectation.marker] else {
            Issue.record("no marker \(expectation.marker)", sourceLocation: sourceLocation)
            continue
        }
        #expect(diagnostic.message == expectation.message, sourceLocation: sourceLocation)
        #expect(diagnostic.line == location.line && diagnostic.column == location.column,
                "\(diagnostic.message): at \(diagnostic.line):\(diagnostic.column), expected \(location.line):\(location.column)",
                sourceLocation: sourceLocation)
        if let hint = expectation.hint { #expect(diagnostic.hint == hint, sourceLocation: sourceLocation) }
    }
}

/// Runs source in a fresh session with scripted answers; returns what it said
/// and the outcome. Each run watches an interrupt of its own, as tests run at
/// the same time in one process.
func run(
    _ source: String, answers: [String] = [], seed: UInt64 = 7, interrupt: RoutineInterrupt = RoutineInterrupt()
) -> (output: String, outcome: RoutineOutcome, host: StandardRoutineHost) {
    let output = CapturedOutput()
    let host = StandardRoutineHost(
        output: output, input: ScriptedInput(answers), now: LocalDateTime.parse("2026-11-20T21:30", in: TimeZone(identifier: "UTC")!)!,
        timeZone: TimeZone(identifier: "UTC")!, seed: seed, waitsForTimers: false)
    let session = RoutineSession(registry: registry, host: host, interrupt: interrupt)
    let outcome = session.run(RoutineProgram.parse(source, name: "test.routine"), entry: nil)
    return (output.text, outcome, host)
}

/// What `say` printed, or the error message.
func say(_ source: String, answers: [String] = []) -> String {
    let (output, outcome, _) = run(source, answers: answers)
    switch outcome {
    case .success: return output
    default: return output + "ERROR " + outcome.diagnostics.map(\.message).joined(separator: "; ")
    }
}

/// The runtime error message of source that should fail.
func runtimeError(_ source: String) -> Diagnostic? {
    if case .runtimeError(let diagnostic) = run(source).outcome { return diagnostic }
    return nil
}
