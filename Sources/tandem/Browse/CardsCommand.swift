import ArgumentParser
import TandemCatalog
import TandemJournal
import TandemKit
import TandemRuntime

struct CardsCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "cards",
        abstract: "List a deck's conversation cards, or your favourites.",
        discussion: "Cards are tagged light, medium or deep. tandem card --keep adds the last card shown to your favourites.")

    @Argument(help: "A module id, such as play. Leave out for every deck.")
    var module: String?

    @Flag(name: [.long, .customLong("favorites")], help: "List the cards kept with tandem card --keep.")
    var favourites = false

    @OptionGroup var output: OutputOptions

    struct CardJSON: Encodable {
        var id: String, module: String, card: String, tags: [String]
        var kept: String?
    }

    func run(on runtime: Runtime) throws {
        let modules = try module.map { [try runtime.registry.requireModule($0)] } ?? runtime.registry.modules
        let rows: [CardJSON]
        if favourites {
            let ids = Set(modules.map(\.id))
            rows = try (runtime.existingJournal()?.favourites() ?? []).filter { ids.contains($0.moduleID) }.map { favourite in
                let tags = CardCommand.card(favourite.cardID, in: runtime.registry).map(\.card.tags) ?? []
                return CardJSON(id: favourite.cardID, module: favourite.moduleID, card: favourite.prompt, tags: tags, kept: favourite.date.description)
            }
        } else {
            rows = modules.flatMap { module in
                module.cards.indices.map { index in
                    CardJSON(id: ContentRenderer.drawID(module: module.id, index: index), module: module.id,
                        card: module.cards[index].prompt, tags: module.cards[index].tags)
                }
            }
        }
        let out = runtime.environment.output
        if output.json { return out.write(try ContentRenderer.json(rows)) }
        if rows.isEmpty {
            return out.write("No favourite cards\(module.map { " from \($0)" } ?? "") yet. After a card you like, tandem card --keep keeps it.\n")
        }
        let style = runtime.environment.style
        let renderer = runtime.renderer
        var lines: [String] = []
        for group in Dictionary(grouping: rows, by: \.module).sorted(by: { order($0.key, in: runtime) < order($1.key, in: runtime) }) {
            let name = runtime.registry.module(id: group.key)?.manifest.displayName ?? group.key
            lines.append(style.bold(name) + style.dim(" (\(group.key), \(group.value.count) \(favourites ? "kept" : "cards"))"))
            for row in group.value {
                let depth = row.tags.first { ["light", "medium", "deep"].contains($0) } ?? ""
                lines += renderer.wrap(row.card + (depth.isEmpty ? "" : "  " + style.dim(depth)), indent: "  - ", hanging: "    ")
            }
        }
        out.write(lines.joined(separator: "\n") + "\n")
    }

    private func order(_ id: String, in runtime: Runtime) -> Int {
        runtime.registry.modules.firstIndex { $0.id == id } ?? .max
    }
}
