// The main example of the DocC article "Writing a coaching module"
// (Sources/TandemKit/TandemKit.docc/Writing-a-coaching-module.md), kept here
// so that it keeps compiling as TandemKit changes. Change the two together.
import Foundation
import TandemKit
import Testing

// MARK: The module (the article's Plugins/Gardening/Gardening.swift)

public struct GardeningModule: CoachingModule {
    public init() {}

    public let manifest = ModuleManifest(
        id: "gardening", displayName: "Growing together",
        summary: "Small shared projects that grow over weeks.",
        version: "0.1.0", tags: ["projects"])

    public let practices: [Practice] = [
        Practice(
            id: "gardening.plant_something",
            title: "Plant something together",
            why: """
                A shared project gives you something to look after together, \
                and something to talk about that is not the chores.
                """,
            steps: [
                "Pick a pot and a seed together.",
                "Agree who waters on which days.",
                "Once a week, look at it together and say what changed.",
            ],
            tryToday: "Choose the seed together.",
            reflections: [
                "What did you learn about how the two of you plan?",
                "Who took the lead, and did that suit you both?",
                "What would you like to grow next?",
            ],
            cadence: .timesPer(times: 3, days: 7),
            tags: ["project", "10-minutes"]),
    ]

    public let cards: [ConversationCard] = [
        "What would you love us to grow?",
        ConversationCard("Which of your family's traditions should we keep?", tags: ["deep"]),
    ]

    public let tips: [String] = [
        "Water the plant your partner usually waters, and say nothing.",
        "Send your partner a photo of the first leaf.",
    ]

    public var commands: [any ModuleCommand.Type] { [WateredCommand.self] }

    public var functions: [RoutineFunction] { [GardeningModule.waterings] }
}

// MARK: The command

/// `tandem watered [PLANT] [--undo]`.
struct WateredCommand: ModuleCommand {
    static let configuration = CommandConfiguration(
        commandName: "watered",
        abstract: "Note that you watered a plant you grow together.")

    @Argument(help: "Which plant, such as basil.")
    var plant: String?

    @Flag(help: "Take back the last watering of the plant.")
    var undo = false

    mutating func run(in context: ModuleContext) throws {
        guard let plant = plant ?? context.input.readLine(prompt: "Which plant? "), !plant.isEmpty else {
            throw CommandFailure("say which plant, such as `tandem watered basil`")
        }
        let earlier = try Self.waterings(of: plant, in: context.records)
        if undo {
            guard let last = earlier.last else {
                throw CommandFailure("\(plant) has no watering to take back")
            }
            try context.records.append(ModuleRecord(
                kind: "undone", date: context.today, createdAt: context.now, refersTo: last.id))
            context.output.write("Took back the last watering of \(plant.terminalSafe).\n")
            return
        }
        try context.records.append(ModuleRecord(
            kind: "watered", date: context.today, createdAt: context.now, fields: ["plant": plant]))
        // What people typed or a journal holds is shown escaped, so it cannot drive the terminal.
        let partner = (context.profile.partnerName ?? "your partner").terminalSafe
        context.output.write(
            "Watered " + context.style.bold(plant.terminalSafe) + " (\(earlier.count + 1) so far). Tell \(partner).\n")
    }

    /// The waterings of a plant that no `undone` record takes back, oldest first.
    static func waterings(of plant: String, in records: any ModuleRecordStore) throws -> [ModuleRecord] {
        let undone = Set(try records.records(kind: "undone").compactMap(\.refersTo))
        return try records.records(kind: "watered")
            .filter { $0.fields["plant"] == plant && !undone.contains($0.id) }
    }
}

// MARK: The routine function

extension GardeningModule {
    /// `gardening.waterings(plant)`.
    static let waterings = RoutineFunction(
        name: "waterings", parameters: ["plant"],
        summary: "How many times a plant was watered."
    ) { arguments, context in
        guard arguments.count == 1, case .string(let plant) = arguments[0] else {
            throw RoutineFunctionError("waterings takes the plant's name, such as gardening.waterings(\"basil\")")
        }
        return .integer(try WateredCommand.waterings(of: plant, in: context.records).count)
    }
}

// MARK: The tests (the article's Tests/ModuleTests/GardeningTests.swift)

@Suite struct ArticleExampleTests {
    let store = InMemoryRecordStore()
    let output = CapturedOutput()

    func context(answers: [String] = []) -> ModuleContext {
        ModuleContext(
            now: try! Date("2026-03-23T09:00:00Z", strategy: .iso8601),
            timeZone: TimeZone(identifier: "Europe/Berlin")!,
            profile: Profile(partnerName: "Sam"),
            output: output, input: ScriptedInput(answers), records: store)
    }

    func run(_ arguments: [String], answers: [String] = []) throws {
        var command = try WateredCommand.parse(arguments)
        try command.run(in: context(answers: answers))
    }

    @Test func wateringAppendsARecord() throws {
        try run(["basil"])
        let records = try store.records(kind: "watered")
        #expect(records.map { $0.fields["plant"] } == ["basil"])
        #expect(output.text == "Watered basil (1 so far). Tell Sam.\n")
    }

    @Test func asksForThePlantWhenNoneIsGiven() throws {
        try run([], answers: ["fern"])
        #expect(try store.records(kind: nil).first?.fields["plant"] == "fern")
    }

    @Test func undoRefersToTheWatering() throws {
        try run(["basil"])
        try run(["basil", "--undo"])
        let records = try store.records(kind: nil)
        #expect(records.map(\.kind) == ["watered", "undone"])
        #expect(records[1].refersTo == records[0].id)
        #expect(try WateredCommand.waterings(of: "basil", in: store).isEmpty)
        #expect(throws: CommandFailure.self) { try run(["basil", "--undo"]) }
    }

    @Test func routineFunctionCounts() throws {
        try run(["basil"])
        try run(["basil"])
        #expect(try GardeningModule.waterings.body([.string("basil")], context()) == .integer(2))
        #expect(throws: RoutineFunctionError.self) { _ = try GardeningModule.waterings.body([], context()) }
    }

    /// The article's shorter snippets, about cadences and chance.
    @Test func shorterSnippets() throws {
        let context = context()
        let twiceAWeek: Cadence = .weekdays([.monday, .thursday])
        let parsed = try Cadence(parsing: "3/7")        // .timesPer(times: 3, days: 7)
        let invalid = Cadence.timesPer(times: 8, days: 7).problem   // not nil
        var random = context.makeRandom()
        let card = GardeningModule().cards.randomElement(using: &random)
        #expect(twiceAWeek.fraction == "2/7")
        #expect(parsed == .timesPer(times: 3, days: 7))
        #expect(invalid != nil)
        #expect(card != nil)
    }

    @Test func contentIsWhole() {
        let module = GardeningModule()
        for practice in module.practices {
            #expect(practice.moduleID == module.manifest.id)
            #expect(practice.cadence.problem == nil)
            #expect(practice.reflections.count >= 3)
        }
        #expect(module.commands.map { $0.configuration.commandName } == ["watered"])
        #expect(module.functions.first?.arity == 1...1)
    }
}
