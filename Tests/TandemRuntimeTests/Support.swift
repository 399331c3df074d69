import Foundation
import TandemCatalog
import TandemKit
import TandemModules
import TandemRoutine
import TandemRuntime

/// A fresh, empty folder for one test's state.
func temporaryHome() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-runtime-\(UUID().uuidString)", isDirectory: true)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

let utc = TimeZone(identifier: "UTC")!
let fixedNow = LocalDateTime.parse("2026-11-20T21:30:00Z", in: utc)!

/// A runtime over `home` with the built-in modules (or `registry`), a fixed
/// clock, captured output and scripted answers.
func makeRuntime(
    home: URL = temporaryHome(), registry: ModuleRegistry = ModuleRegistry(moduleTypes: allModuleTypes),
    answers: [String] = [], commands: [any ParsableCommand.Type] = []
) -> (runtime: Runtime, output: CapturedOutput, errors: CapturedOutput) {
    let output = CapturedOutput(), errors = CapturedOutput()
    let environment = TandemEnvironment(
        dataDirectory: home, stateDirectory: home, now: fixedNow, timeZone: utc,
        output: output, errors: errors, input: ScriptedInput(answers))
    return (Runtime(environment: environment, registry: registry, commands: commands), output, errors)
}

/// Runs routine source on the runtime's one routine host.
@discardableResult
func runRoutine(_ source: String, on runtime: Runtime, dryRun: Bool = false) -> RoutineOutcome {
    let host = JournalRoutineHost(runtime: runtime, seed: 1, dryRun: dryRun, waitsForTimers: false)
    let session = RoutineSession(registry: runtime.registry, host: host, interrupt: RoutineInterrupt())
    return session.run(RoutineProgram.parse(source, name: "test.routine"), entry: nil)
}

/// Two modules that keep a record each, to show that a module sees only its own.
struct NotebookA: CoachingModule {
    init() {}
    let manifest = ModuleManifest(id: "alpha", displayName: "Alpha", summary: "Keeps records, for tests.")
    let practices: [Practice] = [
        Practice(
            id: "alpha.write", title: "Write", why: "A test practice.", steps: ["Write."], tryToday: "Write one line.",
            reflections: ["What?", "Why?", "How?"], cadence: .daily, tags: ["test"]),
    ]
    let cards: [ConversationCard] = ["What did you write?"]
    var functions: [RoutineFunction] { Notebook.functions }
}

struct NotebookB: CoachingModule {
    init() {}
    let manifest = ModuleManifest(id: "beta", displayName: "Beta", summary: "Keeps records, for tests.")
    let practices: [Practice] = [
        Practice(
            id: "beta.read", title: "Read", why: "A test practice.", steps: ["Read."], tryToday: "Read one line.",
            reflections: ["What?", "Why?", "How?"], cadence: .daily, tags: ["test"]),
    ]
    let cards: [ConversationCard] = ["What did you read?"]
    var functions: [RoutineFunction] { Notebook.functions }
}

enum Notebook {
    /// `keep(text)` appends a record; `kept()` lists the texts of the module's records.
    static let functions: [RoutineFunction] = [
        RoutineFunction(name: "keep", parameters: ["text"], summary: "Keep a line.") { arguments, context in
            guard case .string(let text) = arguments.first else { throw RoutineFunctionError("text") }
            try context.records.append(ModuleRecord(kind: "line", date: context.today, createdAt: context.now, fields: ["text": text]))
            return .none
        },
        RoutineFunction(name: "kept", parameters: [], summary: "The lines kept.") { _, context in
            .list(try context.records.records(kind: "line").map { .string($0.fields["text"] ?? "") })
        },
    ]
}
