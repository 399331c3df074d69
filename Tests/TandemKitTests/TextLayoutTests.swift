import Testing
import TandemKit

@Suite struct TextLayoutTests {
    static let cyan = "\u{1B}[36m", reset = "\u{1B}[0m"

    /// The words of the lines, with escapes removed: a split word shows up
    /// as two words that are not in the original.
    static func words(_ lines: [String]) -> [String] {
        lines.flatMap { TextLayout.removingEscapes($0).split(separator: " ").map(String.init) }
    }

    @Test func columnsIgnoreEscapesAndCountWideCharactersTwice() {
        #expect(TextLayout.columns("streak") == 6)
        #expect(TextLayout.columns(Self.cyan + "at risk" + Self.reset) == 7)
        #expect(TextLayout.columns("習慣") == 4)
        #expect(TextLayout.columns("🔥 ok") == 5)
        #expect(TextLayout.columns("e\u{301}") == 1)
        #expect(TextLayout.columns("\u{1B}[1;33mbold\u{1B}[0m") == 4)
    }

    @Test func colouredWordsAreMeasuredWithoutTheirEscapes() {
        // 8 words of 9 visible columns each, every one coloured: 10 escape
        // bytes per word would push lines far past the width if counted.
        let text = Array(repeating: Self.cyan + "gratitude" + Self.reset, count: 8).joined(separator: " ")
        let lines = TextLayout.wrap(text, width: 40)
        #expect(lines.map(TextLayout.removingEscapes) == [
            "gratitude gratitude gratitude gratitude",
            "gratitude gratitude gratitude gratitude",
        ])
        #expect(lines.allSatisfy { TextLayout.columns($0) <= 40 })
    }

    @Test func wideCharactersTakeTwoColumns() {
        let text = "習慣習慣 🔥🔥🔥 習慣習慣 🔥🔥🔥 習慣習慣"
        let lines = TextLayout.wrap(text, width: 16)
        #expect(lines == ["習慣習慣 🔥🔥🔥", "習慣習慣 🔥🔥🔥", "習慣習慣"])
        #expect(lines.allSatisfy { TextLayout.columns($0) <= 16 })
    }

    @Test(arguments: [20, 33, 40, 57, 80])
    func noWordIsSplitAndNoLineIsTooLong(width: Int) {
        let text = "Say one \(Self.cyan)specific\(Self.reset) thing you appreciated about your partner today; "
            + "a 🔥 streak of 習慣 is at \u{1B}[33mrisk\u{1B}[0m when the day ends before you mark it done."
        let lines = TextLayout.wrap(text, width: width, indent: "  - ", hanging: "    ")
        #expect(Self.words(lines) == ["-"] + Self.words([text]))
        #expect(lines.allSatisfy { TextLayout.columns($0) <= width })
        #expect(lines.first?.hasPrefix("  - ") == true)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("    ") })
    }

    @Test func onlyAWordLongerThanTheWidthOverflows() {
        let lines = TextLayout.wrap("a extraordinarily b", width: 10)
        #expect(lines == ["a", "extraordinarily", "b"])
    }

    @Test func hangingIndentDefaultsToTheIndentsWidth() {
        let lines = TextLayout.wrap("one two three", width: 10, indent: Self.cyan + "→" + Self.reset + " ")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") && !$0.hasPrefix("   ") })
    }

    @Test func newlinesStartNewLines() {
        #expect(TextLayout.wrap("one\ntwo three", width: 80) == ["one", "two three"])
    }

    @Test func paddingCountsColumns() {
        #expect(TextLayout.pad("習慣", to: 6) == "習慣  ")
        #expect(TextLayout.pad(Self.cyan + "id" + Self.reset, to: 4) == Self.cyan + "id" + Self.reset + "  ")
        #expect(TextLayout.pad("longer", to: 3) == "longer")
    }
}
