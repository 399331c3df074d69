import ArgumentParser
import TandemHost
import TandemKit

/// The subcommands that browse the coaching content.
enum BrowseCommands {
    static let all: [any ParsableCommand.Type] = [
        ModulesCommand.self, PracticesCommand.self, ShowCommand.self, TipCommand.self, CardCommand.self,
    ]

    /// The renderer for standard output.
    static var renderer: ContentRenderer {
        ContentRenderer(registry: App.registry, style: App.style, width: TextLayout.readingWidth)
    }
}
