import TandemKit

/// The trust coaching module.
public struct TrustModule: CoachingModule {
    public init() {}

    public let manifest = ModuleManifest(
        id: "trust",
        displayName: "Trust",
        summary: "One line that says what this module coaches.",
        version: "0.1.0",
        tags: []
    )

    public let practices: [Practice] = [
        Practice(
            id: "trust.first_step",
            title: "A first small step",
            why: "Say why this practice brings a couple closer.",
            steps: [
                "Describe the first concrete step.",
                "Describe the next one.",
            ],
            tryToday: "One small action a person can take today.",
            reflections: [
                "What did you notice about your partner?",
                "What felt easy, and what felt hard?",
                "What would you do differently next time?",
            ],
            cadence: .daily,
            tags: ["trust"]
        ),
    ]

    public let cards: [ConversationCard] = [
        "An open question a couple can ask each other.",
    ]
}
