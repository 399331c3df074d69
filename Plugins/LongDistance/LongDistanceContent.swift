import TandemKit

/// The coaching text of the long-distance module.
enum LongDistanceContent {
    static let practices: [Practice] = [
        Practice(
            id: "longdistance.stay_connected",
            title: "Keep a thread running through the day",
            why: """
                When you live apart, the small, unremarkable moments are what go missing first. \
                A few light touches spread across the day let your partner walk beside you in \
                ordinary life, so the long calls are not the only place you meet. It keeps you \
                from becoming two people who only report the headlines.
                """,
            steps: [
                "Agree on one or two channels and what each is for: for example, voice notes for feelings and a shared photo album for the day's sights.",
                "Send one unpolished glimpse of your day by lunchtime: the view from your desk, a ten-second voice note, the thing that made you laugh.",
                "Reply to what your partner sent with a feeling or a question, not just a heart: \"That café looks calm, was it a good break?\"",
                "Keep it light: no heavy topics or disagreements by text; save those for a call where you can hear each other's voice.",
                "Before you sleep, send a short goodnight that names one thing from their day you were glad to hear about.",
            ],
            tryToday: "Record a 30-second voice note describing where you are right now and what you can hear, and send it without re-recording.",
            reflections: [
                "Which message from your partner today made you feel closest, and why that one?",
                "Did any of your messages feel like a chore to send? What would make them feel like a gift instead?",
                "Is there a time of day when you most miss hearing from each other?",
                "Did anything get misread over text this week that a voice note would have carried better?",
            ],
            cadence: .daily,
            tags: ["long-distance", "messaging", "5-minutes", "everyday"]
        ),
        Practice(
            id: "longdistance.set_aside_time",
            title: "Protect a standing call",
            why: """
                Calls that happen \"whenever we both get a moment\" tend to shrink and slip. \
                A standing time that both of you guard tells your partner they are a fixed point \
                in your week, not something fitted around the edges. It also gives you both \
                something to look forward to on hard days.
                """,
            steps: [
                "Run `tandem overlap` with both time zones and the hours you are each free, and pick two or three windows that suit you both.",
                "Put them in both calendars as repeating events, with each person's local time written in the title.",
                "Treat the call like a meeting you would not skip: if you must move it, say so a day ahead and offer a new time in the same message.",
                "Open each call with five unhurried minutes of \"how are you, really?\" before logistics or news.",
                "Once a month, check together whether the times still fit your schedules, and move them before resentment builds.",
            ],
            tryToday: "Send your partner two possible times for a standing weekly call, written in both of your local times.",
            reflections: [
                "Which call this week did you look forward to most, and what made it feel that way?",
                "Did either of you move or shorten a call? How did that land for the other person?",
                "Is the time of day working for both of you, or is one of you always tired or rushed?",
                "What would make your calls feel less like catching up and more like being together?",
            ],
            cadence: .timesPer(times: 3, days: 7),
            tags: ["long-distance", "calls", "scheduling", "time-zones"]
        ),
        Practice(
            id: "longdistance.active_listening",
            title: "Listen like you are in the same room",
            why: """
                On a screen, attention leaks easily: a glance at another tab, a lag, a half-heard \
                sentence. Your partner cannot lean across the table to feel that you are with them, \
                so your listening has to be visible and spoken. When they feel heard from far away, \
                the distance shrinks.
                """,
            steps: [
                "Before the call, close other tabs and put your phone face down or in another room.",
                "Let your partner finish; count two breaths after they stop before you answer, which also covers for lag.",
                "Say back the heart of what you heard in a sentence: \"So the meeting wasn't the problem, it was feeling overlooked in it.\"",
                "Ask one follow-up question about how they felt before offering any advice or your own story.",
                "If the line drops or you missed something, say so and ask them to repeat it, rather than guessing.",
            ],
            tryToday: "On your next call, let your partner talk for ten minutes with only questions and reflections from you, and no advice.",
            reflections: [
                "What did your partner say today that you would have missed if you had been half-listening?",
                "When did you feel the urge to fix, advise or jump in with your own story?",
                "How did your partner respond when you reflected back what they said?",
                "What distractions pulled at you during the call, and which could you remove next time?",
            ],
            cadence: .timesPer(times: 3, days: 7),
            tags: ["long-distance", "listening", "calls", "presence"]
        ),
        Practice(
            id: "longdistance.virtual_date",
            title: "Plan a real date on a screen",
            why: """
                Calls can slide into reporting and planning, and you can end up feeling like \
                colleagues. A date has a different feel: you dress for it, you share an experience \
                and you make a memory together, even from different cities. Shared experiences give \
                you something new to talk about besides the distance.
                """,
            steps: [
                "Take turns choosing the date, and tell the other person what to prepare a few days ahead.",
                "Pick something you do side by side: cook the same recipe, start a film at the same second, or play an online game together.",
                "Dress as you would for a date in person and set up your space: a lamp, a candle, a clean background.",
                "Keep logistics and problems off the table for the evening; note them for another call.",
                "End by naming one moment from the date that you enjoyed, and pick who plans the next one.",
            ],
            tryToday: "Choose a simple recipe you can both buy ingredients for this week and suggest cooking it together on a video call.",
            reflections: [
                "What moment of the date felt most like being in the same room?",
                "What got in the way of feeling close, and could it be set up differently next time?",
                "What kind of date would your partner love that you have not tried yet?",
            ],
            cadence: .weekly,
            tags: ["long-distance", "dates", "fun", "shared-experience"]
        ),
        Practice(
            id: "longdistance.countdown_to_visit",
            title: "Keep the next visit in sight",
            why: """
                Missing someone is easier to carry when you know when it ends. A date on the \
                calendar turns an open-ended wait into a countdown you share, and planning it \
                together is its own kind of closeness. Talking about the visit before it happens \
                also keeps hopes from clashing when you finally meet.
                """,
            steps: [
                "Agree on the date of your next visit, even a tentative one, and write it where you both see it.",
                "Each week, add one small plan to a shared list: a walk, a meal, a place you want to show each other.",
                "Talk about how you each want to spend the time: how much planned, how much quiet, how much with friends.",
                "Plan the goodbye too: a last breakfast or a small ritual makes leaving gentler.",
                "On the way home, set or discuss the next date so the countdown starts again.",
            ],
            tryToday: "Send your partner one thing you would love to do together on your next visit, and ask for one of theirs.",
            reflections: [
                "How does knowing when you will next see each other change your week?",
                "Do your hopes for the visit match your partner's? Where might they differ?",
                "What made your last goodbye easier or harder, and what would you keep or change?",
            ],
            cadence: .weekly,
            tags: ["long-distance", "visits", "planning", "hope"]
        ),
    ]

    static let cards: [ConversationCard] = [
        ConversationCard("What did the sky look like where you were today?", tags: ["light"]),
        ConversationCard("What's something small from your day that you wish I had seen?", tags: ["light"]),
        ConversationCard("If I could teleport to you for one hour right now, what would we do?", tags: ["light", "playful"]),
        ConversationCard("Which song has been stuck in your head this month, and what does it remind you of?", tags: ["light"]),
        ConversationCard("Which kind of contact from me during the day feels best: a voice note, a photo or a message?", tags: ["light"]),
        ConversationCard("Which food would you bring me from your city if you could?", tags: ["light", "playful"]),
        ConversationCard("What's one new thing in your neighbourhood you'd want to show me?", tags: ["light"]),
        ConversationCard("Which moment of your day would you most like me to be there for?", tags: ["light"]),
        ConversationCard("What should we do on the first evening of our next visit?", tags: ["medium", "visits"]),
        ConversationCard("Which of our calls this month felt most like being together, and why?", tags: ["medium"]),
        ConversationCard("What would you change about our call schedule if it were up to you alone?", tags: ["medium", "calls"]),
        ConversationCard("When a message from me goes unanswered for a while, what story do you tell yourself?", tags: ["medium"]),
        ConversationCard("What helps you most on days when you miss me badly?", tags: ["medium"]),
        ConversationCard("What do you want me to know about your life there that's hard to show on a screen?", tags: ["medium"]),
        ConversationCard("How do you feel in the hour after we hang up?", tags: ["medium"]),
        ConversationCard("Which of your friends there should I get to know better, and why?", tags: ["medium"]),
        ConversationCard("What is the hardest part of the distance for you right now?", tags: ["deep"]),
        ConversationCard("On which days does the distance feel loneliest, and what would help on them?", tags: ["deep"]),
        ConversationCard("What are you afraid might change between us while we're apart?", tags: ["deep"]),
        ConversationCard("What has the distance taught you about what you need from me?", tags: ["deep"]),
        ConversationCard("How do you picture the day we no longer live apart?", tags: ["deep", "future"]),
        ConversationCard("What do you worry about saying over a call, in case it comes out wrong?", tags: ["deep"]),
        ConversationCard("What would make you feel more chosen by me from far away?", tags: ["deep"]),
        ConversationCard("What would help us feel like a team across the distance this year?", tags: ["deep", "future"]),
        ConversationCard("What is the first thing you would want to eat together when we see each other?", tags: ["light", "visits"]),
        ConversationCard("Which photo from your week would you show me first?", tags: ["light", "sharing"]),
        ConversationCard("What film or series should we watch at the same time this week?", tags: ["light", "playful"]),
        ConversationCard("What little routine in your day would you like me to be part of, even from afar?", tags: ["light", "rituals"]),
        ConversationCard("What would you put in a care package for me right now?", tags: ["light", "playful"]),
        ConversationCard("Which of our video calls made you laugh the most?", tags: ["light", "calls"]),
        ConversationCard("What do you like hearing about my day, even the boring parts?", tags: ["light", "sharing"]),
        ConversationCard("What is the hardest goodbye we have had, and what made it so hard?", tags: ["medium", "visits"]),
        ConversationCard("How do you want us to handle time zones when one of us is having a bad day?", tags: ["medium", "calls"]),
        ConversationCard("What makes a call feel rushed to you, and what makes it feel relaxed?", tags: ["medium", "calls"]),
        ConversationCard("Which part of my life over there do you feel left out of?", tags: ["medium", "connection"]),
        ConversationCard("How do you feel when I go out with friends and you cannot be there?", tags: ["medium", "trust"]),
        ConversationCard("What helps you trust us when we cannot see each other for weeks?", tags: ["medium", "trust"]),
        ConversationCard("What could we plan now so the next visit feels close?", tags: ["medium", "visits"]),
        ConversationCard("What do you fear we are missing by being apart?", tags: ["deep", "fear"]),
        ConversationCard("When does the distance make you doubt us, and what brings you back?", tags: ["deep", "trust"]),
        ConversationCard("What would you need to feel at home in a shared place one day?", tags: ["deep", "future"]),
        ConversationCard("How has being apart changed the way you love me?", tags: ["deep", "reflection"]),
    ]

    static let tips: [String] = [
        "Write both local times in every calendar invite, so nobody does time-zone math at midnight.",
        "Run `tandem overlap` again the week the clocks change; your shared hours may move by one.",
        "Send a voice note instead of a text when the feeling matters more than the facts.",
        "Start calls with how you are, not with what needs deciding.",
        "Close other tabs before a video call; your partner can tell when your eyes wander.",
        "Leave a two-breath pause after your partner stops talking; it covers lag and shows you're listening.",
        "Keep arguments off text. Say \"can we talk about this on our call?\" and mean it.",
        "Always know the date of your next visit, even if it's only pencilled in.",
        "Share one ordinary photo a day; the dull parts of life are what distance hides.",
        "Take turns planning date nights so the effort feels shared.",
        "If you have to cancel a call, offer a new time in the same message.",
        "Fall asleep on a call now and then; quiet company counts too.",
    ]
}
