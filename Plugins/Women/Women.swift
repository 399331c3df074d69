import TandemKit

/// Tips for women: being open, listening with empathy, and welcoming a
/// partner's vulnerability with validation rather than fixes.
///
/// Written with women in mind and open to anyone who wants the same skills.
/// It adds the routine function `women.validation()`, which returns one
/// phrase from ``ValidationPhrases``.
public struct WomenModule: CoachingModule {
    /// Creates the module.
    public init() {}

    /// The module's identity: `women`, tagged `tips` and `for-women`.
    public let manifest = ModuleManifest(
        id: "women",
        displayName: "Tips for women",
        summary: "Share openly, listen with curiosity, and meet your partner's feelings with validation before solutions.",
        version: "1.0.0",
        tags: ["tips", "for-women", "empathy", "validation", "listening", "open-to-everyone"]
    )

    /// Five practices: openness, empathy, accepting vulnerability, curious
    /// questions, and validating before solving.
    public let practices: [Practice] = [
        Practice(
            id: "women.practice_openness",
            title: "Share what's going on inside",
            why: """
                Openness runs both ways: saying what you think and feel, and making room for \
                whatever your partner has to say. When you share plainly, your partner doesn't have to \
                guess, and guessing is where a lot of distance starts. When you listen with \
                curiosity instead of judgment, you show them it is safe to open up in return.
                """,
            steps: [
                "Once a day, share one honest thought or feeling you would normally keep to yourself, as long as it is kind and true: \"I felt a bit left out at dinner with your friends.\"",
                "Say it early and small, while it is still a feeling and before it becomes a grievance.",
                "Then turn it around: ask \"What's been on your mind lately?\" and give them at least two minutes without interrupting.",
                "When a judgment rises, swap it for \"Tell me more about that.\"",
                "If what they say surprises you, say so gently: \"I didn't know that. Thank you for telling me.\"",
            ],
            tryToday: "Tell your partner one thing you've been thinking about but haven't said, then ask what's been on their mind.",
            reflections: [
                "What did you share that you would usually have kept in?",
                "When did you feel the urge to judge or correct, and what did you do with it?",
                "What did your partner say once they had room to talk?",
                "What makes it easier for you to open up?",
            ],
            cadence: .timesPer(times: 3, days: 7),
            tags: ["openness", "sharing", "listening"]
        ),
        Practice(
            id: "women.practice_empathy",
            title: "Stand where they stand",
            why: """
                Empathy means trying to feel your way into your partner's experience, not only \
                following the facts of it. When they sense you are really trying to see it their \
                way, they feel less alone with what they carry. You don't have to agree with their \
                view to understand why it makes sense to them.
                """,
            steps: [
                "When your partner tells you about their day, picture it from where they stood: what they saw, what worried them, what they hoped would happen.",
                "Offer what you imagine as a guess, not a verdict: \"It sounds like you felt cornered in that meeting. Is that close?\"",
                "Let them correct you; a wrong guess they put right still brings you closer.",
                "Ask about the need underneath: \"What would have made that easier?\"",
                "Hold back comparisons (\"that happened to me too\") and silver linings (\"at least…\") until they have finished.",
            ],
            tryToday: "When your partner shares something today, guess the feeling out loud: \"That sounds really frustrating. Is that how it felt?\"",
            reflections: [
                "What did you notice when you imagined the moment from their side?",
                "How close was your guess about their feeling, and what did their correction teach you?",
                "When was it hardest to hold back your own view?",
            ],
            cadence: .daily,
            tags: ["empathy", "listening", "understanding"]
        ),
        Practice(
            id: "women.accept_vulnerability",
            title: "Welcome what they share",
            why: """
                When someone shows you a soft spot, the next few seconds decide whether they will \
                risk it again. A warm, accepting response tells them their feelings make sense \
                and that they are safe with you. Validating a feeling is not agreeing with every \
                point; it is saying "I can see why you'd feel that way."
                """,
            steps: [
                "When your partner shares something vulnerable, stop what you're doing and turn toward them.",
                "Thank them before anything else: \"I'm really glad you told me.\"",
                "Validate with words that fit: \"That makes sense,\" \"Anyone would feel that in your place,\" or \"I can see why that hurt.\"",
                "Steer clear of \"you shouldn't feel that way\", \"it's not a big deal\" and jokes, even kind ones; they close the door.",
                "Keep what they told you between the two of you, and never bring it up later as ammunition in an argument.",
                "A day or two later, check in once: \"I've been thinking about what you told me. How are you doing with it?\"",
            ],
            tryToday: "The next time your partner shares a feeling, answer first with \"That makes sense\" before anything else.",
            reflections: [
                "What did your partner share, and how did you respond in the first few seconds?",
                "Which validating phrase felt most natural for you to say?",
                "Did you feel a pull to fix, argue or lighten the mood, and what was behind it?",
                "How did your partner seem after you validated them?",
            ],
            cadence: .daily,
            tags: ["validation", "vulnerability", "trust"]
        ),
        Practice(
            id: "women.ask_curious_questions",
            title: "Ask one more question",
            why: """
                Curious questions tell your partner you want to know their inner world, not only \
                their schedule. "How was your day?" usually earns a "Fine." Open questions that \
                start with "what" or "how" invite a real answer and can still surprise you after \
                years together.
                """,
            steps: [
                "Swap yes-or-no questions for open ones: instead of \"Was work okay?\" ask \"What was the most interesting part of work today?\"",
                "When they answer, ask one follow-up before you add your own story: \"What was that like for you?\"",
                "Be curious about the feeling as well as the event: \"How did you feel when she said that?\"",
                "Leave out questions that are advice in disguise, such as \"Have you tried just telling him?\"",
                "Once a week, draw a question with `tandem card` and both answer it.",
            ],
            tryToday: "Ask your partner \"What's something you've been thinking about lately that I don't know about?\" and follow up once.",
            reflections: [
                "What did the follow-up question bring out that you would have missed?",
                "Which questions opened your partner up, and which closed them down?",
                "How did it feel to be curious instead of ready with a reply?",
            ],
            cadence: .weekdays([.monday, .wednesday, .friday]),
            tags: ["curiosity", "questions", "listening"]
        ),
        Practice(
            id: "women.validate_before_solving",
            title: "Feelings first, fixes second",
            why: """
                When someone we love is upset, jumping to solutions can feel like care, yet it can \
                land as "stop feeling this". Acknowledging the feeling first helps your partner \
                settle and feel understood. Once they feel heard, they are far more open to ideas, \
                if they want any at all.
                """,
            steps: [
                "When your partner brings you a problem, spend the first minute only listening and keep your suggestions to yourself.",
                "Name what you hear: \"You're exhausted, and it feels like nobody noticed how much you did.\"",
                "Ask before advising: \"Would it help to think it through together, or do you mostly need to vent?\"",
                "If they want ideas, offer one at a time, as a question: \"What if you…?\"",
                "If they only want to vent, stay with it and close with \"I'm on your side.\"",
            ],
            tryToday: "Next time your partner vents, ask \"Do you want ideas, or should I just listen?\" before you say anything else.",
            reflections: [
                "How long could you stay with the feeling before moving toward a fix?",
                "What did your partner actually want: ideas, comfort or company?",
                "How did the talk end, compared with times you went straight to solutions?",
            ],
            cadence: .timesPer(times: 4, days: 7),
            tags: ["validation", "listening", "support"]
        ),
    ]

    /// Questions about being heard, understood and safe to open up.
    public let cards: [ConversationCard] = [
        ConversationCard("What moment this week felt like a small gift?", tags: ["light"]),
        ConversationCard("What topic could you talk about for hours?", tags: ["light"]),
        ConversationCard("What new idea or hobby has grabbed you recently?", tags: ["light"]),
        ConversationCard("In which moments with me can you be completely yourself?", tags: ["light"]),
        ConversationCard("What helps you switch from your day into our evening?", tags: ["light"]),
        ConversationCard("How can I tell when you want advice and when you want me to just listen?", tags: ["medium"]),
        ConversationCard("Which part of your life do you wish I showed more interest in?", tags: ["medium"]),
        ConversationCard("When you share something personal, what response helps you most?", tags: ["medium"]),
        ConversationCard("Which feeling do you find hardest to put into words?", tags: ["medium"]),
        ConversationCard("What does being understood look like to you?", tags: ["medium"]),
        ConversationCard("When did you last feel really heard by someone, and what did they do?", tags: ["medium"]),
        ConversationCard("What part of your day do I probably know the least about?", tags: ["medium"]),
        ConversationCard("Which of your opinions do you think I don't fully understand yet?", tags: ["medium"]),
        ConversationCard("What have you been carrying that you haven't told me?", tags: ["deep"]),
        ConversationCard("When have you felt judged by me, even a little?", tags: ["deep"]),
        ConversationCard("What are you most afraid of in our relationship?", tags: ["deep"]),
        ConversationCard("What would you like from me that feels awkward to put into words?", tags: ["deep"]),
        ConversationCard("What from your past still shapes how safe you feel opening up?", tags: ["deep"]),
        ConversationCard("When have I made it easy for you to be vulnerable, and what did I do?", tags: ["deep"]),
        ConversationCard("What do you wish I understood about how you feel when you're overwhelmed?", tags: ["deep"]),
        ConversationCard("What would you like us to be braver about talking about?", tags: ["deep"]),
        ConversationCard("How do you want me to respond when you're hurting?", tags: ["deep"]),
        ConversationCard("What conversation with a friend recently left you feeling lighter?", tags: ["light", "friendship"]),
        ConversationCard("Which part of your work or hobbies would you like to explain to me properly?", tags: ["light", "curiosity"]),
        ConversationCard("Which part of your week do you enjoy most, just for yourself?", tags: ["light", "self"]),
        ConversationCard("What is a small way I can show you I was listening earlier?", tags: ["light", "listening"]),
        ConversationCard("Which places make you feel calm enough to talk freely?", tags: ["light", "communication"]),
        ConversationCard("What opinion of yours has changed in the past year?", tags: ["light", "growth"]),
        ConversationCard("What did your mother or other grown-ups teach you about speaking up?", tags: ["medium", "past"]),
        ConversationCard("When do you hold back what you think to keep the peace?", tags: ["medium", "communication"]),
        ConversationCard("How do you like me to react when you are excited about something?", tags: ["medium", "connection"]),
        ConversationCard("What helps you trust that I will take your feelings seriously?", tags: ["medium", "trust"]),
        ConversationCard("Which of your strengths do you think I underrate?", tags: ["medium", "respect"]),
        ConversationCard("How would you like us to share the mental load of remembering things?", tags: ["medium", "teamwork"]),
        ConversationCard("What do you wish you could say without having to explain yourself?", tags: ["medium", "communication"]),
        ConversationCard("When do you feel you have to be the one who keeps everything together?", tags: ["deep", "stress"]),
        ConversationCard("What part of you do you worry is too much for others?", tags: ["deep", "vulnerability"]),
        ConversationCard("Which old hurt still makes it hard to show me when you are struggling?", tags: ["deep", "past", "vulnerability"]),
        ConversationCard("When did opening up to me bring us closer than you expected?", tags: ["deep", "connection"]),
        ConversationCard("How can I show you that your needs matter as much as mine?", tags: ["deep", "respect"]),
        ConversationCard("What would you like to be brave enough to ask of me this year?", tags: ["deep", "needs"]),
        ConversationCard("What do you need to hear from me when you doubt yourself?", tags: ["deep", "support"]),
    ]

    /// Short tips for `tandem tip`.
    public var tips: [String] {
        [
            "Open a hard conversation softly: \"Can I share something that's been on my mind?\"",
            "Answer \"How are you?\" with one true feeling, not just \"fine\".",
            "Ask \"What was that like for you?\" before you share your own story.",
            "When your partner opens up, say \"Thank you for telling me\" first.",
            "Ask \"Do you want ideas or a listening ear?\" before giving advice.",
            "Guess your partner's feeling out loud and let them correct you.",
            "Keep what your partner confides in you private, and never use it in an argument.",
            "Replace \"at least…\" with \"that sounds hard.\"",
            "Ask one open question a day that starts with \"what\" or \"how\".",
            "Notice one thing your partner did well today and tell them why it mattered.",
            "When you disagree, try \"I see it differently, and I understand why you feel that way.\"",
            "Check in a day later about something vulnerable your partner shared.",
        ]
    }

    /// `women.validation()`.
    public var functions: [RoutineFunction] { [ValidationPhrases.function] }
}

/// Phrases that validate a partner's feelings: they say "your feeling makes
/// sense" without arguing, fixing or shrinking it.
public enum ValidationPhrases {
    /// Every phrase, in the order shown.
    public static let all: [String] = [
        "That makes sense to me.",
        "I can see why that hurt.",
        "Anyone would feel that way in your place.",
        "Thank you for telling me. I know that wasn't easy.",
        "I'm here, and I'm not going anywhere.",
        "You don't need to have it figured out for me to listen.",
        "That sounds really heavy to carry.",
        "I'd be frustrated too.",
        "Your feelings matter to me, even when I see things differently.",
        "I'm on your side.",
        "Take your time. I'm listening.",
        "I didn't realise how much that weighed on you. I'm glad I know now.",
    ]

    /// `women.validation()`: one validating phrase at random, repeatable with `--seed`.
    public static let function = RoutineFunction(
        name: "validation", parameters: [],
        summary: "A phrase that validates a partner's feelings, picked at random."
    ) { _, context in
        var generator = context.makeRandom()
        // `all` is never empty.
        return .string(all.randomElement(using: &generator)!)
    }
}
