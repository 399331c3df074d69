/// The kinds of token the lexer produces.
public enum TokenKind: Sendable, Hashable {
    case identifier, integer, decimal, duration, string
    case newline, eof
    case leftParen, rightParen, leftBrace, rightBrace, leftBracket, rightBracket
    case comma, dot, dotDot, colon, semicolon
    case plus, minus, star, slash, slashSlash, percent
    case equal, equalEqual, bangEqual, less, lessEqual, greater, greaterEqual
    case keyword(Keyword)
    /// A character the language does not use, or a malformed literal.
    case invalid
    /// A string with no closing quote before the end of the source.
    case unterminatedString
}

/// The reserved words of the language.
public enum Keyword: String, Sendable, CaseIterable {
    case `let`, `if`, `else`, `while`, `for`, `in`, `repeat`, `break`, `continue`, `return`
    case routine, `true`, `false`, `nil`, and, or, not
    case use, include, every
    case practice, ask, note, checkin, tip, card, timer, say
}

/// One token: its kind and where it is.
public struct Token: Sendable, Hashable {
    /// What kind of token.
    public var kind: TokenKind
    /// The first byte.
    public var start: Int
    /// One past the last byte.
    public var end: Int
}

/// Turns source bytes into tokens.
///
/// Newlines are tokens (they end statements) except inside `( … )`,
/// `[ … ]` and a map's `{ … }`. A `{` opens a map where an operand is
/// expected (after `=`, `(`, `[`, `,`, `:`, an operator, `return`, `say`,
/// `in`, …) and a block anywhere else (after a condition, `else`, `)`). A string token covers the quotes and everything between, with
/// any `{interpolations}`; ``Lexer/stringParts(_:)`` splits it.
public struct Lexer {
    let bytes: [UInt8]
    var position: Int
    let limit: Int
    /// The open `(`, `[` and map `{`, innermost last.
    private var groups: [UInt8] = []
    /// The kind of the token before, which tells a map's `{` from a block's.
    private var previous = TokenKind.newline

    /// A lexer over `bytes[start..<end]`.
    public init(bytes: [UInt8], start: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        position = start
        limit = end ?? bytes.count
    }

    /// Every token up to and including `.eof`.
    public static func tokenize(_ file: SourceFile) -> [Token] {
        var lexer = Lexer(bytes: file.bytes)
        return lexer.all()
    }

    /// Every remaining token, up to and including `.eof`.
    public mutating func all() -> [Token] {
        var tokens: [Token] = []
        while true {
            let token = next()
            tokens.append(token)
            if token.kind == .eof { return tokens }
        }
    }

    private func peek(_ offset: Int = 0) -> UInt8 {
        let index = position + offset
        return index < limit ? bytes[index] : 0
    }

    static func isIdentifierStart(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95
    }
    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    static func isIdentifierPart(_ c: UInt8) -> Bool { isIdentifierStart(c) || isDigit(c) }

    /// The next token.
    public mutating func next() -> Token {
        let token = scan()
        previous = token.kind
        return token
    }

    /// Whether a `{` after a token of this kind opens a map: the token
    /// leaves an operand to come.
    private static func expectsOperand(_ kind: TokenKind) -> Bool {
        switch kind {
        case .equal, .leftParen, .leftBracket, .comma, .colon, .dotDot, .plus, .minus, .star, .slash, .slashSlash, .percent,
             .equalEqual, .bangEqual, .less, .lessEqual, .greater, .greaterEqual:
            true
        case .keyword(let word):
            [.return, .say, .in, .not, .and, .or, .note].contains(word)
        default:
            false
        }
    }

    /// The words that only start statements: one at the start of a line
    /// inside an open group means the group was left open by mistake.
    private static let statementWords: Set<Keyword> = [
        .let, .if, .while, .for, .repeat, .return, .routine, .use, .include, .every, .say, .note, .tip, .card, .timer,
        .break, .continue,
    ]

    private mutating func scan() -> Token {
        var skippedNewline = -1
        while position < limit {
            let c = bytes[position]
            if c == 32 || c == 9 || c == 13 {
                position += 1
            } else if c == UInt8(ascii: "#") {
                while position < limit, bytes[position] != 10 { position += 1 }
            } else if c == 10 && !groups.isEmpty {
                skippedNewline = position
                position += 1
            } else if c == UInt8(ascii: "\\"), peek(1) == 10 {
                position += 2  // explicit line continuation
            } else {
                break
            }
        }
        let start = position
        guard position < limit else { return Token(kind: .eof, start: limit, end: limit) }
        let c = bytes[position]
        position += 1
        func make(_ kind: TokenKind) -> Token { Token(kind: kind, start: start, end: position) }
        switch c {
        case 10: return make(.newline)
        case UInt8(ascii: "("), UInt8(ascii: "["):
            groups.append(c)
            return make(c == UInt8(ascii: "(") ? .leftParen : .leftBracket)
        case UInt8(ascii: ")"), UInt8(ascii: "]"):
            // A map's `{` left open is closed too: `f({"a": 1)`.
            if groups.last == UInt8(ascii: "{") { groups.removeAll() } else { _ = groups.popLast() }
            return make(c == UInt8(ascii: ")") ? .rightParen : .rightBracket)
        // A block's braces never stand inside ( ), [ ] or a map: an unclosed
        // group ends there, so one missing ')' does not swallow the rest of
        // the file's lines.
        case UInt8(ascii: "{"):
            if Lexer.expectsOperand(previous) { groups.append(c) } else { groups.removeAll() }
            return make(.leftBrace)
        case UInt8(ascii: "}"):
            if groups.last == UInt8(ascii: "{") { groups.removeLast() } else { groups.removeAll() }
            return make(.rightBrace)
        case UInt8(ascii: ","): return make(.comma)
        case UInt8(ascii: ":"): return make(.colon)
        case UInt8(ascii: ";"): return make(.semicolon)
        case UInt8(ascii: "+"): return make(.plus)
        case UInt8(ascii: "-"): return make(.minus)
        case UInt8(ascii: "*"): return make(.star)
        case UInt8(ascii: "%"): return make(.percent)
        case UInt8(ascii: "."):
            if peek() == UInt8(ascii: ".") { position += 1; return make(.dotDot) }
            return make(.dot)
        case UInt8(ascii: "/"):
            if peek() == UInt8(ascii: "/") { position += 1; return make(.slashSlash) }
            return make(.slash)
        case UInt8(ascii: "="):
            if peek() == UInt8(ascii: "=") { position += 1; return make(.equalEqual) }
            return make(.equal)
        case UInt8(ascii: "!"):
            if peek() == UInt8(ascii: "=") { position += 1; return make(.bangEqual) }
            return make(.invalid)
        case UInt8(ascii: "<"):
            if peek() == UInt8(ascii: "=") { position += 1; return make(.lessEqual) }
            return make(.less)
        case UInt8(ascii: ">"):
            if peek() == UInt8(ascii: "=") { position += 1; return make(.greaterEqual) }
            return make(.greater)
        case UInt8(ascii: "\""):
            return make(scanStringBody() ? .string : .unterminatedString)
        default:
            if Lexer.isDigit(c) { return make(scanNumber()) }
            if Lexer.isIdentifierStart(c) {
                while position < limit, Lexer.isIdentifierPart(bytes[position]) { position += 1 }
                let word = String(decoding: bytes[start..<position], as: UTF8.self)
                if let keyword = Keyword(rawValue: word) {
                    if skippedNewline >= 0, Lexer.statementWords.contains(keyword) {
                        // `f(1` and then `say 2` on the next line: the group
                        // ends at the line, so one missing ')' (or '}') does not
                        // swallow the rest of the file. The newline is given
                        // back and the word is read again.
                        groups.removeAll()
                        position = start
                        return Token(kind: .newline, start: skippedNewline, end: skippedNewline + 1)
                    }
                    return make(.keyword(keyword))
                }
                return make(.identifier)
            }
            // Skip the rest of a multi-byte UTF-8 character.
            while position < limit, bytes[position] & 0xC0 == 0x80 { position += 1 }
            return make(.invalid)
        }
    }

    /// Scans after an opening quote to just past the closing one; false when
    /// the source ends first.
    private mutating func scanStringBody() -> Bool {
        while position < limit {
            let c = bytes[position]
            position += 1
            switch c {
            case UInt8(ascii: "\""): return true
            case UInt8(ascii: "\\"): if position < limit { position += 1 }
            case UInt8(ascii: "{"): if !scanInterpolation() { return false }
            default: break
            }
        }
        return false
    }

    /// Scans after `{` inside a string to just past the matching `}`.
    private mutating func scanInterpolation() -> Bool {
        var depth = 1
        while position < limit {
            let c = bytes[position]
            position += 1
            switch c {
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return true }
            case UInt8(ascii: "\""): if !scanStringBody() { return false }
            default: break
            }
        }
        return false
    }

    private mutating func scanNumber() -> TokenKind {
        while position < limit, Lexer.isDigit(bytes[position]) || bytes[position] == UInt8(ascii: "_") { position += 1 }
        var kind = TokenKind.integer
        if peek() == UInt8(ascii: "."), Lexer.isDigit(peek(1)) {
            position += 1
            while position < limit, Lexer.isDigit(bytes[position]) { position += 1 }
            kind = .decimal
        }
        // Durations: 45s, 20m, 1h, 1h30m, 1h30m15s.
        if kind == .integer, [UInt8(ascii: "h"), UInt8(ascii: "m"), UInt8(ascii: "s")].contains(peek()), !Lexer.isIdentifierPart(peek(1)) || Lexer.isDigit(peek(1)) {
            while true {
                guard [UInt8(ascii: "h"), UInt8(ascii: "m"), UInt8(ascii: "s")].contains(peek()) else { break }
                position += 1
                guard Lexer.isDigit(peek()) else { break }
                while Lexer.isDigit(peek()) { position += 1 }
            }
            kind = .duration
        }
        if Lexer.isIdentifierPart(peek()) {
            while position < limit, Lexer.isIdentifierPart(bytes[position]) { position += 1 }
            return .invalid
        }
        return kind
    }

    /// A piece of a string literal: literal text, or the byte range of an
    /// interpolated expression.
    public enum StringPart: Sendable, Hashable {
        /// Text, with escapes already applied.
        case text(String)
        /// The source bytes between `{` and `}`.
        case code(start: Int, end: Int)
        /// A backslash followed by a character that is not an escape.
        case badEscape(at: Int)
    }

    /// Splits a string token into text and interpolations.
    public func stringParts(_ token: Token) -> [StringPart] {
        var parts: [StringPart] = []
        var text: [UInt8] = []
        var index = token.start + 1
        let end = token.kind == .string ? token.end - 1 : token.end
        func flush() {
            if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))); text = [] }
        }
        while index < end {
            let c = bytes[index]
            if c == UInt8(ascii: "\\"), index + 1 < end {
                let e = bytes[index + 1]
                switch e {
                case UInt8(ascii: "n"): text.append(10)
                case UInt8(ascii: "t"): text.append(9)
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"): text.append(e)
                default: parts.append(.badEscape(at: index))
                }
                index += 2
            } else if c == UInt8(ascii: "{") {
                flush()
                var scanner = Lexer(bytes: bytes, start: index + 1, end: end)
                _ = scanner.scanInterpolation()
                let close = scanner.position - 1
                parts.append(.code(start: index + 1, end: max(index + 1, close)))
                index = scanner.position
            } else {
                text.append(c)
                index += 1
            }
        }
        flush()
        return parts
    }

    /// The value of a duration literal such as `1h30m`, in seconds; `nil` on overflow.
    static func durationSeconds(_ text: Substring) -> Int? {
        var total = 0, number = 0
        for c in text.utf8 {
            if isDigit(c) {
                let (m, o1) = number.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int(c - 48))
                if o1 || o2 { return nil }
                number = a
            } else {
                let unit = c == UInt8(ascii: "h") ? 3600 : c == UInt8(ascii: "m") ? 60 : 1
                let (m, o1) = number.multipliedReportingOverflow(by: unit)
                let (a, o2) = total.addingReportingOverflow(m)
                if o1 || o2 { return nil }
                total = a
                number = 0
            }
        }
        return total
    }
}
