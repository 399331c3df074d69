import ArgumentParser

/// The subcommands that browse the coaching content.
enum BrowseCommands {
    static let all: [any ParsableCommand.Type] = []
}
