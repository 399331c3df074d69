import TandemKit

/// The play coaching module: fun, novelty and lightness, such as a date at
/// home, something new tried together, flirting and laughing, so a couple
/// stays friends and not only partners in logistics.
public struct PlayModule: CoachingModule {
    /// Creates the module.
    public init() {}

    /// The module's identity.
    public let manifest = ModuleManifest(
        id: "play",
        displayName: "Play and fun",
        summary: "Keep it light and alive: dates at home, new things tried together, flirting and shared laughter.",
        version: "1.0.0",
        tags: ["play", "fun", "novelty", "dates", "humour", "flirting"]
    )

    /// Dates at home, novelty, flirting, laughter and a list of adventures.
    public var practices: [Practice] { Self.allPractices }

    /// Open questions about fun, play and adventure, from light to deep.
    public var cards: [ConversationCard] { Self.allCards }

    /// Short, actionable ideas for play.
    public var tips: [String] { Self.allTips }
}
