/// A coaching module: one theme of coaching (daily habits, trust, long distance, …)
/// packaged as a Swift type that the Tandem host loads through its registry.
///
/// A module is a small value that describes itself. Most requirements have
/// defaults, so a minimal module declares its ``manifest``, its ``practices``
/// and its ``cards``:
///
/// ```swift
/// import TandemKit
///
/// public struct Gardening: CoachingModule {
///     public init() {}
///     public let manifest = ModuleManifest(
///         id: "gardening", displayName: "Growing together",
///         summary: "Small shared projects that grow over weeks.")
///     public let practices: [Practice] = [ /* … */ ]
///     public let cards: [ConversationCard] = [ /* … */ ]
/// }
/// ```
///
/// The host validates every module when it loads (see ``ModuleManifest`` and
/// ``Practice`` for the rules); a module that fails is reported and skipped
/// while every other module keeps working.
public protocol CoachingModule: Sendable {
    /// Creates the module. The host calls this once, when it builds its registry.
    init()

    /// Who the module is: its id, name, summary, version and tags.
    var manifest: ModuleManifest { get }

    /// The practices the module teaches. Each id starts with the module id
    /// and a dot, such as `daily.gratitude`.
    var practices: [Practice] { get }

    /// Open questions a couple can ask each other, on the module's theme.
    var cards: [ConversationCard] { get }

    /// Short, actionable tips shown by `tandem tip`.
    ///
    /// Defaults to the "try today" action of every practice.
    var tips: [String] { get }

    /// Commands the module adds to the `tandem` command line and to the REPL
    /// (as `:name`). Defaults to none.
    var commands: [any ModuleCommand.Type] { get }

    /// Functions the module adds to the routine language, called there as
    /// `moduleid.name(…)`. Defaults to none.
    var functions: [RoutineFunction] { get }
}

extension CoachingModule {
    /// The "try today" action of every practice, in order.
    public var tips: [String] { practices.map(\.tryToday) }

    /// No commands.
    public var commands: [any ModuleCommand.Type] { [] }

    /// No routine functions.
    public var functions: [RoutineFunction] { [] }
}
