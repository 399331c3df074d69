import TandemKit

extension FoundationsModule {
    /// The five steps toward emotional intimacy, then one practice each for
    /// passion, respect, presence and the barriers that get in the way.
    static let allPractices: [Practice] = [
        Practice(
            id: "foundations.soften_approach",
            title: "Start gently",
            why: """
                How a hard conversation begins usually decides how it ends. Opening with blame puts your \
                partner on guard, while a calm, kind first sentence keeps them listening. Softening is not \
                hiding the problem; it is raising it in a way your partner can actually hear.
                """,
            steps: [
                "Before you raise something difficult, check yourself: if you are flooded or furious, wait 20 minutes and do something calming first.",
                "Ask whether now is a good moment: \"Can we talk about the weekend plans for ten minutes, or is later better?\"",
                "Open with \"I\" and a feeling, not \"you always\": \"I felt left out when plans were made without me.\"",
                "Name one specific situation, not a list of past grievances or a judgment about their character.",
                "End with what you would like, said as a request: \"Could we decide weekends together from now on?\"",
                "If it starts to heat up, say so and take a short break, agreeing on when you will come back to it.",
            ],
            tryToday: "Think of one small thing you want to raise, write the gentle first sentence down, and say it tonight.",
            reflections: [
                "How did your partner respond to a softer opening compared with how these talks usually start?",
                "What did you notice in your body just before you spoke?",
                "Which words slipped back into blame, and what could you say instead next time?",
                "What helped you stay calm, and what made it harder?",
            ],
            cadence: .timesPer(times: 3, days: 7),
            tags: ["step-1", "communication", "conflict", "10-minutes"]
        ),
        Practice(
            id: "foundations.be_vulnerable",
            title: "Let yourself be seen",
            why: """
                Closeness grows when each of you lets the other see what is usually kept out of view: fears, \
                hopes, the things you are unsure about. When one partner takes that small risk, it makes it \
                easier for the other to do the same. Start small; trust is built from many modest disclosures, \
                not one big confession.
                """,
            steps: [
                "Pick a calm, private moment with 15 minutes to spare, not in the middle of a disagreement.",
                "Tell your partner you want to share something a little personal, and that you just need them to listen.",
                "Share one real thing, starting small: a worry about work, something you are proud of but shy about, or a memory that still stings.",
                "Name the feeling directly: \"I feel embarrassed saying this\" or \"I'm nervous about it.\"",
                "Say what would help: a hug, a question, or simply being heard without advice.",
                "Afterwards, thank your partner for listening, and invite them to share something too, whenever they are ready.",
            ],
            tryToday: "Tell your partner one thing that worried you this week that you had not mentioned yet.",
            reflections: [
                "What did it feel like just before you shared, and just after?",
                "How did your partner show they were listening?",
                "What are you still holding back, and what would make it feel safer to share?",
                "Did your sharing change anything in how close you felt for the rest of the day?",
            ],
            cadence: .timesPer(times: 2, days: 7),
            tags: ["step-2", "vulnerability", "sharing", "15-minutes"]
        ),
        Practice(
            id: "foundations.seek_to_understand",
            title: "Listen to understand",
            why: """
                Most of us listen while preparing our answer, so our partner feels heard only halfway. Listening \
                to understand means your only job is to grasp how things look and feel from their side. You do \
                not have to agree; you have to get it.
                """,
            steps: [
                "Put your phone face down or in another room and turn toward your partner.",
                "Ask an open question, such as \"What was the hardest part of today for you?\", and let them talk for at least five minutes.",
                "Hold back advice, fixes and your own story unless they ask for them.",
                "Reflect back what you heard in your own words: \"So it sounds like you felt brushed off in that meeting.\"",
                "Ask \"Did I get that right? Is there more?\" and let them correct you.",
                "Only then share your view, if it is needed at all.",
            ],
            tryToday: "At dinner or on a walk, ask one open question and reflect back the answer before saying anything about yourself.",
            reflections: [
                "What did you learn about your partner that you would have missed by jumping in?",
                "When did you feel the urge to fix or defend, and what did you do with it?",
                "How did your partner react when you checked whether you understood?",
                "What makes it hard for you to simply listen?",
            ],
            cadence: .timesPer(times: 3, days: 7),
            tags: ["step-3", "listening", "presence", "empathy"]
        ),
        Practice(
            id: "foundations.open_and_honest",
            title: "Say what is true for you",
            why: """
                Partners cannot meet needs they do not know about. Sharing your real thoughts and feelings, \
                kindly and regularly, keeps small misunderstandings from growing into distance. Honesty \
                practised in small daily doses makes the big conversations much less frightening.
                """,
            steps: [
                "Once a day, share one honest feeling about your day using \"I felt … when …\".",
                "Include the small, unglamorous feelings too: bored, jealous, lonely, relieved.",
                "If you say \"I'm fine\" out of habit, catch it and try again with a truer word.",
                "When your partner shares, thank them for telling you before you respond to the content.",
                "Agree together that honest feelings will not be used as ammunition in later arguments.",
            ],
            tryToday: "Replace one automatic \"fine\" today with a word that says how you really feel.",
            reflections: [
                "Which feeling was hardest to name out loud, and why?",
                "What do you fear might happen if you are fully honest with your partner?",
                "How did your partner respond when you shared something real?",
                "Is there a topic you both avoid? What would a first honest sentence about it be?",
            ],
            cadence: .daily,
            tags: ["step-4", "communication", "honesty", "5-minutes"]
        ),
        Practice(
            id: "foundations.accept_and_appreciate",
            title: "Notice and appreciate",
            why: """
                It is easy to notice what a partner gets wrong and overlook what they do right. Saying out loud \
                what you value in them, including who they are and not just what they do, helps them feel \
                accepted as a whole person. Regular appreciation also softens the hard moments when they come.
                """,
            steps: [
                "During the day, watch for one thing your partner does that you value, however small.",
                "Tell them the same day, specifically: \"Thank you for texting me when you knew I was nervous about the call.\"",
                "Once a week, appreciate a quality rather than an action: their patience, humour or courage.",
                "When a habit of theirs annoys you, remind yourself of one thing you love that comes with it.",
                "Receive appreciation well: say \"thank you\" instead of brushing it off.",
            ],
            tryToday: "Tell your partner one specific thing they did this week that made your life easier.",
            reflections: [
                "What did you notice about your partner once you were looking for the good?",
                "How did they react to being appreciated specifically?",
                "Which of your partner's quirks are you learning to accept, and how does that feel?",
                "How easy or hard is it for you to receive appreciation?",
            ],
            cadence: .daily,
            tags: ["step-5", "appreciation", "acceptance", "respect"]
        ),
        Practice(
            id: "foundations.take_an_interest",
            title: "Stay curious about each other",
            why: """
                After a while together it is easy to assume you already know everything about your partner. \
                People keep changing, though, and showing real interest in their plans, worries and passions \
                keeps the spark of discovery alive. Being asked about your life is one of the clearest signs \
                that you matter.
                """,
            steps: [
                "Keep a short note on your phone of things your partner mentions: a meeting, a friend's news, a project.",
                "Ask a follow-up question within a day or two: \"How did the talk with your sister go?\"",
                "Once a week, ask something you have never asked before, such as a childhood memory or a dream they gave up on.",
                "Join in one of their interests for an hour, even if it is not your thing.",
            ],
            tryToday: "Ask your partner about something they mentioned earlier this week and follow up on their answer.",
            reflections: [
                "What did you learn about your partner that surprised you?",
                "How did they respond when you remembered something they said?",
                "Which of their interests do you understand least, and what could you ask about it?",
            ],
            cadence: .timesPer(times: 4, days: 7),
            tags: ["passion", "curiosity", "connection"]
        ),
        Practice(
            id: "foundations.own_your_part",
            title: "Own your part and repair",
            why: """
                Trust does not require never making mistakes; it grows when mistakes are named and repaired. A \
                clear, unhedged apology shows your partner that their feelings matter more than being right. It \
                also makes it safer for both of you to admit things in future.
                """,
            steps: [
                "Once a week, think back over recent days for one moment you handled badly, big or small.",
                "Tell your partner what you did, without \"but\" and without explaining it away.",
                "Say how you think it affected them, and ask whether you have it right.",
                "Offer one concrete change or repair: \"Next time I'm running late I'll call before, not after.\"",
                "Follow through on that change, and mention it when you have.",
            ],
            tryToday: "Name one small thing you got wrong recently and say sorry for it, with no \"but\".",
            reflections: [
                "What made this apology easy or hard to give?",
                "How did your partner respond when you took responsibility?",
                "Which old habit of defending yourself did you notice?",
                "What repair have you promised, and how will you remember to keep it?",
            ],
            cadence: .weekly,
            tags: ["trust", "respect", "repair", "barriers"]
        ),
        Practice(
            id: "foundations.name_the_barrier",
            title: "Name what holds you back",
            why: """
                Many people learned early that feelings should be kept private, that needing others is weak, \
                or that sharing gets you hurt. Those lessons do not vanish on their own, but they lose some of \
                their grip once you can name them. Telling your partner what makes opening up hard turns a \
                hidden wall into a shared project.
                """,
            steps: [
                "Spend ten minutes alone finishing the sentence \"It's hard for me to open up because …\" in as many ways as you can.",
                "Circle the one that feels truest, and think about where you learned it.",
                "Share it with your partner: \"I think I go quiet when I'm upset because at home nobody talked about feelings.\"",
                "Ask your partner what would make it easier, and tell them what would help you.",
                "Agree on a small signal, such as a word or a hand squeeze, that means \"I'm struggling to say something, give me a minute.\"",
            ],
            tryToday: "Finish the sentence \"It's hard for me to open up because …\" once, on paper or in your head.",
            reflections: [
                "Which barrier did you recognise in yourself, and where might it come from?",
                "How did your partner react when you told them about it?",
                "What small change would make opening up feel safer for you?",
                "What barrier do you suspect your partner carries, and how could you make it lighter?",
            ],
            cadence: .weekly,
            tags: ["barriers", "vulnerability", "self-awareness"]
        ),
        Practice(
            id: "foundations.weekly_checkin",
            title: "A weekly state-of-us talk",
            why: """
                Busy weeks crowd out the conversations that keep a relationship on course. A short, regular \
                check-in gives appreciation, worries and wishes a reliable place, so they do not pile up or \
                come out sideways. Because it happens every week, no single talk has to carry everything.
                """,
            steps: [
                "Pick the same half hour each week, such as Sunday evening, with phones away.",
                "Start with appreciation: each of you names two things the other did well this week.",
                "Each shares one thing that was hard this week and one thing you need in the week ahead.",
                "Raise at most one concern each, using a gentle start, and look for one small step rather than a full solution.",
                "End by planning one thing to look forward to together, such as a walk, a meal or a call.",
            ],
            tryToday: "Agree with your partner on a day and time for your first weekly check-in.",
            reflections: [
                "What did you hear in this check-in that you would not have heard otherwise?",
                "Did the talk feel balanced, with both of you speaking and listening?",
                "What would make next week's check-in easier or more enjoyable?",
            ],
            cadence: .weekdays([.sunday]),
            tags: ["ritual", "communication", "all-pillars", "30-minutes"]
        ),
    ]
}
