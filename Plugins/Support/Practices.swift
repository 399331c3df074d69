import TandemKit

extension SupportModule {
    /// Ways to stand by each other when life presses in.
    static let allPractices: [Practice] = [
        Practice(
            id: "support.ask_what_helps",
            title: "Ask what kind of help",
            why: """
                The same hard day can call for very different help: someone to listen, a practical hand, or \
                simply a distraction. Guessing wrong leaves a partner feeling unheard, however well meant the \
                effort. Asking takes a few seconds and gets it right far more often.
                """,
            steps: [
                "When your partner seems stressed, ask: \"Do you want me to listen, help, or take your mind off it?\"",
                "Accept the answer, even if it is not the help you would choose.",
                "If they do not know, offer to start by listening.",
                "Check again later: \"Is this still what you need?\"",
            ],
            tryToday: "The next time your partner sounds tired or tense, ask whether they want listening, help or distraction.",
            reflections: [
                "Which kind of help did your partner ask for, and did it surprise you?",
                "What kind of help do you usually want, and how well does your partner know it?",
                "How did it feel to give the help asked for instead of the help you would choose?",
            ],
            cadence: .timesPer(times: 3, days: 7),
            tags: ["support", "listening", "1-minute"]
        ),
        Practice(
            id: "support.comfort_first",
            title: "Comfort before solutions",
            why: """
                When someone we love is hurting, the urge to fix it is strong, but a quick solution can sound \
                like \"stop feeling this\". Comfort first tells your partner their feelings make sense and that \
                they are not alone with them. Once they feel understood, they are often ready to think about \
                solutions, or find their own.
                """,
            steps: [
                "Turn toward your partner, put down what you are holding, and give them your full attention.",
                "Say what you see: \"That sounds really hard\" or \"No wonder you're exhausted.\"",
                "Take their side against the problem; this is not the moment to play devil's advocate.",
                "Offer touch if they like it: a hand on the back, a hug, sitting close.",
                "Only after a while, ask whether they would like to think about next steps together.",
            ],
            tryToday: "When your partner tells you about something hard today, say \"That sounds hard\" before anything else.",
            reflections: [
                "What did you want to say or fix, and what did you say instead?",
                "How did your partner's mood change when they felt comforted rather than advised?",
                "What comforts you most when you are the one struggling?",
            ],
            cadence: .timesPer(times: 3, days: 7),
            tags: ["comfort", "empathy", "stress"]
        ),
        Practice(
            id: "support.lighten_the_load",
            title: "Take one thing off their plate",
            why: """
                Under pressure, the small daily tasks pile up and feel heavier than they are. Quietly taking one \
                of them over shows care in a way words cannot. It also tells your partner you are watching out \
                for them without needing to be asked.
                """,
            steps: [
                "Ask your partner, or notice, which task weighs on them most this week.",
                "Take over one of those tasks completely, from start to finish, without needing reminders.",
                "Tell them it is handled so it can leave their mind, too.",
                "Do it without keeping score or expecting an equal favour back.",
            ],
            tryToday: "Pick one task your partner usually does, do it for them today, and tell them they can forget about it.",
            reflections: [
                "Which task did you take over, and how did your partner react?",
                "What tasks weigh most on each of you, and do you share them fairly?",
                "How does it feel when your partner lightens your load?",
            ],
            cadence: .timesPer(times: 2, days: 7),
            tags: ["teamwork", "care", "acts-of-service"]
        ),
        Practice(
            id: "support.stress_map",
            title: "Map the week's pressure",
            why: """
                Stress is easier to face together when you can see it coming. A short look at the week ahead \
                shows where each of you will be stretched, so support can be planned rather than improvised. \
                It also stops you from scheduling big talks or plans on your partner's hardest day.
                """,
            steps: [
                "Once a week, sit down for fifteen minutes with both calendars.",
                "Each name the day or event you expect to be hardest, and why.",
                "Say what would help on that day: a text, a quiet evening, a ride, dinner taken care of.",
                "Put those promises of support in the calendar, too.",
                "After the week, say what helped and what you would change.",
            ],
            tryToday: "Ask your partner which day this week they expect to be hardest, and what would help on it.",
            reflections: [
                "What did you learn about your partner's week that you would not have known otherwise?",
                "Did the support you planned arrive, and how did it feel?",
                "Which pressures come back week after week, and what could change them?",
            ],
            cadence: .weekdays([.sunday]),
            tags: ["stress", "planning", "teamwork", "15-minutes"]
        ),
        Practice(
            id: "support.follow_up",
            title: "Ask how it went",
            why: """
                Support does not end when the hard moment begins; it also lives in remembering afterwards. \
                Asking how the doctor's visit, the difficult meeting or the call with family went shows you \
                carried it with them. Being remembered is a quiet, powerful kind of comfort.
                """,
            steps: [
                "When your partner mentions something stressful coming up, make a note of the day.",
                "Send a short message before it: \"Thinking of you at three.\"",
                "Ask about it the same evening, with an open question: \"How did it go, and how are you feeling now?\"",
                "Listen, and ask a second question before sharing your own view.",
            ],
            tryToday: "Ask your partner about one thing they were worried about this week, and how they feel about it now.",
            reflections: [
                "How did your partner respond when you remembered and asked?",
                "What did you hear in the follow-up that you would otherwise have missed?",
                "Who in your life remembers to ask how things went, and how does that make you feel?",
            ],
            cadence: .timesPer(times: 2, days: 7),
            tags: ["support", "attention", "5-minutes"]
        ),
    ]
}
