import TandemKit

/// The support coaching module: being a safe harbour when life is hard,
/// such as asking what kind of help is wanted, comforting before fixing,
/// taking something off a full plate and following up afterwards.
public struct SupportModule: CoachingModule {
    /// Creates the module.
    public init() {}

    /// The module's identity.
    public let manifest = ModuleManifest(
        id: "support",
        displayName: "Support under stress",
        summary: "Be each other's safe harbour when the world is hard: comfort first, ask what helps, lighten the load.",
        version: "1.0.0",
        tags: ["support", "stress", "comfort", "teamwork", "care"]
    )

    /// Asking what helps, comfort before fixes, lightening the load, a weekly stress map and following up.
    public var practices: [Practice] { Self.allPractices }

    /// Open questions about stress and comfort, from light to deep.
    public var cards: [ConversationCard] { Self.allCards }

    /// Short, actionable tips for hard days.
    public var tips: [String] { Self.allTips }
}
