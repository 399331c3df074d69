import TandemKit

extension DailyModule {
    /// Open questions about everyday life together, from light to deep.
    static let allCards: [ConversationCard] = [
        ConversationCard("What was the best five minutes of your day?", tags: ["light", "daily"]),
        ConversationCard("What small thing made you smile today?", tags: ["light", "daily"]),
        ConversationCard("What is your favourite ordinary moment with me?", tags: ["light", "rituals"]),
        ConversationCard("Which song, smell or food reminds you of us?", tags: ["light", "memories"]),
        ConversationCard("How do you like to be greeted when you come home?", tags: ["light", "reunion"]),
        ConversationCard("What is your favourite way for us to spend a screen-free evening?", tags: ["light", "no-tech"]),
        ConversationCard("What kind of hug or touch feels best to you at the end of a long day?", tags: ["light", "affection"]),
        ConversationCard("What is one thing I did this week that you appreciated but didn't mention?", tags: ["medium", "gratitude"]),
        ConversationCard("When in the day do you miss me most?", tags: ["medium", "connection"]),
        ConversationCard("Which part of our routine would you keep forever, and which would you change?", tags: ["medium", "rituals"]),
        ConversationCard("What drains your energy most in a normal week, and how can I help with it?", tags: ["medium", "stress"]),
        ConversationCard("When do you feel I'm physically here but my mind is somewhere else?", tags: ["medium", "presence"]),
        ConversationCard("How do you know, without words, that I love you?", tags: ["medium", "affection"]),
        ConversationCard("What would a perfectly ordinary good day together look like?", tags: ["medium", "daily"]),
        ConversationCard("Which chore or task do you secretly wish I would notice more?", tags: ["medium", "teamwork"]),
        ConversationCard("What do you need from me on your most stressful days?", tags: ["medium", "stress", "support"]),
        ConversationCard("Is there something you'd like to tell me at bedtime but usually don't?", tags: ["deep", "bedtime"]),
        ConversationCard("When have you felt lonely even though we were in the same room?", tags: ["deep", "presence"]),
        ConversationCard("What habit of ours do you think keeps us closest, and why?", tags: ["deep", "rituals"]),
        ConversationCard("What did affection look like in the home you grew up in, and how does that shape you now?", tags: ["deep", "affection"]),
        ConversationCard("What do you wish we did every day that we don't do yet?", tags: ["deep", "rituals"]),
        ConversationCard("How do you want our everyday life to feel a year from now?", tags: ["deep", "future"]),
    ]

    /// Short, actionable tips for ordinary days.
    static let allTips: [String] = [
        "Thank your partner tonight for one specific thing and say why it mattered.",
        "Hug for a slow count of twenty; let both of you relax into it.",
        "Leave phones in another room during dinner.",
        "When your partner comes home, stop what you are doing and greet them first.",
        "Ask \"What's one thing on your plate today?\" before you part in the morning.",
        "Send one message a day that is about them, not about logistics.",
        "Hold hands for a few minutes while you walk or watch something.",
        "Ask \"Do you want ideas, or just to vent?\" before you give advice.",
        "Swap one high and one low of your day before lights out.",
        "Save heavy topics for a planned time, not the last minutes before sleep.",
        "Put your screen-free time and your next date in the calendar when you plan the week.",
        "Follow up in the evening on something your partner mentioned in the morning.",
    ]
}
