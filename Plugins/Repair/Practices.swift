import TandemKit

extension RepairModule {
    /// What to do when a disagreement heats up, and how to come back together after it.
    static let allPractices: [Practice] = [
        Practice(
            id: "repair.cool_down",
            title: "Take a real break",
            why: """
                When a fight gets heated, the heart races and the mind narrows to attack and defence, so \
                nothing useful gets said. A short, agreed break lets both bodies settle before you try again. \
                It only works if the one who leaves promises to come back.
                """,
            steps: [
                "Agree in a calm moment on a word or gesture that means \"I need a break\", and that either of you may use it.",
                "When you use it, say when you will return: \"I need twenty minutes. Let's talk again at eight.\"",
                "Spend the break on something soothing, such as a walk, music or slow breathing, not on rehearsing your case.",
                "Come back at the agreed time, even if only to say you need a little longer.",
                "Start again with one calm sentence about how you feel now.",
            ],
            tryToday: "Agree with your partner on a break signal and how long a break should last.",
            reflections: [
                "How did your body feel before the break, and how did it feel after?",
                "What did you do during the break that helped, and what kept you stirred up?",
                "How did it feel when your partner asked for a break?",
                "What made it easier or harder to come back at the agreed time?",
            ],
            cadence: .weekly,
            tags: ["cool-down", "conflict", "20-minutes"]
        ),
        Practice(
            id: "repair.repair_attempt",
            title: "Reach out in the middle of it",
            why: """
                Every couple argues; what matters is whether someone reaches across the gap while it is \
                happening. A small reaching-out gesture, such as a joke, a softer tone, a hand on the arm or \
                \"I'm sorry, that came out wrong\", can stop a fight from spiralling. Small gestures like these \
                work best when they are practised in easy moments too.
                """,
            steps: [
                "Together, list five phrases you could use to soften a tense moment, such as \"Can we start over?\" or \"I see your point\".",
                "Write them where you will both see them, such as the fridge or a note on your phone.",
                "In the next disagreement, use one of them early, before voices rise.",
                "If humour comes naturally to you both, use it to ease tension, never to mock.",
                "Afterwards, tell each other which gesture helped most.",
            ],
            tryToday: "Write down three phrases that would help you soften a tense moment, and share them with your partner.",
            reflections: [
                "Which gesture or phrase softened things most, and why do you think it worked?",
                "When was it hardest to reach out, and what held you back?",
                "How did your partner try to reach out to you, even clumsily?",
            ],
            cadence: .timesPer(times: 3, days: 7),
            tags: ["repair", "conflict", "humour", "1-minute"]
        ),
        Practice(
            id: "repair.accept_the_repair",
            title: "Take the hand that is offered",
            why: """
                Reaching out only helps if the other person lets it land. When you are hurt, it is tempting to \
                wave away a half-apology or a clumsy joke until it is perfect. Accepting a good-enough gesture \
                gives both of you a way back sooner.
                """,
            steps: [
                "Learn to spot your partner's attempts to reach out: a change of tone, a touch, a joke, a question.",
                "When you notice one, pause before replying and ask yourself whether you can meet it halfway.",
                "Answer it, even briefly: \"Okay, thank you, let's try again\" or a squeeze of the hand.",
                "If you are not ready yet, say so kindly: \"I see you're trying. I need a few minutes.\"",
            ],
            tryToday: "Think of the way your partner usually tries to make up after a row, and tell them you noticed it.",
            reflections: [
                "What are your partner's usual ways of trying to make up, and which do you miss in the heat of it?",
                "What makes it hard for you to accept an apology that is not quite perfect?",
                "How did things change when you accepted a gesture, even halfway?",
            ],
            cadence: .timesPer(times: 3, days: 7),
            tags: ["repair", "forgiveness", "acceptance"]
        ),
        Practice(
            id: "repair.what_i_needed",
            title: "Say what you needed",
            why: """
                Most fights are less about the dishes or the late text than about a need that went unseen in \
                that moment, such as to feel respected, included or safe. Naming the need turns a complaint \
                into something your partner can actually give. Hearing each other's needs also explains \
                reactions that seemed out of proportion.
                """,
            steps: [
                "Once you are both calm, each finish the sentence \"In that moment, what I needed was …\".",
                "Keep it about your need, not about what your partner did wrong.",
                "The listener repeats it back in their own words and asks whether they got it right.",
                "Together, think of one small way that need could be met next time.",
            ],
            tryToday: "Think back to your last disagreement and finish the sentence \"What I needed then was …\".",
            reflections: [
                "What need sat underneath your last argument, for you and for your partner?",
                "How did it feel to hear your partner's need said plainly?",
                "Which needs keep coming up, and what do they tell you about each other?",
                "What small thing could meet that need before the next fight starts?",
            ],
            cadence: .weekly,
            tags: ["needs", "repair", "understanding", "15-minutes"]
        ),
        Practice(
            id: "repair.talk_it_over",
            title: "Talk the fight over afterwards",
            why: """
                A fight that is never talked about tends to come back in the same shape. Looking back at it \
                together, calmly and without blame, helps you see two sides of one event and what set each of \
                you off. The aim is understanding, not deciding who was right.
                """,
            steps: [
                "Wait until you are both calm, often a day later, and agree on half an hour with no distractions.",
                "Each describe how you felt during the fight, using feeling words, without arguing about the facts.",
                "Each tell your own side of the story; accept that both can be true at once.",
                "Name what set you off, including old hurts from before this relationship.",
                "Each own one part you played, and agree one thing to do differently next time.",
            ],
            tryToday: "Ask your partner for half an hour this week to talk over your last disagreement calmly.",
            reflections: [
                "What did you learn about how the fight felt for your partner?",
                "Which old hurt or sore spot did the fight touch, for either of you?",
                "How easy was it to own your part without adding \"but\"?",
                "What will you both try differently next time?",
            ],
            cadence: .timesPer(times: 1, days: 14),
            tags: ["repair", "reflection", "conflict", "30-minutes"]
        ),
    ]
}
