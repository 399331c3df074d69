import ArgumentParser
import TandemHost
import TandemKit

struct CardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card",
        abstract: "Draw a conversation card: an open question to ask each other.")

    @Argument(help: "A module id, such as longdistance. Leave out for any module.")
    var module: String?

    @OptionGroup var seed: SeedOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let modules = try module.map { [try App.registry.requireModule($0)] } ?? App.registry.modules
        var random = SeededRandom(seed: seed.seed ?? UInt64.random(in: .min ... .max))
        let renderer = BrowseCommands.renderer
        guard let (from, card) = renderer.pickCard(from: modules, using: &random) else {
            throw CommandFailure("no cards to draw", exitCode: 1)
        }
        if output.json {
            print(try ContentRenderer.json(["module": from.id, "card": card.prompt]), terminator: "")
        } else {
            print(renderer.quote(card.prompt, from: from), terminator: "")
        }
    }
}
