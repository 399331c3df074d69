import TandemKit

/// The foundations coaching module: what emotional intimacy is, its five
/// pillars (communication, respect and trust, vulnerability, passion,
/// presence), five steps toward it, and ways past the barriers.
///
/// It adds the `assess` command (``FoundationsAssess``), a five-pillar
/// self-assessment whose results it saves (``SavedAssessment``), and the
/// routine functions `foundations.pillars()`, `foundations.practices_for(pillar)`,
/// and, reading the latest saved result, `foundations.last_score(pillar)`,
/// `foundations.weakest()` and `foundations.last_assessed()`.
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

    /// `foundations.pillars()`, `practices_for(pillar)`, `last_score(pillar)`, `weakest()` and `last_assessed()`.
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
                .list(try Self.pillar(arguments, function: "practices_for").practiceIDs.map { .string($0) })
            },
            RoutineFunction(
                name: "last_score", parameters: ["pillar"],
                summary: "The pillar's score (1 to 5) in the latest saved assessment, or nil before the first."
            ) { arguments, context in
                let pillar = try Self.pillar(arguments, function: "last_score")
                guard let score = try Self.latest(context)?.scores[pillar] else { return .none }
                return .decimal((score * 100).rounded() / 100)
            },
            RoutineFunction(
                name: "weakest", parameters: [],
                summary: "The ids of the weakest pillars in the latest saved assessment (an empty list before the first)."
            ) { _, context in
                .list((try Self.latest(context)?.weakest ?? []).map { .string($0.id) })
            },
            RoutineFunction(
                name: "last_assessed", parameters: [],
                summary: "The day of the latest saved assessment as YYYY-MM-DD, or nil before the first."
            ) { _, context in
                try Self.latest(context).map { .string($0.date.description) } ?? .none
            },
        ]
    }

    /// The pillar a function's first argument names.
    static func pillar(_ arguments: [RoutineValue], function: String) throws -> Pillar {
        guard case .string(let text)? = arguments.first else {
            throw RoutineFunctionError("\(function) expects a pillar name as a string, not \(arguments.first?.typeName ?? "nothing")")
        }
        guard let pillar = Pillar(lookup: text) else {
            let ids = Pillar.allCases.map(\.id)
            throw RoutineFunctionError(
                "'\(text)' is not a pillar; use one of \(ids.joined(separator: ", "))" + Suggestions.hint(for: text, in: ids))
        }
        return pillar
    }

    /// The latest saved assessment in the context's records.
    static func latest(_ context: ModuleContext) throws -> SavedAssessment? {
        do {
            return try SavedAssessment.all(in: context.records).last
        } catch {
            throw RoutineFunctionError("could not read the saved assessments: \(error)")
        }
    }
}
