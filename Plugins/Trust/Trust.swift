import TandemKit

/// The trust coaching module: keeping promises, owning mistakes, meeting each
/// other without judgment, with `tandem promise` as a ledger of promises kept.
public struct TrustModule: CoachingModule {
    /// Creates the module.
    public init() {}

    /// The module's identity.
    public let manifest = ModuleManifest(
        id: "trust",
        displayName: "Trust",
        summary: "Build trust you can both lean on: keep small promises, own your mistakes, and listen without verdicts.",
        version: "1.0.0",
        tags: ["trust", "reliability", "repair", "safety"]
    )

    /// The practices: promises, ownership, no judgment, repair and reliability.
    public let practices: [Practice] = TrustContent.practices

    /// Questions about trust, from light to deep.
    public let cards: [ConversationCard] = TrustContent.cards

    /// Short tips for building trust.
    public let tips: [String] = TrustContent.tips

    /// `tandem promise`.
    public var commands: [any ModuleCommand.Type] { [PromiseCommand.self] }

    /// `trust.open_promises()` and `trust.promise(text, due)`.
    public var functions: [RoutineFunction] { [TrustModule.openPromisesFunction, TrustModule.promiseFunction] }

    /// Writes down a promise, as `tandem promise add` does, and returns its number.
    public static let promiseFunction = RoutineFunction(
        name: "promise", parameters: ["text", "due"], optionalCount: 1,
        summary: "Write down a promise, due today, tomorrow or on a YYYY-MM-DD date if given; returns its number for tandem promise kept."
    ) { arguments, context in
        guard case .string(let text) = arguments.first else {
            throw RoutineFunctionError("promise needs the promise's text, such as trust.promise(\"call your mother on Sunday\")")
        }
        var due: String?
        if arguments.count > 1 {
            guard case .string(let day) = arguments[1] else {
                throw RoutineFunctionError("promise's due day is text (today, tomorrow or YYYY-MM-DD), not \(arguments[1].typeName)")
            }
            due = day
        }
        do {
            let ledger = try PromiseLedger(store: context.records)
            let record = try PromiseLedger.makeRecord(text: text, due: due, today: context.today, at: context.now)
            try context.records.append(record)
            return .integer(ledger.promises.count + 1)
        } catch let error as PromiseError {
            throw RoutineFunctionError(error.message)
        } catch {
            throw RoutineFunctionError("could not write the promise: \(error)")
        }
    }

    /// The texts of the promises still open, oldest first.
    public static let openPromisesFunction = RoutineFunction(
        name: "open_promises", parameters: [],
        summary: "The promises you have not yet kept or broken, oldest first."
    ) { arguments, context in
        guard arguments.isEmpty else {
            throw RoutineFunctionError("open_promises takes no arguments, not \(arguments.count)")
        }
        let ledger: PromiseLedger
        do {
            ledger = try PromiseLedger(store: context.records)
        } catch {
            throw RoutineFunctionError("could not read the promise ledger: \(error)")
        }
        return .list(ledger.open.map { .string($0.text) })
    }
}
