import TandemKit

extension PlayModule {
    /// Ways to bring fun and novelty back into ordinary weeks.
    static let allPractices: [Practice] = [
        Practice(
            id: "play.date_at_home",
            title: "A date night at home",
            why: """
                Going out costs money, babysitters and energy that a busy week rarely has left. A date at \
                home only needs a decision and an hour, and it turns the place where you do chores into a \
                place where you also have fun. What makes it a date is that you plan it and treat it as special.
                """,
            steps: [
                "Pick an evening this week and block it in both calendars as you would a dinner reservation.",
                "Take turns choosing a theme: a picnic on the living-room floor, a tasting of three cheap wines, a film from the year you met.",
                "Change one thing about the room so it feels different: candles, a blanket fort, music you have not played in years.",
                "Put phones away and leave chores, plans and problems for another night.",
                "At the end, each say what you liked best and who picks the next theme.",
            ],
            tryToday: "Choose an evening this week for a date at home and tell your partner the theme.",
            reflections: [
                "What made the evening feel like a date rather than an ordinary night in?",
                "When did you both laugh, and what started it?",
                "What got in the way of planning it, and how could next time be easier?",
                "Which theme would you like to try next, and why that one?",
            ],
            cadence: .weekly,
            tags: ["dates", "home", "fun", "60-minutes"]
        ),
        Practice(
            id: "play.something_new",
            title: "Try something new together",
            why: """
                Couples who share new experiences tend to feel a fresh spark, because novelty makes the \
                moment memorable and you link that feeling with each other. The new thing does not have to \
                be big or expensive. It only has to be new for both of you.
                """,
            steps: [
                "Each of you writes down three things neither of you has done before, from a new recipe to a dance class.",
                "Pick one together, keeping it small enough to do within the next two weeks.",
                "Go in as beginners: being a bit bad at something side by side is part of the fun.",
                "Notice one thing you learned about your partner while you tried it.",
                "Afterwards, keep the leftover ideas on a list for next time.",
            ],
            tryToday: "Suggest one thing neither of you has ever tried and ask your partner to pick a day for it.",
            reflections: [
                "What did you see in your partner while they were a beginner?",
                "How did being new at something together change the mood between you?",
                "Which idea on the list excites you most, and which one scares you a little?",
            ],
            cadence: .timesPer(times: 1, days: 14),
            tags: ["novelty", "adventure", "learning"]
        ),
        Practice(
            id: "play.flirt",
            title: "Flirt like you did at the start",
            why: """
                Early on, flirting came easily because you were trying to win each other over. Years later \
                it tends to fade, and the relationship can start to feel like running a small business. A \
                wink, a teasing message or a compliment with a glint in it reminds you both that you still \
                choose each other.
                """,
            steps: [
                "Send one playful message during the day that has nothing to do with logistics.",
                "Pay a compliment about how your partner looks or moves, said with a smile rather than as a report.",
                "Tease gently about something they are proud of, never about something they are sensitive about.",
                "Catch their eye across a room or a table and hold it a moment longer than usual.",
            ],
            tryToday: "Send your partner a message today that would have made them blush when you first met.",
            reflections: [
                "How did your partner react to being flirted with out of the blue?",
                "What kind of flirting feels natural to you now, and what feels forced?",
                "What do you miss about the way you flirted in your early days?",
            ],
            cadence: .timesPer(times: 3, days: 7),
            tags: ["flirting", "romance", "1-minute"]
        ),
        Practice(
            id: "play.laugh_together",
            title: "Find something to laugh about",
            why: """
                Shared laughter relaxes the body and tells both of you that you are on the same side. \
                Couples who can laugh together recover from stress and arguments more quickly. Humour also \
                makes the dull parts of a shared life far easier to carry.
                """,
            steps: [
                "Keep a note of funny things that happen during your day to tell your partner later.",
                "Share one thing a day that made you laugh: a clip, a story, a silly photo.",
                "Bring back an old inside joke, or start a new one.",
                "When something goes wrong but nobody is hurt, look for the funny side together before the annoyed side.",
            ],
            tryToday: "Tell your partner the funniest thing that happened to you today, with all the details.",
            reflections: [
                "When did you last laugh so hard together that it was hard to stop?",
                "Which of your inside jokes still makes you both smile, and where did it begin?",
                "What kind of humour brings you closer, and what kind stings?",
            ],
            cadence: .daily,
            tags: ["humour", "laughter", "2-minutes"]
        ),
        Practice(
            id: "play.adventure_list",
            title: "Keep a list of adventures",
            why: """
                Good intentions to do fun things vanish when there is no plan. A shared list of small and big \
                adventures gives you something to look forward to and an answer ready when you have a free \
                afternoon. Looking forward to something together is a pleasure of its own.
                """,
            steps: [
                "Start a shared note called our adventures, and each add five ideas: some free, some for a special occasion.",
                "Mix sizes: a new walk nearby, a day trip, a night away, a trip you are saving up for.",
                "Once a month, pick one idea and put a date on it.",
                "When you have done one, add a line about what you will remember from it.",
                "Read the list of done adventures together at the end of the year.",
            ],
            tryToday: "Start a shared list of adventures and add the first three ideas tonight.",
            reflections: [
                "Which idea on the list did your partner add that surprised you?",
                "What do you look forward to most, and what does that say about what you need right now?",
                "What gets in the way of turning ideas into dates?",
                "Which adventure you have already done do you still talk about, and why?",
            ],
            cadence: .timesPer(times: 1, days: 30),
            tags: ["adventure", "planning", "dates", "anticipation"]
        ),
    ]
}
