import TandemKit

/// The repair coaching module: what to do during and after a fight, such as
/// cooling down, making and accepting repair attempts, saying what you
/// needed, and talking the fight over once it is safe to.
public struct RepairModule: CoachingModule {
    /// Creates the module.
    public init() {}

    /// The module's identity.
    public let manifest = ModuleManifest(
        id: "repair",
        displayName: "Repair after a fight",
        summary: "Come back together after a fight: cool down, reach out, say what you needed and learn from it.",
        version: "1.0.0",
        tags: ["repair", "conflict", "apology", "cool-down", "forgiveness"]
    )

    /// Cooling down, repair attempts, accepting them, what I needed, and a talk afterwards.
    public var practices: [Practice] { Self.allPractices }

    /// Open questions about conflict and making up, from light to deep.
    public var cards: [ConversationCard] { Self.allCards }

    /// Short, actionable tips for rough moments.
    public var tips: [String] { Self.allTips }
}
