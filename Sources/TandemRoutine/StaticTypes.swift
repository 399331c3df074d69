/// What the checker knows of a value before the program runs: enough to
/// report a map where a list is needed, or a field that a journal map does
/// not have, without a type system the person has to learn. Unknown (`nil`)
/// wherever the program could make it anything.
indirect enum StaticType: Equatable {
    /// A list, with the kind of its elements when they are all alike.
    case list(StaticType?)
    /// A map; a journal map knows its fields.
    case map(JournalMap?)
    case string, integer, decimal, boolean, duration, nothing

    /// "a list", "a map", "an integer": as a message says it.
    var phrase: String {
        switch self {
        case .list: "a list"
        case .map(let shape?): shape.phrase
        case .map(nil): "a map"
        case .string: "a string"
        case .integer: "an integer"
        case .decimal: "a decimal"
        case .boolean: "a boolean"
        case .duration: "a duration"
        case .nothing: "nil"
        }
    }

    /// The kind, without what is known of elements or fields.
    var kind: Kind {
        switch self {
        case .list: .list
        case .map: .map
        case .string: .string
        case .integer, .decimal: .number
        case .boolean: .boolean
        case .duration: .duration
        case .nothing: .nothing
        }
    }

    /// Kinds of value, as a built-in's parameters accept them.
    enum Kind: String {
        case list, map, string, number, boolean, duration, nothing
    }

    /// What a `for` loop over a value of this type gives each time round.
    var element: StaticType? {
        switch self {
        case .list(let element): element
        case .map, .string: .string
        default: nil
        }
    }
}

/// The maps the journal functions give (`habits()`, `habit(id)`,
/// `checkins()`, `question_status()`), with their fields: the names
/// `tandem stats --json` and `tandem question --json` use, so that a person
/// learns one vocabulary.
public enum JournalMap: String, Sendable, CaseIterable {
    /// One adopted habit of one partner: `habits()`, `habit(id)`.
    case habit
    /// A habit both partners track: `habits("both")`, `habit(id, "both")`.
    case sharedHabit
    /// One check-in: `checkins()`.
    case checkin
    /// Today's question: `question_status()`.
    case question

    /// The fields, in the order the map holds them.
    public var fields: [String] {
        switch self {
        case .habit:
            ["id", "title", "cadence", "schedule", "strength", "currentStreak", "bestStreak", "doneLast30", "firstEntry",
             "adoptedOn", "doneToday", "dueToday", "who"]
        case .sharedHabit:
            ["id", "title", "bothDoneLast30", "togetherStreak", "myStrength", "partnerStrength", "doneToday", "who"]
        case .checkin:
            ["date", "connection", "who"]
        case .question:
            ["date", "question", "card", "mine", "partner", "partnerStatus"]
        }
    }

    /// "a habit map (from habits() or habit())", as a diagnostic says it.
    var phrase: String {
        switch self {
        case .habit: "a habit map (from habits() or habit())"
        case .sharedHabit: "a shared habit map (from habits(\"both\") or habit(id, \"both\"))"
        case .checkin: "a check-in map (from checkins())"
        case .question: "the question map (from question_status())"
        }
    }
}

/// Whose entries a journal function reads: `"me"`, `"partner"` or `"both"`.
public enum RoutineWho: String, Sendable, CaseIterable {
    /// Mine (the default).
    case me
    /// My partner's, from the shared folder.
    case partner
    /// Both: for habits, the ones both track; for check-ins, each partner's.
    case both
}

extension Builtin {
    /// The kinds each argument accepts, where a built-in is particular:
    /// `append(list, …)`, `keys(map)`. `nil`: any value.
    func accepts(argument index: Int, of count: Int) -> Set<StaticType.Kind>? {
        switch (self, index) {
        case (.append, 0), (.pop, 0), (.insert, 0), (.pick, 0), (.sum, 0), (.join, 0), (.sort, 0): [.list]
        case (.min, 0) where count == 1, (.max, 0) where count == 1: [.list]
        case (.keys, 0), (.values, 0), (.has, 0), (.get, 0): [.map]
        case (.remove, 0): [.list, .map]
        case (.len, 0), (.contains, 0): [.list, .map, .string]
        case (.split, _), (.upper, 0), (.lower, 0), (.join, 1), (.sort, 1), (.has, 1), (.get, 1), (.answerQuestion, 0): [.string]
        case (.habit, 0), (.habits, 0), (.habit, 1), (.checkins, 1): [.string]
        case (.checkins, 0), (.insert, 1), (.range, _): [.number]
        default: nil
        }
    }

    /// The parameter that says whose entries a journal function reads.
    var whoArgument: Int? {
        switch self {
        case .habits: 0
        case .habit, .checkins: 1
        default: nil
        }
    }

    /// What a call gives, as far as the checker can tell.
    func result(_ arguments: [StaticType?], who: RoutineWho?) -> StaticType? {
        let shape: JournalMap = who == .both ? .sharedHabit : .habit
        switch self {
        case .len: return .integer
        case .str, .upper, .lower, .join, .today, .now, .weekday, .type: return .string
        case .split, .keys: return .list(.string)
        case .values: return .list(nil)
        case .range: return .list(.integer)
        case .has, .contains: return .boolean
        case .sort:
            if case .list? = arguments.first { return arguments[0] }
            return .list(nil)
        case .pop, .pick:
            if case .list(let element)?? = arguments.first { return element }
            return nil
        case .habits: return .list(.map(shape))
        case .habit: return .map(shape)
        case .checkins: return .list(.map(.checkin))
        case .questionStatus: return .map(.question)
        default: return nil
        }
    }
}
