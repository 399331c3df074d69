import TandemKit

/// The dreams coaching module: the future you build together, such as
/// personal dreams, money, family, where to live and what a good life
/// means, talked about calmly and turned into small steps.
public struct DreamsModule: CoachingModule {
    /// Creates the module.
    public init() {}

    /// The module's identity.
    public let manifest = ModuleManifest(
        id: "dreams",
        displayName: "Dreams and the future",
        summary: "Talk about where you are heading: personal dreams, money, family and the life you want to build.",
        version: "1.0.0",
        tags: ["dreams", "future", "money", "family", "plans", "values"]
    )

    /// Dream talks, money dates, a picture of the years ahead and steps toward a dream.
    public var practices: [Practice] { Self.allPractices }

    /// Open questions about the future and what matters, from light to deep.
    public var cards: [ConversationCard] { Self.allCards }

    /// Short, actionable tips for planning together.
    public var tips: [String] { Self.allTips }
}
