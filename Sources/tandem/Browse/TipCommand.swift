import ArgumentParser
import TandemHost
import TandemKit

struct TipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tip",
        abstract: "Show a short, actionable tip.")

    @Argument(help: "A module id, such as trust. Leave out for any module.")
    var module: String?

    @OptionGroup var seed: SeedOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let modules = try module.map { [try App.registry.requireModule($0)] } ?? App.registry.modules
        var random = SeededRandom(seed: seed.seed ?? UInt64.random(in: .min ... .max))
        let renderer = BrowseCommands.renderer
        guard let (from, tip) = renderer.pickTip(from: modules, using: &random) else {
            throw CommandFailure("no tips to show", exitCode: 1)
        }
        if output.json {
            print(try ContentRenderer.json(["module": from.id, "tip": tip]), terminator: "")
        } else {
            print(renderer.quote(tip, from: from), terminator: "")
        }
    }
}
