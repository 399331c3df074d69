import ArgumentParser
import TandemCatalog
import TandemJournal
import TandemKit
import TandemRuntime

/// What `tip` and `card` share: an optional module, `--seed` and `--json`,
/// remembering draws so none of the last ``Journal/drawMemory`` of a deck
/// repeats, and printing the one text drawn.
struct DrawOptions: ParsableArguments {
    @Argument(help: "A module id, such as longdistance. Leave out for any module.")
    var module: String?

    @OptionGroup var seed: SeedOptions
    @OptionGroup var output: OutputOptions

    /// Whether this draw is remembered: not with `--seed`, which repeats a
    /// draw whatever was shown before.
    var remembers: Bool { seed.seed == nil }

    /// The module named, or every module.
    func modules(on runtime: Runtime) throws -> [LoadedModule] {
        try module.map { [try runtime.registry.requireModule($0)] } ?? runtime.registry.modules
    }

    func makeRandom() -> SeededRandom { SeededRandom(seed: seed.seed ?? UInt64.random(in: .min ... .max)) }

    /// The ids of `kind` shown lately from the decks of `modules`: each
    /// deck's last ``Journal/drawMemory``, but never all of a deck. None with
    /// `--seed`, and none (creating nothing) before the journal exists.
    func recent(_ kind: EventKind, in modules: [LoadedModule], deckSize: (LoadedModule) -> Int, on runtime: Runtime) throws -> Set<String> {
        guard remembers, let journal = try runtime.existingJournal() else { return [] }
        let draws = try journal.recentDraws(kind)
        return Set(modules.flatMap { draws[$0.id, default: []].prefix(max(0, deckSize($0) - 1)) })
    }

    /// Remembers the draw (unless `--seed`), then prints `text` quoted from
    /// its module, or `{"module": …, KIND: …}` as JSON.
    func show(
        _ text: String, from module: LoadedModule, kind: String, on runtime: Runtime, record: (Journal) throws -> Void
    ) throws {
        if remembers { try record(try runtime.journal()) }
        let rendered = output.json ? try ContentRenderer.json(["module": module.id, kind: text]) : runtime.renderer.quote(text, from: module)
        runtime.environment.output.write(rendered)
    }

    /// The failure when there is nothing to draw.
    func nothingToShow(_ kind: String) -> CommandFailure {
        CommandFailure("no \(kind)s to show in \(module ?? "any module")", exitCode: ExitStatus.runtimeError)
    }
}
