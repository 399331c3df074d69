@testable import TandemRoutine
import Testing

@Suite struct LexerTests {
    func kinds(_ source: String) -> [TokenKind] {
        Lexer.tokenize(SourceFile(name: "t", text: source)).map(\.kind)
    }

    @Test func punctuationAndOperators() {
        #expect(kinds("( ) { } [ ] , . .. : + - * / // % = == != < <= > >=") == [
            .leftParen, .rightParen, .leftBrace, .rightBrace, .leftBracket, .rightBracket, .comma, .dot, .dotDot,
            .colon, .plus, .minus, .star, .slash, .slashSlash, .percent, .equal, .equalEqual, .bangEqual, .less,
            .lessEqual, .greater, .greaterEqual, .eof,
        ])
    }

    @Test func numbersDurationsAndRanges() {
        #expect(kinds("42 2.5 45s 20m 1h 1h30m 1..10") == [
            .integer, .decimal, .duration, .duration, .duration, .duration, .integer, .dotDot, .integer, .eof,
        ])
        #expect(Lexer.durationSeconds("1h30m") == 5400)
        #expect(Lexer.durationSeconds("45s") == 45)
        #expect(kinds("3min") == [.invalid, .eof])
    }

    @Test func keywordsAndIdentifiers() {
        #expect(kinds("let x_1 = practice") == [.keyword(.let), .identifier, .equal, .keyword(.practice), .eof])
        #expect(kinds("every at run from") == [.keyword(.every), .identifier, .identifier, .identifier, .eof])
    }

    @Test func newlinesEndStatementsExceptInsideBrackets() {
        #expect(kinds("a\nb") == [.identifier, .newline, .identifier, .eof])
        #expect(kinds("f(a,\n b)\n[1,\n2]") == [
            .identifier, .leftParen, .identifier, .comma, .identifier, .rightParen, .newline,
            .leftBracket, .integer, .comma, .integer, .rightBracket, .eof,
        ])
        #expect(kinds("a # comment\nb") == [.identifier, .newline, .identifier, .eof])
    }

    @Test func stringsWithInterpolationAndEscapes() {
        let file = SourceFile(name: "t", text: #""a \"q\" \{x\} {join(xs, ", ")} \n""#)
        let lexer = Lexer(bytes: file.bytes)
        let tokens = Lexer.tokenize(file)
        #expect(tokens.map(\.kind) == [.string, .eof])
        let parts = lexer.stringParts(tokens[0])
        #expect(parts.count == 3)
        #expect(parts.first == .text("a \"q\" {x} "))
        if case .code(let start, let end) = parts[1] {
            #expect(file.text(of: SourceRange(file: file, start: start, end: end)) == #"join(xs, ", ")"#)
        } else {
            Issue.record("expected code")
        }
        #expect(parts.last == .text(" \n"))
    }

    @Test func unterminatedStringAndStrayCharacters() {
        #expect(kinds("\"abc") == [.unterminatedString, .eof])
        #expect(kinds("\"a {b\"") == [.unterminatedString, .eof])
        #expect(kinds("a @ b") == [.identifier, .invalid, .identifier, .eof])
        #expect(kinds("é") == [.invalid, .eof])
    }
}
