/// A value in the routine language, as module functions see it.
public enum RoutineValue: Sendable, Hashable {
    /// `nil`.
    case none
    /// `true` or `false`.
    case bool(Bool)
    /// A 64-bit integer.
    case integer(Int)
    /// A decimal number.
    case decimal(Double)
    /// Text.
    case string(String)
    /// A list.
    case list([RoutineValue])
    /// A duration, in seconds (`20m` is 1200).
    case duration(Int)
    /// A map from text keys to values, in insertion order: `{"walk": 3}`.
    case map(RoutineMap)

    /// The name of the value's type, as error messages say it.
    public var typeName: String {
        switch self {
        case .none: "nil"
        case .bool: "boolean"
        case .integer: "integer"
        case .decimal: "decimal"
        case .string: "string"
        case .list: "list"
        case .duration: "duration"
        case .map: "map"
        }
    }
}

/// A map as module functions see it: text keys, each once, in the order
/// they were first set (as the routine language's `keys(m)` gives them).
///
/// ```swift
/// let habit: RoutineMap = ["id": .string("daily.gratitude"), "strength": .decimal(0.8)]
/// habit["strength"]   // .decimal(0.8)
/// ```
public struct RoutineMap: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// The keys, in insertion order.
    public private(set) var keys: [String] = []
    /// The values, in the order of ``keys``.
    public private(set) var values: [RoutineValue] = []

    /// An empty map.
    public init() {}

    /// A map of the pairs, in their order; a key given again replaces its value in place.
    public init(_ pairs: [(String, RoutineValue)]) {
        for (key, value) in pairs { self[key] = value }
    }

    /// A map of the literal's pairs, in the order written.
    public init(dictionaryLiteral elements: (String, RoutineValue)...) {
        self.init(elements)
    }

    /// How many keys.
    public var count: Int { keys.count }

    /// The value of `key`, or `nil` when it is not set; setting `nil`
    /// removes the key, setting a new key appends it.
    public subscript(key: String) -> RoutineValue? {
        get { keys.firstIndex(of: key).map { values[$0] } }
        set {
            if let index = keys.firstIndex(of: key) {
                if let newValue { values[index] = newValue } else {
                    keys.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }
}

/// A function a module adds to the routine language, called there as
/// `moduleid.name(arguments…)`.
public struct RoutineFunction: Sendable {
    /// The name after the module id and the dot.
    public var name: String
    /// The parameter names, shown in help and error messages.
    public var parameters: [String]
    /// How many trailing parameters may be left out.
    public var optionalCount: Int
    /// One line saying what the function does.
    public var summary: String
    /// The function itself. Throw ``RoutineFunctionError`` for bad arguments.
    public var body: @Sendable (_ arguments: [RoutineValue], _ context: ModuleContext) throws -> RoutineValue

    /// Creates a routine function.
    public init(
        name: String, parameters: [String], optionalCount: Int = 0, summary: String,
        body: @escaping @Sendable (_ arguments: [RoutineValue], _ context: ModuleContext) throws -> RoutineValue
    ) {
        self.name = name
        self.parameters = parameters
        self.optionalCount = optionalCount
        self.summary = summary
        self.body = body
    }

    /// The numbers of arguments the function accepts.
    public var arity: ClosedRange<Int> { (parameters.count - optionalCount)...parameters.count }

    /// How a routine calls it: `longdistance.overlap(myZone, myHours, …)`,
    /// optional parameters in brackets.
    public func signature(module: String) -> String {
        let required = parameters.count - optionalCount
        let names = parameters.enumerated().map { $0.offset < required ? $0.element : "[\($0.element)]" }
        return "\(module).\(name)(" + names.joined(separator: ", ") + ")"
    }
}

/// A problem a module function reports; the routine runtime shows it at the
/// call's location.
public struct RoutineFunctionError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
