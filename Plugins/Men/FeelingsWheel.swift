/// One core feeling on the feelings wheel and the finer words beneath it.
///
/// The core is where a person usually starts ("I'm scared"); the finer words
/// say it more exactly ("I'm uneasy", "I'm dreading it"), which tells a partner
/// much more about what is going on and what would help.
public struct CoreFeeling: Sendable, Hashable, Codable, Identifiable {
    /// The core feeling, one lowercase word: `joy`, `fear`, …
    public var name: String
    /// The finer words beneath the core, lowercase, in the order shown.
    public var words: [String]
    /// What this feeling often asks for, in one sentence.
    public var hint: String
    /// A sentence starter for saying the feeling to a partner, with `___`
    /// where the person fills in their own words.
    public var starter: String
    /// The starter filled in, as an example of how it can sound.
    public var example: String

    /// Creates a core feeling.
    public init(name: String, words: [String], hint: String, starter: String, example: String) {
        self.name = name
        self.words = words
        self.hint = hint
        self.starter = starter
        self.example = example
    }

    /// The core's name, which identifies it on the wheel.
    public var id: String { name }
}

/// Where a word was found on the wheel: its core, and the finer word when the
/// word was not a core itself.
public struct FeelingLookup: Sendable, Hashable {
    /// The core feeling the word belongs to.
    public var core: CoreFeeling
    /// The finer word that matched, or `nil` when the core's own name matched.
    public var word: String?

    /// Creates a lookup result.
    public init(core: CoreFeeling, word: String? = nil) {
        self.core = core
        self.word = word
    }
}

/// A feelings vocabulary in two levels: core feelings, each with finer words.
///
/// The data is plain values, so tests and other tools can read it without
/// running a command:
///
/// ```swift
/// let fear = FeelingsWheel.standard.core(named: "fear")
/// print(fear?.words ?? [])
/// ```
public struct FeelingsWheel: Sendable, Hashable, Codable {
    /// The core feelings, in the order they are shown.
    public var cores: [CoreFeeling]

    /// Creates a wheel from its core feelings.
    public init(cores: [CoreFeeling]) {
        self.cores = cores
    }

    /// The names of the core feelings, in order.
    public var coreNames: [String] { cores.map(\.name) }

    /// Every finer word on the wheel, core by core.
    public var allWords: [String] { cores.flatMap(\.words) }

    /// The core feeling with this name (any case, surrounding spaces ignored).
    public func core(named name: String) -> CoreFeeling? {
        let key = Self.normalize(name)
        return cores.first { Self.normalize($0.name) == key }
    }

    /// Finds a core feeling by its name, or by any finer word beneath it.
    public func lookup(_ text: String) -> FeelingLookup? {
        let key = Self.normalize(text)
        if let core = cores.first(where: { Self.normalize($0.name) == key }) { return FeelingLookup(core: core) }
        for core in cores {
            if let word = core.words.first(where: { Self.normalize($0) == key }) {
                return FeelingLookup(core: core, word: word)
            }
        }
        return nil
    }

    /// Lowercases the text, trims it and turns runs of spaces, dashes and
    /// underscores into single spaces, so `On-Edge` finds `on edge` and
    /// `heavy hearted` finds `heavy-hearted`.
    public static func normalize(_ text: String) -> String {
        let separators: Set<Character> = [" ", "-", "_", "\t"]
        return text.lowercased()
            .split(whereSeparator: { separators.contains($0) })
            .joined(separator: " ")
    }

    /// Splits words into lines of at most `width` characters when joined
    /// with ", " (a word longer than the width gets a line of its own).
    public static func lines(of words: [String], width: Int) -> [[String]] {
        var lines: [[String]] = []
        var current: [String] = []
        // The length of the line so far, counting the comma after its last word.
        var length = 0
        for word in words {
            let added = current.isEmpty ? word.count + 1 : word.count + 2
            if !current.isEmpty, length + added > width {
                lines.append(current)
                current = [word]
                length = word.count + 1
            } else {
                current.append(word)
                length += added
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The wheel the `feelings` command shows: eight core feelings with
    /// twelve finer words each.
    public static let standard = FeelingsWheel(cores: [
        CoreFeeling(
            name: "joy",
            words: [
                "glad", "cheerful", "proud", "grateful", "hopeful", "relieved",
                "playful", "content", "excited", "confident", "peaceful", "amused",
            ],
            hint: "Joy grows when it is shared, so say it out loud instead of keeping it for later.",
            starter: "I feel ___ about ___, and I wanted you to be the first to know.",
            example: "I feel proud about how I handled that meeting, and I wanted you to be the first to know."),
        CoreFeeling(
            name: "love",
            words: [
                "tender", "affectionate", "warm", "close", "caring", "devoted",
                "fond", "protective", "connected", "trusting", "cherished", "longing",
            ],
            hint: "Warm feelings land best said plainly and tied to one specific moment.",
            starter: "I feel ___ when you ___.",
            example: "I feel cherished when you save me the last coffee without saying anything."),
        CoreFeeling(
            name: "sadness",
            words: [
                "low", "lonely", "disappointed", "hurt", "grieving", "discouraged",
                "empty", "heavy-hearted", "left out", "regretful", "weary", "let down",
            ],
            hint: "Sadness usually asks for company, not a solution.",
            starter: "I feel ___ about ___. I don't need it fixed, I just want you near.",
            example: "I feel lonely about how little I see my brother. I don't need it fixed, I just want you near."),
        CoreFeeling(
            name: "fear",
            words: [
                "worried", "anxious", "nervous", "uneasy", "scared", "insecure",
                "overwhelmed", "tense", "helpless", "unsure", "dreading", "on edge",
            ],
            hint: "Fear usually asks for reassurance or a plan you make together.",
            starter: "I feel ___ when ___. It would help me if ___.",
            example: "I feel uneasy when we leave money talk until Sunday night. It would help me if we picked a time now."),
        CoreFeeling(
            name: "anger",
            words: [
                "annoyed", "irritated", "frustrated", "resentful", "bitter", "furious",
                "impatient", "fed up", "defensive", "jealous", "betrayed", "disrespected",
            ],
            hint: "Anger often guards something that matters to you; name that, not only the heat.",
            starter: "I feel ___ when ___, because ___ matters to me.",
            example: "I feel frustrated when plans change last minute, because keeping my word to my friends matters to me."),
        CoreFeeling(
            name: "shame",
            words: [
                "embarrassed", "guilty", "inadequate", "foolish", "small", "exposed",
                "humiliated", "self-conscious", "unworthy", "awkward", "not good enough", "remorseful",
            ],
            hint: "Shame shrinks when it is said to someone safe and grows when it is kept quiet.",
            starter: "This is hard for me to say: I feel ___ about ___.",
            example: "This is hard for me to say: I feel inadequate about not getting that promotion."),
        CoreFeeling(
            name: "surprise",
            words: [
                "amazed", "startled", "shocked", "confused", "curious", "astonished",
                "bewildered", "moved", "stunned", "caught off guard", "intrigued", "awed",
            ],
            hint: "Surprise asks for a little time to take something in before you react.",
            starter: "I felt ___ when ___, and I'm still taking it in.",
            example: "I felt caught off guard when you mentioned moving, and I'm still taking it in."),
        CoreFeeling(
            name: "disgust",
            words: [
                "put off", "uncomfortable", "disapproving", "appalled", "revolted", "turned off",
                "judgmental", "sickened", "contemptuous", "grossed out", "offended", "avoidant",
            ],
            hint: "Disgust marks a limit; name it gently and talk about the thing, not the person.",
            starter: "I feel ___ about ___, and I'd like us to talk about what's okay for us.",
            example: "I feel uncomfortable about jokes at each other's expense in front of friends, and I'd like us to talk about what's okay for us."),
    ])
}
