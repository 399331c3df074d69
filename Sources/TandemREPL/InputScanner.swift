import TandemRoutine

/// Tells whether a chunk of routine-language source is complete, or leaves a
/// bracket or a string open so that the REPL should read another line.
///
/// This is the REPL's own small scanner, used when the language cannot say.
/// Whether a last line goes on (after a binary operator or a `\`) is the
/// language's rule, ``RoutineSession/continuesOnNextLine(_:)``.
/// It knows the language's lexical shape: `#` comments to the end of the line,
/// `"…"` strings with `\` escapes and `{expr}` interpolation (which may itself
/// hold strings and brackets), and the brackets `{ } ( ) [ ]`.
public enum InputScanner {
    /// What a chunk of source leaves open at its end.
    public enum State: Sendable, Hashable {
        /// Nothing is open: the chunk can be run (it may still have errors).
        case complete
        /// Something is open: the innermost is the given bracket (`{`, `(`,
        /// `[`) or `"` for a string.
        case incomplete(open: Character)
        /// Nothing is open, but the last line ends in a binary operator or
        /// a `\`, so the statement goes on on the next line.
        case continues
    }

    private enum Frame {
        case bracket(Character)
        case string
        case interpolation
    }

    /// Scans `source` and reports what it leaves open.
    ///
    /// A closing bracket with no opener (or the wrong one) makes the chunk
    /// complete: the parser reports the mistake better than a `...>` prompt.
    public static func state(of source: String) -> State {
        var stack: [Frame] = []
        var iterator = source.makeIterator()
        while let character = iterator.next() {
            if case .string = stack.last {
                switch character {
                case "\\": _ = iterator.next()
                case "\"": stack.removeLast()
                case "{": stack.append(.interpolation)
                default: break
                }
                continue
            }
            switch character {
            case "#":
                while let next = iterator.next(), next != "\n" {}
            case "\"":
                stack.append(.string)
            case "{", "(", "[":
                stack.append(.bracket(character))
            case "}":
                switch stack.last {
                case .bracket("{"), .interpolation: stack.removeLast()
                default: return .complete
                }
            case ")", "]":
                let opener: Character = character == ")" ? "(" : "["
                guard case .bracket(opener) = stack.last else { return .complete }
                stack.removeLast()
            default:
                break
            }
        }
        switch stack.last {
        case nil: return RoutineSession.continuesOnNextLine(source) ? .continues : .complete
        case .string: return .incomplete(open: "\"")
        case .interpolation: return .incomplete(open: "{")
        case .bracket(let open): return .incomplete(open: open)
        }
    }

    /// Whether `source` leaves a bracket or a string open.
    public static func isIncomplete(_ source: String) -> Bool {
        state(of: source) != .complete
    }

    /// The source of `routine NAME(…) { … }` in `source`, from the keyword to
    /// the matching closing brace, or `nil` when `source` does not define it.
    ///
    /// Used by `:save NAME` to find what the user typed.
    public static func routineDefinition(named name: String, in source: String) -> String? {
        let characters = Array(source)
        var index = 0
        var lineStart = true
        while index < characters.count {
            let character = characters[index]
            if character == "\n" { lineStart = true; index += 1; continue }
            if character == " " || character == "\t" { index += 1; continue }
            if character == "#" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            }
            if lineStart, matches(characters, at: index, word: "routine") {
                var cursor = index + 7
                while cursor < characters.count, characters[cursor] == " " || characters[cursor] == "\t" { cursor += 1 }
                if matches(characters, at: cursor, word: name),
                   let end = definitionEnd(characters, from: cursor + name.count) {
                    return String(characters[index..<end])
                }
            }
            lineStart = false
            // Skip the rest of this logical statement's line, honouring strings.
            index += 1
        }
        return nil
    }

    private static func matches(_ characters: [Character], at index: Int, word: String) -> Bool {
        let word = Array(word)
        guard index + word.count <= characters.count, Array(characters[index..<index + word.count]) == word else { return false }
        let after = index + word.count
        if after < characters.count, isIdentifierCharacter(characters[after]) { return false }
        if index > 0, isIdentifierCharacter(characters[index - 1]) { return false }
        return true
    }

    /// The index just past the brace that closes the body after `from`.
    private static func definitionEnd(_ characters: [Character], from start: Int) -> Int? {
        var cursor = start
        while cursor < characters.count, characters[cursor] != "{" {
            if characters[cursor] == "\n" && !insideParentheses(characters, start, cursor) { return nil }
            cursor += 1
        }
        guard cursor < characters.count else { return nil }
        // Scan from the opening brace to its match with the full scanner rules.
        var probe = ""
        for index in cursor..<characters.count {
            probe.append(characters[index])
            if characters[index] == "}", state(of: probe) == .complete { return index + 1 }
        }
        return nil
    }

    private static func insideParentheses(_ characters: [Character], _ start: Int, _ end: Int) -> Bool {
        var depth = 0
        for index in start..<end {
            if characters[index] == "(" { depth += 1 } else if characters[index] == ")" { depth -= 1 }
        }
        return depth > 0
    }

    static func isIdentifierCharacter(_ character: Character) -> Bool {
        character == "_" || character.isLetter || character.isNumber
    }
}
