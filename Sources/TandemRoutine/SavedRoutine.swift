import TandemKit

extension RoutineSession {
    /// The text of a file that defines routine `name` and runs on its own
    /// (for the REPL's `:save`): the top-level `let`s it reads or assigns and
    /// the routines it calls, transitively (as the checker resolved them),
    /// the `let`s first in the order they were typed (each after those it
    /// reads), then the routines, `name` last.
    ///
    /// - Throws: a ``CommandFailure`` naming the routine that does not exist
    ///   or what it needs whose source the session does not have.
    public func fileText(forRoutine name: String) throws(CommandFailure) -> String {
        guard let root = table.routines[name] else { throw CommandFailure("no routine named '\(name)' in this session") }
        var routines: Set<String> = [name], globals: Set<String> = []
        var pending = [Dependencies.of(root.declaration)]
        var letOrder: [String] = []
        var missing: [String] = []
        func visitGlobal(_ global: String) {
            guard globals.insert(global).inserted else { return }
            guard let (statement, _) = letStatements[global], case .letVariable(_, _, let value) = statement.kind else {
                missing.append("variable '\(global)'")
                return
            }
            let found = Dependencies.of(value)
            // Those it reads come first.
            for slot in found.globals.sorted() { visitGlobal(table.globalNames[slot]) }
            letOrder.append(global)
            pending.append(Dependencies(routines: found.routines, globals: []))
        }
        while let next = pending.popLast() {
            for routine in next.routines where routines.insert(routine).inserted {
                if let symbol = table.routines[routine] { pending.append(Dependencies.of(symbol.declaration)) }
            }
            for slot in next.globals.sorted() { visitGlobal(table.globalNames[slot]) }
        }
        let ordered = routines.filter { $0 != name }.sorted { (routineOrder[$0] ?? 0) < (routineOrder[$1] ?? 0) } + [name]
        missing += ordered.filter { source(ofRoutine: $0) == nil }.map { "routine '\($0)'" }
        guard missing.isEmpty else {
            throw CommandFailure("cannot save '\(name)' on its own: the session does not have the source of " + missing.joined(separator: ", "))
        }
        // Variables in the order they were typed, each after those it reads.
        var emitted: [String] = [], done: Set<String> = []
        func emit(_ global: String) {
            guard done.insert(global).inserted, let (statement, _) = letStatements[global],
                  case .letVariable(_, _, let value) = statement.kind else { return }
            for slot in Dependencies.of(value).globals.sorted() { emit(table.globalNames[slot]) }
            emitted.append(statement.range.file.text(of: statement.range))
        }
        for global in letOrder.sorted(by: { (letStatements[$0]?.order ?? 0) < (letStatements[$1]?.order ?? 0) }) { emit(global) }
        var parts: [String] = []
        if !emitted.isEmpty { parts.append(emitted.joined(separator: "\n")) }
        parts += ordered.compactMap { source(ofRoutine: $0) }
        return parts.joined(separator: "\n\n") + "\n"
    }
}

/// The routines and top-level variables (by slot) that code refers to, as
/// the checker resolved its names.
struct Dependencies {
    var routines: Set<String> = []
    var globals: Set<Int> = []

    static func of(_ declaration: RoutineDeclaration) -> Dependencies {
        var found = Dependencies()
        for parameter in declaration.parameters { if let value = parameter.defaultValue { found.visit(value) } }
        found.visit(declaration.body)
        return found
    }

    static func of(_ expression: Expr) -> Dependencies {
        var found = Dependencies()
        found.visit(expression)
        return found
    }

    private mutating func note(_ binding: Binding?) {
        if case .global(let slot) = binding { globals.insert(slot) }
    }

    mutating func visit(_ statements: [Stmt]) {
        for statement in statements { visit(statement) }
    }

    mutating func visit(_ statement: Stmt) {
        switch statement.kind {
        case .expression(let value), .letVariable(_, _, let value), .say(let value), .note(let value):
            visit(value)
        case .assign(_, _, let value):
            note(statement.binding)
            visit(value)
        case .assignIndex(let list, let index, let value):
            visit(list); visit(index); visit(value)
        case .ifElse(let condition, let then, let otherwise):
            visit(condition); visit(then); visit(otherwise ?? [])
        case .whileLoop(let condition, let body), .forIn(_, _, let condition, let body), .repeatLoop(let condition, let body):
            visit(condition); visit(body)
        case .returnValue(let value):
            if let value { visit(value) }
        case .timer(let duration, let label):
            visit(duration)
            if let label { visit(label) }
        case .breakLoop, .continueLoop, .routine, .use, .include, .schedule, .tip, .card, .invalid:
            break
        }
    }

    mutating func visit(_ expression: Expr) {
        note(expression.binding)
        if case .routine(let reference) = expression.callee { routines.insert(reference.symbol.name) }
        switch expression.kind {
        case .interpolation(let parts), .list(let parts):
            for part in parts { visit(part) }
        case .map(let entries):
            for (key, value) in entries {
                visit(key)
                visit(value)
            }
        case .negate(let operand), .not(let operand):
            visit(operand)
        case .binary(_, let left, let right), .range(let left, let right), .index(let left, let right):
            visit(left); visit(right)
        case .call(_, _, let arguments), .moduleCall(_, _, _, let arguments):
            for argument in arguments { visit(argument) }
        case .ask(_, let question, let options):
            visit(question)
            if let options { visit(options) }
        case .integer, .decimal, .duration, .string, .boolean, .none, .variable, .practice, .checkin, .invalid:
            break
        }
    }
}
