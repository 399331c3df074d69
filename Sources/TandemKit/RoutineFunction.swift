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
