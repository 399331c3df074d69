import ArgumentParser
import TandemHost

struct CardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card",
        abstract: "Draw a conversation card: an open question to ask each other.")

    @OptionGroup var draw: DrawOptions

    func run() throws {
        try draw.print(kind: "card") { modules, random in
            ContentRenderer.pickCard(from: modules, using: &random).map { ($0.module, $0.card.prompt) }
        }
    }
}
