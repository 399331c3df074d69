import TandemKit

extension DailyModule {
    /// Small rituals for ordinary days, from a nightly thank-you to a weekly look ahead.
    static let allPractices: [Practice] = [
        Practice(
            id: "daily.gratitude",
            title: "Say one specific thank-you",
            why: """
                Daily life makes it easy to stop noticing what a partner quietly does for you. Naming one \
                thing each day trains you to see their effort and tells them it counts. Specific thanks land \
                far better than a general \"thanks for everything\".
                """,
            steps: [
                "Pick a fixed moment, such as dinner or just before sleep, so it becomes automatic.",
                "Think of one thing your partner did or said today, however small.",
                "Tell them what it was and what it meant to you: \"Thanks for making coffee. It made my rushed morning feel calmer.\"",
                "Look at them while you say it, and say it as a sentence, not a quick \"thx\".",
                "If you are apart, send it as a message or voice note instead of skipping it.",
            ],
            tryToday: "Before bed, thank your partner for one specific thing they did today and say why it mattered.",
            reflections: [
                "What did you notice about your partner once you were looking for something to thank them for?",
                "How did they respond to a specific thank-you compared with a general one?",
                "What did your partner thank you for, and how did it feel to hear it?",
                "Were there days you struggled to think of something? What got in the way?",
            ],
            cadence: .daily,
            tags: ["gratitude", "appreciation", "2-minutes", "evening"]
        ),
        Practice(
            id: "daily.affection",
            title: "Small touches, every day",
            why: """
                Warm, unhurried touch tells a partner \"I'm glad you're here\" without a word. Small gestures \
                spread through the day keep you feeling connected even when there is no time to talk. It works \
                best when the affection asks for nothing in return.
                """,
            steps: [
                "Ask each other which touches feel good and which do not, such as a hand on the back, holding hands or a long hug, and respect the answers.",
                "Give at least three moments of affection a day that do not lead anywhere: a hug in the kitchen, a hand squeeze, a kiss on the forehead.",
                "Make one hug last at least 20 seconds, long enough for both of you to relax into it.",
                "Hold hands for a few minutes while you watch something, walk or talk.",
                "On days apart, send an affectionate message that says what you would do if you were together.",
            ],
            tryToday: "Give your partner a hug today that lasts a slow count of twenty.",
            reflections: [
                "Which kinds of touch made you feel closest, and which did your partner enjoy most?",
                "Did affection come easily today, or did you have to remind yourself?",
                "How did the day feel different when there was more touch in it?",
            ],
            cadence: .daily,
            tags: ["affection", "touch", "1-minute"]
        ),
        Practice(
            id: "daily.no_tech_time",
            title: "Screen-free time together",
            why: """
                Phones and screens pull attention away in tiny slices until a whole evening goes by without \
                a real conversation. A regular stretch with devices put away gives you both a chance to \
                notice each other again. Even half an hour a day makes a difference over weeks.
                """,
            steps: [
                "Agree on a daily window of at least 30 minutes, such as dinner or the first half hour after getting home.",
                "Put phones in another room or a basket, on silent; turn off the TV and laptops.",
                "Fill the time with something shared: cooking, eating, walking, a game, or simply talking.",
                "If something truly urgent is expected, say so at the start rather than checking secretly.",
                "When the time ends, say one thing you enjoyed about it before the screens come back.",
            ],
            tryToday: "Put both phones in another room for dinner tonight and eat facing each other.",
            reflections: [
                "What did you talk about that you would have missed with screens on?",
                "When did you most feel the pull to check your phone, and what did you do?",
                "How did your partner seem during the screen-free time?",
                "Which time of day works best for you both, and why?",
            ],
            cadence: .daily,
            tags: ["presence", "no-tech", "30-minutes"]
        ),
        Practice(
            id: "daily.reunion_ritual",
            title: "A warm hello",
            why: """
                The first minute after you see each other again sets the tone for the whole evening. A \
                deliberate greeting, instead of a distracted \"hi\" from behind a screen, tells your partner \
                they are a priority. It takes almost no time and is easy to make a habit.
                """,
            steps: [
                "When one of you comes home, the other stops what they are doing and goes to the door or looks up.",
                "Greet each other with a hug or kiss that lasts at least six seconds, not a quick peck.",
                "Ask one real question: \"What was the best part of your day?\"",
                "Hold off on chores, logistics and complaints for the first ten minutes.",
                "If you live apart or one of you travels, make the first call or message of the evening a warm hello, not a to-do list.",
            ],
            tryToday: "When you see your partner later today, stop what you are doing and greet them with a six-second hug or kiss.",
            reflections: [
                "How did the evening go after a warm hello compared with a rushed one?",
                "What usually gets in the way of greeting each other properly?",
                "How did it feel to be the one welcomed?",
            ],
            cadence: .weekdays([.monday, .tuesday, .wednesday, .thursday, .friday]),
            tags: ["reunion", "affection", "1-minute", "ritual"]
        ),
        Practice(
            id: "daily.stress_reducing_talk",
            title: "Unload the day",
            why: """
                Stress from work, family or friends leaks into a relationship when there is nowhere to put \
                it. A short talk where one partner vents and the other stands firmly on their side turns \
                outside pressure into something you face as a team. The point is support, not solutions.
                """,
            steps: [
                "Set aside 20 minutes, often early in the evening, and take turns: about ten minutes each.",
                "Talk only about stress from outside the relationship, such as work, family, health or money worries.",
                "The listener asks questions, shows understanding (\"That sounds exhausting\") and takes their partner's side.",
                "No advice unless it is asked for; try \"Do you want ideas, or just to vent?\"",
                "Finish with a hug or a small gesture of comfort before switching roles or moving on.",
            ],
            tryToday: "Ask your partner \"What's weighing on you today?\" and listen for ten minutes without offering fixes.",
            reflections: [
                "Did you feel your partner was on your side? What told you so?",
                "How hard was it to listen without jumping in with solutions?",
                "Did the stress feel lighter afterwards?",
                "What outside pressures keep coming up, and how could you help each other with them?",
            ],
            cadence: .timesPer(times: 3, days: 7),
            tags: ["stress", "support", "listening", "20-minutes"]
        ),
        Practice(
            id: "daily.bedtime_checkin",
            title: "Lights-out check-in",
            why: """
                The last few minutes before sleep are often the only quiet time a couple shares. A short \
                check-in there closes the day together rather than side by side with separate screens. It \
                also keeps small hurts from being carried into the next morning.
                """,
            steps: [
                "Put phones down a few minutes before you want to sleep.",
                "Take turns answering: \"What was one high and one low of your day?\"",
                "Ask \"Is there anything between us I should know about?\" and listen to the answer.",
                "If something heavy comes up, agree on a time tomorrow to talk properly instead of starting late at night.",
                "End with a goodnight touch or words you both like.",
            ],
            tryToday: "Tonight, swap one high and one low of your day before you turn off the light.",
            reflections: [
                "What did you learn about your partner's day that you did not know before?",
                "Did the check-in change how you fell asleep or woke up?",
                "Is there anything that keeps coming up as a low point for either of you?",
            ],
            cadence: .timesPer(times: 5, days: 7),
            tags: ["bedtime", "check-in", "5-minutes", "evening"]
        ),
        Practice(
            id: "daily.morning_touchpoint",
            title: "Two minutes before the day",
            why: """
                Knowing what your partner faces today lets you think of them, send a well-timed message and \
                ask about it later. A tiny morning exchange makes you part of each other's day even when you \
                spend it apart.
                """,
            steps: [
                "Before you go your separate ways, ask: \"What's one thing on your plate today?\"",
                "Share yours too, including anything you are nervous or excited about.",
                "Offer one small thing: \"I'll text you at lunch\" or \"I'll pick up dinner.\"",
                "Part with a hug, a kiss or a warm word rather than a shout from the other room.",
                "In the evening, ask how that one thing went.",
            ],
            tryToday: "Ask your partner what one thing is on their plate today, and send them a message about it later.",
            reflections: [
                "How did knowing about each other's day change how you felt connected while apart?",
                "Did you remember to follow up in the evening?",
                "What makes mornings rushed for you, and how could you find two calm minutes?",
            ],
            cadence: .weekdays([.monday, .tuesday, .wednesday, .thursday, .friday]),
            tags: ["morning", "connection", "2-minutes"]
        ),
        Practice(
            id: "daily.week_ahead",
            title: "Plan the week together",
            why: """
                When each partner carries the week's plans alone, stress and small resentments build up. \
                Looking at the coming week together means fewer surprises, fairer sharing of the load and \
                protected time for each other. It is the weekly anchor that keeps the daily rituals going.
                """,
            steps: [
                "Pick one fixed time, such as Sunday afternoon, and give it 30 minutes with something nice to drink.",
                "Go through both calendars: work, appointments, social plans and the evenings you will not see each other.",
                "Share out the chores and errands so the load feels fair to both of you.",
                "Choose when your screen-free time and any date will happen, and put them in the calendar.",
                "Ask each other: \"What would make this week feel good for you?\"",
            ],
            tryToday: "Suggest a time this weekend to look at next week's calendars together for half an hour.",
            reflections: [
                "Did the week feel calmer or more shared after planning it together?",
                "Was the load fair? What would you change?",
                "Which planned time together actually happened, and what pushed the rest aside?",
            ],
            cadence: .weekdays([.sunday]),
            tags: ["weekly", "planning", "teamwork", "30-minutes"]
        ),
    ]
}
