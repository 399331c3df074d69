import TandemKit

/// The daily coaching module: small rituals that keep a couple close on
/// ordinary days, such as a specific thank-you, everyday affection,
/// screen-free time, a warm hello, a stress-reducing talk and a bedtime
/// check-in, plus a weekly planning session that protects them.
public struct DailyModule: CoachingModule {
    /// Creates the module.
    public init() {}

    /// The module's identity.
    public let manifest = ModuleManifest(
        id: "daily",
        displayName: "Daily habits",
        summary: "Small everyday rituals, from a specific thank-you to screen-free time, that keep you close.",
        version: "1.0.0",
        tags: ["daily", "habits", "rituals", "gratitude", "affection", "presence"]
    )

    /// Daily rituals, plus a few meant for some days of the week.
    public var practices: [Practice] { Self.allPractices }

    /// Open questions about everyday life together, from light to deep.
    public var cards: [ConversationCard] { Self.allCards }

    /// Short, actionable tips for ordinary days.
    public var tips: [String] { Self.allTips }
}
