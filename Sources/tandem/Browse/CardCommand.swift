import ArgumentParser
import TandemCatalog
import TandemJournal
import TandemKit
import TandemRuntime

struct CardCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "card",
        abstract: "Draw a conversation card: an open question to ask each other.",
        discussion: """
            A card avoids the last 30 shown from its deck (the journal remembers them). \
            --seed repeats a draw and records nothing. --keep keeps the last card shown as a \
            favourite; --from favourites draws from them; tandem cards --favourites lists them.
            """)

    @OptionGroup var draw: DrawOptions

    @Flag(name: .long, help: "Keep the last card shown as a favourite (draws nothing).")
    var keep = false

    @Option(name: .long, help: ArgumentHelp("Draw from your favourites instead of the decks.", valueName: "favourites"))
    var from: String?

    func run(on runtime: Runtime) throws {
        if keep {
            guard draw.module == nil, draw.seed.seed == nil, from == nil else {
                throw CommandFailure("--keep keeps the last card shown; it takes no module, --seed or --from")
            }
            return try keepLastCard(on: runtime)
        }
        if let from {
            guard from == "favourites" || from == "favorites" else {
                throw CommandFailure("--from takes 'favourites', not '\(from.terminalSafe)'")
            }
            return try drawFavourite(on: runtime)
        }
        let modules = try draw.modules(on: runtime)
        let recent = try draw.recent(.card, in: modules, deckSize: \.cards.count, on: runtime)
        var random = draw.makeRandom()
        guard let card = ContentRenderer.pickCard(from: modules, avoiding: recent, using: &random) else {
            throw draw.nothingToShow("card")
        }
        try draw.show(card.card.prompt, from: card.module, kind: "card", on: runtime) { try $0.recordCardShown(card.id) }
    }

    /// `--keep`: the last card shown becomes a favourite.
    func keepLastCard(on runtime: Runtime) throws {
        guard let journal = try runtime.existingJournal(), let id = try journal.lastCardShown() else {
            throw CommandFailure("no card has been shown yet, so there is none to keep; draw one with tandem card", exitCode: ExitStatus.runtimeError)
        }
        guard let card = Self.card(id, in: runtime.registry) else {
            throw CommandFailure("the last card shown (\(id.terminalSafe)) is no longer in its deck; nothing was kept", exitCode: ExitStatus.runtimeError)
        }
        let kept = try journal.keepFavourite(cardID: id, prompt: card.card.prompt)
        if draw.output.json {
            runtime.environment.output.write(try ContentRenderer.json(KeptJSON(id: id, module: card.module.id, card: card.card.prompt, kept: kept)))
            return
        }
        let style = runtime.environment.style
        let heading = kept ? "Kept as a favourite:" : "Already a favourite:"
        runtime.environment.output.write(style.bold(heading) + "\n" + runtime.renderer.quote(card.card.prompt, from: card.module)
            + style.dim("tandem cards --favourites lists them; tandem card --from favourites draws one.") + "\n")
    }

    /// `--from favourites`: a draw among the favourites (of the module, if
    /// one is named), avoiding the cards shown lately while others remain.
    func drawFavourite(on runtime: Runtime) throws {
        let moduleIDs = Set(try draw.modules(on: runtime).map(\.id))
        let journal = try runtime.existingJournal()
        let favourites = try (journal?.favourites() ?? []).filter { moduleIDs.contains($0.moduleID) }
        guard !favourites.isEmpty else {
            throw CommandFailure(
                "no favourite cards\(draw.module.map { " from \($0)" } ?? "") yet; after a card you like, tandem card --keep keeps it",
                exitCode: ExitStatus.runtimeError)
        }
        var recent = Set<String>()
        if draw.remembers, let journal {
            recent = Set(try journal.recentDraws(.card).values.joined())
        }
        let fresh = favourites.filter { !recent.contains($0.cardID) }
        var random = draw.makeRandom()
        let favourite = (fresh.isEmpty ? favourites : fresh).randomElement(using: &random)!
        let module = try runtime.registry.requireModule(favourite.moduleID)
        try draw.show(favourite.prompt, from: module, kind: "card", on: runtime) { try $0.recordCardShown(favourite.cardID) }
    }

    /// The card an id (`module#index`) names, if its module is loaded and its deck that long.
    static func card(_ id: String, in registry: ModuleRegistry) -> CardDraw? {
        guard let hash = id.lastIndex(of: "#"), let index = Int(id[id.index(after: hash)...]),
            let module = registry.module(id: String(id[..<hash])), module.cards.indices.contains(index)
        else { return nil }
        return CardDraw(module: module, index: index)
    }

    struct KeptJSON: Encodable {
        var id: String, module: String, card: String, kept: Bool
    }
}
