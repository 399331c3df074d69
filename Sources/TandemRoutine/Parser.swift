import Foundation
/// Parses tokens into statements, reporting every syntax error it finds and
/// recovering at the next line.
public struct Parser {
    /// How deeply expressions and blocks may nest.
    public static let nestingLimit = 200

    let file: SourceFile
    private var tokens: [Token]
    private var index = 0
    private var depth = 0
    private var blockDepth = 0
    /// The syntax errors found.
    public private(set) var diagnostics: [Diagnostic] = []
    private var lexer: Lexer

    struct Abort: Error {}

    /// A parser over a whole file.
    public init(file: SourceFile) {
        self.file = file
        lexer = Lexer(bytes: file.bytes)
        tokens = lexer.all()
    }

    private init(file: SourceFile, start: Int, end: Int, depth: Int) {
        self.file = file
        lexer = Lexer(bytes: file.bytes, start: start, end: end)
        tokens = lexer.all()
        self.depth = depth
    }

    /// The value of `text` when it is exactly one literal (as
    /// ``Expr/literalValue`` takes them), else `nil`.
    static func literal(_ text: String) -> RoutineValue? {
        var parser = Parser(file: SourceFile(name: "<argument>", text: text))
        guard let expression = try? parser.parseExpression(), parser.check(.eof), parser.diagnostics.isEmpty else { return nil }
        return expression.literalValue
    }

    /// Parses a file into its statements and syntax errors.
    public static func parse(_ file: SourceFile) -> (statements: [Stmt], diagnostics: [Diagnostic]) {
        var parser = Parser(file: file)
        let statements = parser.parseProgram()
        return (statements, parser.diagnostics)
    }

    // MARK: Tokens

    private var current: Token { tokens[index] }
    private func peekKind(_ offset: Int = 1) -> TokenKind {
        tokens[min(index + offset, tokens.count - 1)].kind
    }
    private func range(_ token: Token) -> SourceRange { SourceRange(file: file, start: token.start, end: token.end) }
    private func range(from start: Int) -> SourceRange {
        let end = index > 0 ? tokens[index - 1].end : start
        return SourceRange(file: file, start: start, end: max(start, end))
    }
    private func text(_ token: Token) -> String {
        String(decoding: file.bytes[token.start..<token.end], as: UTF8.self)
    }
    private func check(_ kind: TokenKind) -> Bool { current.kind == kind }
    private func isKeyword(_ keyword: Keyword) -> Bool { current.kind == .keyword(keyword) }
    @discardableResult
    private mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }
    private mutating func match(_ kind: TokenKind) -> Bool {
        if check(kind) { advance(); return true }
        return false
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .eof: return "the end of the file"
        case .newline: return "the end of the line"
        case .string, .unterminatedString: return "a string"
        case .integer, .decimal: return "a number"
        case .duration: return "a duration"
        default: return "'\(text(token))'"
        }
    }

    private mutating func error(_ message: String, at range: SourceRange, hint: String? = nil) -> Abort {
        diagnostics.append(Diagnostic(.error, message, at: range, hint: hint))
        return Abort()
    }

    private mutating func unexpected(_ expected: String) -> Abort {
        let token = current
        switch token.kind {
        case .unterminatedString:
            return error("unterminated string", at: SourceRange(file: file, start: token.start, end: token.start + 1),
                         hint: "close it with '\"'")
        case .invalid:
            return error("unexpected character\(token.end - token.start > 1 ? "s" : "") '\(text(token))'", at: range(token))
        default:
            return error("expected \(expected), found \(describe(token))", at: range(token))
        }
    }

    private mutating func expect(_ kind: TokenKind, _ what: String) throws(Abort) -> Token {
        guard check(kind) else { throw unexpected(what) }
        return advance()
    }

    private mutating func expectIdentifier(_ what: String) throws(Abort) -> (String, SourceRange) {
        guard check(.identifier) else {
            if case .keyword(let keyword) = current.kind {
                throw error("'\(keyword.rawValue)' is a keyword and cannot be used as \(what)", at: range(current))
            }
            throw unexpected(what)
        }
        let token = advance()
        return (text(token), range(token))
    }

    private mutating func nest() throws(Abort) {
        depth += 1
        if depth > Parser.nestingLimit {
            throw error("too deeply nested: the limit is \(Parser.nestingLimit) levels", at: range(current))
        }
    }

    private mutating func skipNewlines() {
        while check(.newline) || check(.semicolon) { advance() }
    }

    /// Skips past the `}` that closes the map being parsed, or to the end of the line.
    private mutating func skipToClosingBrace() {
        var braces = 0
        while !check(.eof), !check(.newline) {
            switch current.kind {
            case .leftBrace: braces += 1
            case .rightBrace:
                if braces == 0 {
                    advance()
                    return
                }
                braces -= 1
            default: break
            }
            advance()
        }
    }

    /// Skips to the start of the next statement after an error.
    private mutating func synchronize() {
        var braces = 0
        while !check(.eof) {
            switch current.kind {
            case .newline where braces == 0, .semicolon where braces == 0:
                advance()
                return
            case .leftBrace: braces += 1
            case .rightBrace:
                if braces == 0 { return }
                braces -= 1
            default: break
            }
            advance()
        }
    }

    // MARK: Statements

    /// Parses every statement of the file.
    public mutating func parseProgram() -> [Stmt] {
        var statements: [Stmt] = []
        while true {
            skipNewlines()
            if check(.eof) { break }
            if check(.rightBrace) {
                _ = error("unexpected '}' with no block to close", at: range(current))
                advance()
                continue
            }
            if let statement = parseStatementRecovering(topLevel: true) { statements.append(statement) }
        }
        return statements
    }

    private mutating func parseStatementRecovering(topLevel: Bool) -> Stmt? {
        let savedDepth = depth
        do {
            let statement = try parseStatement(topLevel: topLevel)
            if !(check(.newline) || check(.semicolon) || check(.rightBrace) || check(.eof)) {
                throw unexpected("a new line after the statement")
            }
            return statement
        } catch {
            depth = savedDepth
            synchronize()
            return Stmt(.invalid, range(current))
        }
    }

    private mutating func parseBlock() throws(Abort) -> [Stmt] {
        guard check(.leftBrace) else { throw unexpected("'{'") }
        let open = advance()
        try nest()
        blockDepth += 1
        defer { depth -= 1; blockDepth -= 1 }
        var statements: [Stmt] = []
        while true {
            skipNewlines()
            if check(.rightBrace) { advance(); break }
            if check(.eof) {
                throw error("expected '}' to close the block opened at \(range(open).description)", at: range(current))
            }
            if let statement = parseStatementRecovering(topLevel: false) { statements.append(statement) }
        }
        return statements
    }

    private mutating func topLevelOnly(_ what: String, _ start: Token, _ topLevel: Bool) {
        if !topLevel { _ = error("\(what) can only appear at the top level of a file", at: range(start)) }
    }

    private mutating func parseStatement(topLevel: Bool) throws(Abort) -> Stmt {
        let start = current
        switch current.kind {
        case .keyword(.let):
            advance()
            let (name, nameRange) = try expectIdentifier("a variable name")
            _ = try expect(.equal, "'=' after the variable name")
            let value = try parseExpression()
            return Stmt(.letVariable(name: name, nameRange: nameRange, value: value), range(from: start.start))
        case .keyword(.if):
            return try parseIf()
        case .keyword(.while):
            advance()
            let condition = try parseExpression()
            let body = try parseBlock()
            return Stmt(.whileLoop(condition: condition, body: body), range(from: start.start))
        case .keyword(.for):
            advance()
            let (name, nameRange) = try expectIdentifier("a loop variable name")
            _ = try expect(.keyword(.in), "'in' after the loop variable")
            let sequence = try parseExpression()
            let body = try parseBlock()
            return Stmt(.forIn(name: name, nameRange: nameRange, sequence: sequence, body: body), range(from: start.start))
        case .keyword(.repeat):
            advance()
            let count = try parseExpression()
            let body = try parseBlock()
            return Stmt(.repeatLoop(count: count, body: body), range(from: start.start))
        case .keyword(.break):
            advance()
            return Stmt(.breakLoop, range(start))
        case .keyword(.continue):
            advance()
            return Stmt(.continueLoop, range(start))
        case .keyword(.return):
            advance()
            if check(.newline) || check(.semicolon) || check(.rightBrace) || check(.eof) {
                return Stmt(.returnValue(nil), range(start))
            }
            let value = try parseExpression()
            return Stmt(.returnValue(value), range(from: start.start))
        case .keyword(.routine):
            topLevelOnly("routines", start, topLevel)
            return try parseRoutine()
        case .keyword(.use):
            topLevelOnly("'use'", start, topLevel)
            advance()
            var names: [(name: String, range: SourceRange)] = []
            repeat {
                let (name, nameRange) = try expectIdentifier("a module id")
                names.append((name, nameRange))
            } while match(.comma)
            return Stmt(.use(names), range(from: start.start))
        case .keyword(.include):
            topLevelOnly("'include'", start, topLevel)
            advance()
            guard check(.string) else { throw unexpected("a file name in quotes") }
            let token = advance()
            let parts = lexer.stringParts(token)
            guard parts.count <= 1, case .text(let path)? = parts.first else {
                throw error("the file name of an include cannot be interpolated", at: range(token))
            }
            return Stmt(.include(path: path, pathRange: range(token)), range(from: start.start))
        case .keyword(.every):
            topLevelOnly("schedules", start, topLevel)
            return try parseSchedule()
        case .keyword(.say):
            advance()
            return Stmt(.say(try parseExpression()), range(from: start.start))
        case .keyword(.note):
            advance()
            return Stmt(.note(try parseExpression()), range(from: start.start))
        case .keyword(.tip), .keyword(.card):
            advance()
            let (module, moduleRange) = try expectIdentifier("a module id")
            if check(.dot) { throw error("'\(text(start))' takes a module id such as 'daily', not a practice", at: range(current)) }
            let kind: Stmt.Kind = start.kind == .keyword(.tip)
                ? .tip(module: module, moduleRange: moduleRange) : .card(module: module, moduleRange: moduleRange)
            return Stmt(kind, range(from: start.start))
        case .keyword(.timer):
            advance()
            let duration = try parseExpression()
            var label: Expr?
            if !(check(.newline) || check(.semicolon) || check(.rightBrace) || check(.eof)) {
                _ = match(.comma)
                label = try parseExpression()
            }
            return Stmt(.timer(duration: duration, label: label), range(from: start.start))
        default:
            let expression = try parseExpression()
            if check(.equal) {
                let equal = advance()
                let value = try parseExpression()
                switch expression.kind {
                case .variable(let name):
                    return Stmt(.assign(name: name, nameRange: expression.range, value: value), range(from: start.start))
                case .index(let list, let index):
                    return Stmt(.assignIndex(list: list, index: index, value: value), range(from: start.start))
                default:
                    throw error("cannot assign to this; only to a variable or a list element", at: expression.range,
                                hint: range(equal).file.text(of: expression.range).isEmpty ? nil : "to compare, use '=='")
                }
            }
            return Stmt(.expression(expression), expression.range)
        }
    }

    private mutating func parseIf() throws(Abort) -> Stmt {
        let start = advance()
        try nest()
        defer { depth -= 1 }
        let condition = try parseExpression()
        let then = try parseBlock()
        var otherwise: [Stmt]?
        // Allow `}` newline `else`.
        if check(.newline), peekKind() == .keyword(.else) { advance() }
        if match(.keyword(.else)) {
            if isKeyword(.if) {
                otherwise = [try parseIf()]
            } else {
                otherwise = try parseBlock()
            }
        }
        return Stmt(.ifElse(condition: condition, then: then, otherwise: otherwise), range(from: start.start))
    }

    private mutating func parseRoutine() throws(Abort) -> Stmt {
        let start = advance()
        let (name, nameRange) = try expectIdentifier("a routine name")
        _ = try expect(.leftParen, "'(' after the routine name")
        var parameters: [Parameter] = []
        if !check(.rightParen) {
            repeat {
                if check(.rightParen) { break }
                let (parameter, parameterRange) = try expectIdentifier("a parameter name")
                var defaultValue: Expr?
                if match(.equal) { defaultValue = try parseExpression() }
                else if parameters.last?.defaultValue != nil {
                    _ = error("parameter '\(parameter)' needs a default value, as the parameters before it have one", at: parameterRange)
                }
                parameters.append(Parameter(name: parameter, range: parameterRange, defaultValue: defaultValue))
            } while match(.comma)
        }
        _ = try expect(.rightParen, "')' after the parameters")
        let body = try parseBlock()
        let declaration = RoutineDeclaration(
            name: name, nameRange: nameRange, parameters: parameters, body: body, range: range(from: start.start))
        return Stmt(.routine(declaration), declaration.range)
    }

    private mutating func parseSchedule() throws(Abort) -> Stmt {
        let start = advance()
        var days: [Weekday] = []
        repeat {
            let (word, wordRange) = try expectIdentifier("a day such as 'day', 'monday' or 'mon'")
            guard let named = Weekday.days(named: word) else {
                let hint = Suggestions.closest(to: word, in: Weekday.dayWords).first.map { "did you mean '\($0)'?" }
                throw error("'\(word)' is not a day", at: wordRange, hint: hint)
            }
            for day in named where !days.contains(day) { days.append(day) }
        } while match(.comma)
        guard check(.identifier), text(current) == "at" else { throw unexpected("'at' and a time such as 21:30") }
        advance()
        let hourToken = current
        guard check(.integer) else { throw unexpected("a time such as 21:30") }
        advance()
        _ = try expect(.colon, "':' in the time, as in 21:30")
        guard check(.integer), current.end - current.start == 2 else { throw unexpected("two digits of minutes, as in 21:30") }
        let minuteToken = advance()
        let hour = Int(text(hourToken)) ?? 99, minute = Int(text(minuteToken)) ?? 99
        guard hour < 24, minute < 60 else {
            throw error("\(text(hourToken)):\(text(minuteToken)) is not a time of day", at: range(hourToken).to(range(minuteToken)))
        }
        // `in America/New_York`: the zone is the source text up to `run`
        // (slashes, underscores, `+5` as in Etc/GMT+5), checked against the tz database.
        var zone: String?
        if match(.keyword(.in)) {
            let first = current
            var last = current
            var name = ""
            while !(check(.identifier) && text(current) == "run"), !check(.newline), !check(.eof) {
                name += text(current)
                last = advance()
            }
            guard !name.isEmpty else { throw unexpected("a time zone such as America/New_York") }
            guard TimeZone(identifier: name) != nil else {
                let hint = Suggestions.closest(to: name, in: TimeZone.knownTimeZoneIdentifiers).first.map { "did you mean '\($0)'?" }
                throw error("'\(name)' is not a time zone", at: range(first).to(range(last)), hint: hint ?? "use an IANA name such as Europe/Berlin")
            }
            zone = name
        }
        guard check(.identifier), text(current) == "run" else { throw unexpected("'run' and a routine name") }
        advance()
        let (routine, routineRange) = try expectIdentifier("a routine name")
        var arguments: [ScheduleArgument] = []
        if match(.leftParen) {
            for argument in try parseArguments() {
                guard let value = argument.literalValue else {
                    throw error("a schedule's arguments must be literals", at: argument.range,
                                hint: "write text in quotes, a number, true, false or a duration such as 20m")
                }
                arguments.append(ScheduleArgument(value: value, range: argument.range))
            }
        }
        // `unattended`: the reminder runs the routine itself (the checker makes sure it asks nothing).
        var unattended = false
        if check(.identifier), text(current) == "unattended" {
            advance()
            unattended = true
        }
        let schedule = Schedule(days: days.sorted(), hour: hour, minute: minute, routine: routine, routineRange: routineRange,
                                arguments: arguments, range: range(from: start.start), zone: zone, unattended: unattended)
        return Stmt(.schedule(schedule), schedule.range)
    }

    // MARK: Expressions

    /// Parses one expression.
    mutating func parseExpression() throws(Abort) -> Expr {
        try nest()
        defer { depth -= 1 }
        return try parseOr()
    }

    private mutating func skipNewlinesInExpression() {
        while check(.newline) { advance() }
    }

    private mutating func binaryLoop(
        _ operand: (inout Parser) throws(Abort) -> Expr, _ operators: (TokenKind) -> BinaryOperator?
    ) throws(Abort) -> Expr {
        var left = try operand(&self)
        let saved = depth
        defer { depth = saved }
        while let op = operators(current.kind) {
            advance()
            skipNewlinesInExpression()
            try nest()
            let right = try operand(&self)
            left = Expr(.binary(op, left, right), left.range.to(right.range))
        }
        return left
    }

    private mutating func parseOr() throws(Abort) -> Expr {
        try binaryLoop({ (p: inout Parser) throws(Abort) in try p.parseAnd() }) { $0 == .keyword(.or) ? .or : nil }
    }

    private mutating func parseAnd() throws(Abort) -> Expr {
        try binaryLoop({ (p: inout Parser) throws(Abort) in try p.parseNot() }) { $0 == .keyword(.and) ? .and : nil }
    }

    private mutating func parseNot() throws(Abort) -> Expr {
        if isKeyword(.not) {
            let start = advance()
            try nest()
            defer { depth -= 1 }
            let operand = try parseNot()
            return Expr(.not(operand), range(start).to(operand.range))
        }
        return try parseComparison()
    }

    private static func comparison(_ kind: TokenKind) -> BinaryOperator? {
        switch kind {
        case .equalEqual: .equal
        case .bangEqual: .notEqual
        case .less: .less
        case .lessEqual: .lessEqual
        case .greater: .greater
        case .greaterEqual: .greaterEqual
        default: nil
        }
    }

    private mutating func parseComparison() throws(Abort) -> Expr {
        let left = try parseRange()
        guard let op = Parser.comparison(current.kind) else { return left }
        advance()
        skipNewlinesInExpression()
        let right = try parseRange()
        if let next = Parser.comparison(current.kind) {
            throw error("comparisons cannot be chained; combine them with 'and'", at: range(current),
                        hint: next == .equal ? nil : "write 'a < b and b < c'")
        }
        return Expr(.binary(op, left, right), left.range.to(right.range))
    }

    private mutating func parseRange() throws(Abort) -> Expr {
        let left = try parseAdditive()
        guard match(.dotDot) else { return left }
        let right = try parseAdditive()
        return Expr(.range(left, right), left.range.to(right.range))
    }

    private mutating func parseAdditive() throws(Abort) -> Expr {
        try binaryLoop({ (p: inout Parser) throws(Abort) in try p.parseMultiplicative() }) {
            switch $0 {
            case .plus: .add
            case .minus: .subtract
            default: nil
            }
        }
    }

    private mutating func parseMultiplicative() throws(Abort) -> Expr {
        try binaryLoop({ (p: inout Parser) throws(Abort) in try p.parseUnary() }) {
            switch $0 {
            case .star: .multiply
            case .slash: .divide
            case .slashSlash: .floorDivide
            case .percent: .remainder
            default: nil
            }
        }
    }

    private mutating func parseUnary() throws(Abort) -> Expr {
        if check(.minus) {
            let start = advance()
            try nest()
            defer { depth -= 1 }
            // Fold `-9223372036854775808` and other literals.
            if check(.integer) || check(.decimal) || check(.duration) {
                let token = current
                if case .integer = token.kind,
                   let value = Int("-" + text(token).replacingOccurrences(of: "_", with: "")) {
                    advance()
                    return try parsePostfix(Expr(.integer(value), range(start).to(range(token))))
                }
            }
            let operand = try parseUnary()
            return Expr(.negate(operand), range(start).to(operand.range))
        }
        return try parsePostfix(try parsePrimary())
    }

    private mutating func parseArguments() throws(Abort) -> [Expr] {
        var arguments: [Expr] = []
        if !check(.rightParen) {
            repeat {
                if check(.rightParen) { break }
                arguments.append(try parseExpression())
            } while match(.comma)
        }
        _ = try expect(.rightParen, "')' or ',' in the arguments")
        return arguments
    }

    private mutating func parsePostfix(_ base: Expr) throws(Abort) -> Expr {
        var expression = base
        var levels = 0
        defer { depth -= levels }
        while true {
            if check(.leftBracket) {
                advance()
                try nest()
                levels += 1
                let index = try parseExpression()
                _ = try expect(.rightBracket, "']' after the index")
                expression = Expr(.index(expression, index), range(from: Int(expression.range.start)))
            } else if check(.leftParen) {
                guard case .variable(let name) = expression.kind else {
                    throw error("only routines and functions can be called", at: range(current))
                }
                advance()
                try nest()
                levels += 1
                let arguments = try parseArguments()
                expression = Expr(.call(name: name, nameRange: expression.range, arguments: arguments),
                                  range(from: Int(expression.range.start)))
            } else if check(.dot) {
                guard case .variable(let module) = expression.kind else {
                    throw error("unexpected '.'", at: range(current))
                }
                advance()
                let (name, nameRange) = try expectIdentifier("a function name after '\(module).'")
                guard check(.leftParen) else {
                    throw error("'\(module).\(name)' must be called, as in \(module).\(name)(…)", at: expression.range.to(nameRange),
                                hint: "to present a practice, write 'practice \(module).\(name)'")
                }
                advance()
                try nest()
                levels += 1
                let arguments = try parseArguments()
                expression = Expr(.moduleCall(module: module, name: name, nameRange: expression.range.to(nameRange), arguments: arguments),
                                  range(from: Int(expression.range.start)))
            } else {
                return expression
            }
        }
    }

    private mutating func parsePrimary() throws(Abort) -> Expr {
        let token = current
        let tokenRange = range(token)
        switch token.kind {
        case .integer:
            advance()
            guard let value = Int(text(token).replacingOccurrences(of: "_", with: "")) else {
                throw error("integer literal \(text(token)) does not fit in 64 bits", at: tokenRange)
            }
            return Expr(.integer(value), tokenRange)
        case .decimal:
            advance()
            return Expr(.decimal(Double(text(token)) ?? 0), tokenRange)
        case .duration:
            advance()
            guard let seconds = Lexer.durationSeconds(Substring(text(token))) else {
                throw error("duration \(text(token)) is too long", at: tokenRange)
            }
            return Expr(.duration(seconds), tokenRange)
        case .string:
            advance()
            return try parseString(token)
        case .keyword(.true): advance(); return Expr(.boolean(true), tokenRange)
        case .keyword(.false): advance(); return Expr(.boolean(false), tokenRange)
        case .keyword(.nil): advance(); return Expr(.none, tokenRange)
        case .identifier:
            advance()
            return Expr(.variable(text(token)), tokenRange)
        case .leftParen:
            advance()
            try nest()
            defer { depth -= 1 }
            let inner = try parseExpression()
            _ = try expect(.rightParen, "')'")
            return Expr(inner.kind, range(from: token.start))
        case .leftBracket:
            advance()
            try nest()
            defer { depth -= 1 }
            var elements: [Expr] = []
            if !check(.rightBracket) {
                repeat {
                    if check(.rightBracket) { break }
                    elements.append(try parseExpression())
                } while match(.comma)
            }
            _ = try expect(.rightBracket, "']' or ',' in the list")
            return Expr(.list(elements), range(from: token.start))
        case .leftBrace:
            // A map: `{"walk": 3, "cook": 1}`, over lines if need be.
            advance()
            try nest()
            defer { depth -= 1 }
            var entries: [(key: Expr, value: Expr)] = []
            do {
                skipNewlinesInExpression()
                while !check(.rightBrace) {
                    let key = try parseExpression()
                    skipNewlinesInExpression()
                    _ = try expect(.colon, "':' after the key, as in {\"walk\": 3}")
                    skipNewlinesInExpression()
                    entries.append((key, try parseExpression()))
                    skipNewlinesInExpression()
                    guard match(.comma) else { break }
                    skipNewlinesInExpression()
                }
                _ = try expect(.rightBrace, "'}' or ',' in the map")
            } catch {
                // The rest of the map goes with the error, its closing brace too,
                // so that brace is not taken for a block's.
                skipToClosingBrace()
                throw error
            }
            return Expr(.map(entries), range(from: token.start))
        case .keyword(.practice):
            advance()
            let (module, moduleRange) = try expectIdentifier("a practice id such as daily.gratitude")
            guard match(.dot) else {
                throw error("expected a practice id such as \(module).gratitude", at: moduleRange)
            }
            let (slug, slugRange) = try expectIdentifier("the practice's name after '\(module).'")
            let idRange = moduleRange.to(slugRange)
            return Expr(.practice(id: module + "." + slug, idRange: idRange), range(from: token.start))
        case .keyword(.checkin):
            advance()
            return Expr(.checkin, tokenRange)
        case .keyword(.ask):
            advance()
            var kind = AskKind.text
            if check(.identifier), let named = AskKind(rawValue: text(current)),
               [.string, .identifier, .leftParen].contains(peekKind()) {
                kind = named
                advance()
            }
            let question = try parseAdditive()
            var options: Expr?
            switch kind {
            case .number:
                if match(.keyword(.in)) {
                    let low = try parseAdditive()
                    _ = try expect(.dotDot, "'..' in the range, as in 1..10")
                    let high = try parseAdditive()
                    options = Expr(.range(low, high), low.range.to(high.range))
                }
            case .choice:
                guard check(.identifier), text(current) == "from" else {
                    throw unexpected("'from' and a list of choices")
                }
                advance()
                options = try parseAdditive()
            default: break
            }
            return Expr(.ask(kind, question: question, options: options), range(from: token.start))
        default:
            throw unexpected("an expression")
        }
    }

    private mutating func parseString(_ token: Token) throws(Abort) -> Expr {
        let parts = lexer.stringParts(token)
        var pieces: [Expr] = []
        var hasCode = false
        for part in parts {
            switch part {
            case .text(let text):
                pieces.append(Expr(.string(text), range(token)))
            case .badEscape(let at):
                _ = error("unknown escape '\(file.text(of: SourceRange(file: file, start: at, end: at + 2)))'",
                          at: SourceRange(file: file, start: at, end: at + 2),
                          hint: "use \\n, \\t, \\\", \\\\, \\{ or \\}")
            case .code(let start, let end):
                hasCode = true
                var inner = Parser(file: file, start: start, end: end, depth: depth)
                inner.skipNewlines()
                if inner.check(.eof) {
                    throw error("empty interpolation '{}'", at: SourceRange(file: file, start: start - 1, end: end + 1),
                                hint: "write \\{ for a literal brace")
                }
                do {
                    let expression = try inner.parseExpression()
                    inner.skipNewlines()
                    if !inner.check(.eof) { throw inner.unexpected("'}' to end the interpolation") }
                    pieces.append(expression)
                } catch {
                    diagnostics += inner.diagnostics
                    throw Abort()
                }
            }
        }
        if !hasCode {
            let text = pieces.compactMap { if case .string(let s) = $0.kind { s } else { nil } }.joined()
            return Expr(.string(text), range(token))
        }
        return Expr(.interpolation(pieces), range(token))
    }
}

import TandemKit
