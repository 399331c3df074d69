import Foundation
import Testing
import TandemKit
import TandemModules

/// The decks' part of the content standard: every deck is deep enough, every
/// card an open question, and no two cards, in one deck or across decks, ask
/// nearly the same thing. Like ``ShippedContentTests`` it walks the generated
/// module list, so a module is held to it by being registered.
@Suite struct DeckStandardTests {
    /// The fewest cards a deck may have.
    static let minimumDeck = 40
    /// The fewest cards in all decks together.
    static let minimumTotal = 400
    /// The module whose deck the question of the day draws from, and the
    /// fewest cards it needs so a year passes without a repeat.
    static let dailyDeck = (id: "questions", minimum: 365)

    static let modules = allModuleTypes.map { $0.init() }

    @Test(arguments: ShippedContentTests.shipped)
    func deckIsDeepEnoughAndTaggedLightToDeep(id: String) throws {
        let cards = try ShippedContentTests.module(id).cards
        #expect(cards.count >= Self.minimumDeck, "\(id) has \(cards.count) cards, fewer than \(Self.minimumDeck)")
        for card in cards {
            let depths = card.tags.filter(CardText.depths.contains)
            #expect(depths.count == 1, "\(id): '\(card.prompt)' needs exactly one of \(CardText.depths), has \(card.tags)")
        }
    }

    @Test func decksHoldEnoughCardsInAll() {
        let total = Self.modules.map(\.cards.count).reduce(0, +)
        #expect(total >= Self.minimumTotal, "\(total) cards in all")
    }

    @Test func theDailyDeckLastsAYear() throws {
        let cards = try ShippedContentTests.module(Self.dailyDeck.id).cards
        #expect(Set(cards.map { $0.prompt.lowercased() }).count >= Self.dailyDeck.minimum, "\(cards.count) daily questions")
    }

    @Test(arguments: ShippedContentTests.shipped)
    func everyCardIsAnOpenQuestion(id: String) throws {
        for card in try ShippedContentTests.module(id).cards {
            #expect(CardText.isOpenQuestion(card.prompt), "\(id): '\(card.prompt)' can be answered with yes or no")
        }
    }

    @Test func noTwoCardsAskNearlyTheSameThing() {
        let cards = Self.modules.flatMap { module in module.cards.map { (module.manifest.id, $0.prompt) } }
        let pairs = CardText.nearDuplicates(in: cards)
        #expect(pairs.isEmpty, "\(pairs.count) near-duplicate pairs, first: \(pairs.first.map { "\($0.first) / \($0.second)" } ?? "")")
        for pair in pairs.prefix(20) {
            Issue.record("near-duplicates (\(String(format: "%.2f", pair.similarity))): \(pair.first) / \(pair.second)")
        }
    }

    // MARK: The checks themselves

    @Test(arguments: [
        "Is there a promise of mine you've stopped expecting me to keep?",
        "Was there a moment when your trust wobbled? What would have steadied it?",
        "What does being strong mean to you, and has that changed over the years?",
        "When you were little, did you like school?",
        "Do you want me closer or further away?",
        "Tell me about your day.",
        "Favourite colour?",
    ])
    func closedQuestionsAreCaught(prompt: String) {
        #expect(!CardText.isOpenQuestion(prompt))
    }

    @Test(arguments: [
        "What's one thing you'd change?",
        "If you could live anywhere, where would it be?",
        "After a row, what do you need first: space, a hug, or to talk it through?",
        "Which song reminds you of us, and why?",
        "How do you feel about having children, or about the family we already have?",
    ])
    func openQuestionsPass(prompt: String) {
        #expect(CardText.isOpenQuestion(prompt))
    }

    @Test func nearDuplicatesAreCaughtAcrossWording() {
        let pairs = CardText.nearDuplicates(in: [
            ("foundations", "What is something you have been curious about lately?"),
            ("women", "What have you been curious about lately?"),
            ("men", "How can I tell you're stressed before you say so?"),
            ("support", "How can I tell that you are stressed before you tell me?"),
            ("daily", "What small thing made you smile today?"),
            ("play", "What was the silliest date we have ever been on?"),
        ])
        #expect(pairs.map { [$0.first, $0.second] } == [
            ["foundations: What is something you have been curious about lately?", "women: What have you been curious about lately?"],
            ["men: How can I tell you're stressed before you say so?", "support: How can I tell that you are stressed before you tell me?"],
        ])
    }

    @Test func sharingOneTopicWordIsNotADuplicate() {
        // Cards of one deck share its theme; one word in common is not a repeat.
        let pairs = CardText.nearDuplicates(in: [
            ("x", "How do you feel about being needed?"),
            ("x", "What do you need from me when you are at your lowest?"),
        ])
        #expect(pairs.isEmpty)
    }
}

/// How card text is judged: open questions and near-duplicates.
enum CardText {
    /// The depth tags, one of which every card carries.
    static let depths = ["light", "medium", "deep"]

    /// Words that open a question asking for more than yes or no ("what's" and
    /// "how's" written without their apostrophe, as ``ShippedContentTests/words(_:)`` does).
    static let openWords: Set<Substring> = ["what", "how", "when", "where", "which", "who", "whom", "whose", "why", "whats", "hows", "wheres", "whos"]

    /// Words that open a yes-or-no question ("Is there …", "Did you …").
    static let closedOpeners: Set<Substring> = [
        "is", "are", "am", "was", "were", "do", "does", "did", "have", "has", "had", "can", "could", "would", "will",
        "should", "shall", "may", "might", "must", "isnt", "arent", "wasnt", "werent", "dont", "doesnt", "didnt",
        "havent", "hasnt", "cant", "couldnt", "wouldnt", "wont", "shouldnt",
    ]

    /// Whether a card is an open question: it ends in "?", asks with what,
    /// how, when, where, which, who or why, and no part of it between commas,
    /// semicolons, colons or sentence marks (after a leading "and", "or",
    /// "but" or "so") opens like a yes-or-no question, so "What does it mean
    /// to you, and has it changed?" is refused.
    static func isOpenQuestion(_ prompt: String) -> Bool {
        let text = prompt.trimmingCharacters(in: .whitespaces)
        guard text.hasSuffix("?"), ShippedContentTests.words(text).contains(where: openWords.contains) else { return false }
        for part in text.split(whereSeparator: { ",;:.?!".contains($0) }) {
            let words = ShippedContentTests.words(String(part)).drop { ["and", "or", "but", "so"].contains($0) }
            if let first = words.first, closedOpeners.contains(first) { return false }
        }
        return true
    }

    /// The lowest similarity that counts as a near-duplicate.
    ///
    /// Half the content words in common (Jaccard 0.5) and at least two of
    /// them: on 826 cards, every pair at or above it was the same question
    /// reworded or close enough to read as a repeat; just below it (0.4) the
    /// pairs share a topic and ask different things ("hard times" in a
    /// family vs. hard times that made us stronger). One shared word never
    /// counts, since a deck's cards share its theme.
    static let nearDuplicateThreshold = 0.5
    /// The fewest content words two cards must share to be near-duplicates.
    static let minimumSharedWords = 2

    /// Words that carry no topic: articles, pronouns, auxiliaries, question
    /// words, contractions, and verbs nearly every card uses (feel, think,
    /// like, make, want, …).
    static let fillerWords: Set<Substring> = Set("""
        a an the and or but so if then than that this these those of to in on at for from with by about as into over \
        after before under between through during without within i me my mine myself you your yours yourself we us \
        our ours ourselves they them their he she him her his it its is are am was were be been being do does did \
        doing have has had having can could would will should shall may might must what how when where which who \
        whom whose why not no nor there here just really very more most less least much many some any something \
        anything one ones thing things s t ll d re ve m youd youre youve youll ive im id ill dont doesnt didnt \
        havent hasnt hadnt wasnt werent isnt arent cant wont wouldnt couldnt shouldnt whats hows wheres whos thats \
        theres lets weve wed well theyre theyve like feel felt feeling think thought make makes made get got know \
        want wish way right now ever often usually last each other find kind part look go never always still
        """.split(whereSeparator: \.isWhitespace))

    /// A card's content words: its words without filler, with a plain
    /// English ending (-ing, -ed, -es, -s) cut from longer words so
    /// "needs" and "need" match.
    static func contentWords(_ prompt: String) -> Set<String> {
        Set(ShippedContentTests.words(prompt).filter { !fillerWords.contains($0) }.map(stem))
    }

    static func stem(_ word: Substring) -> String {
        for ending in ["ing", "ed", "es", "s"] where word.count > 4 && word.hasSuffix(ending) {
            return String(word.dropLast(ending.count))
        }
        return String(word)
    }

    /// A pair of cards that ask nearly the same thing.
    struct Pair {
        var first: String
        var second: String
        var similarity: Double
    }

    /// The pairs among `cards` (module id and prompt) whose content words
    /// overlap by at least ``nearDuplicateThreshold`` (Jaccard: shared over
    /// all) and ``minimumSharedWords``, most similar first, each named
    /// `module: prompt`.
    static func nearDuplicates(in cards: [(module: String, prompt: String)]) -> [Pair] {
        let words = cards.map { contentWords($0.prompt) }
        var pairs: [Pair] = []
        for i in cards.indices {
            for j in cards.indices where j > i {
                let shared = words[i].intersection(words[j]).count
                guard shared >= minimumSharedWords else { continue }
                let similarity = Double(shared) / Double(words[i].union(words[j]).count)
                if similarity >= nearDuplicateThreshold {
                    pairs.append(Pair(
                        first: "\(cards[i].module): \(cards[i].prompt)", second: "\(cards[j].module): \(cards[j].prompt)",
                        similarity: similarity))
                }
            }
        }
        return pairs.sorted { $0.similarity > $1.similarity }
    }
}
