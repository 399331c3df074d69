import ArgumentParser

/// The journal's subcommands, in the order `tandem --help` lists them.
enum JournalCommands {
    static let all: [any ParsableCommand.Type] = []
}
