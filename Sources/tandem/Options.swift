import ArgumentParser
import TandemKit

/// `--json` for commands whose output is data.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false
}

/// `--seed N` for commands that choose at random.
struct SeedOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: "Make the random choice repeatable.", transform: NumberOption.whole)
    var seed: UInt64?
}
