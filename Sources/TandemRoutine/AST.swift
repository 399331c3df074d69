import Foundation
import TandemKit

/// A binary operator.
public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//", remainder = "%"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and, or
}

/// What kind of answer an `ask` expects.
public enum AskKind: String, Sendable {
    case text, number, yesno, choice
}

/// How a name in an expression was resolved by the checker.
enum Binding {
    case local(Int)
    case global(Int)
}

/// What a call calls, as resolved by the checker.
/// A routine a call resolved to, held weakly: the symbol owns the
/// declaration whose body holds the call, so a strong reference would leak.
struct SymbolReference {
    unowned let symbol: RoutineSymbol
}

enum Callee {
    case routine(SymbolReference)
    case builtin(Builtin)
    case module(moduleID: String, RoutineFunction)
}

/// An expression: its kind and where it is in the source.
public final class Expr {
    /// The kinds of expression.
    public enum Kind {
        case integer(Int)
        case decimal(Double)
        case duration(Int)
        case string(String)
        /// A string with `{interpolations}`: text parts and expressions.
        case interpolation([Expr])
        case boolean(Bool)
        case none
        case variable(String)
        case list([Expr])
        /// `{"walk": 3, "cook": 1}`: keys and values, in order.
        case map([(key: Expr, value: Expr)])
        case negate(Expr)
        case not(Expr)
        case binary(BinaryOperator, Expr, Expr)
        case range(Expr, Expr)
        case index(Expr, Expr)
        case call(name: String, nameRange: SourceRange, arguments: [Expr])
        case moduleCall(module: String, name: String, nameRange: SourceRange, arguments: [Expr])
        case ask(AskKind, question: Expr, options: Expr?)
        case practice(id: String, idRange: SourceRange)
        case checkin
        /// Stands in for an expression that failed to parse.
        case invalid
    }

    /// What the expression is.
    public let kind: Kind
    /// Where it is.
    public let range: SourceRange
    var binding: Binding?
    var callee: Callee?

    init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The value of a literal: text without interpolation, a number, a
    /// boolean or a duration (negative ones too); `nil` for anything else.
    public var literalValue: RoutineValue? {
        switch kind {
        case .integer(let value): .integer(value)
        case .decimal(let value): .decimal(value)
        case .duration(let seconds): .duration(seconds)
        case .string(let text): .string(text)
        case .boolean(let value): .bool(value)
        case .negate(let operand):
            switch operand.kind {
            case .decimal(let value): .decimal(-value)
            case .duration(let seconds): .duration(-seconds)
            default: nil
            }
        default: nil
        }
    }

    /// The expression that gives `value`, standing at `range`.
    static func literal(_ value: RoutineValue, at range: SourceRange) -> Expr {
        switch value {
        case .none: Expr(.none, range)
        case .bool(let b): Expr(.boolean(b), range)
        case .integer(let i): Expr(.integer(i), range)
        case .decimal(let d): Expr(.decimal(d), range)
        case .string(let s): Expr(.string(s), range)
        case .duration(let s): Expr(.duration(s), range)
        case .list(let items): Expr(.list(items.map { literal($0, at: range) }), range)
        case .map(let map):
            Expr(.map(zip(map.keys, map.values).map { (key: Expr(.string($0), range), value: literal($1, at: range)) }), range)
        }
    }
}

/// A parameter of a routine.
public struct Parameter {
    /// Its name.
    public var name: String
    /// Where its name is.
    public var range: SourceRange
    /// Its default value, when it may be left out.
    public var defaultValue: Expr?
}

/// `routine name(a, b = 2) { … }`.
public final class RoutineDeclaration {
    /// The routine's name.
    public let name: String
    /// Where the name is.
    public let nameRange: SourceRange
    /// Its parameters.
    public let parameters: [Parameter]
    /// Its body.
    public let body: [Stmt]
    /// The whole declaration.
    public let range: SourceRange
    var frameSize = 0
    var parameterSlots: [Int] = []

    init(name: String, nameRange: SourceRange, parameters: [Parameter], body: [Stmt], range: SourceRange) {
        self.name = name
        self.nameRange = nameRange
        self.parameters = parameters
        self.body = body
        self.range = range
    }

    /// How many arguments a call may pass.
    public var arity: ClosedRange<Int> {
        parameters.filter { $0.defaultValue == nil }.count...parameters.count
    }

    /// The parameters as a command line names them: `partner [minutes]`
    /// (those with defaults in brackets).
    public var usage: String {
        parameters.map { $0.defaultValue == nil ? $0.name : "[\($0.name)]" }.joined(separator: " ")
    }
}

/// A literal a schedule passes to its routine: `"Sam"` in
/// `every day at 21:30 run evening("Sam")`.
public struct ScheduleArgument: Sendable {
    /// Its value.
    public var value: RoutineValue
    /// Where it is.
    public var range: SourceRange
}

/// A weekday or every day, in a schedule.
/// `every mon, thu at 20:00 run date_night`.
public struct Schedule: Sendable {
    /// The days it runs; every day when it names `day`.
    public var days: [Weekday]
    /// The hour, 0-23.
    public var hour: Int
    /// The minute, 0-59.
    public var minute: Int
    /// The routine it runs.
    public var routine: String
    /// Where the routine's name is.
    public var routineRange: SourceRange
    /// The literals it passes to the routine, in order.
    public var arguments: [ScheduleArgument] = []
    /// The whole statement.
    public var range: SourceRange
    /// The IANA zone its time is in (`in America/New_York`); the user's own when `nil`.
    public var zone: String? = nil
    /// Whether the reminder runs the routine itself (`… run tidy unattended`)
    /// instead of only telling the person to run it.
    public var unattended: Bool = false

    /// "every day at 21:30" or "every mon, thu at 20:00".
    public var whenText: String {
        let dayText = days.count == 7 ? "day" : days.map(\.shortName).joined(separator: ", ")
        return "every \(dayText) at " + String(format2(hour)) + ":" + format2(minute) + (zone.map { " in \($0)" } ?? "")
    }

    /// What it runs: `evening`, or `evening("Sam", 20)` with arguments.
    public var callText: String {
        arguments.isEmpty ? routine : routine + "(" + argumentTexts.joined(separator: ", ") + ")"
    }

    /// The arguments as literals: `"Sam"`, `20`, `1h30m`.
    public var argumentTexts: [String] { arguments.map(\.value.literalText) }

    private func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// A statement: its kind and where it is.
public final class Stmt {
    /// The kinds of statement.
    public enum Kind {
        case expression(Expr)
        case letVariable(name: String, nameRange: SourceRange, value: Expr)
        case assign(name: String, nameRange: SourceRange, value: Expr)
        case assignIndex(list: Expr, index: Expr, value: Expr)
        case ifElse(condition: Expr, then: [Stmt], otherwise: [Stmt]?)
        case whileLoop(condition: Expr, body: [Stmt])
        case forIn(name: String, nameRange: SourceRange, sequence: Expr, body: [Stmt])
        case repeatLoop(count: Expr, body: [Stmt])
        case breakLoop
        case continueLoop
        case returnValue(Expr?)
        case routine(RoutineDeclaration)
        case use([(name: String, range: SourceRange)])
        case include(path: String, pathRange: SourceRange)
        case schedule(Schedule)
        case say(Expr)
        case note(Expr)
        case tip(module: String, moduleRange: SourceRange)
        case card(module: String, moduleRange: SourceRange)
        case timer(duration: Expr, label: Expr?)
        /// Stands in for a statement that failed to parse.
        case invalid
    }

    /// What the statement is.
    public let kind: Kind
    /// Where it is.
    public let range: SourceRange
    var slot: Int = -1
    var binding: Binding?

    init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

extension Schedule {
    /// The first time at or after `date` that the schedule runs.
    ///
    /// - Parameter timeZone: the user's zone; a schedule that names its own uses that.
    public func nextRun(after date: Date, timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone.flatMap(TimeZone.init(identifier:)) ?? timeZone
        let startOfDay = calendar.startOfDay(for: date)
        for offset in 0...7 {
            guard let day = calendar.date(byAdding: .day, value: offset, to: startOfDay),
                  let time = calendar.date(bySettingHour: hour, minute: minute, second: 0, of: day) else { continue }
            let weekday = calendar.component(.weekday, from: time)
            if time >= date, days.contains(where: { $0.rawValue == weekday }) { return time }
        }
        return nil
    }
}
