import Foundation
import Testing
import TandemKit

/// Text from data is shown with its control characters visible, so it
/// cannot drive the terminal (issue 9, section 1).
@Suite struct TerminalTextTests {
    /// The strings a probe planted: a retitle, a clear, an OSC 52 clipboard
    /// write, CR and backspace overwrites, a C1 CSI and DEL.
    static let hostile = [
        "\u{1B}]0;pwned\u{07}", "\u{1B}[2J", "\u{1B}]52;c;SGVsbG8=\u{07}", "a\rb", "x\u{08}y", "\u{9B}31m", "del\u{7F}",
    ]

    static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    @Test(arguments: hostile) func hostileTextHasNoControlCharacterLeft(_ text: String) {
        #expect(!Self.hasControl(text.terminalSafe))
        #expect(!Self.hasControl(text.terminalSafeLines))
    }

    @Test func controlCharactersAreShownInCaretNotationAndC1AsEscapes() {
        #expect("\u{1B}]0;pwned\u{07}".terminalSafe == "^[]0;pwned^G")
        #expect("\u{1B}[2J".terminalSafe == "^[[2J")
        #expect("a\rb".terminalSafe == "a^Mb")
        #expect("x\u{08}y".terminalSafe == "x^Hy")
        #expect("\u{9B}31m".terminalSafe == "\\u{9B}31m")
        #expect("\u{85}next".terminalSafe == "\\u{85}next")
        #expect("del\u{7F}".terminalSafe == "del^?")
        #expect("\u{0}\u{1F}".terminalSafe == "^@^_")
    }

    @Test func bidirectionalOverridesAreShownSoALineReadsAsItIs() {
        #expect("Sam\u{202E}evil".terminalSafe == "Sam\\u{202E}evil")
        #expect("\u{2066}x\u{2069}".terminalSafe == "\\u{2066}x\\u{2069}")
        #expect(TerminalText.lineProblem("Sam\u{202E}") != nil, "names refuse them")
    }

    @Test func plainTextIsUnchanged() {
        for text in ["", "Say one specific thank-you", "習慣 🔥 é", "Zoë & Ana", "\u{A0}non-breaking\u{C2}", "— … ✓ ‘quoted’ \u{200D}"] {
            #expect(text.terminalSafe == text)
        }
    }

    @Test func newlinesAndTabsAreKeptOnlyWhereLinesAreAllowed() {
        #expect("one\ntwo\tthree".terminalSafe == "one^Jtwo^Ithree")
        #expect("one\ntwo\tthree".terminalSafeLines == "one\ntwo\tthree")
        // Windows line ends read as newlines; a lone CR is still shown.
        #expect("one\r\ntwo\rthree".terminalSafeLines == "one\ntwo^Mthree")
    }

    @Test func oneLineFieldsAreRefusedWithAReason() {
        #expect(TerminalText.lineProblem("Morning walk together") == nil)
        #expect(TerminalText.lineProblem(String(repeating: "é", count: 80)) == nil)
        #expect(TerminalText.lineProblem(String(repeating: "x", count: 81))?.contains("81 characters") == true)
        #expect(TerminalText.lineProblem("two\nlines") == "it must be one line")
        #expect(TerminalText.lineProblem("a\rb") == "it must be one line")
        #expect(TerminalText.lineProblem("\u{1B}[2J")?.contains("^[") == true)
        #expect(TerminalText.lineProblem("\u{9B}31m")?.contains("\\u{9B}") == true)
        #expect(TerminalText.lineProblem("tab\there") != nil)
    }
}

@Suite struct TerminalJSONTests {
    @Test func deleteAndC1AreEscapedInJSONAndTheValueIsKept() throws {
        let text = "\u{1B}[2J \u{9B}31m del\u{7F} é"
        let json = TerminalText.escapingJSON(String(decoding: try JSONEncoder().encode([text]), as: UTF8.self))
        #expect(json == #"["\u001b[2J \u009b31m del\u007f é"]"#)
        #expect(try JSONDecoder().decode([String].self, from: Data(json.utf8)) == [text])
    }
}
