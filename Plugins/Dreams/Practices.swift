import TandemKit

extension DreamsModule {
    /// Talks and habits that keep a couple heading the same way.
    static let allPractices: [Practice] = [
        Practice(
            id: "dreams.share_a_dream",
            title: "Share a dream",
            why: """
                Everyone carries hopes they rarely say aloud, because they sound unrealistic or because daily \
                life leaves no room for them. When your partner knows your dreams, they can cheer you on and \
                make room for them. Hearing a dream with curiosity, not a reality check, is one of the kindest \
                things you can do.
                """,
            steps: [
                "Pick a relaxed moment, such as a walk or a slow breakfast, and ask: \"What is something you dream of doing one day?\"",
                "Listen with curiosity and ask what draws them to it and what it would feel like.",
                "Hold back practical objections about cost or time for now.",
                "Share one of your own dreams in return.",
                "Ask whether there is a tiny first step you could help with.",
            ],
            tryToday: "Ask your partner about a dream they have not mentioned in a while, and only ask questions about it.",
            reflections: [
                "What did you learn about your partner's hopes that you did not know?",
                "How did it feel to say your own dream out loud?",
                "When did you feel the urge to be practical, and what did you do with it?",
            ],
            cadence: .weekly,
            tags: ["dreams", "curiosity", "15-minutes"]
        ),
        Practice(
            id: "dreams.money_date",
            title: "A calm money date",
            why: """
                Money is one of the topics couples argue about most, often because it only comes up when \
                something has gone wrong. A regular, friendly look at your finances takes the surprise and the \
                blame out of it. Money choices are really choices about what you value, so these talks are \
                about your life together, not only numbers.
                """,
            steps: [
                "Set a monthly time of about 45 minutes, with something nice to eat or drink.",
                "Start by each naming one money decision from the month you feel good about.",
                "Look at what came in, what went out, and anything coming up.",
                "Talk about one goal you are saving for and whether you are on track.",
                "Agree on one small change, and end with something fun that costs little or nothing.",
            ],
            tryToday: "Suggest a date and time for your first relaxed money date this month.",
            reflections: [
                "What feelings came up when you talked about money: calm, worry, guilt, pride?",
                "What did money mean in the home each of you grew up in?",
                "Which goal excites you both, and which do you see differently?",
                "What would make the next money date feel easier?",
            ],
            cadence: .timesPer(times: 1, days: 30),
            tags: ["money", "planning", "teamwork", "45-minutes"]
        ),
        Practice(
            id: "dreams.picture_the_years",
            title: "Picture the years ahead",
            why: """
                Couples drift apart less from a single fight than from slowly heading in different directions \
                without noticing. Imagining the coming years side by side shows where your pictures match and \
                where they differ. Differences found early are far easier to work with than ones found late.
                """,
            steps: [
                "Each of you writes, alone, a short description of an ordinary day five years from now: where you live, what you do, who is around.",
                "Read them to each other without interrupting.",
                "Mark what matches and what differs, without judging either picture.",
                "Pick one difference to talk about more, and one shared wish to take a step toward.",
                "Keep the pages and read them again next time.",
            ],
            tryToday: "Write three sentences about what an ordinary day in five years looks like to you.",
            reflections: [
                "Where did your pictures of the future match, and did anything surprise you?",
                "Which difference feels easy to bridge, and which feels harder?",
                "What would you need to change now to move toward the day you described?",
            ],
            cadence: .timesPer(times: 1, days: 90),
            tags: ["future", "values", "planning", "30-minutes"]
        ),
        Practice(
            id: "dreams.one_step",
            title: "One step toward a dream",
            why: """
                Dreams stay dreams when they are only talked about. Taking one small, concrete step each week, \
                and helping your partner take theirs, turns a far-off wish into something moving. Being the \
                person who helps a dream along is a deep way of saying you believe in someone.
                """,
            steps: [
                "Each choose one dream, yours or shared, to work on this month.",
                "Name a first step small enough to do this week: an email, a search, a saved amount, an hour of practice.",
                "Ask your partner what would help: time, encouragement, taking over a chore.",
                "At the end of the week, tell each other what you did and cheer each other on.",
            ],
            tryToday: "Name one small step toward a dream you could take this week, and tell your partner.",
            reflections: [
                "What step did you take, and how did it feel to move?",
                "How did your partner help, and how did you help them?",
                "What gets in the way of these steps, and what could you do about it?",
            ],
            cadence: .weekly,
            tags: ["dreams", "goals", "support"]
        ),
    ]
}
