import ArgumentParser
import Foundation
import TandemKit

/// `tandem feelings`: the feelings wheel, for finding a word one layer deeper
/// than "fine".
///
/// - `tandem feelings` shows every core feeling with its finer words.
/// - `tandem feelings fear` shows one core (or the core of a finer word, such
///   as `lonely`) with a sentence starter for saying it to a partner.
/// - `tandem feelings --random [--seed N] [core]` picks one word as a prompt.
/// - `--json` prints the same thing as JSON, with sorted keys.
public struct Feelings: ModuleCommand {
    /// The command's name, `feelings`, and its help text.
    public static let configuration = CommandConfiguration(
        commandName: "feelings",
        abstract: "Find the word for what you feel: a feelings wheel with sentence starters.",
        discussion: """
            Start with a core feeling (joy, love, sadness, fear, anger, shame, surprise, \
            disgust), then pick the finer word that fits best and say it to your partner \
            with the starter, such as "I feel ___ when ___."
            """)

    /// A core feeling, or any finer word on the wheel, to show on its own.
    @Argument(help: "A core feeling (such as fear) or any word on the wheel (such as lonely).")
    public var feeling: String?

    /// Prints JSON instead of text.
    @Flag(help: "Print as JSON (sorted keys).")
    public var json = false

    /// Picks one finer word as a prompt for today.
    @Flag(help: "Pick one word at random as today's prompt (from the given core, if any).")
    public var random = false

    /// Makes the random pick repeatable.
    @Option(parsing: .unconditional, help: "A seed for --random, so the same seed picks the same word.", transform: NumberOption.whole)
    public var seed: UInt64?

    /// Creates the command with its defaults (as the argument parser does).
    public init() {}

    /// The wheel the command shows.
    public var wheel: FeelingsWheel { .standard }

    /// Rejects `--seed` without `--random`.
    public func validate() throws {
        if seed != nil, !random {
            throw ValidationError("--seed only applies with --random")
        }
    }

    /// Shows the wheel, one feeling, or a random prompt.
    public mutating func run(in context: ModuleContext) throws {
        let lookup = try feeling.map(Self.find)
        if random {
            var generator = seed.map(SeededRandom.init(seed:)) ?? context.makeRandom()
            let prompt = Self.pick(from: wheel, core: lookup?.core, using: &generator)
            if json {
                try context.output.write(Self.encode(prompt))
            } else {
                context.output.write(Self.render(prompt, style: context.style))
            }
        } else if let lookup {
            if json {
                try context.output.write(Self.encode(lookup.core))
            } else {
                context.output.write(Self.render(lookup, style: context.style, width: Self.wrapWidth(columns: context.width)))
            }
        } else if json {
            try context.output.write(Self.encode(wheel))
        } else {
            context.output.write(Self.render(wheel, style: context.style, width: Self.wrapWidth(columns: context.width)))
        }
    }

    /// Finds a core or finer word on the standard wheel.
    ///
    /// - Throws: ``CommandFailure`` naming the closest words when nothing matches.
    public static func find(_ text: String) throws -> FeelingLookup {
        let wheel = FeelingsWheel.standard
        if let found = wheel.lookup(text) { return found }
        let key = FeelingsWheel.normalize(text)
        let hint = Suggestions.hint(for: key, in: wheel.coreNames + wheel.allWords)
        throw CommandFailure(
            "'\(text)' is not on the feelings wheel\(hint); the core feelings are "
                + wheel.coreNames.joined(separator: ", ")
                + " (run 'tandem feelings' to see every word)")
    }

    /// One word picked as a prompt, with its core and a starter to say it.
    public struct Prompt: Sendable, Hashable, Codable {
        /// The core feeling the word belongs to.
        public var core: String
        /// The finer word.
        public var word: String
        /// The core's sentence starter with the word filled in.
        public var starter: String
    }

    /// Picks one finer word, from one core or from the whole wheel.
    public static func pick(from wheel: FeelingsWheel, core: CoreFeeling?, using generator: inout SeededRandom) -> Prompt {
        let pool = core.map { [$0] } ?? wheel.cores
        let pairs = pool.flatMap { core in core.words.map { (core, $0) } }
        // The wheel is never empty, so the pick always succeeds.
        let (chosen, word) = pairs.randomElement(using: &generator)!
        let starter = chosen.starter.replacingFirst("___", with: word)
        return Prompt(core: chosen.name, word: word, starter: starter)
    }

    /// The whole wheel as text: each core in bold, its words wrapped beneath.
    public static func render(_ wheel: FeelingsWheel, style: TextStyle, width: Int) -> String {
        var text = style.bold("Feelings wheel") + "\n"
        text += style.dim("Go one layer deeper than \"fine\": find the core, then the word that fits.") + "\n"
        for core in wheel.cores {
            text += "\n" + style.bold(core.name.capitalized) + "\n"
            text += wrapped(core.words, width: width, indent: "  ", highlight: nil, style: style)
        }
        text += "\nFor one feeling and a way to say it: tandem feelings fear\n"
        return text
    }

    /// One core feeling as text: its words (the matched one in bold), what it
    /// often asks for, and a sentence starter with an example.
    public static func render(_ lookup: FeelingLookup, style: TextStyle, width: Int) -> String {
        let core = lookup.core
        var text = ""
        if let word = lookup.word {
            text += "\"\(word)\" sits under \(style.bold(core.name)).\n\n"
        }
        text += style.bold(core.name.capitalized) + "\n"
        text += wrapped(core.words, width: width, indent: "  ", highlight: lookup.word, style: style)
        text += "\n" + paragraph(core.hint, width: width, indent: "", style: nil)
        text += "\n" + style.bold("Say it to your partner") + "\n"
        text += paragraph("\"\(core.starter)\"", width: width, indent: "  ", style: nil)
        text += paragraph("For example: \"\(core.example)\"", width: width, indent: "  ", style: style.dim)
        return text
    }

    /// A random prompt as text.
    public static func render(_ prompt: Prompt, style: TextStyle) -> String {
        "Today's word: \(style.bold(prompt.word)) (\(prompt.core))\n"
            + "Notice when you feel it today, then tell your partner:\n"
            + "  \"\(prompt.starter)\"\n"
    }

    /// JSON with sorted keys and a final newline.
    public static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The width to wrap to: the output's (``ModuleContext/width``), kept between 40 and 100.
    public static func wrapWidth(columns: Int) -> Int {
        min(max(columns, 40), 100)
    }

    /// Prose filled to the width, each line indented and (optionally) styled.
    private static func paragraph(_ text: String, width: Int, indent: String, style: ((String) -> String)?) -> String {
        TextLayout.wrap(text, width: max(width - indent.count, 20)).map { indent + (style?($0) ?? $0) + "\n" }.joined()
    }

    private static func wrapped(_ words: [String], width: Int, indent: String, highlight: String?, style: TextStyle) -> String {
        let lines = FeelingsWheel.lines(of: words, width: width - indent.count)
        return lines.enumerated().map { index, line in
            let body = line.map { $0 == highlight ? style.bold($0) : $0 }.joined(separator: ", ")
            return indent + body + (index < lines.count - 1 ? "," : "") + "\n"
        }.joined()
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced.
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
