import ArgumentParser
import TandemHost

struct TipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tip",
        abstract: "Show a short, actionable tip.")

    @OptionGroup var draw: DrawOptions

    func run() throws {
        try draw.print(kind: "tip") { modules, random in
            ContentRenderer.pickTip(from: modules, using: &random).map { ($0.module, $0.tip) }
        }
    }
}
