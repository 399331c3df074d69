import Foundation
import TandemCatalog
import TandemKit

/// A `.routine` file read with its includes, parsed, not yet checked.
public struct RoutineProgram {
    /// The file that was read (the first of ``files``).
    public let file: SourceFile
    /// Every file read: the main file and what it includes.
    public let files: [SourceFile]
    /// The top-level statements, includes spliced in where they stand.
    public let statements: [Stmt]
    /// Problems reading and parsing: syntax errors, missing includes, cycles.
    public let diagnostics: [Diagnostic]

    /// The routines the program declares, in order.
    public var routines: [RoutineDeclaration] {
        statements.compactMap { if case .routine(let declaration) = $0.kind { declaration } else { nil } }
    }

    /// The schedules the program declares, in order.
    public var schedules: [Schedule] {
        statements.compactMap { if case .schedule(let schedule) = $0.kind { schedule } else { nil } }
    }

    /// The text of the leading `#` comment lines, as a description.
    public var summary: String? {
        var lines: [String] = []
        for line in file.text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("#") else { break }
            lines.append(trimmed.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces))
        }
        let text = lines.joined(separator: " ")
        return text.isEmpty ? nil : text
    }

    /// The routine a run calls by default: the one named like the file.
    public var defaultRoutineName: String {
        URL(fileURLWithPath: file.name).deletingPathExtension().lastPathComponent
    }

    /// Whether running the program does anything besides declaring: it has
    /// top-level statements other than routines, schedules, `use` and `include`.
    public var hasTopLevelCode: Bool {
        statements.contains { statement in
            switch statement.kind {
            case .routine, .schedule, .use, .include, .invalid: false
            default: true
            }
        }
    }

    /// Reads a file and, recursively, what it includes (each file once;
    /// paths relative to the including file; cycles are errors).
    public static func load(path: String) -> RoutineProgram {
        var loader = Loader()
        let url = URL(fileURLWithPath: path)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            let file = SourceFile(name: path, text: "")
            let problem = Diagnostic(.error, "cannot read '\(path)'", at: SourceRange(file: file, start: 0, end: 0))
            return RoutineProgram(file: file, files: [file], statements: [], diagnostics: [problem])
        }
        let file = SourceFile(name: path, text: text)
        let statements = loader.load(file, url: url.standardizedFileURL)
        return RoutineProgram(file: file, files: loader.files, statements: statements, diagnostics: loader.diagnostics)
    }

    /// Parses source text that is not in a file (includes are relative to
    /// the current directory).
    public static func parse(_ text: String, name: String, resolvingIncludes: Bool = true) -> RoutineProgram {
        var loader = Loader()
        loader.resolvesIncludes = resolvingIncludes
        let file = SourceFile(name: name, text: text)
        let url = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(name)
        let statements = loader.load(file, url: url.standardizedFileURL)
        return RoutineProgram(file: file, files: loader.files, statements: statements, diagnostics: loader.diagnostics)
    }

    private struct Loader {
        var files: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        var stack: [String] = []
        var loaded: Set<String> = []
        var resolvesIncludes = true

        mutating func load(_ file: SourceFile, url: URL) -> [Stmt] {
            files.append(file)
            stack.append(url.path)
            loaded.insert(url.path)
            defer { stack.removeLast() }
            let (statements, problems) = Parser.parse(file)
            diagnostics += problems
            var result: [Stmt] = []
            for statement in statements {
                guard case .include(let path, let pathRange) = statement.kind, resolvesIncludes else {
                    result.append(statement)
                    continue
                }
                let target = URL(fileURLWithPath: path, relativeTo: url.deletingLastPathComponent()).standardizedFileURL
                if let index = stack.firstIndex(of: target.path) {
                    let cycle = (stack[index...] + [target.path]).map { URL(fileURLWithPath: $0).lastPathComponent }
                    diagnostics.append(Diagnostic(.error, "include cycle: " + cycle.joined(separator: " → "), at: pathRange))
                    continue
                }
                if loaded.contains(target.path) { continue }
                guard let text = try? String(contentsOf: target, encoding: .utf8) else {
                    diagnostics.append(Diagnostic(.error, "cannot read included file '\(path)'", at: pathRange,
                                                  hint: "the path is relative to \(url.deletingLastPathComponent().path)"))
                    continue
                }
                let name = file.name.contains("/")
                    ? URL(fileURLWithPath: file.name).deletingLastPathComponent().appendingPathComponent(path).relativePath
                    : path
                result += load(SourceFile(name: name, text: text), url: target)
            }
            return result
        }
    }
}

/// Which routine a run calls after the program's top-level statements.
public enum RoutineEntry: Sendable, Hashable {
    /// None: only the top-level statements run.
    case none
    /// The routine named like the file (`evening` in `evening.routine`),
    /// when there is one. When it needs arguments, only the top-level
    /// statements run; if the file has nothing else to run, that is an error.
    case fileRoutine
    /// The named routine, called with these arguments.
    case routine(String, arguments: [RoutineValue])

    /// `ROUTINE` with `ARG…` from a command line, or the file's own routine
    /// when no routine is named. Each argument is read by
    /// ``RoutineValue/init(commandLineArgument:)``.
    public static func commandLine(routine: String?, arguments: [String]) -> RoutineEntry {
        guard let routine else { return .fileRoutine }
        return .routine(routine, arguments: arguments.map(RoutineValue.init(commandLineArgument:)))
    }
}

extension RoutineValue {
    /// A routine's argument as a command line writes it: an integer (`3`,
    /// `-7`), a decimal (`2.5`), `true` or `false`, a duration (`20m`) or a
    /// string in double quotes (`"42"`) is that value; anything else is
    /// the text as written (`Sam`).
    public init(commandLineArgument text: String) {
        self = Parser.literal(text) ?? .string(text)
    }
}

/// What running source produced.
public enum RoutineOutcome: Sendable {
    /// It ran; for a REPL chunk ending in an expression, its value.
    case success(RoutineValue?)
    /// Checking found problems; nothing ran.
    case checkFailed([Diagnostic])
    /// It stopped with an error (what was recorded before stays).
    case runtimeError(Diagnostic)
    /// Ctrl-C stopped it; the diagnostic says where.
    case interrupted(Diagnostic)

    /// The process exit code: 0, 2 (check), 1 (runtime), 130 (interrupted).
    public var exitCode: Int32 {
        switch self {
        case .success: ExitStatus.success
        case .checkFailed: ExitStatus.checkFailed
        case .runtimeError: ExitStatus.runtimeError
        case .interrupted: ExitStatus.interrupted
        }
    }

    /// Every diagnostic, for printing.
    public var diagnostics: [Diagnostic] {
        switch self {
        case .success: []
        case .checkFailed(let list): list
        case .runtimeError(let one), .interrupted(let one): [one]
        }
    }
}

/// A persistent place to check and run routine-language source: one file
/// (`tandem run`) or chunk after chunk (the REPL). Routines and top-level
/// variables defined by one chunk stay for the next.
///
/// ```swift
/// let session = RoutineSession(registry: registry, host: host)
/// session.evaluate("let n = 2")
/// session.evaluate("routine twice(x) { return x * n }")
/// if case .success(let value?) = session.evaluate("twice(21)") {
///     print(value.literalText)   // 42
/// }
/// ```
///
/// Code runs on a thread with a 512 MB stack, so deep (but bounded)
/// recursion never overflows; calls block until the code finishes.
/// Install ``RoutineInterrupt/installSignalHandler()`` for Ctrl-C, or give
/// the session a ``RoutineInterrupt`` of its own to stop it from elsewhere.
public final class RoutineSession {
    /// The modules routines may use.
    public let registry: ModuleRegistry
    /// Where effects go.
    public let host: any RoutineHost
    /// What stops the session's running code.
    public let interrupt: RoutineInterrupt
    let table = SymbolTable()
    let machine: Machine
    private var sources: [String: String] = [:]
    /// The latest top-level `let` of each variable, with its place in the
    /// order definitions came in (for `:save`).
    var letStatements: [String: (statement: Stmt, order: Int)] = [:]
    /// The order definitions came in, for each routine.
    var routineOrder: [String: Int] = [:]
    private var definitionCount = 0
    private var chunkCount = 0

    /// Creates an empty session that stops when `interrupt` is requested:
    /// by default, on Ctrl-C.
    public init(registry: ModuleRegistry, host: any RoutineHost, interrupt: RoutineInterrupt = .process) {
        self.registry = registry
        self.host = host
        self.interrupt = interrupt
        machine = Machine(host: host, registry: registry, interrupt: interrupt)
    }

    // MARK: Running

    /// Checks one chunk of source and, when it has no problems, runs it.
    /// Definitions replace earlier ones of the same name. When the chunk
    /// ends in an expression statement, its value (unless nil) is returned
    /// for echoing.
    @discardableResult
    public func evaluate(_ source: String, name: String = "<repl>") -> RoutineOutcome {
        chunkCount += 1
        let program = RoutineProgram.parse(source, name: name)
        return execute(program, allowsRedefinition: true, echoLast: true, entry: .none)
    }

    /// Checks a program and, when it has no problems, runs its top-level
    /// statements and then `entry` (a routine name), if given.
    public func run(_ program: RoutineProgram, entry: String?) -> RoutineOutcome {
        run(program, entry: entry.map { .routine($0, arguments: []) } ?? .none)
    }

    /// Checks a program and, when it has no problems (a wrong number of
    /// arguments for the entry is one), runs its top-level statements and
    /// then the entry routine.
    public func run(_ program: RoutineProgram, entry: RoutineEntry) -> RoutineOutcome {
        execute(program, allowsRedefinition: false, echoLast: false, entry: entry)
    }

    /// Leaves the values that the program's variables hold to the end of
    /// the process instead of releasing them one by one when the session
    /// goes: for a caller that exits next, as `tandem run` does (releasing
    /// a list of 200,000 strings was a tenth of such a run). The host is
    /// released as usual.
    public func keepValuesUntilExit() {
        machine.globals.releasesValues = false
    }

    /// Brings a file's routines and variables into the session (`:load`),
    /// running its top-level statements.
    public func load(_ program: RoutineProgram) -> RoutineOutcome {
        execute(program, allowsRedefinition: true, echoLast: false, entry: .none)
    }

    /// Checks a program without running it: every problem found.
    ///
    /// - Parameter habitIDs: the journal's habits, which `habit(id)` accepts besides the modules' practices.
    public static func check(_ program: RoutineProgram, registry: ModuleRegistry, habitIDs: Set<String> = []) -> [Diagnostic] {
        let checker = Checker(registry: registry, table: SymbolTable(), allowsRedefinition: false, habitIDs: { habitIDs })
        checker.check(program.statements)
        return sorted(program.diagnostics + checker.diagnostics)
    }

    private static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        // Keep files in the order they were read, and problems in source order within each.
        var order: [ObjectIdentifier: Int] = [:]
        for d in diagnostics where order[ObjectIdentifier(d.range.file)] == nil {
            order[ObjectIdentifier(d.range.file)] = order.count
        }
        return diagnostics.enumerated().sorted { a, b in
            let fa = order[ObjectIdentifier(a.element.range.file)]!, fb = order[ObjectIdentifier(b.element.range.file)]!
            if fa != fb { return fa < fb }
            if a.element.range.start != b.element.range.start { return a.element.range.start < b.element.range.start }
            return a.offset < b.offset
        }.map(\.element)
    }

    private func execute(_ program: RoutineProgram, allowsRedefinition: Bool, echoLast: Bool, entry: RoutineEntry) -> RoutineOutcome {
        let result = Box<RoutineOutcome>(.success(nil))
        let work = Unchecked { [self] in
            result.value = self.machine.budget.install {
                self.executeHere(program, allowsRedefinition: allowsRedefinition, echoLast: echoLast, entry: entry)
            }
        }
        RoutineSession.onBigStack(work)
        return result.value
    }

    /// Runs `work` on a thread with a 512 MB stack and waits for it.
    static func onBigStack(_ work: Unchecked) {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            work.body()
            done.signal()
        }
        thread.stackSize = 512 << 20
        thread.start()
        done.wait()
    }

    private func executeHere(_ program: RoutineProgram, allowsRedefinition: Bool, echoLast: Bool, entry: RoutineEntry) -> RoutineOutcome {
        let checker = Checker(registry: registry, table: table, allowsRedefinition: allowsRedefinition, habitIDs: { [host] in host.knownHabitIDs })
        checker.check(program.statements)
        var problems = program.diagnostics + checker.diagnostics
        var entryCall: (symbol: RoutineSymbol, arguments: [RoutineValue])?
        func usage(_ declaration: RoutineDeclaration) -> String {
            "run it as tandem run \(program.file.name) \(declaration.name)" + (declaration.parameters.isEmpty ? "" : " " + declaration.usage)
        }
        switch entry {
        case .none:
            break
        case .fileRoutine:
            guard let (symbol, declaration) = checker.pendingRoutines[program.defaultRoutineName] else { break }
            if declaration.arity.lowerBound == 0 {
                entryCall = (symbol, [])
            } else if !program.hasTopLevelCode {
                let needs = declaration.arity.lowerBound == 1 ? "an argument" : Checker.arityText(declaration.arity.lowerBound...declaration.arity.lowerBound)
                problems.append(Diagnostic(.error, "routine '\(declaration.name)' needs \(needs), and the file has nothing else to run",
                                           at: declaration.nameRange, hint: usage(declaration)))
            }
        case .routine(let name, let arguments):
            if let (symbol, declaration) = checker.pendingRoutines[name] ?? table.routines[name].map({ ($0, $0.declaration) }) {
                if !declaration.arity.contains(arguments.count) {
                    let given = arguments.count == 1 ? "1 was" : "\(arguments.count) were"
                    problems.append(Diagnostic(.error, "routine '\(name)' takes \(Checker.arityText(declaration.arity)), but \(given) given",
                                               at: declaration.nameRange, hint: usage(declaration)))
                }
                entryCall = (symbol, arguments)
            } else {
                let names = program.routines.map(\.name)
                let fileRoutine = names.contains(program.defaultRoutineName) && Parser.literal(name) != nil
                    ? "arguments come after the routine's name: tandem run \(program.file.name) \(program.defaultRoutineName) \(name)" : nil
                let hint = fileRoutine ?? Suggestions.closest(to: name, in: names).first.map { "did you mean '\($0)'?" }
                    ?? (names.isEmpty ? "the file defines no routines" : "its routines are " + names.joined(separator: ", "))
                problems.append(Diagnostic(.error, "no routine named '\(name)' in \(program.file.name)",
                                           at: SourceRange(file: program.file, start: 0, end: 0), hint: hint))
            }
        }
        guard problems.isEmpty else { return .checkFailed(RoutineSession.sorted(problems)) }
        checker.commit()
        machine.globals.ensure(table.globalNames.count)
        for statement in program.statements {
            definitionCount += 1
            switch statement.kind {
            case .routine(let declaration):
                sources[declaration.name] = declaration.range.file.text(of: declaration.range)
                routineOrder[declaration.name] = definitionCount
            case .letVariable(let name, _, _):
                letStatements[name] = (statement, definitionCount)
            default:
                break
            }
        }

        let compiler = Compiler(machine: machine)
        for (symbol, _) in checker.pendingRoutines.values { compiler.compileRoutine(symbol) }
        let main = compiler.compileMain(program.statements, echoLast: echoLast)
        let size = max(1, checker.mainFrameSize)
        machine.lastValue = nil
        do {
            let frame = try machine.push(size, program.file.range0)
            defer { machine.pop(frame, size) }
            _ = try main(frame)
            if let (symbol, arguments) = entryCall {
                let range = program.file.range0
                let call = Expr(.call(name: symbol.name, nameRange: range, arguments: arguments.map { Expr.literal($0, at: range) }), range)
                call.callee = .routine(SymbolReference(symbol: symbol))
                let value = try compiler.expression(call)(frame)
                // A routine named on the command line gives its result back.
                if case .routine = entry { machine.lastValue = value }
            }
        } catch let error as RuntimeError {
            machine.returnValue = .none
            if error.kind == .interrupted { return .interrupted(error.diagnostic) }
            return .runtimeError(error.diagnostic)
        } catch {
            return .runtimeError(Diagnostic(.error, "\(error)", at: program.file.range0))
        }
        if let value = machine.lastValue, case .none = value { return .success(nil) }
        return .success(machine.lastValue.map(\.routineValue))
    }

    // MARK: For the REPL

    /// Whether the source needs more lines: a `{`, `(` or `[` left open, a
    /// string not closed, or a last line that goes on as in a file
    /// (``continuesOnNextLine(_:)``).
    public static func isIncomplete(_ source: String) -> Bool {
        var lexer = Lexer(bytes: Array(source.utf8))
        var depth = 0
        while true {
            let token = lexer.next()
            switch token.kind {
            case .eof: return depth > 0 || continuesOnNextLine(source)
            case .unterminatedString: return true
            case .leftBrace, .leftParen, .leftBracket: depth += 1
            case .rightBrace, .rightParen, .rightBracket: depth -= 1
            default: break
            }
        }
    }

    /// Whether the source's last line goes on on the next one, as the parser
    /// reads files: it ends in a binary operator (`+ - * / // %`, a
    /// comparison, `and`, `or`; a comment may follow), or in a `\` that is
    /// not in a comment or a string.
    public static func continuesOnNextLine(_ source: String) -> Bool {
        let bytes = Array(source.utf8)
        var lexer = Lexer(bytes: bytes)
        var previous: TokenKind = .newline, last: Token = Token(kind: .newline, start: 0, end: 0)
        while true {
            let token = lexer.next()
            if token.kind == .eof { break }
            previous = last.kind
            last = token
        }
        switch last.kind {
        case .plus, .star, .slash, .slashSlash, .percent, .equalEqual, .bangEqual, .less, .lessEqual, .greater, .greaterEqual,
             .keyword(.and), .keyword(.or):
            return true
        case .minus:
            // Binary only after an operand; `let x = -` is a unary minus missing its operand.
            switch previous {
            case .identifier, .integer, .decimal, .duration, .string, .rightParen, .rightBracket,
                 .keyword(.true), .keyword(.false), .keyword(.nil), .keyword(.checkin):
                return true
            default:
                return false
            }
        case .invalid:
            return last.start == bytes.count - 1 && bytes[last.start] == UInt8(ascii: "\\")
        default:
            return false
        }
    }

    /// The language's keywords, for completion.
    public static let keywords: [String] = Keyword.allCases.map(\.rawValue) + ["at", "run", "from", "number", "yesno", "choice"]

    /// The built-in function names, for completion.
    public static let builtinNames: [String] = Builtin.allCases.map(\.rawValue)

    /// The signature of each built-in function, such as `round(x, digits)`.
    public static let builtinSignatures: [String: String] = Dictionary(
        uniqueKeysWithValues: Builtin.allCases.map { ($0.rawValue, $0.signature) })

    /// The routines defined so far, in order.
    public var routineNames: [String] { table.routineOrder }

    /// The top-level variables defined so far, in order.
    public var variableNames: [String] { table.globalNames }

    /// Every name defined so far (routines, then variables).
    public var definedNames: [String] { routineNames + variableNames }

    /// A routine's signature, such as `evening(partner = "Sam")`.
    public func signature(ofRoutine name: String) -> String? {
        guard let declaration = table.routines[name]?.declaration else { return nil }
        return name + Checker.parameterList(declaration)
    }

    /// The source text that defined a routine (for `:save`).
    public func source(ofRoutine name: String) -> String? { sources[name] }

    /// The keys of the map a top-level variable holds, in order, or `nil`
    /// when it holds something else.
    public func mapKeys(ofVariable name: String) -> [String]? {
        guard let slot = table.globals[name], case .map(let box) = machine.globals.slots[slot] else { return nil }
        return box.keys
    }

    /// A top-level variable's current value.
    public func value(ofVariable name: String) -> RoutineValue? {
        guard let slot = table.globals[name] else { return nil }
        return machine.globals.slots[slot].routineValue
    }

    /// How many diagnostics ``render(_:colored:width:)`` shows before
    /// saying how many more there are.
    public static let shownDiagnostics = 50

    /// Renders diagnostics as `tandem check` prints them: the first
    /// ``shownDiagnostics``, then "and N more errors"; source lines cut to
    /// `width` columns around the caret.
    public static func render(_ diagnostics: [Diagnostic], colored: Bool = false, width: Int? = nil) -> String {
        var text = diagnostics.prefix(shownDiagnostics).map { $0.rendered(colored: colored, width: width) }.joined()
        let more = diagnostics.count - shownDiagnostics
        if more > 0 { text += "and \(more) more problem\(more == 1 ? "" : "s")\n" }
        return text
    }
}

extension SourceFile {
    var range0: SourceRange { SourceRange(file: self, start: 0, end: 0) }
}

final class Box<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}

struct Unchecked: @unchecked Sendable {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}
