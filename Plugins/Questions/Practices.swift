import TandemKit

extension QuestionsModule {
    /// Habits around the daily question: ask it, follow it up, keep the answers, write your own.
    static let allPractices: [Practice] = [
        Practice(
            id: "questions.question_of_the_day",
            title: "Ask the question of the day",
            why: """
                However long you have been together, there is always more to learn about each other. One \
                question a day, answered by both of you, keeps that discovery going without needing a plan. \
                Because the question is chosen for you, nobody has to think of something clever to ask.
                """,
            steps: [
                "Pick a moment that suits you both, such as breakfast, the drive home or the walk after dinner.",
                "Read the day's question out loud; both of you answer, taking turns on who goes first.",
                "Give a real answer, even a short one, rather than \"I don't know\".",
                "If the question lands on something tender, slow down and let the answer take as long as it needs.",
            ],
            tryToday: "Read today's question to your partner at dinner and both answer it.",
            reflections: [
                "Which answer from your partner surprised you this week?",
                "Which question was hardest to answer, and why?",
                "When in the day does the question fit best for the two of you?",
            ],
            cadence: .daily,
            tags: ["questions", "curiosity", "5-minutes"]
        ),
        Practice(
            id: "questions.follow_up",
            title: "Ask one more question",
            why: """
                The first answer to a question is often the polite one; the interesting part comes after. One \
                follow-up question shows you were listening and invites your partner to go a little deeper. It \
                also turns a quiz into a conversation.
                """,
            steps: [
                "After your partner answers, pause for a breath before you reply.",
                "Ask one follow-up that starts with what, how or when, such as \"What was that like for you?\"",
                "Listen to the second answer without steering it back to yourself.",
                "Only then share your own answer or thoughts.",
            ],
            tryToday: "After your partner answers any question today, ask one follow-up before you say anything about yourself.",
            reflections: [
                "What did the follow-up bring out that the first answer did not?",
                "Which kinds of follow-up questions open your partner up, and which close them down?",
                "How did it feel when your partner asked you a second question?",
            ],
            cadence: .timesPer(times: 3, days: 7),
            tags: ["listening", "curiosity", "conversation"]
        ),
        Practice(
            id: "questions.keep_the_answers",
            title: "Keep the answers that matter",
            why: """
                Some answers tell you something you will want to remember: a dream, a fear, a favourite thing \
                you could one day surprise them with. Writing the best ones down turns a daily habit into a \
                record of how well you know each other. Reading them back months later shows how you have both grown.
                """,
            steps: [
                "Once a week, each pick one answer from your partner that you want to remember.",
                "Write it down in a shared notebook or in a journal note, with the date.",
                "Add one line about why it mattered to you.",
                "Every few months, read the collection together.",
            ],
            tryToday: "Write down one thing your partner told you this week that you never want to forget.",
            reflections: [
                "Which answer did you choose to keep, and why that one?",
                "What do the kept answers say about how your partner has changed?",
                "How did it feel to hear which of your answers your partner kept?",
            ],
            cadence: .weekly,
            tags: ["memories", "journal", "10-minutes"]
        ),
        Practice(
            id: "questions.ask_your_own",
            title: "Write a question of your own",
            why: """
                The best questions often come from the person who knows the other best. Writing one for your \
                partner makes you think about what you are truly curious about in them. It also tells them you \
                are still wondering about who they are.
                """,
            steps: [
                "Once a week, think of something about your partner you have always wondered.",
                "Turn it into an open question that cannot be answered with yes or no.",
                "Ask it at a relaxed moment, and be ready to answer it yourself too.",
                "If it works well, write it down for the two of you to ask again next year.",
            ],
            tryToday: "Write one question you have always wanted to ask your partner, and ask it this evening.",
            reflections: [
                "What made you curious enough to ask that question?",
                "How did your partner react to a question written just for them?",
                "Which question would you like your partner to write for you?",
            ],
            cadence: .weekly,
            tags: ["curiosity", "creativity", "connection"]
        ),
    ]

    /// Short, actionable tips for asking good questions.
    static let allTips: [String] = [
        "Ask questions that start with what, how or when; they invite more than yes or no.",
        "Answer the day's question yourself too, so it is a conversation rather than an interview.",
        "Put your phone face down while your partner answers.",
        "Follow a good answer with \"Tell me more about that.\"",
        "Take turns choosing who answers first each day.",
        "If a question feels too heavy for tonight, say so and save it for the weekend.",
        "Ask the day's question on a walk; side by side, talking often comes easier.",
        "Repeat back one detail from your partner's answer before you give yours.",
        "Keep a note of answers you want to remember.",
        "On a busy day, ask the question by message and talk about it in the evening.",
        "Laugh at the silly questions and take your time with the deep ones.",
        "Every few months, ask a question you answered a year ago and compare.",
    ]
}
