import ArgumentParser

/// `--json` for commands whose output is data.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false
}

/// `--seed N` for commands that choose at random.
struct SeedOptions: ParsableArguments {
    @Option(name: .long, help: "Make the random choice repeatable.")
    var seed: UInt64?
}
