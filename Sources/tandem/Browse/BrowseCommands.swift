import ArgumentParser
import TandemCatalog
import TandemKit
import TandemRuntime

/// The subcommands that browse the coaching content.
enum BrowseCommands {
    static let all: [any ParsableCommand.Type] = [
        ModulesCommand.self, PracticesCommand.self, ShowCommand.self, TipCommand.self, CardCommand.self, CardsCommand.self,
    ]

}
