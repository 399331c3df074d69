import ArgumentParser
import TandemRuntime
import TandemCatalog

struct CardCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "card",
        abstract: "Draw a conversation card: an open question to ask each other.")

    @OptionGroup var draw: DrawOptions

    func run(on runtime: Runtime) throws {
        try draw.print(kind: "card", on: runtime) { modules, random in
            ContentRenderer.pickCard(from: modules, using: &random).map { ($0.module, $0.card.prompt) }
        }
    }
}
