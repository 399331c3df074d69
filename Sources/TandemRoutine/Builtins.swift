import Foundation
import TandemKit

/// The built-in functions, compiled to closures (the common ones directly).
enum Builtins {
    static func compile(_ builtin: Builtin, _ arguments: [Expr], _ compiler: Compiler, _ range: SourceRange) -> Eval {
        let m = compiler.machine
        switch (builtin, arguments.count) {
        case (.len, 1):
            if let path = compiler.listPath(arguments[0]) {
                let g = m.globals
                let a = compiler.expression(arguments[0])
                return { f in
                    if let list = path.list(f, g) { return .int(list._withUnsafeGuaranteedRef { $0.count }) }
                    return try call(.len, [try a(f)], m, range)
                }
            }
            let a = compiler.expression(arguments[0])
            return { f in
                let v = try a(f)
                if case .list(let box) = v { return .int(box.count) }
                return try call(.len, [v], m, range)
            }
        case (.append, 2):
            if let path = compiler.listPath(arguments[0]), compiler.mayEvaluateFirst(arguments[1], before: path) {
                // The variable keeps the list alive: append without a copy.
                // (The value is evaluated first; it cannot change which list
                // the path leads to, so that is not observable.)
                let g = m.globals
                let a = compiler.expression(arguments[0]), b = compiler.inline(arguments[1])
                return { f in
                    let value = try b.value(f)
                    if let list = path.list(f, g) {
                        try list._withUnsafeGuaranteedRef { try $0.append(value, range) }
                        return .none
                    }
                    let list = try a(f)
                    guard case .list(let box) = list else {
                        throw RuntimeError("append needs a list first, not \(list.typeName)", at: range)
                    }
                    try box.append(value, range)
                    return .none
                }
            }
            let a = compiler.expression(arguments[0]), b = compiler.expression(arguments[1])
            let general: Eval = { f in
                let list = try a(f)
                let value = try b(f)
                guard case .list(let box) = list else {
                    throw RuntimeError("append needs a list first, not \(list.typeName)", at: range)
                }
                try box.append(value, range)
                return .none
            }
            if case .builtin(.pop)? = arguments[1].callee, case .call(_, _, let popArguments) = arguments[1].kind,
               popArguments.count == 1, let target = compiler.listPath(arguments[0]),
               let source = compiler.listPath(popArguments[0]) {
                // `append(a, pop(b))` moves the last element of one list to
                // another (hanoi's pegs, an undo stack): both lists are used
                // in place, without counting references. `a` is found first,
                // as arguments go left to right; popping then frees nothing
                // (the element moves out, owned), so `a`'s list stays alive
                // even when it is the element popped. When either path does
                // not lead to a list, or `b` is empty, nothing has happened
                // yet and the general path runs, with its errors.
                let g = m.globals
                return { f in
                    if let into = target.list(f, g), let from = source.list(f, g),
                       let last = from._withUnsafeGuaranteedRef({ $0.popLast() }) {
                        try into._withUnsafeGuaranteedRef { try $0.append(last, range) }
                        return .none
                    }
                    return try general(f)
                }
            }
            return general
        case (.pop, 1):
            if let path = compiler.listPath(arguments[0]) {
                let g = m.globals
                let a = compiler.expression(arguments[0])
                return { f in
                    if let list = path.list(f, g), let last = list._withUnsafeGuaranteedRef({ $0.popLast() }) { return last }
                    return try call(.pop, [try a(f)], m, range)
                }
            }
            let a = compiler.expression(arguments[0])
            return { f in
                let list = try a(f)
                if case .list(let box) = list, let last = box.popLast() { return last }
                return try call(.pop, [list], m, range)
            }
        default:
            let args = arguments.map(compiler.expression)
            return { f in
                var values: [Value] = []
                values.reserveCapacity(args.count)
                for arg in args { values.append(try arg(f)) }
                return try call(builtin, values, m, range)
            }
        }
    }

    private static func list(_ v: Value, _ name: String, _ range: SourceRange) throws -> ListBox {
        guard case .list(let box) = v else { throw RuntimeError("\(name) needs a list, not \(v.typeName)", at: range) }
        return box
    }

    private static func map(_ v: Value, _ name: String, _ range: SourceRange) throws -> MapBox {
        guard case .map(let box) = v else {
            throw RuntimeError("\(name) needs a map, not \(v.typeName)", at: range,
                               hint: v.typeName == "list" ? "a list is read by position (xs[0]); a map is written {\"key\": value}" : nil)
        }
        return box
    }

    /// `"me"`, `"partner"` or `"both"` at `index`; `"me"` when it is left out.
    private static func whoArgument(_ a: [Value], _ index: Int, _ range: SourceRange) throws -> RoutineWho {
        guard index < a.count else { return .me }
        let text = try string(a[index], "whose entries", range)
        guard let who = RoutineWho(rawValue: text) else {
            throw RuntimeError("whose entries is \"me\", \"partner\" or \"both\", not \(Value.string(text).description)", at: range)
        }
        return who
    }

    /// Reads the journal, showing its failures (no partner yet, a locked file) at the call.
    private static func journal(_ range: SourceRange, _ read: () throws -> Value) throws -> Value {
        do { return try MemoryBudget.check(made: try read(), range) } catch let error as RuntimeError { throw error } catch {
            throw RuntimeError((error as? CommandFailure)?.message ?? "\(error)", at: range)
        }
    }

    /// `sort(xs, "strength")`: maps in the order of one key's values, which
    /// each map must have; maps with equal values keep their order.
    private static func sortMaps(_ items: [Value], by key: String, _ range: SourceRange) throws -> Value {
        var keyed: [(key: Value, index: Int)] = []
        keyed.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard case .map(let box) = item else {
                throw RuntimeError("sort by \(Value.string(key).description) needs a list of maps, but element \(index) is \(item.typeName == "integer" ? "an" : "a") \(item.typeName)", at: range)
            }
            guard let value = box.value(of: key) else { throw Ops.missingKey(key, in: box, range) }
            keyed.append((value, index))
        }
        var failure: RuntimeError?
        keyed.sort { x, y in
            do {
                let order = try Ops.order(x.key, y.key, range)
                return order != 0 ? order < 0 : x.index < y.index
            } catch {
                failure = error as? RuntimeError
                return false
            }
        }
        if let failure { throw failure }
        return .list(ListBox(keyed.map { items[$0.index] }))
    }

    private static func string(_ v: Value, _ name: String, _ range: SourceRange) throws -> String {
        guard case .str(let s) = v else { throw RuntimeError("\(name) needs a string, not \(v.typeName)", at: range) }
        return s.value
    }

    private static func number(_ v: Value, _ name: String, _ range: SourceRange) throws -> Double {
        guard let d = Ops.double(v) else { throw RuntimeError("\(name) needs a number, not \(v.typeName)", at: range) }
        return d
    }

    private static func integerResult(_ d: Double, _ range: SourceRange) throws -> Value {
        guard d.isFinite, d >= -9.2e18, d <= 9.2e18 else { throw RuntimeError("\(Value.format(d)) does not fit in an integer", at: range) }
        return .int(Int(d))
    }

    static func parseNumber(_ text: String) -> Value? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let i = Int(trimmed) { return .int(i) }
        if let d = Double(trimmed), d.isFinite, trimmed.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }) {
            return .decimal(d)
        }
        return nil
    }

    /// The elements' texts with `separator` between them. The exact length
    /// is found first, so that the text is written once, in place; the
    /// elements are read where they lie, without copies.
    /// The length is asked of the memory budget before anything is written.
    static func join(_ items: UnsafeBufferPointer<Value>, separator: String, _ range: SourceRange) throws -> String {
        var total = MemoryBudget.bytes(separator.utf8.count, of: max(0, items.count - 1))
        var otherTexts: [Int: String] = [:]
        for index in items.indices {
            let count: Int
            if let string = items[index].stringRef {
                count = string._withUnsafeGuaranteedRef { $0.value.utf8.count }
            } else {
                let text = items[index].text
                try MemoryBudget.check(range)
                otherTexts[index] = text
                count = text.utf8.count
            }
            total = total.flatMap { total in
                let (sum, overflow) = total.addingReportingOverflow(count)
                return overflow ? nil : sum
            }
        }
        try MemoryBudget.reserve(total, range)
        guard let total else { return "" }
        let separatorBytes = Array(separator.utf8)
        return String(unsafeUninitializedCapacity: total) { buffer in
            var end = 0
            func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard let source = bytes.baseAddress else { return }
                (buffer.baseAddress! + end).initialize(from: source, count: bytes.count)
                end += bytes.count
            }
            func put(_ text: String) {
                if text.utf8.withContiguousStorageIfAvailable(put) != nil { return }
                var text = text
                text.withUTF8(put)
            }
            for index in items.indices {
                if index > 0 { separatorBytes.withUnsafeBufferPointer(put) }
                if let string = items[index].stringRef {
                    string._withUnsafeGuaranteedRef { put($0.value) }
                } else {
                    put(otherTexts[index]!)
                }
            }
            return end
        }
    }

    static func call(_ builtin: Builtin, _ a: [Value], _ m: Machine, _ range: SourceRange) throws -> Value {
        switch builtin {
        case .len:
            switch a[0] {
            case .list(let box): return .int(box.count)
            case .str(let s): return .int(s.characterCount)
            case .map(let box): return .int(box.count)
            default: throw RuntimeError("len needs a list, a map or a string, not \(a[0].typeName)", at: range)
            }
        case .append:
            try list(a[0], "append", range).append(a[1], range)
            return .none
        case .str:
            return try MemoryBudget.check(made: .string(a[0].text), range)
        case .num:
            switch a[0] {
            case .int, .decimal: return a[0]
            case .duration(let s): return .int(s)
            case .bool(let b): return .int(b ? 1 : 0)
            case .str(let box):
                let s = box.value
                guard let n = parseNumber(s) else { throw RuntimeError("\(Value.string(s).description) is not a number", at: range) }
                return n
            default: throw RuntimeError("num cannot convert \(a[0].typeName) to a number", at: range)
            }
        case .round:
            let digits = a.count > 1 ? try Ops.integer(a[1], "the digits of round", range) : 0
            if case .int = a[0], digits >= 0 { return a[0] }
            let x = try number(a[0], "round", range)
            if digits <= 0 {
                let scale = pow(10, Double(-digits))
                return try integerResult((x / scale).rounded(.toNearestOrAwayFromZero) * scale, range)
            }
            let scale = pow(10, Double(min(digits, 15)))
            return .decimal((x * scale).rounded(.toNearestOrAwayFromZero) / scale)
        case .floor:
            if case .int = a[0] { return a[0] }
            return try integerResult(try number(a[0], "floor", range).rounded(.down), range)
        case .abs:
            switch a[0] {
            case .int(let i):
                guard i != .min else { throw Ops.overflow(range) }
                return .int(Swift.abs(i))
            case .decimal(let d): return .decimal(Swift.abs(d))
            case .duration(let s):
                guard s != .min else { throw Ops.overflow(range) }
                return .duration(Swift.abs(s))
            default: throw RuntimeError("abs needs a number, not \(a[0].typeName)", at: range)
            }
        case .min, .max:
            var values = a
            if a.count == 1 {
                values = try list(a[0], builtin.rawValue, range).items
                guard !values.isEmpty else { throw RuntimeError("\(builtin.rawValue) of an empty list", at: range) }
            }
            var best = values[0]
            for value in values.dropFirst() {
                let order = try Ops.order(value, best, range)
                if builtin == .min ? order < 0 : order > 0 { best = value }
            }
            return best
        case .join:
            let box = try list(a[0], "join", range)
            let separator = a.count > 1 ? try string(a[1], "join's separator", range) : ""
            return try MemoryBudget.check(made: .string(try box.withValueBuffer { items in try join(items, separator: separator, range) }), range)
        case .split:
            let text = try string(a[0], "split", range)
            if a.count == 1 {
                let words = ListBox(text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map { .string(String($0)) })
                try MemoryBudget.check(range)
                return .list(words)
            }
            let separator = try string(a[1], "split's separator", range)
            guard !separator.isEmpty else {
                // One element (16 bytes and a box) per character: ask first.
                try MemoryBudget.reserve(MemoryBudget.bytes(text.utf8.count, of: 64), range)
                return .list(ListBox(text.map { .string(String($0)) }))
            }
            let parts = ListBox(text.components(separatedBy: separator).map { .string($0) })
            try MemoryBudget.check(range)
            return .list(parts)
        case .upper: return .string(try string(a[0], "upper", range).uppercased())
        case .lower: return .string(try string(a[0], "lower", range).lowercased())
        case .contains:
            switch a[0] {
            case .list(let box):
                var found = false
                box.forEachElement { item in
                    found = Value.equal(item, a[1])
                    return !found
                }
                return .bool(found)
            case .str(let s): return .bool(s.value.contains(try string(a[1], "contains", range)))
            case .map(let box): return .bool(box.position(of: try Ops.mapKey(a[1], range)) != nil)
            default: throw RuntimeError("contains needs a list, a map or a string, not \(a[0].typeName)", at: range)
            }
        case .pop:
            let box = try list(a[0], "pop", range)
            guard let last = box.popLast() else { throw RuntimeError("pop from an empty list", at: range) }
            return last
        case .random:
            switch (a[0], a[1]) {
            case (.int(let lo), .int(let hi)):
                guard lo <= hi else { throw RuntimeError("random(\(lo), \(hi)): the low end is above the high end", at: range) }
                return .int(Int.random(in: lo...hi, using: &m.random))
            default:
                let lo = try number(a[0], "random", range), hi = try number(a[1], "random", range)
                guard lo <= hi else { throw RuntimeError("random: the low end is above the high end", at: range) }
                return .decimal(lo == hi ? lo : Double.random(in: lo..<hi, using: &m.random))
            }
        case .pick:
            let box = try list(a[0], "pick", range)
            guard !box.isEmpty else { throw RuntimeError("pick from an empty list", at: range) }
            return box[Int.random(in: 0..<box.count, using: &m.random)]
        case .today:
            return .string(LocalDateText.date(m.host.now, m.host.timeZone))
        case .now:
            return .string(LocalDateText.time(m.host.now, m.host.timeZone))
        case .weekday:
            return .string(LocalDateText.weekday(m.host.now, m.host.timeZone))
        case .type:
            return .string(a[0].typeName)
        case .sort:
            let sorted = try list(a[0], "sort", range)
            try MemoryBudget.reserve(MemoryBudget.bytes(sorted.count, of: 32), range)
            var items = sorted.items
            if a.count > 1 { return try sortMaps(items, by: try string(a[1], "sort's key", range), range) }
            var failure: RuntimeError?
            items.sort { x, y in
                do { return try Ops.order(x, y, range) < 0 } catch {
                    failure = error as? RuntimeError
                    return false
                }
            }
            if let failure { throw failure }
            return .list(ListBox(items))
        case .insert:
            let box = try list(a[0], "insert", range)
            let i = try Ops.integer(a[1], "the index of insert", range)
            guard i >= 0, i <= box.count else {
                throw RuntimeError("index \(i) is out of range for insert: the list has \(box.count) elements", at: range)
            }
            try box.withValues(range) { $0.insert(a[2], at: i) }
            return .none
        case .remove:
            if case .map(let map) = a[0] { return map.remove(try Ops.mapKey(a[1], range)) ?? .none }
            let box = try list(a[0], "remove", range)
            let i = try Ops.listIndex(a[1], count: box.count, range)
            return try box.withValues(range) { $0.remove(at: i) }
        case .range:
            // range(n) is 0..n-1 and range(a, b) is a..b-1: empty when the
            // end is at or below the start (so `b - 1` cannot overflow).
            let low = a.count == 1 ? Value.int(0) : a[0]
            let high = try Ops.integer(a[a.count - 1], a.count == 1 ? "range's length" : "range's end", range)
            let start = try Ops.integer(low, "range's start", range)
            guard high > start else { return .list(ListBox([])) }
            return try Ops.rangeList(low, .int(high - 1), range)
        case .question:
            do { return try m.host.dailyQuestion().map { Value.string($0) } ?? .none } catch {
                throw RuntimeError("question(): \((error as? CommandFailure)?.message ?? "\(error)")", at: range)
            }
        case .answerQuestion:
            let text = try string(a[0], "answer_question", range)
            do { try m.host.answerDailyQuestion(text) } catch {
                throw RuntimeError("answer_question: \((error as? CommandFailure)?.message ?? "\(error)")", at: range)
            }
            return .none
        case .has:
            return .bool(try map(a[0], "has", range).position(of: try Ops.mapKey(a[1], range)) != nil)
        case .keys:
            let box = try map(a[0], "keys", range)
            try MemoryBudget.reserve(MemoryBudget.bytes(box.count, of: 16), range)
            return .list(ListBox(box.keys.map { .string($0) }))
        case .values:
            let box = try map(a[0], "values", range)
            try MemoryBudget.reserve(MemoryBudget.bytes(box.count, of: 16), range)
            return .list(ListBox(box.values))
        case .get:
            let box = try map(a[0], "get", range)
            return box.value(of: try Ops.mapKey(a[1], range)) ?? (a.count > 2 ? a[2] : .none)
        case .habits:
            let who = try whoArgument(a, 0, range)
            return try journal(range) { .list(ListBox(try m.host.journalHabits(who: who).map { Value(.map($0)) })) }
        case .habit:
            let id = try string(a[0], "habit", range)
            let who = try whoArgument(a, 1, range)
            return try journal(range) { try m.host.journalHabits(who: who).first { $0["id"] == .string(id) }.map { Value(.map($0)) } ?? .none }
        case .checkins:
            let days = a.isEmpty ? 30 : try Ops.integer(a[0], "the days of checkins", range)
            guard days >= 0 else { throw RuntimeError("checkins(\(days)): the number of days cannot be negative", at: range) }
            let who = try whoArgument(a, 1, range)
            return try journal(range) { .list(ListBox(try m.host.journalCheckins(days: days, who: who).map { Value(.map($0)) })) }
        case .questionStatus:
            return try journal(range) { try m.host.questionStatus().map { Value(.map($0)) } ?? .none }
        case .sum:
            var total: Value = .int(0)
            for item in try list(a[0], "sum", range).items { total = try Ops.Add.values(total, item, range) }
            return total
        }
    }
}

/// Dates and times as routines see them.
enum LocalDateText {
    static func calendar(_ zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }
    static func date(_ date: Date, _ zone: TimeZone) -> String {
        let c = calendar(zone).dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
    static func time(_ date: Date, _ zone: TimeZone) -> String {
        let c = calendar(zone).dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", c.hour!, c.minute!)
    }
    static func weekday(_ date: Date, _ zone: TimeZone) -> String {
        Weekday(rawValue: calendar(zone).component(.weekday, from: date))!.fullName
    }
}
