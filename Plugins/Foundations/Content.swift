import TandemKit

extension FoundationsModule {
    /// Open questions about closeness, from light to deep.
    static let allCards: [ConversationCard] = [
        ConversationCard("When did you feel closest to me this month?", tags: ["light", "connection"]),
        ConversationCard("What is one small thing I do that makes you feel cared for?", tags: ["light", "appreciation"]),
        ConversationCard("What is something you have been curious about lately?", tags: ["light", "passion"]),
        ConversationCard("Which moment from our early days do you replay most often?", tags: ["light", "memories"]),
        ConversationCard("What is a compliment you would love to hear more often?", tags: ["light", "appreciation"]),
        ConversationCard("When during the day do you most want my full attention?", tags: ["light", "presence"]),
        ConversationCard("What does a really good conversation between us feel like to you?", tags: ["medium", "communication"]),
        ConversationCard("How can I tell when something is bothering you but you haven't said it yet?", tags: ["medium", "communication"]),
        ConversationCard("What is the best way for me to bring up something difficult with you?", tags: ["medium", "communication", "conflict"]),
        ConversationCard("What helps you feel listened to, and what makes you feel dismissed?", tags: ["medium", "presence"]),
        ConversationCard("Which of your interests do you wish I asked you more about?", tags: ["medium", "passion"]),
        ConversationCard("What did your family teach you, spoken or not, about showing feelings?", tags: ["medium", "barriers"]),
        ConversationCard("When do you trust me most easily, and when does it take more effort?", tags: ["medium", "trust"]),
        ConversationCard("What is something you respect about the way I handle hard times?", tags: ["medium", "respect"]),
        ConversationCard("What is one promise between us that matters a lot to you?", tags: ["medium", "trust"]),
        ConversationCard("What do you find hardest to say out loud, even to me?", tags: ["deep", "vulnerability"]),
        ConversationCard("When have you felt most alone in our relationship, and what would have helped?", tags: ["deep", "vulnerability"]),
        ConversationCard("What fear about us do you carry quietly?", tags: ["deep", "vulnerability"]),
        ConversationCard("Is there a part of yourself you still keep hidden from me? What would make it safer to show?", tags: ["deep", "vulnerability"]),
        ConversationCard("What do you need from me when you are at your lowest?", tags: ["deep", "support"]),
        ConversationCard("Which mistake of mine still hurts, and what would help it heal?", tags: ["deep", "trust", "repair"]),
        ConversationCard("How have we changed each other since we met?", tags: ["deep", "reflection"]),
        ConversationCard("What would feeling truly known by me look like in everyday life?", tags: ["deep", "connection"]),
        ConversationCard("Which of the five pillars do you think is our strongest, and which needs the most care?", tags: ["deep", "pillars"]),
    ]

    /// Short, actionable tips.
    static let allTips: [String] = [
        "Before raising a problem, ask \"Is now a good time?\" and accept \"in an hour\" as an answer.",
        "Start hard talks with \"I feel …\" rather than \"You always …\".",
        "When your partner is upset, ask \"Do you want advice or do you want me to listen?\"",
        "Reflect back one sentence of what you heard before you reply.",
        "Swap one \"I'm fine\" a day for an honest feeling word.",
        "Say one specific thank-you every day: what they did and why it mattered.",
        "Share one small worry this week that you would normally keep to yourself.",
        "When you get something wrong, apologise without the word \"but\".",
        "Follow up on something your partner mentioned yesterday; it shows you were listening.",
        "Put your phone in another room for the first ten minutes after you see each other.",
        "If a talk overheats, agree on a 20-minute break and a time to come back.",
        "Keep a note of your partner's upcoming big days, meetings and worries, and ask about them.",
    ]
}
