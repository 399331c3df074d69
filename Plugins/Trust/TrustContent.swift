import TandemKit

/// The coaching text of the trust module.
enum TrustContent {
    static let practices: [Practice] = [
        Practice(
            id: "trust.keep_promises",
            title: "Make small promises and keep them",
            why: """
                Trust grows out of evidence: each time you do what you said, your partner \
                learns that your word holds. Big vows matter less than the everyday \"I'll \
                pick it up\" and \"I'll call at eight\". Promising less and delivering every \
                time does more than promising a lot and keeping most.
                """,
            steps: [
                "Before you say \"I will\", pause for a breath and check that you can really do it, and by when.",
                "Write the promise down the moment you make it, with `tandem promise add \"…\" --due YYYY-MM-DD`.",
                "Look at your open promises each morning with `tandem promise list`, and do the oldest one first.",
                "If you see you cannot keep one, tell your partner before the deadline, not after, and offer a new plan.",
                "When you keep it, mark it with `tandem promise kept N`; no need to announce it, but don't hide it either.",
            ],
            tryToday: "Make one small, specific promise to your partner today, with a time attached, and keep it.",
            reflections: [
                "Which promise this week was easiest to keep, and which did you nearly forget?",
                "Did you say yes to something you already knew you might not manage?",
                "How did your partner react when you did exactly what you said you would?",
                "Is there an old promise still hanging between you that needs keeping or an honest word?",
            ],
            cadence: .daily,
            tags: ["trust", "promises", "reliability", "everyday"]
        ),
        Practice(
            id: "trust.own_mistakes",
            title: "Own your mistakes plainly",
            why: """
                Everyone lets their partner down sometimes; what shapes trust is what happens next. \
                When you name your part without excuses, your partner doesn't have to argue to be \
                believed, and they can relax. A clean apology also makes it safer for them to \
                own their own slips later.
                """,
            steps: [
                "Cool down first if you need to, but come back the same day; say \"I want to talk about earlier\".",
                "Name what you did in one sentence, in the first person: \"I forgot to pick you up, and you waited an hour.\"",
                "Say how you think it affected them, then ask: \"Did I get that right?\" and listen to the answer.",
                "Leave out \"but\" and the reasons; if they ask why, explain briefly after the apology, not as part of it.",
                "Offer one concrete change or repair, and follow through on it within the week.",
            ],
            tryToday: "Think of one small thing you got wrong this week and own it to your partner in two sentences, without a \"but\".",
            reflections: [
                "What made it hard to admit your part, and what helped you do it anyway?",
                "Did you slip in a reason or excuse? How did it change the way the apology landed?",
                "How did your partner respond when you named the impact on them?",
                "What change did you promise, and how will you make sure it happens?",
            ],
            cadence: .weekly,
            tags: ["trust", "apology", "accountability"]
        ),
        Practice(
            id: "trust.avoid_judgment",
            title: "Meet what they share with curiosity, not a verdict",
            why: """
                People only show what feels safe to show. If a confession or a worry is met with \
                criticism, a raised eyebrow or a quick fix, your partner learns to keep the next one \
                to themselves. Curiosity tells them it was safe to open up, and makes them more \
                likely to do it again.
                """,
            steps: [
                "When your partner shares something hard, start with thanks: \"Thank you for telling me.\"",
                "Catch the verdict before it leaves your mouth, such as \"you shouldn't feel that\" or \"that was silly\", and swap it for a question.",
                "Ask one open question: \"What was that like for you?\" or \"What part worries you most?\"",
                "Keep your face and tone soft; sighs and eye-rolls judge just as loudly as words.",
                "Only offer advice if they ask for it, or ask first: \"Do you want ideas, or just someone to listen?\"",
            ],
            tryToday: "The next time your partner tells you about a problem, ask \"Do you want help, or just an ear?\" before you say anything else.",
            reflections: [
                "When did you feel a judgment rise in you today, and what did you do with it?",
                "Did your partner share more or less than usual? What might have made the difference?",
                "Which of your reactions might have felt like criticism, even if you didn't mean it that way?",
            ],
            cadence: .daily,
            tags: ["trust", "listening", "safety", "vulnerability"]
        ),
        Practice(
            id: "trust.repair_after_rupture",
            title: "Repair soon after a rupture",
            why: """
                Small hurts left alone harden into distance and quiet keeping of score. Coming back \
                to a rough moment soon, while it is still small, shows your partner that the \
                relationship matters more than being right. Couples who repair often trust each \
                other more than couples who rarely fight.
                """,
            steps: [
                "Within a day of a hurtful moment, ask for twenty minutes: \"Can we go back to what happened last night?\"",
                "Each of you takes five uninterrupted minutes to describe what it was like from your side, using \"I felt\".",
                "The listener sums up what they heard before giving their side, until the speaker says \"yes, that's it\".",
                "Each of you names one thing you would do differently, however small.",
                "Close with something warm, like a hug or a cup of tea together, and let it be finished.",
            ],
            tryToday: "Think of one recent moment that left a small sting between you, and ask your partner if you can talk about it this week.",
            reflections: [
                "How long did you wait before coming back to the hurt, and what held you back?",
                "What did you learn about how the moment felt for your partner?",
                "What signal could either of you use next time to ask for a repair sooner?",
            ],
            cadence: .weekly,
            tags: ["trust", "repair", "conflict"]
        ),
        Practice(
            id: "trust.small_reliable_acts",
            title: "Be predictable in small things",
            why: """
                Reliability is built in the boring moments: texting when you're running late, \
                turning up when you said you would, remembering what they told you. These small \
                acts tell your partner they can stop checking and start relying on you. Over time \
                they add up to a feeling of safety that no grand gesture can buy.
                """,
            steps: [
                "Pick one small, regular act your partner would notice, such as a text when you leave work or making the morning coffee.",
                "Do it on the same days, at about the same time, for two weeks.",
                "If you are going to be more than ten minutes late for anything, send a message before the time, not after.",
                "Remember one detail from each day that your partner mentioned, and ask about it the next day.",
                "At the end of two weeks, ask your partner whether they noticed and what it felt like.",
            ],
            tryToday: "Text your partner when you leave for home today, with the time you expect to arrive, and arrive by then.",
            reflections: [
                "Which small act did your partner notice, and which seemed to go unseen?",
                "Where were you late or forgetful this week, and what got in the way?",
                "What small habit of your partner's makes you feel you can rely on them?",
            ],
            cadence: .weekdays([.monday, .tuesday, .wednesday, .thursday, .friday]),
            tags: ["trust", "reliability", "everyday", "5-minutes"]
        ),
    ]

    static let cards: [ConversationCard] = [
        ConversationCard("Which small habit of mine shows you that you can rely on me?", tags: ["light"]),
        ConversationCard("Who was the most reliable person in your life growing up?", tags: ["light", "past"]),
        ConversationCard("What's a promise someone kept to you that you still remember?", tags: ["light", "past"]),
        ConversationCard("When do you find it easiest to let your guard down with me?", tags: ["light"]),
        ConversationCard("Which of my habits would you miss most if it stopped?", tags: ["light"]),
        ConversationCard("What does being on time mean to you?", tags: ["light"]),
        ConversationCard("What's an easy way for me to show you I remembered something you said?", tags: ["light"]),
        ConversationCard("How do you like to hear an apology: in words, in actions, or both?", tags: ["medium", "apology"]),
        ConversationCard("Which promise of mine have you quietly stopped counting on?", tags: ["medium", "promises"]),
        ConversationCard("What do you need from me when you tell me about a mistake you made?", tags: ["medium"]),
        ConversationCard("When you tell me something private, what do I do that makes you want to say more?", tags: ["medium"]),
        ConversationCard("What helps you believe me when I say I'll change something?", tags: ["medium"]),
        ConversationCard("Which topic do you steer away from with me because you expect to be judged?", tags: ["medium"]),
        ConversationCard("How can I tell you I can't keep a promise in a way that feels okay to you?", tags: ["medium", "promises"]),
        ConversationCard("What's something you'd like me to trust you with more?", tags: ["medium"]),
        ConversationCard("When did you first feel you could really trust me?", tags: ["deep"]),
        ConversationCard("When did your trust in me wobble, and what would have steadied it?", tags: ["deep", "repair"]),
        ConversationCard("What did trust look like in your family, and what do you want to do differently?", tags: ["deep", "past"]),
        ConversationCard("What is still hard for you to forgive, in us or in your past?", tags: ["deep", "repair"]),
        ConversationCard("What part of yourself are you still careful about showing me?", tags: ["deep", "vulnerability"]),
        ConversationCard("What would make it easier for you to admit a mistake to me?", tags: ["deep"]),
        ConversationCard("When you feel judged by me, what do you do with that feeling?", tags: ["deep"]),
        ConversationCard("What does it feel like in your body when you fully trust someone?", tags: ["deep"]),
        ConversationCard("What shared commitment would you like us to make for the coming year?", tags: ["deep", "promises"]),
        ConversationCard("What is an everyday promise that matters more to you than it looks?", tags: ["light", "promises"]),
        ConversationCard("Who do you trust with your secrets, and what earned that trust?", tags: ["light", "past"]),
        ConversationCard("Which of my habits help you relax instead of worry?", tags: ["light", "reliability"]),
        ConversationCard("What is a small thing I could do this week to show you that I remember?", tags: ["light", "reliability"]),
        ConversationCard("How do you feel when plans change at the last minute?", tags: ["light", "reliability"]),
        ConversationCard("What does keeping your word look like to you on a busy day?", tags: ["light", "promises"]),
        ConversationCard("What helps you feel safe telling me about something embarrassing?", tags: ["medium", "safety"]),
        ConversationCard("How do you like me to tell you that I am running late?", tags: ["medium", "reliability"]),
        ConversationCard("What do you do when you feel let down but do not want to make a fuss?", tags: ["medium", "repair"]),
        ConversationCard("How could we make it easier to say no to each other without hurt?", tags: ["medium", "promises"]),
        ConversationCard("What would you like me to ask before I share something about you with others?", tags: ["medium", "privacy"]),
        ConversationCard("When have I been there for you in a way you did not expect?", tags: ["medium", "reliability"]),
        ConversationCard("What does it take for you to rebuild trust in someone after they let you down?", tags: ["deep", "repair"]),
        ConversationCard("How did it feel the last time you told me a hard truth?", tags: ["deep", "honesty"]),
        ConversationCard("What would help you trust me with your biggest worries?", tags: ["deep", "vulnerability"]),
        ConversationCard("Which promise to yourself do you find hardest to keep?", tags: ["deep", "self"]),
        ConversationCard("Which of your secrets would you trust me to keep without being asked?", tags: ["medium", "privacy"]),
        ConversationCard("What does being reliable mean to you when life gets chaotic?", tags: ["medium", "reliability"]),
    ]

    static let tips: [String] = [
        "Promise less, and keep all of it.",
        "Write a promise down the moment you make it: `tandem promise add \"…\"`.",
        "If you can't keep a promise, say so before it's due, not after.",
        "An apology ends at the full stop. Leave out the \"but\".",
        "Say what you did, how it affected them, and what you'll do next; that's a whole apology.",
        "\"Thank you for telling me\" is almost always the right first sentence.",
        "Ask \"Do you want help, or just an ear?\" before giving advice.",
        "Come back to a rough moment within a day, while it's still small.",
        "Text before you're late, not once you already are.",
        "Ask tomorrow about the thing they mentioned today.",
        "Keep your partner's secrets, even the small ones, even from friends.",
        "A broken promise with an honest repair can build more trust than a quietly dropped one.",
    ]
}
