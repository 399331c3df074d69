import ArgumentParser
import TandemRuntime
import TandemCatalog

struct TipCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "tip",
        abstract: "Show a short, actionable tip.",
        discussion: """
            A tip avoids the last 30 shown from its module (the journal remembers them). \
            --seed repeats a choice and records nothing.
            """)

    @OptionGroup var draw: DrawOptions

    func run(on runtime: Runtime) throws {
        let modules = try draw.modules(on: runtime)
        let recent = try draw.recent(.tip, in: modules, deckSize: \.tips.count, on: runtime)
        var random = draw.makeRandom()
        guard let (module, index, tip) = ContentRenderer.pickTip(from: modules, avoiding: recent, using: &random) else {
            throw draw.nothingToShow("tip")
        }
        try draw.show(tip, from: module, kind: "tip", on: runtime) { journal in
            try journal.recordTipShown(ContentRenderer.drawID(module: module.id, index: index))
        }
    }
}
