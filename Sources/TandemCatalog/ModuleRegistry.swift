import TandemKit

/// A coaching module that passed validation, with its content read once.
public struct LoadedModule: Sendable {
    /// The module itself.
    public let module: any CoachingModule
    /// The module's manifest.
    public let manifest: ModuleManifest
    /// The module's practices.
    public let practices: [Practice]
    /// The module's conversation cards.
    public let cards: [ConversationCard]
    /// The module's tips.
    public let tips: [String]
    /// The commands the module contributes.
    public let commands: [any ModuleCommand.Type]
    /// The routine-language functions the module contributes.
    public let functions: [RoutineFunction]

    /// The module id.
    public var id: String { manifest.id }
    /// The Swift type name of the module, for messages.
    public var typeName: String { String(describing: type(of: module)) }

    init(_ module: any CoachingModule) {
        self.module = module
        manifest = module.manifest
        practices = module.practices
        cards = module.cards
        tips = module.tips
        commands = module.commands
        functions = module.functions
    }
}

/// A module the registry refused, and why.
public struct RegistryProblem: Sendable, Hashable, CustomStringConvertible {
    /// The Swift type name of the module.
    public let typeName: String
    /// The module id it declared (possibly empty or malformed).
    public let moduleID: String
    /// Every reason it failed validation.
    public let reasons: [String]
    /// "module 'ID' (Type) was not loaded: reason; reason".
    public var description: String {
        "module '\(moduleID)' (\(typeName)) was not loaded: " + reasons.joined(separator: "; ")
    }
}

/// The loaded coaching modules, validated and indexed by id.
///
/// A module that fails validation is left out and described in ``problems``;
/// every other module keeps working.
public struct ModuleRegistry: Sendable {
    /// Command names the host itself uses, which modules may not take.
    public static let reservedCommandNames: Set<String> = [
        "modules", "practices", "show", "tip", "card", "cards", "help", "run", "check", "routines", "schedule",
        "adopt", "done", "skip", "undo", "today", "checkin", "note", "journal", "stats", "export",
        "import", "drop", "profile", "repl", "version", "habits", "quit", "save", "load", "history",
    ]

    /// The modules that loaded, in load order.
    public let modules: [LoadedModule]
    /// The modules that did not load, and why.
    public let problems: [RegistryProblem]
    private let moduleIndex: [String: Int]
    private let practiceIndex: [String: Practice]
    private let commandIndex: [String: (module: Int, command: any ModuleCommand.Type)]

    /// Loads modules from their types, in order.
    public init(moduleTypes: [any CoachingModule.Type]) {
        self.init(modules: moduleTypes.map { $0.init() })
    }

    /// Loads the given modules, in order, validating each.
    public init(modules candidates: [any CoachingModule]) {
        var modules: [LoadedModule] = []
        var problems: [RegistryProblem] = []
        var moduleIndex: [String: Int] = [:]
        var practiceIndex: [String: Practice] = [:]
        var commandIndex: [String: (module: Int, command: any ModuleCommand.Type)] = [:]

        for candidate in candidates {
            let loaded = LoadedModule(candidate)
            var reasons = ModuleValidator.problems(in: loaded)
            if let existing = moduleIndex[loaded.id] {
                reasons.append("its id '\(loaded.id)' is already used by \(modules[existing].typeName)")
            }
            for command in loaded.commands {
                let name = command.configuration.commandName ?? ""
                if let owner = commandIndex[name] {
                    reasons.append("its command '\(name)' is already used by \(modules[owner.module].typeName)")
                }
            }
            guard reasons.isEmpty else {
                problems.append(RegistryProblem(typeName: loaded.typeName, moduleID: loaded.id, reasons: reasons))
                continue
            }
            moduleIndex[loaded.id] = modules.count
            for practice in loaded.practices { practiceIndex[practice.id] = practice }
            for command in loaded.commands {
                commandIndex[command.configuration.commandName ?? ""] = (modules.count, command)
            }
            modules.append(loaded)
        }
        self.modules = modules
        self.problems = problems
        self.moduleIndex = moduleIndex
        self.practiceIndex = practiceIndex
        self.commandIndex = commandIndex
    }

    /// The module with this id, if loaded.
    public func module(id: String) -> LoadedModule? {
        moduleIndex[id].map { modules[$0] }
    }

    /// The practice with this id (`module.slug`), if loaded.
    public func practice(id: String) -> Practice? { practiceIndex[id] }

    /// Every practice of every loaded module, in load order.
    public var allPractices: [Practice] { modules.flatMap(\.practices) }

    /// Every loaded module id, in load order.
    public var moduleIDs: [String] { modules.map(\.id) }

    /// The routine function `module.name`, if that module contributes it.
    public func function(module: String, name: String) -> RoutineFunction? {
        self.module(id: module)?.functions.first { $0.name == name }
    }

    /// The module command with this name and the module that contributes it.
    public func command(named name: String) -> (module: LoadedModule, command: any ModuleCommand.Type)? {
        commandIndex[name].map { (modules[$0.module], $0.command) }
    }

    /// Every module command, in load order.
    public var allCommands: [(module: LoadedModule, command: any ModuleCommand.Type)] {
        modules.flatMap { module in module.commands.map { (module, $0) } }
    }

    /// The module with this id, or an error that suggests the closest ids.
    public func requireModule(_ id: String) throws(LookupError) -> LoadedModule {
        if let found = module(id: id) { return found }
        throw LookupError(kind: "module", name: id, suggestions: Suggestions.closest(to: id, in: moduleIDs))
    }

    /// The practice with this id, or an error that suggests the closest ids.
    public func requirePractice(_ id: String) throws(LookupError) -> Practice {
        if let found = practice(id: id) { return found }
        throw LookupError(kind: "practice", name: id, suggestions: Suggestions.closest(to: id, in: allPractices.map(\.id)))
    }
}

/// An id that names nothing loaded.
public struct LookupError: Error, Sendable, CustomStringConvertible {
    /// What was looked up: `module` or `practice`.
    public let kind: String
    /// The id given.
    public let name: String
    /// The closest ids, best first.
    public let suggestions: [String]

    /// Creates the error for `name`, an unknown `kind`.
    public init(kind: String, name: String, suggestions: [String]) {
        self.kind = kind
        self.name = name
        self.suggestions = suggestions
    }
    /// "unknown practice 'x' (did you mean 'y'?)".
    public var description: String {
        var text = "unknown \(kind) '\(name)'"
        if !suggestions.isEmpty {
            text += " (did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?)"
        }
        return text
    }
}
