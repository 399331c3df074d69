import Foundation
import TandemKit

/// Turns coaching content into the text and JSON that `tandem modules`,
/// `practices`, `show`, `tip` and `card` print.
public struct ContentRenderer: Sendable {
    /// The loaded modules.
    public let registry: ModuleRegistry
    /// Emphasis and colour, or none.
    public let style: TextStyle
    /// The terminal width to wrap paragraphs at.
    public let width: Int

    /// Creates a renderer.
    public init(registry: ModuleRegistry, style: TextStyle = .plain, width: Int = 80) {
        self.registry = registry
        self.style = style
        self.width = max(40, width)
    }

    // MARK: Modules

    /// One line per module: id, name, practice and card counts, summary.
    public func modules() -> String {
        let idWidth = registry.modules.map { TextLayout.columns($0.id) }.max() ?? 0
        var lines: [String] = []
        for module in registry.modules {
            let id = TextLayout.pad(module.id, to: idWidth)
            let counts = "\(module.practices.count) practices, \(module.cards.count) cards"
            let margin = String(repeating: " ", count: idWidth + 2)
            lines += wrap("\(style.bold(module.manifest.displayName))  \(style.dim(counts))", indent: style.color(id, .cyan) + "  ", hanging: margin)
            lines += wrap(module.manifest.summary, indent: margin)
            let commands = module.commands.compactMap { $0.configuration.commandName }
            if !commands.isEmpty {
                lines += wrap("commands: " + commands.map { "tandem \($0)" }.joined(separator: ", "), indent: margin).map(style.dim)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The modules as JSON.
    public func modulesJSON() throws -> String {
        try Self.json(registry.modules.map(ModuleSummary.init))
    }

    // MARK: Practices

    /// The practices of one module, or of all modules grouped by module.
    public func practices(of modules: [LoadedModule]) -> String {
        var lines: [String] = []
        for module in modules {
            if modules.count > 1 { lines.append(style.bold(module.manifest.displayName) + style.dim(" (\(module.id))")) }
            let idWidth = module.practices.map { TextLayout.columns($0.id) }.max() ?? 0
            for practice in module.practices {
                let id = TextLayout.pad(practice.id, to: idWidth)
                lines += wrap(
                    "\(practice.title)  \(style.dim(practice.cadence.description))",
                    indent: "  \(style.color(id, .cyan))  ", hanging: String(repeating: " ", count: idWidth + 4))
            }
            if modules.count > 1 { lines.append("") }
        }
        if lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Practices as JSON.
    public func practicesJSON(of modules: [LoadedModule]) throws -> String {
        try Self.json(modules.flatMap(\.practices).map(PracticeJSON.init))
    }

    // MARK: One practice

    /// Everything about one practice.
    public func practice(_ practice: Practice) -> String {
        var out: [String] = []
        out.append(style.bold(practice.title) + "  " + style.dim(practice.id))
        let module = registry.module(id: practice.moduleID)?.manifest.displayName ?? practice.moduleID
        out.append(style.dim("\(module) · \(practice.cadence.description) · " + practice.tags.joined(separator: ", ")))
        out.append("")
        out.append(contentsOf: wrap(practice.why, indent: ""))
        out.append("")
        out.append(style.color("Steps", .magenta))
        for (number, step) in practice.steps.enumerated() {
            out.append(contentsOf: wrap(step, indent: "  \(number + 1). ", hanging: "     "))
        }
        out.append("")
        out.append(style.color("Try today", .magenta))
        out.append(contentsOf: wrap(practice.tryToday, indent: "  "))
        out.append("")
        out.append(style.color("Reflect", .magenta))
        for prompt in practice.reflections {
            out.append(contentsOf: wrap(prompt, indent: "  - ", hanging: "    "))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One practice as JSON.
    public func practiceJSON(_ practice: Practice) throws -> String {
        try Self.json(PracticeJSON(practice))
    }

    // MARK: Tips and cards

    /// Picks a tip from one module, or from every module, avoiding the tips
    /// whose id (``drawID(module:index:)``) is in `recent` while others remain.
    public static func pickTip(
        from modules: [LoadedModule], avoiding recent: Set<String> = [], using random: inout SeededRandom
    ) -> (module: LoadedModule, index: Int, tip: String)? {
        pick(from: modules, deckSize: \.tips.count, avoiding: recent, using: &random).map { ($0.module, $0.index, $0.module.tips[$0.index]) }
    }

    /// Picks a conversation card from one module, or from every module,
    /// avoiding the cards whose ``CardDraw/id`` is in `recent` while others remain.
    public static func pickCard(from modules: [LoadedModule], avoiding recent: Set<String> = [], using random: inout SeededRandom) -> CardDraw? {
        pick(from: modules, deckSize: \.cards.count, avoiding: recent, using: &random).map { CardDraw(module: $0.module, index: $0.index) }
    }

    /// The id the journal remembers a draw by: `module#index`, such as `daily#3`.
    public static func drawID(module: String, index: Int) -> String { "\(module)#\(index)" }

    /// One draw from the modules' decks in order, among those whose id is not
    /// in `recent` (all of them when every one is).
    static func pick(
        from modules: [LoadedModule], deckSize: (LoadedModule) -> Int, avoiding recent: Set<String>, using random: inout SeededRandom
    ) -> (module: LoadedModule, index: Int)? {
        let pool = modules.flatMap { module in (0..<deckSize(module)).map { (module: module, index: $0) } }
        let fresh = pool.filter { !recent.contains(drawID(module: $0.module.id, index: $0.index)) }
        return (fresh.isEmpty ? pool : fresh).randomElement(using: &random)
    }

    /// A tip or card as a short block of text, naming its module.
    public func quote(_ text: String, from module: LoadedModule) -> String {
        (wrap(text, indent: "") + [style.dim("— \(module.manifest.displayName) (\(module.id))")]).joined(separator: "\n") + "\n"
    }

    // MARK: Helpers

    /// Wraps a paragraph at ``width`` (see ``TextLayout/wrap(_:width:indent:hanging:)``).
    public func wrap(_ text: String, indent: String, hanging: String? = nil) -> [String] {
        TextLayout.wrap(text, width: width, indent: indent, hanging: hanging)
    }

    /// Pretty, key-sorted JSON text with a final newline, every control
    /// character escaped (``TerminalText/escapingJSON(_:)``).
    public static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return TerminalText.escapingJSON(String(decoding: try encoder.encode(value), as: UTF8.self)) + "\n"
    }
}

/// A module as `tandem modules --json` prints it.
struct ModuleSummary: Encodable {
    let id: String, name: String, summary: String, version: String, tags: [String]
    let practices: [String], cards: Int, commands: [String], functions: [String]
    init(_ module: LoadedModule) {
        id = module.id
        name = module.manifest.displayName
        summary = module.manifest.summary
        version = module.manifest.version
        tags = module.manifest.tags
        practices = module.practices.map(\.id)
        cards = module.cards.count
        commands = module.commands.compactMap { $0.configuration.commandName }
        functions = module.functions.map { "\(module.id).\($0.name)" }
    }
}

/// A practice as the `--json` outputs print it.
struct PracticeJSON: Encodable {
    let id: String, module: String, title: String, why: String, steps: [String], tryToday: String
    let reflections: [String], cadence: String, frequency: String, tags: [String]
    init(_ practice: Practice) {
        id = practice.id
        module = practice.moduleID
        title = practice.title
        why = practice.why
        steps = practice.steps
        tryToday = practice.tryToday
        reflections = practice.reflections
        cadence = practice.cadence.description
        frequency = practice.cadence.fraction
        tags = practice.tags
    }
}

/// A conversation card drawn from a module's deck: the card and its place
/// there, so that what was shown is remembered by identity, not by its text.
public struct CardDraw: Sendable {
    /// The module whose deck it came from.
    public let module: LoadedModule
    /// Its position in the module's ``LoadedModule/cards``.
    public let index: Int

    /// Creates a draw of the card at `index` of the module's deck.
    public init(module: LoadedModule, index: Int) {
        self.module = module
        self.index = index
    }

    /// The card.
    public var card: ConversationCard { module.cards[index] }
    /// The id the journal remembers it by: `module#index`, such as `daily#3`.
    public var id: String { ContentRenderer.drawID(module: module.id, index: index) }
}
