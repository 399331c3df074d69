/// One practice a couple can adopt as a habit, such as expressing gratitude daily.
public struct Practice: Sendable, Hashable, Codable, Identifiable {
    /// `moduleid.slug`, where the slug is snake_case: `daily.no_tech_time`.
    /// The same id is typed in the shell, in the REPL and in routines.
    public var id: String
    /// A short title, such as "Say thank you".
    public var title: String
    /// Why the practice matters, in a few sentences.
    public var why: String
    /// Concrete steps, in the order to take them.
    public var steps: [String]
    /// One small action to try today.
    public var tryToday: String
    /// Questions to reflect on afterwards (at least three).
    public var reflections: [String]
    /// How often the practice is meant to be done when adopted as a habit.
    public var cadence: Cadence
    /// Free-form tags, such as `gratitude` or `5-minutes`.
    public var tags: [String]

    /// Creates a practice.
    public init(
        id: String, title: String, why: String, steps: [String], tryToday: String,
        reflections: [String], cadence: Cadence = .daily, tags: [String] = []
    ) {
        self.id = id
        self.title = title
        self.why = why
        self.steps = steps
        self.tryToday = tryToday
        self.reflections = reflections
        self.cadence = cadence
        self.tags = tags
    }

    /// The module id part of ``id`` (before the dot).
    public var moduleID: String { String(id.split(separator: ".", maxSplits: 1).first ?? "") }

    /// The slug part of ``id`` (after the dot).
    public var slug: String {
        let parts = id.split(separator: ".", maxSplits: 1)
        return parts.count == 2 ? String(parts[1]) : ""
    }
}

/// An open question a couple can ask each other.
public struct ConversationCard: Sendable, Hashable, Codable, ExpressibleByStringLiteral {
    /// The question itself.
    public var prompt: String
    /// Free-form tags, such as `light` or `deep`.
    public var tags: [String]

    /// Creates a card.
    public init(_ prompt: String, tags: [String] = []) {
        self.prompt = prompt
        self.tags = tags
    }

    /// Creates a card from a string literal, with no tags.
    public init(stringLiteral value: String) {
        self.init(value)
    }
}
