import TandemKit

/// The foundations coaching module: what emotional intimacy is, its five
/// pillars (communication, respect and trust, vulnerability, passion,
/// presence), five steps toward it, and ways past the barriers.
///
/// It adds the `assess` command (``FoundationsAssess``), a five-pillar
/// self-assessment, and the routine functions `foundations.pillars()` and
/// `foundations.practices_for(pillar)`.
public struct FoundationsModule: CoachingModule {
    /// Creates the module.
    public init() {}

    /// The module's identity.
    public let manifest = ModuleManifest(
        id: "foundations",
        displayName: "Foundations of emotional intimacy",
        summary: "The five pillars of closeness and five steps to build it, with a self-assessment to find where to start.",
        version: "1.0.0",
        tags: ["foundations", "emotional-intimacy", "pillars", "assessment", "communication", "vulnerability"]
    )

    /// The five steps, plus practices for passion, repair, barriers and a weekly check-in.
    public var practices: [Practice] { Self.allPractices }

    /// Open questions about closeness, from light to deep.
    public var cards: [ConversationCard] { Self.allCards }

    /// Short, actionable tips.
    public var tips: [String] { Self.allTips }

    /// The `assess` command.
    public var commands: [any ModuleCommand.Type] { [FoundationsAssess.self] }

    /// `foundations.pillars()` and `foundations.practices_for(pillar)`.
    public var functions: [RoutineFunction] {
        [
            RoutineFunction(
                name: "pillars", parameters: [],
                summary: "The names of the five pillars of emotional intimacy, as a list."
            ) { _, _ in
                .list(Pillar.allCases.map { .string($0.name) })
            },
            RoutineFunction(
                name: "practices_for", parameters: ["pillar"],
                summary: "The practice ids that strengthen a pillar (such as \"presence\" or \"respect_and_trust\")."
            ) { arguments, _ in
                guard case .string(let text)? = arguments.first else {
                    throw RoutineFunctionError(
                        "practices_for expects a pillar name as a string, not \(arguments.first?.typeName ?? "nothing")")
                }
                guard let pillar = Pillar(lookup: text) else {
                    let ids = Pillar.allCases.map(\.id)
                    throw RoutineFunctionError(
                        "'\(text)' is not a pillar; use one of \(ids.joined(separator: ", "))"
                            + Suggestions.hint(for: text, in: ids))
                }
                return .list(pillar.practiceIDs.map { .string($0) })
            },
        ]
    }
}
