import TandemKit

/// The trust coaching module: keeping promises, owning mistakes, meeting each
/// other without judgment, with `tandem promise` as a ledger of promises kept.
public struct TrustModule: CoachingModule {
    /// Creates the module.
    public init() {}

    /// The module's identity.
    public let manifest = ModuleManifest(
        id: "trust",
        displayName: "Trust",
        summary: "Build trust you can both lean on: keep small promises, own your mistakes, and listen without verdicts.",
        version: "1.0.0",
        tags: ["trust", "reliability", "repair", "safety"]
    )

    /// The practices: promises, ownership, no judgment, repair and reliability.
    public let practices: [Practice] = TrustContent.practices

    /// Questions about trust, from light to deep.
    public let cards: [ConversationCard] = TrustContent.cards

    /// Short tips for building trust.
    public let tips: [String] = TrustContent.tips

    /// `tandem promise`.
    public var commands: [any ModuleCommand.Type] { [PromiseCommand.self] }

    /// `trust.open_promises()`.
    public var functions: [RoutineFunction] { [TrustModule.openPromisesFunction] }

    /// The texts of the promises still open, oldest first.
    public static let openPromisesFunction = RoutineFunction(
        name: "open_promises", parameters: [],
        summary: "The promises you have not yet kept or broken, oldest first."
    ) { arguments, context in
        guard arguments.isEmpty else {
            throw RoutineFunctionError("open_promises takes no arguments, not \(arguments.count)")
        }
        let ledger: PromiseLedger
        do {
            ledger = try PromiseLedger(store: context.records)
        } catch {
            throw RoutineFunctionError("could not read the promise ledger: \(error)")
        }
        return .list(ledger.open.map { .string($0.text) })
    }
}
