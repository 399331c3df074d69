import TandemCatalog
import TandemKit

/// A routine known to a program or session. Calls hold on to the symbol,
/// so a routine may be called before it is defined, and redefining it in a
/// session changes what later calls run.
final class RoutineSymbol {
    let name: String
    var declaration: RoutineDeclaration
    /// The compiled routine; calls read it through ``codeRef`` (no retain).
    var code: RoutineCode {
        didSet { codeRef = Unmanaged.passUnretained(code) }
    }
    private(set) var codeRef: Unmanaged<RoutineCode>
    var frameSize: Int { code.frameSize }
    var parameterCount: Int { code.parameterCount }

    init(name: String, declaration: RoutineDeclaration) {
        self.name = name
        self.declaration = declaration
        let code = RoutineCode(body: { _ in .none }, frameSize: 1, parameterCount: 0, defaults: [])
        self.code = code
        self.codeRef = Unmanaged.passUnretained(code)
    }
}

/// What a routine compiled to. Immutable, so a call can borrow its fields
/// without reference counting; redefining the routine replaces the whole.
final class RoutineCode {
    /// Runs the body on a frame and gives the routine's result.
    let body: Eval
    let frameSize: Int
    let parameterCount: Int
    let defaults: [Eval?]

    init(body: @escaping Eval, frameSize: Int, parameterCount: Int, defaults: [Eval?]) {
        self.body = body
        self.frameSize = frameSize
        self.parameterCount = parameterCount
        self.defaults = defaults
    }
}

/// The names a program or session has defined: global variables (by slot)
/// and routines.
final class SymbolTable {
    var globals: [String: Int] = [:]
    var globalNames: [String] = []
    var routines: [String: RoutineSymbol] = [:]
    var routineOrder: [String] = []
}

/// The built-in functions.
enum Builtin: String, CaseIterable {
    case len, append, str, num, round, floor, abs, min, max, join, split, upper, lower, contains, pop
    case random, pick, today, now, weekday, type, sort, insert, remove, range, sum
    case question, answerQuestion = "answer_question"
    case has, keys, values, get
    case habits, habit, checkins, questionStatus = "question_status"

    var arity: ClosedRange<Int> {
        switch self {
        case .today, .now, .weekday, .question, .questionStatus: 0...0
        case .answerQuestion: 1...1
        case .len, .str, .num, .floor, .abs, .upper, .lower, .pop, .pick, .type, .sum, .keys, .values: 1...1
        case .sort: 1...2
        case .append, .contains, .random, .remove, .has: 2...2
        case .get: 2...3
        case .habits: 0...1
        case .habit, .checkins: 0...2
        case .round, .join, .split: 1...2
        case .insert: 3...3
        case .range: 1...2
        case .min, .max: 1...1000
        }
    }

    var signature: String {
        switch self {
        case .len: "len(x)"
        case .append: "append(list, value)"
        case .str: "str(x)"
        case .num: "num(x)"
        case .round: "round(x, digits)"
        case .floor: "floor(x)"
        case .abs: "abs(x)"
        case .min: "min(a, b, …) or min(list)"
        case .max: "max(a, b, …) or max(list)"
        case .join: "join(list, separator)"
        case .split: "split(text, separator)"
        case .upper: "upper(text)"
        case .lower: "lower(text)"
        case .contains: "contains(list or text, value)"
        case .pop: "pop(list)"
        case .random: "random(low, high)"
        case .pick: "pick(list)"
        case .today: "today()"
        case .now: "now()"
        case .weekday: "weekday()"
        case .type: "type(x)"
        case .sort: "sort(list) or sort(list, key)"
        case .insert: "insert(list, index, value)"
        case .remove: "remove(list, index) or remove(map, key)"
        case .range: "range(n) or range(low, high)"
        case .sum: "sum(list)"
        case .question: "question()"
        case .answerQuestion: "answer_question(text)"
        case .has: "has(map, key)"
        case .keys: "keys(map)"
        case .values: "values(map)"
        case .get: "get(map, key, default)"
        case .habits: "habits(who)"
        case .habit: "habit(id, who)"
        case .checkins: "checkins(days, who)"
        case .questionStatus: "question_status()"
        }
    }
}

/// Resolves names to slots and reports every problem it finds in a program
/// before anything runs.
final class Checker {
    let registry: ModuleRegistry
    let table: SymbolTable
    /// Whether names may be declared again (the REPL), replacing the old ones.
    let allowsRedefinition: Bool
    private(set) var diagnostics: [Diagnostic] = []

    // Pending changes to the table, committed when checking succeeds.
    private(set) var newGlobals: [String] = []
    private var pendingGlobals: [String: Int] = [:]
    private(set) var pendingRoutines: [String: (symbol: RoutineSymbol, declaration: RoutineDeclaration)] = [:]
    private var routineOrder: [String] = []

    // The function being checked.
    private var scopes: [[String: Int]] = []
    private var nextSlot = 0
    private var frameSize = 0
    private var loopDepth = 0
    private var currentRoutine: RoutineDeclaration?
    /// Globals top-level code may use so far (those declared above it).
    private var visibleGlobals: Set<String> = []
    private var allGlobalsVisible = false

    /// The number of slots the top-level code of the checked chunk needs.
    private(set) var mainFrameSize = 0

    /// The ids of the habits in the journal (both partners'), which
    /// `habit(id)` accepts besides the practices of the modules.
    private(set) lazy var habitIDs: Set<String> = readHabitIDs()
    /// Reads them, only when a `habit(id)` names neither a practice nor a known id.
    private let readHabitIDs: () -> Set<String>
    /// What is known of the variables declared in this chunk, by slot.
    private var localTypes: [Int: StaticType] = [:]
    private var globalTypes: [Int: StaticType] = [:]
    /// Names assigned somewhere (or declared twice): their type can change, so it is not known.
    private var changingNames: Set<String> = []

    init(registry: ModuleRegistry, table: SymbolTable, allowsRedefinition: Bool, habitIDs: @escaping () -> Set<String> = { [] }) {
        self.registry = registry
        self.table = table
        self.allowsRedefinition = allowsRedefinition
        readHabitIDs = habitIDs
        visibleGlobals = Set(table.globals.keys)
    }

    private func error(_ message: String, at range: SourceRange, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, message, at: range, hint: hint))
    }

    private static func didYouMean(_ name: String, _ candidates: some Sequence<String>) -> String? {
        let found = Suggestions.closest(to: name, in: candidates)
        guard !found.isEmpty else { return nil }
        return "did you mean " + found.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }

    private func globalSlot(_ name: String) -> Int? { pendingGlobals[name] ?? table.globals[name] }

    private func routine(_ name: String) -> (symbol: RoutineSymbol, declaration: RoutineDeclaration)? {
        if let pending = pendingRoutines[name] { return pending }
        if let symbol = table.routines[name] { return (symbol, symbol.declaration) }
        return nil
    }

    /// Checks a program's top-level statements (with includes already spliced in).
    func check(_ statements: [Stmt]) {
        changingNames = Checker.changingNames(statements)
        // Declarations first: routines may be called before they are defined,
        // and routines see every top-level variable.
        for statement in statements {
            switch statement.kind {
            case .routine(let declaration):
                let name = declaration.name
                if Builtin(rawValue: name) != nil {
                    error("'\(name)' is a built-in function; give the routine another name", at: declaration.nameRange)
                } else if let existing = pendingRoutines[name] {
                    error("routine '\(name)' is already defined at \(existing.declaration.nameRange.description)", at: declaration.nameRange)
                } else if let existing = table.routines[name], !allowsRedefinition {
                    error("routine '\(name)' is already defined at \(existing.declaration.nameRange.description)", at: declaration.nameRange)
                } else {
                    let symbol = table.routines[name] ?? RoutineSymbol(name: name, declaration: declaration)
                    pendingRoutines[name] = (symbol, declaration)
                    routineOrder.append(name)
                }
            case .letVariable(let name, let nameRange, _):
                if globalSlot(name) == nil {
                    pendingGlobals[name] = table.globalNames.count + newGlobals.count
                    newGlobals.append(name)
                } else if !allowsRedefinition {
                    if pendingGlobals[name] != nil || table.globals[name] != nil {
                        error("'\(name)' is already declared at the top level", at: nameRange,
                              hint: "to change it, write '\(name) = …' without 'let'")
                    }
                }
            default: break
            }
        }
        // Top-level code, in order.
        var declaredHere: Set<String> = []
        beginFunction(routine: nil)
        for statement in statements {
            if case .letVariable(let name, _, _) = statement.kind, declaredHere.contains(name), !allowsRedefinition {
                continue  // already reported
            }
            checkStatement(statement, topLevel: true)
            if case .letVariable(let name, _, _) = statement.kind { declaredHere.insert(name) }
        }
        mainFrameSize = frameSize
        // Routine bodies see every global.
        allGlobalsVisible = true
        for name in routineOrder {
            guard let (_, declaration) = pendingRoutines[name] else { continue }
            checkRoutine(declaration)
        }
    }

    /// Adds the checked definitions to the table.
    func commit() {
        for name in newGlobals {
            table.globals[name] = table.globalNames.count
            table.globalNames.append(name)
        }
        for name in routineOrder {
            guard let (symbol, declaration) = pendingRoutines[name] else { continue }
            symbol.declaration = declaration
            if table.routines[name] == nil {
                table.routines[name] = symbol
                table.routineOrder.append(name)
            }
        }
    }

    private func beginFunction(routine: RoutineDeclaration?) {
        localTypes = [:]
        scopes = []
        nextSlot = 0
        frameSize = 0
        loopDepth = 0
        currentRoutine = routine
    }

    private func checkRoutine(_ declaration: RoutineDeclaration) {
        beginFunction(routine: declaration)
        scopes = [[:]]
        var slots: [Int] = []
        for parameter in declaration.parameters {
            if scopes[0][parameter.name] != nil {
                error("parameter '\(parameter.name)' appears twice", at: parameter.range)
            }
            if let value = parameter.defaultValue { checkExpression(value) }
            let slot = declare(parameter.name)
            localTypes[slot] = nil
            slots.append(slot)
        }
        declaration.parameterSlots = slots
        checkBlockContents(declaration.body)
        declaration.frameSize = frameSize
    }

    private func declare(_ name: String) -> Int {
        let slot = nextSlot
        nextSlot += 1
        frameSize = max(frameSize, nextSlot)
        scopes[scopes.count - 1][name] = slot
        return slot
    }

    private func checkBlock(_ statements: [Stmt]) {
        scopes.append([:])
        checkBlockContents(statements)
        scopes.removeLast()
    }

    private func checkBlockContents(_ statements: [Stmt]) {
        for statement in statements { checkStatement(statement, topLevel: false) }
    }

    private func lookup(_ name: String) -> Binding? {
        for scope in scopes.reversed() {
            if let slot = scope[name] { return .local(slot) }
        }
        if let slot = globalSlot(name), allGlobalsVisible || currentRoutine != nil || visibleGlobals.contains(name) {
            return .global(slot)
        }
        return nil
    }

    private var visibleNames: [String] {
        var names = scopes.flatMap(\.keys)
        names += (currentRoutine != nil ? Array(table.globals.keys) + newGlobals : Array(visibleGlobals))
        return names
    }

    private func checkStatement(_ statement: Stmt, topLevel: Bool) {
        switch statement.kind {
        case .expression(let expression):
            checkExpression(expression)
        case .letVariable(let name, let nameRange, let value):
            let type = checkExpression(value)
            let known = changingNames.contains(name) ? nil : type
            if scopes.isEmpty && currentRoutine == nil {
                visibleGlobals.insert(name)
                let slot = globalSlot(name) ?? 0
                statement.binding = .global(slot)
                globalTypes[slot] = known
            } else {
                if scopes[scopes.count - 1][name] != nil {
                    error("'\(name)' is already declared in this block", at: nameRange,
                          hint: "to change it, write '\(name) = …' without 'let'")
                }
                let slot = declare(name)
                statement.binding = .local(slot)
                localTypes[slot] = known
            }
        case .assign(let name, let nameRange, let value):
            checkExpression(value)
            if let binding = lookup(name) {
                statement.binding = binding
            } else if globalSlot(name) != nil {
                error("'\(name)' is assigned before it is declared", at: nameRange, hint: "move 'let \(name) = …' above this line")
            } else {
                let hint = Checker.didYouMean(name, visibleNames) ?? "declare it first with 'let \(name) = …'"
                error("cannot assign to '\(name)': it is not declared", at: nameRange, hint: hint)
            }
        case .assignIndex(let list, let index, let value):
            checkExpression(list)
            checkExpression(index)
            checkExpression(value)
        case .ifElse(let condition, let then, let otherwise):
            checkExpression(condition)
            checkBlock(then)
            if let otherwise { checkBlock(otherwise) }
        case .whileLoop(let condition, let body):
            checkExpression(condition)
            loopDepth += 1
            checkBlock(body)
            loopDepth -= 1
        case .forIn(let name, _, let sequence, let body):
            let type = checkExpression(sequence)
            // A list whose elements are not known is still a list to loop over.
            if let type, ![.list, .map, .string].contains(type.kind) {
                error("cannot loop over \(type.phrase); only over a list, a map's keys, a string or a range such as 1..10",
                      at: sequence.range)
            }
            loopDepth += 1
            scopes.append([:])
            statement.slot = declare(name)
            localTypes[statement.slot] = changingNames.contains(name) ? nil : type?.element
            checkBlock(body)
            scopes.removeLast()
            loopDepth -= 1
        case .repeatLoop(let count, let body):
            checkExpression(count)
            loopDepth += 1
            checkBlock(body)
            loopDepth -= 1
        case .breakLoop, .continueLoop:
            if loopDepth == 0 {
                let word = { if case .breakLoop = statement.kind { "break" } else { "continue" } }()
                error("'\(word)' outside a loop", at: statement.range)
            }
        case .returnValue(let value):
            if let value { checkExpression(value) }
            if currentRoutine == nil { error("'return' outside a routine", at: statement.range) }
        case .routine:
            break  // checked after the top-level code
        case .use(let names):
            for (name, range) in names { checkModule(name, range) }
        case .include:
            break  // spliced in by the loader
        case .schedule(let schedule):
            if let (_, declaration) = routine(schedule.routine) {
                checkSchedule(schedule, declaration)
            } else {
                error("schedule runs '\(schedule.routine)', but no routine has that name", at: schedule.routineRange,
                      hint: Checker.didYouMean(schedule.routine, Array(table.routines.keys) + Array(pendingRoutines.keys)))
            }
        case .say(let value), .note(let value):
            checkExpression(value)
        case .tip(let module, let range), .card(let module, let range):
            checkModule(module, range)
        case .timer(let duration, let label):
            checkExpression(duration)
            if let label { checkExpression(label) }
        case .invalid:
            break
        }
    }

    @discardableResult
    private func checkModule(_ id: String, _ range: SourceRange) -> LoadedModule? {
        if let module = registry.module(id: id) { return module }
        error("unknown module '\(id)'", at: range, hint: Checker.didYouMean(id, registry.moduleIDs))
        return nil
    }

    /// The first statement that waits for an answer (`ask`, `checkin`,
    /// `practice`) in `statements` or in the routines they call.
    private func firstQuestion(in statements: [Stmt], visited: Set<String>) -> (what: String, range: SourceRange)? {
        var visited = visited
        func expression(_ expr: Expr?) -> (String, SourceRange)? {
            guard let expr else { return nil }
            switch expr.kind {
            case .ask: return ("ask", expr.range)
            case .checkin: return ("checkin", expr.range)
            case .practice: return ("practice", expr.range)
            case .interpolation(let parts), .list(let parts): return parts.lazy.compactMap(expression).first
            case .map(let entries): return entries.lazy.compactMap { expression($0.key) ?? expression($0.value) }.first
            case .negate(let inner), .not(let inner): return expression(inner)
            case .binary(_, let a, let b), .range(let a, let b), .index(let a, let b): return expression(a) ?? expression(b)
            case .moduleCall(_, _, _, let arguments): return arguments.lazy.compactMap(expression).first
            case .call(let name, _, let arguments):
                if let found = arguments.lazy.compactMap(expression).first { return found }
                guard !visited.contains(name), let (_, declaration) = routine(name) else { return nil }
                visited.insert(name)
                return body(declaration.body)
            default: return nil
            }
        }
        func body(_ statements: [Stmt]) -> (String, SourceRange)? {
            for statement in statements {
                let found: (String, SourceRange)?
                switch statement.kind {
                case .expression(let e), .say(let e), .note(let e): found = expression(e)
                case .letVariable(_, _, let value), .assign(_, _, let value): found = expression(value)
                case .assignIndex(let list, let index, let value): found = expression(list) ?? expression(index) ?? expression(value)
                case .ifElse(let condition, let then, let otherwise): found = expression(condition) ?? body(then) ?? body(otherwise ?? [])
                case .whileLoop(let condition, let loop): found = expression(condition) ?? body(loop)
                case .forIn(_, _, let sequence, let loop): found = expression(sequence) ?? body(loop)
                case .repeatLoop(let count, let loop): found = expression(count) ?? body(loop)
                case .returnValue(let value): found = expression(value)
                case .timer(let duration, let label): found = expression(duration) ?? expression(label)
                default: found = nil
                }
                if let found { return found }
            }
            return nil
        }
        return body(statements).map { (what: $0.0, range: $0.1) }
    }

    /// A schedule's arguments against the routine's parameters: their count,
    /// and their type where a parameter's default value is a literal.
    private func checkSchedule(_ schedule: Schedule, _ declaration: RoutineDeclaration) {
        if schedule.unattended, let asking = firstQuestion(in: declaration.body, visited: [schedule.routine]) {
            error("'\(schedule.routine)' is scheduled to run unattended, but it asks (\(asking.what)): no one is there to answer",
                  at: asking.range, hint: "drop 'unattended' so the reminder tells you to run it, or take the question out")
        }
        let name = schedule.routine, count = schedule.arguments.count, arity = declaration.arity
        guard arity.contains(count) else {
            let required = declaration.parameters.filter { $0.defaultValue == nil }.map(\.name)
            if count == 0 {
                error("schedule runs '\(name)', which needs \(Checker.arityText(arity.lowerBound...arity.lowerBound))",
                      at: schedule.routineRange,
                      hint: "pass \(required.count == 1 ? "it" : "them") in the schedule: run \(name)(\(required.joined(separator: ", ")))")
            } else {
                error("schedule runs '\(name)' with \(Checker.arityText(count...count)), but it takes \(Checker.arityText(arity))",
                      at: schedule.routineRange, hint: "its parameters are " + Checker.parameterList(declaration))
            }
            return
        }
        for (argument, parameter) in zip(schedule.arguments, declaration.parameters) {
            guard let expected = parameter.defaultValue?.literalValue.map(Checker.kindName),
                  case let given = Checker.kindName(argument.value), given != expected,
                  !(Checker.isNumber(expected) && Checker.isNumber(given)) else { continue }
            error("argument '\(parameter.name)' of '\(name)' is \(Checker.article(expected)) \(expected) by its default value, but the schedule passes \(Checker.article(given)) \(given)",
                  at: argument.range, hint: "its parameters are " + Checker.parameterList(declaration))
        }
    }

    private static func kindName(_ value: RoutineValue) -> String { Value(value).typeName }
    private static func isNumber(_ kind: String) -> Bool { kind == "integer" || kind == "decimal" }
    private static func article(_ word: String) -> String { "aeiou".contains(word.first ?? "x") ? "an" : "a" }

    /// `(partner, minutes = 20)`, as the declaration writes them.
    static func parameterList(_ declaration: RoutineDeclaration) -> String {
        "(" + declaration.parameters.map { parameter in
            parameter.defaultValue.map { parameter.name + " = " + $0.range.file.text(of: $0.range) } ?? parameter.name
        }.joined(separator: ", ") + ")"
    }

    static func arityText(_ arity: ClosedRange<Int>) -> String {
        if arity.lowerBound == arity.upperBound { return "\(arity.lowerBound) argument\(arity.lowerBound == 1 ? "" : "s")" }
        if arity.upperBound >= 1000 { return "at least \(arity.lowerBound) argument\(arity.lowerBound == 1 ? "" : "s")" }
        return "\(arity.lowerBound) to \(arity.upperBound) arguments"
    }

    private func checkArity(_ what: String, _ arity: ClosedRange<Int>, _ count: Int, _ range: SourceRange, signature: String) {
        if !arity.contains(count) {
            error("\(what) takes \(Checker.arityText(arity)), but \(count) \(count == 1 ? "was" : "were") given", at: range,
                  hint: "call it as \(signature)")
        }
    }

    /// Resolves the names in an expression and checks it; what is known of its value.
    @discardableResult
    private func checkExpression(_ expression: Expr) -> StaticType? {
        switch expression.kind {
        case .integer: return .integer
        case .decimal: return .decimal
        case .duration: return .duration
        case .string: return .string
        case .boolean: return .boolean
        case .none: return .nothing
        case .checkin: return .integer
        case .invalid: return nil
        case .interpolation(let parts):
            for part in parts { checkExpression(part) }
            return .string
        case .variable(let name):
            if let binding = lookup(name) {
                expression.binding = binding
                switch binding {
                case .local(let slot): return localTypes[slot]
                case .global(let slot): return globalTypes[slot]
                }
            } else if globalSlot(name) != nil {
                error("'\(name)' is used before it is declared", at: expression.range, hint: "move 'let \(name) = …' above this line")
            } else if routine(name) != nil || Builtin(rawValue: name) != nil {
                error("'\(name)' is a routine; call it as \(name)(…)", at: expression.range)
            } else if registry.module(id: name) != nil {
                error("'\(name)' is a module; call its functions as \(name).function(…)", at: expression.range)
            } else {
                error("undefined variable '\(name)'", at: expression.range, hint: Checker.didYouMean(name, visibleNames))
            }
            return nil
        case .list(let elements):
            let types = elements.map { checkExpression($0) }
            guard let first = types.first, types.allSatisfy({ $0 == first }) else { return .list(nil) }
            return .list(first)
        case .map(let entries):
            var seen: [String: SourceRange] = [:]
            for (key, value) in entries {
                let keyType = checkExpression(key)
                checkExpression(value)
                if let keyType, keyType.kind != .string {
                    error("a map's keys are strings, not \(keyType.phrase == "nil" ? "nil" : keyType.kind.rawValue + "s")", at: key.range,
                          hint: "write the key in quotes, or make text of it with str(…)")
                }
                if case .string(let text) = key.kind {
                    if let first = seen[text] {
                        error("the key \(Value.string(text).description) appears twice in the map", at: key.range,
                              hint: "its first place is \(first.description); a map holds each key once")
                    } else {
                        seen[text] = key.range
                    }
                }
            }
            return .map(nil)
        case .negate(let operand):
            checkExpression(operand)
            return nil
        case .not(let operand):
            checkExpression(operand)
            return .boolean
        case .binary(let op, let left, let right):
            let a = checkExpression(left), b = checkExpression(right)
            switch op {
            case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .and, .or: return .boolean
            case .add where a?.kind == .string && b?.kind == .string: return .string
            case .add where a?.kind == .list && b?.kind == .list: return .list(a == b ? a?.element : nil)
            default: return nil
            }
        case .range(let left, let right):
            checkExpression(left)
            checkExpression(right)
            return .list(.integer)
        case .index(let base, let index):
            let baseType = checkExpression(base), indexType = checkExpression(index)
            return checkIndex(baseType, index, indexType)
        case .call(let name, let nameRange, let arguments):
            let types = arguments.map { checkExpression($0) }
            if let (symbol, declaration) = routine(name) {
                expression.callee = .routine(SymbolReference(symbol: symbol))
                let signature = name + "(" + declaration.parameters.map(\.name).joined(separator: ", ") + ")"
                checkArity("routine '\(name)'", declaration.arity, arguments.count, nameRange, signature: signature)
            } else if let builtin = Builtin(rawValue: name) {
                expression.callee = .builtin(builtin)
                checkArity("'\(name)'", builtin.arity, arguments.count, nameRange, signature: builtin.signature)
                // With the wrong number of arguments, which is which is anyone's guess.
                guard builtin.arity.contains(arguments.count) else { return nil }
                return checkBuiltinArguments(builtin, arguments, types)
            } else if lookup(name) != nil {
                error("'\(name)' is a variable, not a routine", at: nameRange)
            } else {
                let candidates = Array(table.routines.keys) + Array(pendingRoutines.keys) + Builtin.allCases.map(\.rawValue)
                error("undefined routine '\(name)'", at: nameRange, hint: Checker.didYouMean(name, candidates))
            }
            return nil
        case .moduleCall(let moduleID, let name, let nameRange, let arguments):
            for argument in arguments { checkExpression(argument) }
            let moduleRange = SourceRange(file: nameRange.file, start: Int(nameRange.start), end: Int(nameRange.start) + moduleID.utf8.count)
            if lookup(moduleID) != nil, registry.module(id: moduleID) == nil {
                error("'\(moduleID)' is a variable; only modules have functions", at: moduleRange)
            } else if let module = checkModule(moduleID, moduleRange) {
                if let function = module.functions.first(where: { $0.name == name }) {
                    expression.callee = .module(moduleID: moduleID, function)
                    checkArity("'\(moduleID).\(name)'", function.arity, arguments.count, nameRange,
                               signature: function.signature(module: moduleID))
                } else {
                    let names = module.functions.map(\.name)
                    let hint = Checker.didYouMean(name, names)
                        ?? (names.isEmpty ? "module '\(moduleID)' has no functions" : "its functions are " + names.joined(separator: ", "))
                    error("module '\(moduleID)' has no function '\(name)'", at: nameRange, hint: hint)
                }
            }
            return nil
        case .ask(let kind, let question, let options):
            checkExpression(question)
            if let options { checkExpression(options) }
            switch kind {
            case .text: return .string
            case .yesno: return .boolean
            case .number, .choice: return nil
            }
        case .practice(let id, let idRange):
            if registry.practice(id: id) == nil {
                let moduleID = String(id.split(separator: ".").first ?? "")
                if registry.module(id: moduleID) == nil {
                    error("unknown module '\(moduleID)'", at: SourceRange(file: idRange.file, start: Int(idRange.start), end: Int(idRange.start) + moduleID.utf8.count),
                          hint: Checker.didYouMean(moduleID, registry.moduleIDs))
                } else {
                    let practices = registry.module(id: moduleID)?.practices.map(\.id) ?? []
                    let hint = Checker.didYouMean(id, registry.allPractices.map(\.id))
                        ?? "the practices of '\(moduleID)' are " + practices.map { $0.split(separator: ".").last.map(String.init) ?? $0 }.joined(separator: ", ")
                    error("unknown practice '\(id)'", at: idRange, hint: hint)
                }
            }
            return .string
        }
    }

    // MARK: What values are

    /// The names that are assigned somewhere in the statements (routine
    /// bodies included), or declared more than once: what they hold can
    /// change, so the checker does not say what it is.
    static func changingNames(_ statements: [Stmt]) -> Set<String> {
        var names: Set<String> = []
        var declared: Set<String> = []
        for statement in statements {
            // A top-level variable declared twice (the REPL allows it) has had two values.
            if case .letVariable(let name, _, _) = statement.kind, !declared.insert(name).inserted { names.insert(name) }
        }
        func visit(_ statements: [Stmt]) {
            for statement in statements {
                switch statement.kind {
                case .assign(let name, _, _): names.insert(name)
                case .ifElse(_, let then, let otherwise):
                    visit(then)
                    visit(otherwise ?? [])
                case .whileLoop(_, let body), .repeatLoop(_, let body), .forIn(_, _, _, let body): visit(body)
                case .routine(let declaration): visit(declaration.body)
                default: break
                }
            }
        }
        visit(statements)
        return names
    }

    /// `base[index]`: a string key for a map, an integer for a list, a
    /// field the journal map has; what the element is.
    private func checkIndex(_ base: StaticType?, _ index: Expr, _ indexType: StaticType?) -> StaticType? {
        switch base {
        case .map(let shape)?:
            if let indexType, indexType.kind != .string {
                error("a map's keys are strings, not \(indexType.phrase)", at: index.range,
                      hint: "write the key in quotes, or make text of it with str(…)")
            } else if let shape, case .string(let field) = index.kind, !shape.fields.contains(field) {
                error("\(shape.phrase) has no field \(Value.string(field).description)", at: index.range,
                      hint: Checker.didYouMean(field, shape.fields) ?? "its fields are " + shape.fields.joined(separator: ", "))
            }
            return nil
        case .list(let element)?:
            if let indexType, indexType.kind != .number {
                error("a list's index is an integer, not \(indexType.phrase)", at: index.range,
                      hint: indexType.kind == .string ? "a list counts from 0; for keys, make a map: {\"walk\": 3}" : nil)
            }
            return element
        case .string?:
            return .string
        case let other?:
            error("cannot index \(other.phrase); only lists, maps and strings", at: index.range)
            return nil
        case nil:
            return nil
        }
    }

    /// A built-in's arguments against the kinds it takes: a map given to
    /// `append`, a list given to `keys`, a `who` that is not me, partner or
    /// both, a habit id that is neither a practice nor in the journal.
    private func checkBuiltinArguments(_ builtin: Builtin, _ arguments: [Expr], _ types: [StaticType?]) -> StaticType? {
        for (n, type) in types.enumerated() {
            guard let type, let accepted = builtin.accepts(argument: n, of: types.count), !accepted.contains(type.kind) else { continue }
            let kinds = accepted.map(StaticType.Kind.article).sorted()
            let wanted = kinds.count > 1 ? kinds.dropLast().joined(separator: ", ") + " or " + kinds.last! : kinds[0]
            var hint: String?
            if type.kind == .map, accepted.contains(.list) {
                hint = "keys(m) and values(m) give a map's keys and values as lists"
            } else if type.kind == .list, accepted.contains(.map) {
                hint = "a list is read by position (xs[0]); a map is written {\"key\": value}"
            }
            error("'\(builtin.rawValue)' needs \(wanted), but this is \(type.phrase)", at: arguments[n].range, hint: hint)
        }
        var who: RoutineWho?
        if let index = builtin.whoArgument, index < arguments.count, case .string(let text) = arguments[index].kind {
            who = RoutineWho(rawValue: text)
            if who == nil {
                let names = RoutineWho.allCases.map(\.rawValue)
                error("whose entries is \"me\", \"partner\" or \"both\", not \(Value.string(text).description)", at: arguments[index].range,
                      hint: Checker.didYouMean(text, names))
            }
        }
        if builtin == .habit, let first = arguments.first, case .string(let id) = first.kind,
           registry.practice(id: id) == nil, !habitIDs.contains(id) {
            let candidates = Array(habitIDs) + registry.allPractices.map(\.id)
            error("no practice or habit has the id \(Value.string(id).description)", at: first.range,
                  hint: Checker.didYouMean(id, candidates) ?? "tandem practices lists the practices; tandem today the habits you track")
        }
        return builtin.result(types, who: who)
    }
}

extension StaticType.Kind {
    /// "a list", "a map", "a string".
    static func article(_ kind: Self) -> String {
        switch kind {
        case .list, .map, .string, .number, .boolean, .duration: "a " + kind.rawValue
        case .nothing: "nil"
        }
    }
}
