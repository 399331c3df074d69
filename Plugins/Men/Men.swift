import TandemKit

/// Tips for men: talking regularly, putting feelings into words, and making
/// the relationship a priority.
///
/// Written with men in mind, especially those raised to keep feelings to
/// themselves, and open to anyone who wants the same skills. It adds the
/// `feelings` command (a feelings wheel) and the routine functions
/// `men.feeling(core?)` and `men.feelings(core)`.
public struct MenModule: CoachingModule {
    /// Creates the module.
    public init() {}

    /// The module's identity: `men`, tagged `tips` and `for-men`.
    public let manifest = ModuleManifest(
        id: "men",
        displayName: "Tips for men",
        summary: "Put feelings into words, talk a little every day, and make time for each other on purpose.",
        version: "1.0.0",
        tags: ["tips", "for-men", "feelings", "vulnerability", "communication", "open-to-everyone"]
    )

    /// Five practices: a daily check-in, sharing fears and joys, protected
    /// time together, naming feelings precisely, and asking for support.
    public let practices: [Practice] = [
        Practice(
            id: "men.communicate_regularly",
            title: "Check in every day",
            why: """
                Closeness is built in ordinary minutes, not only in big talks. A short daily \
                check-in keeps you up to date with what is going on inside each other, so small \
                worries get said before they pile up. Done often, talking about feelings becomes \
                a habit instead of an event.
                """,
            steps: [
                "Pick a moment that already happens every day, such as after dinner or the drive home, and keep 10 minutes of it for talking.",
                "Put both phones face down or in another room for those 10 minutes.",
                "Each of you answers two questions: \"What was the best part of your day?\" and \"What's taking up room in your head?\"",
                "Go one sentence past the facts: after what happened, add how it felt, even if the word is just \"tiring\" or \"good\".",
                "Listen without fixing; if you want to help, ask \"Do you want ideas, or just someone to hear it?\"",
                "Finish with one thing each of you is looking forward to, together or apart.",
            ],
            tryToday: "Tonight, ask your partner \"What was the best and the hardest part of your day?\" and answer it yourself too.",
            reflections: [
                "What did you learn about your partner's day that you would not have guessed?",
                "When did you want to stop at the facts, and what would one more sentence have said?",
                "Which time of day makes the check-in easiest to keep?",
                "How did you feel in the hour after you talked?",
            ],
            cadence: .daily,
            tags: ["communication", "check-in", "10-minutes"]
        ),
        Practice(
            id: "men.embrace_vulnerability",
            title: "Say the fear and the joy out loud",
            why: """
                Many men grew up learning that being strong means keeping feelings to yourself, \
                and that lesson takes time to unlearn. Your partner can only get close to the \
                parts of you they are allowed to see. Putting a fear or a joy into plain words \
                gives them room to show you theirs.
                """,
            steps: [
                "Choose one thing from this week that stirred you: a worry, a small win, or something that stung.",
                "Start where the stakes feel low, such as walking or cooking side by side, where you don't have to hold eye contact.",
                "Say it in one sentence that starts with \"I\": \"I've been worried about my dad's health\" or \"I was really proud when the project landed.\"",
                "Add why it matters to you (\"It matters because…\") and skip the joke or the \"it's nothing\" that shrinks it.",
                "Share a joy as readily as a fear; good news kept to yourself is distance too.",
                "Thank your partner for listening, whatever they said back: \"Thanks for hearing that. It wasn't easy to say.\"",
            ],
            tryToday: "Tell your partner one thing that worried you and one thing that made you glad this week, in one sentence each.",
            reflections: [
                "What did you notice in your body just before you spoke, and just after?",
                "How did your partner respond, and what did that tell you about what feels safe to share?",
                "What did you leave out, and what would it take to say it next time?",
                "Was the worry or the joy harder to say, and why might that be?",
            ],
            cadence: .timesPer(times: 3, days: 7),
            tags: ["vulnerability", "feelings", "courage"]
        ),
        Practice(
            id: "men.prioritize_intimacy",
            title: "Put connection on the calendar",
            why: """
                Connection that waits for spare time tends to wait forever, because work, chores \
                and screens fill every gap. Setting time aside on purpose tells your partner they \
                come first, not last. It also gives deeper talk a regular place to happen, \
                without having to force it.
                """,
            steps: [
                "On Sunday, look at the week together and block one hour that is only for the two of you; treat it like an appointment you would not cancel.",
                "Take turns choosing what to do with it: a walk, cooking together, a question from `tandem card`, or music with the lights low.",
                "Keep it free of screens unless a film or game is something you chose to share on purpose.",
                "Spend at least 15 minutes of the hour talking about the two of you, not logistics; bills and schedules get their own time.",
                "If the hour gets bumped, rebook it out loud the same day: \"We missed it. Let's do Thursday at eight.\"",
            ],
            tryToday: "Send your partner a message proposing one specific hour this week that is only for the two of you.",
            reflections: [
                "What did you set aside to make room for this time, and was it worth it?",
                "At what point in the hour did you feel closest?",
                "What keeps pulling time away from the two of you, and what could you say no to?",
            ],
            cadence: .weekly,
            tags: ["quality-time", "priority", "1-hour"]
        ),
        Practice(
            id: "men.name_the_feeling",
            title: "Find the exact word",
            why: """
                "Fine", "stressed" and "tired" are where most of us stop, and they tell a partner \
                very little. A precise word, such as "overlooked" instead of "annoyed", helps you \
                understand yourself and tells your partner what you need. Naming a feeling often \
                takes some of its heat away, too.
                """,
            steps: [
                "Twice a day, say at lunch and before bed, stop for one minute and ask yourself \"What am I feeling right now?\"",
                "Start with a core feeling: joy, love, sadness, fear, anger, shame, surprise or disgust. Run `tandem feelings` if none comes.",
                "Go one layer finer with `tandem feelings fear` (or whichever core fits) and pick the word that fits best.",
                "Say it to your partner with a starter such as \"I feel ___ when ___.\" Keep it about you, not about what they did wrong.",
                "If two words fit, say both: mixed feelings are normal, like proud and nervous about a new job.",
            ],
            tryToday: "Before bed, tell your partner one precise feeling word from your day and what set it off.",
            reflections: [
                "Which feeling words came easily, and which felt unfamiliar to say?",
                "Did naming the feeling change how strong it felt?",
                "What did your partner understand better once you used a precise word?",
                "Which core feeling do you reach for least, and why might that be?",
            ],
            cadence: .daily,
            tags: ["feelings", "vocabulary", "1-minute"]
        ),
        Practice(
            id: "men.ask_for_support",
            title: "Let yourself be helped",
            why: """
                Being the one who handles everything can look like strength, but it keeps your \
                partner outside your life. Asking for support, whether a listening ear, a hand or \
                a hug, gives them a real way to care for you. It also shows that leaning on each \
                other goes both ways.
                """,
            steps: [
                "Notice the signal: when you catch yourself thinking \"I'll just deal with it myself\", take it as the cue to ask.",
                "Before you ask, decide what kind of help you want: someone to listen, a practical hand, advice, or just company.",
                "Ask plainly and specifically: \"Could you just listen for ten minutes? I don't need advice, I need to get this off my chest.\"",
                "Take what is offered without waving it away; skip \"it's fine, don't worry about it\".",
                "Afterwards, tell them what helped: \"That made a real difference. Thank you.\"",
            ],
            tryToday: "Ask your partner for one small, specific piece of support today, and say what kind you want.",
            reflections: [
                "What made asking hard, and what made it easier than you expected?",
                "How did your partner seem to feel about being asked?",
                "What do you usually carry alone that you could share?",
            ],
            cadence: .weekly,
            tags: ["support", "teamwork", "asking"]
        ),
    ]

    /// Questions about feelings, growing up with them, and being known.
    public let cards: [ConversationCard] = [
        ConversationCard("What made you laugh this week?", tags: ["light"]),
        ConversationCard("What small thing did I do lately that you liked?", tags: ["light"]),
        ConversationCard("What song fits your mood today, and why?", tags: ["light"]),
        ConversationCard("Where do you feel most relaxed when we're together?", tags: ["light"]),
        ConversationCard("What are you looking forward to this month?", tags: ["light"]),
        ConversationCard("When did you last feel proud of yourself?", tags: ["light"]),
        ConversationCard("How did the grown-ups around you show their feelings when you were a kid?", tags: ["medium"]),
        ConversationCard("Which feeling is easiest for you to show, and which is hardest?", tags: ["medium"]),
        ConversationCard("What does being strong mean to you, and how has that changed over the years?", tags: ["medium"]),
        ConversationCard("When you go quiet, what is usually going on inside?", tags: ["medium"]),
        ConversationCard("Which signs in your mood or habits tell me you are under strain before you say a word?", tags: ["medium"]),
        ConversationCard("What do you wish people asked you about more often?", tags: ["medium"]),
        ConversationCard("What helps you feel close to me on an ordinary weekday?", tags: ["medium"]),
        ConversationCard("What is one thing you'd like us to talk about more?", tags: ["medium"]),
        ConversationCard("What fear have you carried that you haven't told me about?", tags: ["deep"]),
        ConversationCard("When did you last cry, or want to, and what was it about?", tags: ["deep"]),
        ConversationCard("What is something you feel ashamed of that you'd like me to understand?", tags: ["deep"]),
        ConversationCard("When have you felt most understood by me?", tags: ["deep"]),
        ConversationCard("When life knocks you down, what kind of company do you want from me?", tags: ["deep"]),
        ConversationCard("What did you have to stop feeling to get through a hard time in your life?", tags: ["deep"]),
        ConversationCard("What joy do you keep to yourself, and why?", tags: ["deep"]),
        ConversationCard("What would you tell your younger self about feelings?", tags: ["deep"]),
        ConversationCard("If you could tell me one thing without worrying how I'd react, what would it be?", tags: ["deep"]),
        ConversationCard("What makes it feel safe to be vulnerable with me, and what makes it feel risky?", tags: ["deep"]),
        ConversationCard("What did you do for fun as a teenager that you still miss?", tags: ["light", "past"]),
        ConversationCard("Which of your friends would you call at three in the morning, and why them?", tags: ["light", "friendship"]),
        ConversationCard("Where do you go in your head when you need a break?", tags: ["light", "self"]),
        ConversationCard("Which of your qualities do you wish someone would notice out loud?", tags: ["light", "appreciation"]),
        ConversationCard("What kind of day leaves you feeling most like yourself?", tags: ["light", "self"]),
        ConversationCard("Which film or book moved you more than you let on?", tags: ["light", "feelings"]),
        ConversationCard("What were you told about boys and crying when you were young?", tags: ["medium", "past", "feelings"]),
        ConversationCard("How do you usually handle worry: talk it out, work it off or keep it in?", tags: ["medium", "stress"]),
        ConversationCard("How would you like me to respond when you withdraw for a while?", tags: ["medium", "communication"]),
        ConversationCard("Which emotion do you find easiest to turn into anger?", tags: ["medium", "feelings"]),
        ConversationCard("What is a question about your feelings you find hard to answer, and why?", tags: ["medium", "feelings"]),
        ConversationCard("How could I ask about your day so that it invites more than a one-word answer?", tags: ["medium", "communication"]),
        ConversationCard("What did you have to figure out alone that you wish someone had helped you with?", tags: ["medium", "vulnerability"]),
        ConversationCard("Which man in your life showed you what tenderness looks like?", tags: ["medium", "past"]),
        ConversationCard("What does it cost you to always seem fine?", tags: ["deep", "vulnerability"]),
        ConversationCard("When have you felt pressure to be the strong one in our relationship?", tags: ["deep", "strength"]),
        ConversationCard("What would change for you if you could be soft with me more often?", tags: ["deep", "vulnerability"]),
        ConversationCard("How would you like to feel close to me when you have no words for what is going on?", tags: ["deep", "connection"]),
    ]

    /// Short tips for `tandem tip`.
    public var tips: [String] {
        [
            "Swap \"I'm fine\" for one precise word; run `tandem feelings` if you need one.",
            "Share one good thing from your day before you get to the logistics.",
            "When your partner talks, put your phone face down and turn toward them.",
            "Say \"I don't know what I feel yet, give me a minute\" instead of going quiet.",
            "Text a specific thank-you at midday: what they did and why it mattered to you.",
            "If face to face feels like too much, talk side by side: on a walk, in the car, while cooking.",
            "Before fixing something your partner shares, ask \"Do you want ideas or a listening ear?\"",
            "Tell your partner one worry this week before it turns into a mood.",
            "Protect one hour this week that is only for the two of you, and put it in the calendar.",
            "When a joke is your first reflex in a serious moment, say the real sentence right after it.",
            "Ask for help with one thing you usually carry alone.",
            "End the day with \"What's one thing I could do tomorrow to make your day easier?\"",
        ]
    }

    /// The `feelings` command.
    public var commands: [any ModuleCommand.Type] { [Feelings.self] }

    /// `men.feeling(core?)` and `men.feelings(core)`.
    public var functions: [RoutineFunction] { FeelingFunctions.all }
}

/// The routine-language functions of the `men` module.
public enum FeelingFunctions {
    /// Every function, in the order help shows them.
    public static let all: [RoutineFunction] = [feeling, feelings]

    /// `men.feeling(core?)`: a random finer feeling word, from the whole wheel
    /// or from one core feeling. Repeatable with `--seed`.
    public static let feeling = RoutineFunction(
        name: "feeling", parameters: ["core"], optionalCount: 1,
        summary: "A random feeling word from the wheel (or from one core feeling), as a prompt."
    ) { arguments, context in
        let core = try arguments.first.map { try coreFeeling(from: $0, function: "feeling") }
        var generator = context.makeRandom()
        return .string(Feelings.pick(from: .standard, core: core, using: &generator).word)
    }

    /// `men.feelings(core)`: the finer words under one core feeling, as a list.
    public static let feelings = RoutineFunction(
        name: "feelings", parameters: ["core"],
        summary: "The list of finer feeling words under a core feeling such as \"fear\"."
    ) { arguments, _ in
        guard let argument = arguments.first else {
            throw RoutineFunctionError("men.feelings needs a core feeling, such as \"fear\"")
        }
        let core = try coreFeeling(from: argument, function: "feelings")
        return .list(core.words.map(RoutineValue.string))
    }

    private static func coreFeeling(from value: RoutineValue, function: String) throws -> CoreFeeling {
        guard case .string(let name) = value else {
            throw RoutineFunctionError("men.\(function) expects a core feeling as a string, not a \(value.typeName)")
        }
        let wheel = FeelingsWheel.standard
        guard let core = wheel.core(named: name) else {
            let hint = Suggestions.hint(for: FeelingsWheel.normalize(name), in: wheel.coreNames)
            throw RoutineFunctionError(
                "'\(name)' is not a core feeling\(hint); use one of " + wheel.coreNames.joined(separator: ", "))
        }
        return core
    }
}
