import TandemCatalog
import TandemREPL
import TandemRuntime

/// `tandem` with no subcommand: the interactive session on a terminal, or the
/// routine language read from standard input, on the same host as every
/// subcommand.
enum REPLLauncher {
    static func run(on runtime: Runtime) -> Int32 {
        // scripts/bench-repl times completion over a catalogue padded to 1,000 practices.
        let padded = runtime.environment.benchPractices.map { RegistryPadding.padded(runtime.registry, toPractices: $0) }
        return REPLMain.run(on: runtime, version: Tandem.version, registry: padded)
    }
}
