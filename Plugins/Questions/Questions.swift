import TandemKit

/// The questions coaching module: the daily deck, one open question a day for
/// a whole year without a repeat, and practices for asking, answering and
/// following up. The host's question of the day draws from this module's
/// cards (its id, `questions`, is the one it looks for).
public struct QuestionsModule: CoachingModule {
    /// Creates the module.
    public init() {}

    /// The module's identity.
    public let manifest = ModuleManifest(
        id: "questions",
        displayName: "A question a day",
        summary: "One open question a day, a year of them without a repeat, to keep discovering each other.",
        version: "1.0.0",
        tags: ["questions", "daily", "curiosity", "conversation", "discovery"]
    )

    /// Asking the day's question, following up, keeping answers and writing your own.
    public var practices: [Practice] { Self.allPractices }

    /// The daily deck: at least 365 open questions, from light to deep.
    public var cards: [ConversationCard] { Self.allCards }

    /// Short, actionable tips for asking good questions.
    public var tips: [String] { Self.allTips }
}
