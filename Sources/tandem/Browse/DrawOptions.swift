import ArgumentParser
import TandemCatalog
import TandemKit
import TandemRuntime
import TandemRuntime

/// What `tip` and `card` share: an optional module, `--seed` and `--json`,
/// and printing the one text drawn.
struct DrawOptions: ParsableArguments {
    @Argument(help: "A module id, such as longdistance. Leave out for any module.")
    var module: String?

    @OptionGroup var seed: SeedOptions
    @OptionGroup var output: OutputOptions

    /// Draws with `pick` from the chosen modules and prints the text, or its
    /// JSON as `{"module": …, KIND: …}`.
    func print(
        kind: String, on runtime: Runtime,
        pick: ([LoadedModule], inout SeededRandom) -> (LoadedModule, String)?
    ) throws {
        let modules = try module.map { [try runtime.registry.requireModule($0)] } ?? runtime.registry.modules
        var random = SeededRandom(seed: seed.seed ?? UInt64.random(in: .min ... .max))
        let renderer = runtime.renderer
        guard let (from, text) = pick(modules, &random) else {
            throw CommandFailure("no \(kind)s to show in \(module ?? "any module")", exitCode: ExitStatus.runtimeError)
        }
        let rendered = output.json ? try ContentRenderer.json(["module": from.id, kind: text]) : renderer.quote(text, from: from)
        runtime.environment.output.write(rendered)
    }
}
