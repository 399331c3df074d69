import ArgumentParser
import TandemRuntime
import TandemCatalog

struct TipCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "tip",
        abstract: "Show a short, actionable tip.")

    @OptionGroup var draw: DrawOptions

    func run(on runtime: Runtime) throws {
        try draw.print(kind: "tip", on: runtime) { modules, random in
            ContentRenderer.pickTip(from: modules, using: &random).map { ($0.module, $0.tip) }
        }
    }
}
