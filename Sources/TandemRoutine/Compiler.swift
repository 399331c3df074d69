import Synchronization
import TandemCatalog
import TandemKit

/// Lowers a checked tree into Swift closures, once, so the tree is never
/// walked while the program runs. Common shapes (a local compared with a
/// constant, `i = i + k`, calls with few arguments) get closures of their own.
struct Compiler {
    let machine: Machine

    enum Operand {
        case local(Int)
        case global(Int)
        case constant(Value)
        case general(Eval)
    }

    // MARK: Routines and programs

    func compileRoutine(_ symbol: RoutineSymbol) {
        let declaration = symbol.declaration
        symbol.code = RoutineCode(
            body: routineBody(declaration.body[...]), frameSize: max(1, declaration.frameSize),
            parameterCount: declaration.parameters.count,
            defaults: declaration.parameters.map { $0.defaultValue.map(expression) })
    }

    /// A routine's body as a closure that gives its result: a final
    /// `return x` is `x` itself, and leading guards `if c { return x }`
    /// test and return directly, without going through ``Flow``.
    func routineBody(_ statements: ArraySlice<Stmt>, guards: Int = 0) -> Eval {
        let m = machine
        guard let first = statements.first else { return { _ in .none } }
        if guards < 8, isGuard(statements), case .ifElse(let condition, let then, nil) = first.kind,
           case .returnValue(let value) = then[0].kind {
            let test = self.test(condition, context: "the condition of 'if'")
            let restStatements = statements.dropFirst()
            if !isGuard(restStatements), restStatements.count > 1 || !isReturn(restStatements.first) {
                // The last guard runs the rest of the body in line.
                let tail = self.tail(restStatements)
                guard let value else {
                    return { f in try test(f) ? .none : try tail.run(f, m) }
                }
                switch operand(value) {
                case .local(let slot): return { f in try test(f) ? f[slot] : try tail.run(f, m) }
                case .constant(let constant): return { f in try test(f) ? constant : try tail.run(f, m) }
                default:
                    let evaluate = expression(value)
                    return { f in try test(f) ? try evaluate(f) : try tail.run(f, m) }
                }
            }
            let rest = routineBody(restStatements, guards: guards + 1)
            guard let value else {
                return { f in try test(f) ? .none : try rest(f) }
            }
            switch operand(value) {
            case .local(let slot): return { f in try test(f) ? f[slot] : try rest(f) }
            case .constant(let constant): return { f in try test(f) ? constant : try rest(f) }
            default:
                let evaluate = expression(value)
                return { f in try test(f) ? try evaluate(f) : try rest(f) }
            }
        }
        /// What the routine gives when its statements ran to `flow`.
        @inline(__always)
        func result(_ flow: Flow) -> Value {
            flow == .returned ? m.takeReturnValue() : .none
        }
        guard let last = statements.last, case .returnValue(let value) = last.kind else {
            let run = inlineBlock(Array(statements))
            return { f in result(try run(f)) }
        }
        // Not `value.map(expression)`: a closure that passes through a
        // generic Optional comes back wrapped in reabstraction thunks.
        let evaluate: Eval
        if let value { evaluate = expression(value) } else { evaluate = { _ in .none } }
        if statements.count == 1 { return evaluate }
        let prefix = inlineBlock(Array(statements.dropLast()))
        return { f in
            let flow = try prefix(f)
            if flow != .normal { return result(flow) }
            return try evaluate(f)
        }
    }

    /// Whether the statements start with `if c { return x }` followed by more.
    func isGuard(_ statements: ArraySlice<Stmt>) -> Bool {
        guard statements.count > 1, let first = statements.first, case .ifElse(_, let then, nil) = first.kind,
              then.count == 1, case .returnValue = then[0].kind else { return false }
        return true
    }

    func isReturn(_ statement: Stmt?) -> Bool {
        if case .returnValue? = statement?.kind { true } else { false }
    }

    /// The statements after a routine's guards, run in line: a block, then
    /// a final `return x` if there is one.
    struct Tail {
        let body: Body
        let hasBody: Bool
        let value: Eval?

        @inline(__always)
        func run(_ f: Frame, _ m: Machine) throws -> Value {
            if hasBody {
                let flow = try body(f)
                if flow != .normal { return flow == .returned ? m.takeReturnValue() : .none }
            }
            if let value { return try value(f) }
            return .none
        }
    }

    func tail(_ statements: ArraySlice<Stmt>) -> Tail {
        if let last = statements.last, case .returnValue(let value) = last.kind {
            let prefix = Array(statements.dropLast())
            let evaluate: Eval?
            if let value { evaluate = expression(value) } else { evaluate = nil }
            return Tail(body: inlineBlock(prefix), hasBody: !prefix.isEmpty, value: evaluate)
        }
        return Tail(body: inlineBlock(Array(statements)), hasBody: !statements.isEmpty, value: nil)
    }

    /// The top-level code; when `echoLast` is set, the value of a final
    /// expression statement is kept in ``Machine/lastValue``. Not that of a
    /// question or a practice: the person has just typed that answer.
    func compileMain(_ statements: [Stmt], echoLast: Bool) -> Exec {
        var executable = statements.filter { statement in
            switch statement.kind {
            case .routine, .use, .include, .schedule, .invalid: false
            default: true
            }
        }
        guard echoLast, let last = executable.last, case .expression(let value) = last.kind else { return block(executable) }
        switch value.kind {
        case .ask, .practice: return block(executable)
        default: break
        }
        executable.removeLast()
        let m = machine
        let evaluate = expression(value)
        return sequence(block(executable)) { f in
            m.lastValue = try evaluate(f)
            return .normal
        }
    }

    // MARK: Statements

    func sequence(_ a: @escaping Exec, _ b: @escaping Exec) -> Exec {
        { f in
            let flow = try a(f)
            if flow != .normal { return flow }
            return try b(f)
        }
    }

    /// A balanced tree of sequences, built straight from the statements:
    /// closures taken out of an array would each carry a reabstraction
    /// thunk (swiftlang/swift#58137).
    func block(_ statements: [Stmt]) -> Exec {
        tree(statements[...])
    }

    private func tree(_ list: ArraySlice<Stmt>) -> Exec {
        switch list.count {
        case 0: return { _ in .normal }
        case 1: return statement(list.first!)
        case 2: return sequence(statement(list.first!), statement(list.last!))
        case 3:
            let a = statement(list[list.startIndex]), b = statement(list[list.startIndex + 1]), c = statement(list[list.startIndex + 2])
            return { f in
                var flow = try a(f)
                if flow != .normal { return flow }
                flow = try b(f)
                if flow != .normal { return flow }
                return try c(f)
            }
        case 4:
            let a = statement(list[list.startIndex]), b = statement(list[list.startIndex + 1])
            let c = statement(list[list.startIndex + 2]), d = statement(list[list.startIndex + 3])
            return { f in
                var flow = try a(f)
                if flow != .normal { return flow }
                flow = try b(f)
                if flow != .normal { return flow }
                flow = try c(f)
                if flow != .normal { return flow }
                return try d(f)
            }
        case 5:
            let a = statement(list[list.startIndex]), b = statement(list[list.startIndex + 1])
            let c = statement(list[list.startIndex + 2]), d = statement(list[list.startIndex + 3])
            let e = statement(list[list.startIndex + 4])
            return { f in
                var flow = try a(f)
                if flow != .normal { return flow }
                flow = try b(f)
                if flow != .normal { return flow }
                flow = try c(f)
                if flow != .normal { return flow }
                flow = try d(f)
                if flow != .normal { return flow }
                return try e(f)
            }
        default:
            let middle = list.startIndex + list.count / 2
            return sequence(tree(list[..<middle]), tree(list[middle...]))
        }
    }

    func statement(_ statement: Stmt) -> Exec {
        let range = statement.range
        let m = machine
        switch statement.kind {
        case .expression(let value):
            let evaluate = expression(value)
            return { f in
                _ = try evaluate(f)
                return .normal
            }
        case .letVariable(_, _, let value), .assign(_, _, let value):
            return assignment(statement.binding!, value)
        case .assignIndex(let list, let index, let value):
            if case .string(let key) = index.kind {
                // `m["walk"] = v`: as `m["walk"]`, the key's last place is tried first.
                let v = expression(value)
                let hint = PositionHint()
                if let place = place(list), mayEvaluateFirst(value, before: .variable(place)) {
                    // The variable keeps the map alive: used in place, without reference counting.
                    let g = machine.globals
                    return { f in
                        let element = try v(f)
                        let slot = place.address(f, g)
                        if let map = slot.pointee.mapRef {
                            try hint.set(key, element, in: map, range)
                            return .normal
                        }
                        try Ops.setIndex(slot.pointee, .string(key), element, range)
                        return .normal
                    }
                }
                let l = expression(list)
                return { f in
                    let base = try l(f)
                    let element = try v(f)
                    if let map = base.mapRef {
                        try hint.set(key, element, in: map, range)
                        return .normal
                    }
                    try Ops.setIndex(base, .string(key), element, range)
                    return .normal
                }
            }
            if let place = place(list), !(isGlobal(place) && (mayAssignGlobals(index) || mayAssignGlobals(value))) {
                // `xs[i] = v` on a variable: the slot keeps the list alive,
                // so it is used without a copy (no reference counting).
                let g = machine.globals
                if case .local(let indexSlot) = operand(index), case .constant(let element) = operand(value) {
                    // `xs[i] = constant`: nothing to evaluate.
                    return { f in
                        let slot = place.address(f, g)
                        if let list = slot.pointee.listRef, case .int(let n) = f[indexSlot] {
                            if try list._withUnsafeGuaranteedRef({ try $0.store(element, at: n, range) }) { return .normal }
                        }
                        try Ops.setIndex(slot.pointee, f[indexSlot], element, range)
                        return .normal
                    }
                }
                let i = expression(index), v = expression(value)
                // The order of evaluation is as before: the value first for
                // a local list, the index first for a global one.
                let valueFirst = if case .local = place { true } else { false }
                return { f in
                    let element: Value, position: Value
                    if valueFirst {
                        element = try v(f)
                        position = try i(f)
                    } else {
                        position = try i(f)
                        element = try v(f)
                    }
                    let slot = place.address(f, g)
                    if let list = slot.pointee.listRef, case .int(let n) = position {
                        if try list._withUnsafeGuaranteedRef({ try $0.store(element, at: n, range) }) { return .normal }
                    }
                    try Ops.setIndex(slot.pointee, position, element, range)
                    return .normal
                }
            }
            let l = expression(list), i = expression(index), v = expression(value)
            return { f in
                let base = try l(f)
                let position = try i(f)
                let element = try v(f)
                if case .list(let box) = base, case .int(let n) = position, try box.store(element, at: n, range) { return .normal }
                try Ops.setIndex(base, position, element, range)
                return .normal
            }
        case .ifElse(let condition, let then, let otherwise):
            let test = self.test(condition, context: "the condition of 'if'")
            let thenBlock = inlineBlock(then)
            if let otherwise {
                let elseBlock = inlineBlock(otherwise)
                return { f in try test(f) ? try thenBlock(f) : try elseBlock(f) }
            }
            if then.count == 1, case .returnValue(let value?) = then[0].kind {
                // `if c { return x }`: one closure fewer on the way out.
                switch operand(value) {
                case .local(let slot):
                    return { f in
                        guard try test(f) else { return .normal }
                        m.returnValue = f[slot]
                        return .returned
                    }
                case .constant(let constant):
                    return { f in
                        guard try test(f) else { return .normal }
                        m.returnValue = constant
                        return .returned
                    }
                default: break
                }
                let evaluate = expression(value)
                return { f in
                    guard try test(f) else { return .normal }
                    m.returnValue = try evaluate(f)
                    return .returned
                }
            }
            if then.count == 1, case .returnValue(nil) = then[0].kind {
                return { f in
                    guard try test(f) else { return .normal }
                    m.returnValue = .none
                    return .returned
                }
            }
            return { f in try test(f) ? try thenBlock(f) : .normal }
        case .whileLoop(let condition, let body):
            let interrupt = machine.interrupt
            let bodyBlock = inlineBlock(body)
            if case .boolean(true) = condition.kind {
                // `while true { … return … }`: nothing to test.
                return { f in
                    while true {
                        if interrupt.isRequested { throw RuntimeError.interrupted(at: range) }
                        switch try bodyBlock(f) {
                        case .normal, .continueLoop: continue
                        case .breakLoop: return .normal
                        case .returned: return .returned
                        }
                    }
                }
            }
            let test = self.test(condition, context: "the condition of 'while'")
            return { f in
                while try test(f) {
                    if interrupt.isRequested { throw RuntimeError.interrupted(at: range) }
                    switch try bodyBlock(f) {
                    case .normal, .continueLoop: continue
                    case .breakLoop: return .normal
                    case .returned: return .returned
                    }
                }
                return .normal
            }
        case .forIn(_, _, let sequence, let body):
            guard case .local(let slot) = statement.binding ?? .local(statement.slot) else { fatalError("unresolved loop variable") }
            let bodyBlock = inlineBlock(body)
            let interrupt = machine.interrupt
            if case .range(let low, let high) = sequence.kind {
                let lo = expression(low), hi = expression(high)
                let lowRange = low.range, highRange = high.range
                return { f in
                    let first = try Ops.integer(try lo(f), "the start of a range", lowRange)
                    let last = try Ops.integer(try hi(f), "the end of a range", highRange)
                    guard first <= last else { return .normal }
                    var i = first
                    while true {
                        if interrupt.isRequested { throw RuntimeError.interrupted(at: range) }
                        f[slot] = .int(i)
                        switch try bodyBlock(f) {
                        case .normal, .continueLoop: break
                        case .breakLoop: return .normal
                        case .returned: return .returned
                        }
                        if i == last { return .normal }
                        i += 1
                    }
                }
            }
            let items = expression(sequence)
            let sequenceRange = sequence.range
            return { f in
                var flow = Flow.normal
                /// Runs the body for one element; false to stop the loop.
                func visit(_ element: Value) throws -> Bool {
                    if interrupt.isRequested { throw RuntimeError.interrupted(at: range) }
                    f[slot] = element
                    switch try bodyBlock(f) {
                    case .normal, .continueLoop: return true
                    case .breakLoop: return false
                    case .returned:
                        flow = .returned
                        return false
                    }
                }
                switch try items(f) {
                case .list(let box):
                    // The elements as they are now: the body may change the list.
                    try box.forEachElement(visit)
                case .str(let s):
                    for character in s.value {
                        guard try visit(.string(String(character))) else { break }
                    }
                case .map(let box):
                    // The keys as they are now: the body may change the map.
                    for key in box.keys {
                        guard try visit(.string(key)) else { break }
                    }
                case let other:
                    throw RuntimeError("cannot loop over \(other.typeName); only over a list, a map's keys, a string or a range such as 1..10", at: sequenceRange)
                }
                return flow
            }
        case .repeatLoop(let count, let body):
            let times = expression(count)
            let countRange = count.range
            let bodyBlock = inlineBlock(body)
            let interrupt = machine.interrupt
            return { f in
                let n = try Ops.integer(try times(f), "the count of 'repeat'", countRange)
                guard n > 0 else { return .normal }
                for _ in 0..<n {
                    if interrupt.isRequested { throw RuntimeError.interrupted(at: range) }
                    switch try bodyBlock(f) {
                    case .normal, .continueLoop: continue
                    case .breakLoop: return .normal
                    case .returned: return .returned
                    }
                }
                return .normal
            }
        case .breakLoop:
            return { _ in .breakLoop }
        case .continueLoop:
            return { _ in .continueLoop }
        case .returnValue(let value):
            guard let value else {
                return { _ in
                    m.returnValue = .none
                    return .returned
                }
            }
            switch operand(value) {
            case .local(let slot):
                return { f in
                    m.returnValue = f[slot]
                    return .returned
                }
            case .constant(let constant):
                return { _ in
                    m.returnValue = constant
                    return .returned
                }
            default:
                let evaluate = expression(value)
                return { f in
                    m.returnValue = try evaluate(f)
                    return .returned
                }
            }
        case .routine, .use, .include, .schedule, .invalid:
            return { _ in .normal }
        case .say(let value):
            let evaluate = expression(value)
            return { f in
                let text = try evaluate(f).text
                // A list's text stops at the memory budget (then this fails).
                if text.utf8.count > 4096 { try MemoryBudget.check(range) }
                // Escaped: a routine may come from the partner's machine.
                m.host.write(text.terminalSafeLines + "\n")
                return .normal
            }
        case .note(let value):
            let evaluate = expression(value)
            return { f in
                try Coach.note(try evaluate(f), m, range)
                return .normal
            }
        case .tip(let module, _):
            return { _ in
                try Coach.tip(module: module, m, range)
                return .normal
            }
        case .card(let module, _):
            return { _ in
                try Coach.card(module: module, m, range)
                return .normal
            }
        case .timer(let duration, let label):
            let d = expression(duration)
            let l = label.map(expression)
            return { f in
                let length = try d(f)
                let text = try l?(f).text ?? ""
                try Coach.timer(length, label: text, m, range)
                return .normal
            }
        }
    }

    private func assignment(_ binding: Binding, _ value: Expr) -> Exec {
        // `i = i + k` and `i = i - k` on a local.
        if case .local(let slot) = binding, case .binary(let op, let left, let right) = value.kind,
           op == .add || op == .subtract, case .variable = left.kind, case .local(slot)? = left.binding,
           case .integer(let k) = right.kind {
            if op == .subtract && k == .min { return plainAssignment(binding, value) }
            let step = op == .add ? k : -k
            let range = value.range
            return { f in
                if case .int(let a) = f[slot] {
                    let (r, o) = a.addingReportingOverflow(step)
                    if !o {
                        // The slot holds an integer: nothing to release.
                        (f + slot).initialize(to: .int(r))
                        return .normal
                    }
                }
                f[slot] = try Compiler.counterStep(op, f[slot], k, range)
                return .normal
            }
        }
        if case .local(let slot) = binding, case .binary(.add, let left, let right) = value.kind,
           case .variable = left.kind, case .local(slot)? = left.binding,
           case .variable = right.kind, case .local(let other)? = right.binding {
            let range = value.range
            return { f in
                if case .int(let a) = f[slot], case .int(let b) = f[other] {
                    let (r, o) = a.addingReportingOverflow(b)
                    if !o {
                        // The slot holds an integer: nothing to release.
                        (f + slot).initialize(to: .int(r))
                        return .normal
                    }
                }
                f[slot] = try Ops.Add.values(f[slot], f[other], range)
                return .normal
            }
        }
        if case .global(let slot) = binding, case .binary(let op, let left, let right) = value.kind,
           op == .add || op == .subtract, case .variable = left.kind, case .global(slot)? = left.binding,
           case .integer(let k) = right.kind, !(op == .subtract && k == .min) {
            // `count = count + 1` on a global, the counter of a program written at the top level.
            let step = op == .add ? k : -k
            let range = value.range
            let g = machine.globals
            return { _ in
                let counter = g.slots + slot
                if case .int(let a) = counter.pointee {
                    let (r, o) = a.addingReportingOverflow(step)
                    if !o {
                        counter.initialize(to: .int(r))
                        return .normal
                    }
                }
                counter.pointee = try Compiler.counterStep(op, counter.pointee, k, range)
                return .normal
            }
        }
        return plainAssignment(binding, value)
    }

    /// `x + k` or `x - k` on the general path (a decimal, a duration, an
    /// overflow, or the error that names the operator written).
    @inline(never)
    static func counterStep(_ op: BinaryOperator, _ x: Value, _ k: Int, _ range: SourceRange) throws -> Value {
        op == .add ? try Ops.Add.values(x, .int(k), range) : try Ops.Subtract.values(x, .int(k), range)
    }

    private func plainAssignment(_ binding: Binding, _ value: Expr) -> Exec {
        if case .local(let slot) = binding, case .index(let base, let index) = value.kind, let place = place(base),
           case .variable = index.kind, case .local(let i)? = index.binding {
            // `x = xs[i]` with local `x` and `i`.
            let g = machine.globals
            let range = value.range
            return { f in
                let list = place.address(f, g)
                if let element = Compiler.element(list, f[i]) {
                    f[slot] = element
                } else {
                    f[slot] = try Ops.index(list.pointee, f[i], range)
                }
                return .normal
            }
        }
        if case .local(let slot) = binding, let fused = fusedArithmetic(into: slot, value) { return fused }
        if case .local(let slot) = binding, let read = fieldRead(value) {
            // `x = m["key"]` with a variable `m` (`x_tail = x_tail["next"]`): read in place and stored.
            return { f in
                Compiler.store(try read.value(f), in: f + slot)
                return .normal
            }
        }
        let evaluate = expression(value)
        switch binding {
        case .local(let slot):
            return { f in
                Compiler.store(try evaluate(f), in: f + slot)
                return .normal
            }
        case .global(let slot):
            let globals = machine.globals
            return { f in
                let v = try evaluate(f)
                globals.slots[slot] = v
                return .normal
            }
        }
    }

    /// `a op b`: two integers in line (before the Optional of
    /// ``ArithmeticOperation/fast(_:_:)``, which costs an outlined copy of
    /// the value), then the other numbers, then the general path.
    @inline(__always)
    static func compute<O: ArithmeticOperation>(_: O.Type, _ a: Value, _ b: Value, _ range: SourceRange) throws -> Value {
        if case .int(let x) = a, case .int(let y) = b, let r = O.integers(x, y) { return .int(r) }
        if let r = O.fast(a, b) { return r }
        return try O.values(a, b, range)
    }

    /// Stores `value` in a slot: one that holds a number, a boolean or nil
    /// is overwritten without the call that would release its old value.
    @inline(__always)
    static func store(_ value: consuming Value, in slot: UnsafeMutablePointer<Value>) {
        switch slot.pointee {
        case .str, .list, .map: slot.pointee = value
        default: slot.initialize(to: value)
        }
    }

    /// `x = a op b` with a local `x` and locals or constants `a` and `b`
    /// (`zrzr = zr * zr`, `let d = n - 1`): one closure that reads, computes
    /// and stores, rather than one for the statement and one for the value.
    private func fusedArithmetic(into slot: Int, _ value: Expr) -> Exec? {
        guard case .binary(let op, let left, let right) = value.kind else { return nil }
        switch op {
        case .add: return fused(Ops.Add.self, slot, left, right, value.range)
        case .subtract: return fused(Ops.Subtract.self, slot, left, right, value.range)
        case .multiply: return fused(Ops.Multiply.self, slot, left, right, value.range)
        case .divide: return fused(Ops.Divide.self, slot, left, right, value.range)
        case .floorDivide: return fused(Ops.FloorDivide.self, slot, left, right, value.range)
        case .remainder: return fused(Ops.Remainder.self, slot, left, right, value.range)
        default: return nil
        }
    }

    private func fused<O: ArithmeticOperation>(_: O.Type, _ slot: Int, _ left: Expr, _ right: Expr, _ range: SourceRange) -> Exec? {
        if let (l, r) = fieldLeaves(left, right) {
            // `let dx = a["x"] - b["x"]`
            return { f in
                let a = try l.value(f), b = try r.value(f)
                Compiler.store(try Compiler.compute(O.self, a, b, range), in: f + slot)
                return .normal
            }
        }
        switch (operand(left), operand(right)) {
        case (.local(let i), .local(let j)):
            return { f in
                Compiler.store(try Compiler.compute(O.self, f[i], f[j], range), in: f + slot)
                return .normal
            }
        case (.local(let i), .constant(let k)):
            return { f in
                Compiler.store(try Compiler.compute(O.self, f[i], k, range), in: f + slot)
                return .normal
            }
        case (.constant(let k), .local(let j)):
            return { f in
                Compiler.store(try Compiler.compute(O.self, k, f[j], range), in: f + slot)
                return .normal
            }
        case (.general(let le), .local(let j)):
            return { f in
                let a = try le(f)
                Compiler.store(try Compiler.compute(O.self, a, f[j], range), in: f + slot)
                return .normal
            }
        case (.general(let le), .constant(let k)):
            return { f in
                let a = try le(f)
                Compiler.store(try Compiler.compute(O.self, a, k, range), in: f + slot)
                return .normal
            }
        case (.local(let i), .general(let re)):
            // A local is only assigned by statements: reading it after the right side is the same.
            return { f in
                let b = try re(f)
                Compiler.store(try Compiler.compute(O.self, f[i], b, range), in: f + slot)
                return .normal
            }
        case (.general(let le), .general(let re)):
            return { f in
                let a = try le(f), b = try re(f)
                Compiler.store(try Compiler.compute(O.self, a, b, range), in: f + slot)
                return .normal
            }
        default: return nil
        }
    }

    // MARK: Conditions

    /// A closure that evaluates a condition straight to a Swift `Bool`.
    func condition(_ expr: Expr, context: String) -> Cond {
        switch fastCondition(expr) {
        case let fast? where { switch fast { case .anyOf, .allOf, .anyOfTerms, .allOfTerms: true; default: false } }():
            let slow = generalCondition(expr, context: context)
            return { f in
                if let result = fast.value(f) { return result }
                return try slow(f)
            }
        default: break
        }
        if case .term(let term)? = fastCondition(expr), case .isNil = term {
            // `x == nil` always has an answer.
            return { f in term.value(f) ?? false }
        }
        return generalCondition(expr, context: context)
    }

    /// A condition for a statement to test in line when it has a fast form:
    /// integer comparisons, a local boolean, or a value (such as a call)
    /// that must be a boolean.
    func test(_ expr: Expr, context: String) -> Test {
        var local = -1
        var value: Eval?
        switch expr.kind {
        case .boolean, .not, .binary(.and, _, _), .binary(.or, _, _), .binary(.less, _, _), .binary(.lessEqual, _, _),
             .binary(.greater, _, _), .binary(.greaterEqual, _, _), .binary(.equal, _, _), .binary(.notEqual, _, _):
            break
        case .variable where { if case .local = expr.binding { true } else { false } }():
            if case .local(let slot)? = expr.binding { local = slot }
        default:
            value = expression(expr)
        }
        return Test(fast: fastCondition(expr), local: local, value: value, slow: condition(expr, context: context),
                    context: context, range: expr.range)
    }

    /// A block that a loop or `if` runs in line: up to six statements
    /// called one after the other, without a closure for the block.
    ///
    /// A class, so that a loop's or an `if`'s closure captures one
    /// reference rather than six closures, which its forwarding thunk would
    /// copy out on every call.
    final class Body {
        let count: Int
        let a: Exec, b: Exec, c: Exec, d: Exec, e: Exec, g: Exec

        init(count: Int, a: @escaping Exec, b: @escaping Exec, c: @escaping Exec, d: @escaping Exec, e: @escaping Exec, g: @escaping Exec) {
            self.count = count
            self.a = a
            self.b = b
            self.c = c
            self.d = d
            self.e = e
            self.g = g
        }

        @inline(__always)
        func callAsFunction(_ f: Frame) throws -> Flow {
            var flow = try a(f)
            if count == 1 || flow != .normal { return flow }
            flow = try b(f)
            if count == 2 || flow != .normal { return flow }
            flow = try c(f)
            if count == 3 || flow != .normal { return flow }
            flow = try d(f)
            if count == 4 || flow != .normal { return flow }
            flow = try e(f)
            if count == 5 || flow != .normal { return flow }
            return try g(f)
        }
    }

    func inlineBlock(_ statements: [Stmt]) -> Body {
        let nothing: Exec = { _ in .normal }
        guard (1...6).contains(statements.count) else {
            return Body(count: 1, a: block(statements), b: nothing, c: nothing, d: nothing, e: nothing, g: nothing)
        }
        // Compiled one by one, not through an array of closures (which
        // would wrap each in reabstraction thunks).
        let n = statements.count
        let a = statement(statements[0])
        let b = n > 1 ? statement(statements[1]) : nothing
        let c = n > 2 ? statement(statements[2]) : nothing
        let d = n > 3 ? statement(statements[3]) : nothing
        let e = n > 4 ? statement(statements[4]) : nothing
        let g = n > 5 ? statement(statements[5]) : nothing
        return Body(count: n, a: a, b: b, c: c, d: d, e: e, g: g)
    }

    /// Comparisons of integer terms, and `or`/`and` chains of them, tested
    /// without closures; the compiled condition decides when an operand is
    /// not an integer or a term overflows (the terms read only locals).
    enum FastCondition {
        case compare(IntComparison)
        case term(FastTerm)
        /// Chains of integer comparisons only: their own loops, so that
        /// each comparison is tested in line.
        case anyOf([IntComparison])
        case allOf([IntComparison])
        /// Chains with flags or nil tests among the comparisons.
        case anyOfTerms([FastTerm])
        case allOfTerms([FastTerm])

        @inline(__always)
        func value(_ f: Frame) -> Bool? {
            switch self {
            case .compare(let c): return c.value(f)
            case .term(let t): return t.value(f)
            case .anyOf(let terms):
                for term in terms {
                    guard let v = term.value(f) else { return nil }
                    if v { return true }
                }
                return false
            case .allOf(let terms):
                for term in terms {
                    guard let v = term.value(f) else { return nil }
                    if !v { return false }
                }
                return true
            case .anyOfTerms(let terms):
                for term in terms {
                    guard let v = term.value(f) else { return nil }
                    if v { return true }
                }
                return false
            case .allOfTerms(let terms):
                for term in terms {
                    guard let v = term.value(f) else { return nil }
                    if !v { return false }
                }
                return true
            }
        }
    }

    /// A term of an `and`/`or` chain: an integer comparison or a local
    /// that holds a boolean (`while not_done and z < 50`).
    enum FastTerm {
        case compare(IntComparison)
        case flag(Int)
        /// `x == nil` (true) or `x != nil` (false) on a local.
        case isNil(Int, Bool)

        @inline(__always)
        func value(_ f: Frame) -> Bool? {
            switch self {
            case .compare(let c): return c.value(f)
            case .flag(let slot):
                if case .bool(let b) = f[slot] { return b }
                return nil
            case .isNil(let slot, let equal):
                if case .none = f[slot] { return equal }
                return !equal
            }
        }
    }

    /// `x == nil` or `x != nil` (or `nil == x`) with a local `x`.
    func nilTest(_ expr: Expr) -> FastTerm? {
        guard case .binary(let op, let left, let right) = expr.kind, op == .equal || op == .notEqual else { return nil }
        let other: Expr
        if case .none = right.kind { other = left } else if case .none = left.kind { other = right } else { return nil }
        guard case .variable = other.kind, case .local(let slot)? = other.binding else { return nil }
        return .isNil(slot, op == .equal)
    }

    struct IntComparison {
        let op: BinaryOperator
        let left: IntTerm
        let right: IntTerm

        @inline(__always)
        func value(_ f: Frame) -> Bool? {
            guard let a = left.value(f), let b = right.value(f) else { return nil }
            switch op {
            case .less: return a < b
            case .lessEqual: return a <= b
            case .greater: return a > b
            case .greaterEqual: return a >= b
            case .equal: return a == b
            case .notEqual: return a != b
            default: return nil
            }
        }
    }

    struct Test {
        let fast: FastCondition?
        let local: Int
        let value: Eval?
        let slow: Cond
        let context: String
        let range: SourceRange

        @inline(__always)
        func callAsFunction(_ f: Frame) throws -> Bool {
            if let fast, let result = fast.value(f) { return result }
            if local >= 0, case .bool(let b) = f[local] { return b }
            if let value {
                let v = try value(f)
                if case .bool(let b) = v { return b }
                throw Compiler.notBoolean(context, v, range)
            }
            return try slow(f)
        }
    }

    @inline(never)
    static func notBoolean(_ context: String, _ v: Value, _ range: SourceRange) -> RuntimeError {
        RuntimeError("\(context) must be a boolean (true or false), not \(v.typeName)", at: range,
                     hint: "compare it, as in 'x > 0' or 'x != nil'")
    }

    func intComparison(_ expr: Expr) -> IntComparison? {
        guard case .binary(let op, let left, let right) = expr.kind else { return nil }
        switch op {
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual:
            guard let l = intTerm(left), let r = intTerm(right) else { return nil }
            return IntComparison(op: op, left: l, right: r)
        default: return nil
        }
    }

    func fastCondition(_ expr: Expr) -> FastCondition? {
        if let c = intComparison(expr) { return .compare(c) }
        if let t = nilTest(expr) { return .term(t) }
        guard case .binary(let op, _, _) = expr.kind, op == .or || op == .and else { return nil }
        var terms: [FastTerm] = []
        var pending = [expr]
        while let next = pending.popLast() {
            if case .binary(op, let l, let r) = next.kind {
                pending.append(r)
                pending.append(l)
            } else if let c = intComparison(next) {
                terms.append(.compare(c))
            } else if let t = nilTest(next) {
                terms.append(t)
            } else if case .variable = next.kind, case .local(let slot)? = next.binding {
                terms.append(.flag(slot))
            } else {
                return nil
            }
        }
        // A chain of flags alone is as quick through the general path.
        guard terms.contains(where: { if case .flag = $0 { false } else { true } }) else { return nil }
        let comparisons = terms.compactMap { term -> IntComparison? in if case .compare(let c) = term { c } else { nil } }
        if comparisons.count == terms.count { return op == .or ? .anyOf(comparisons) : .allOf(comparisons) }
        return op == .or ? .anyOfTerms(terms) : .allOfTerms(terms)
    }

    private func generalCondition(_ expr: Expr, context: String) -> Cond {
        let range = expr.range
        switch expr.kind {
        case .boolean(let b):
            return { _ in b }
        case .not(let operand):
            let inner = condition(operand, context: "the operand of 'not'")
            return { f in try !inner(f) }
        case .binary(.and, let left, let right):
            let l = condition(left, context: "the left side of 'and'"), r = condition(right, context: "the right side of 'and'")
            return { f in try l(f) && r(f) }
        case .binary(.or, let left, let right):
            let l = condition(left, context: "the left side of 'or'"), r = condition(right, context: "the right side of 'or'")
            return { f in try l(f) || r(f) }
        case .binary(.less, let left, let right): return compare(Ops.Less.self, left, right, range)
        case .binary(.lessEqual, let left, let right): return compare(Ops.LessEqual.self, left, right, range)
        case .binary(.greater, let left, let right): return compare(Ops.Greater.self, left, right, range)
        case .binary(.greaterEqual, let left, let right): return compare(Ops.GreaterEqual.self, left, right, range)
        case .binary(.equal, let left, let right): return compare(Ops.Equal.self, left, right, range)
        case .binary(.notEqual, let left, let right): return compare(Ops.NotEqual.self, left, right, range)
        case .variable where expr.binding.map({ if case .local = $0 { true } else { false } }) == true:
            guard case .local(let slot)? = expr.binding else { fatalError() }
            return { f in
                if case .bool(let b) = f[slot] { return b }
                throw RuntimeError("\(context) must be a boolean (true or false), not \(f[slot].typeName)", at: range,
                                   hint: "compare it, as in 'x > 0' or 'x != nil'")
            }
        default:
            let evaluate = expression(expr)
            return { f in
                let v = try evaluate(f)
                guard case .bool(let b) = v else {
                    throw RuntimeError("\(context) must be a boolean (true or false), not \(v.typeName)", at: range,
                                       hint: "compare it, as in 'x > 0' or 'x != nil'")
                }
                return b
            }
        }
    }

    private func compare<O: ComparisonOperation>(_: O.Type, _ left: Expr, _ right: Expr, _ range: SourceRange) -> Cond {
        if let (l, r) = fieldLeaves(left, right) {
            // `ball["x"] > limit`, `task["input"] == nil`
            return { f in
                let a = try l.value(f), b = try r.value(f)
                if let result = O.fast(a, b) { return result }
                return try O.values(a, b, range)
            }
        }
        if let lt = intTerm(left), let rt = intTerm(right), lt.isCompound || rt.isCompound {
            // `a - b == c - d` and the like: integers computed in line; the
            // general path (which reads only locals) decides otherwise.
            let le = expression(left), re = expression(right)
            return { f in
                if let a = lt.value(f), let b = rt.value(f) { return O.integers(a, b) }
                return try O.values(try le(f), try re(f), range)
            }
        }
        let g = machine.globals
        switch (operand(left), operand(right)) {
        case (.local(let i), .constant(.int(let k))):
            return { f in
                if case .int(let a) = f[i] { return O.integers(a, k) }
                if let r = O.fast(f[i], .int(k)) { return r }
                return try O.values(f[i], .int(k), range)
            }
        case (.local(let i), .constant(let k)):
            return { f in
                if let r = O.fast(f[i], k) { return r }
                return try O.values(f[i], k, range)
            }
        case (.local(let i), .local(let j)):
            return { f in
                if let r = O.fast(f[i], f[j]) { return r }
                return try O.values(f[i], f[j], range)
            }
        case (.global(let i), .constant(let k)):
            return { _ in
                if let r = O.fast(g.slots[i], k) { return r }
                return try O.values(g.slots[i], k, range)
            }
        case (let l, .constant(let k)):
            let le = evaluator(l)
            return { f in
                let a = try le(f)
                if let r = O.fast(a, k) { return r }
                return try O.values(a, k, range)
            }
        case (.local(let i), let r):
            let re = evaluator(r)
            return { f in
                let b = try re(f)
                if let r = O.fast(f[i], b) { return r }
                return try O.values(f[i], b, range)
            }
        case (let l, .local(let j)):
            let le = evaluator(l)
            return { f in
                let a = try le(f)
                if let r = O.fast(a, f[j]) { return r }
                return try O.values(a, f[j], range)
            }
        case (let l, let r):
            let le = evaluator(l), re = evaluator(r)
            return { f in
                let a = try le(f), b = try re(f)
                if let r = O.fast(a, b) { return r }
                return try O.values(a, b, range)
            }
        }
    }

    // MARK: Record fields as operands

    /// `m["key"]` with a variable `m`, read in place as an operand; it is
    /// its own position hint, so that a read loads nothing more.
    final class FieldRead: PositionHint {
        let place: Place
        let key: String
        let globals: Globals
        let range: SourceRange

        init(place: Place, key: String, globals: Globals, range: SourceRange) {
            self.place = place
            self.key = key
            self.globals = globals
            self.range = range
        }

        @inline(__always)
        func value(_ f: Frame) throws -> Value {
            let slot = place.address(f, globals)
            if let map = slot.pointee.mapRef { return try value(of: key, in: map, range) }
            return try Ops.index(slot.pointee, .string(key), range)
        }
    }

    /// An operand read without a closure call: a local, a constant, or a
    /// field of a variable's map. Each compiled operation has the same
    /// kinds every time it runs, so the switch is predicted.
    enum Leaf {
        case local(Int)
        case constant(Value)
        case field(FieldRead)

        @inline(__always)
        func value(_ f: Frame) throws -> Value {
            switch self {
            case .local(let slot): return f[slot]
            case .constant(let value): return value
            case .field(let read): return try read.value(f)
            }
        }
    }

    /// `m["key"]` with a variable `m`, or nil.
    func fieldRead(_ expr: Expr) -> FieldRead? {
        guard case .index(let base, let index) = expr.kind, case .string(let key) = index.kind, let place = place(base) else { return nil }
        return FieldRead(place: place, key: key, globals: machine.globals, range: expr.range)
    }

    func leaf(_ expr: Expr) -> Leaf? {
        if let read = fieldRead(expr) { return .field(read) }
        switch operand(expr) {
        case .local(let slot): return .local(slot)
        case .constant(let value): return .constant(value)
        default: return nil
        }
    }

    /// Both operands as leaves when at least one is a field (the other
    /// shapes have closures of their own). Reading in either order is the
    /// same: neither side has an effect.
    func fieldLeaves(_ left: Expr, _ right: Expr) -> (Leaf, Leaf)? {
        guard let l = leaf(left), let r = leaf(right) else { return nil }
        switch (l, r) {
        case (.field, _), (_, .field): return (l, r)
        default: return nil
        }
    }

    // MARK: Simple operands, evaluated without a closure call

    /// A call argument (or other operand) whose common shapes are evaluated
    /// in line: a local, a constant, a local plus or minus a constant.
    enum Inline {
        case local(Int)
        case constant(Value)
        case add(Int, Int, SourceRange)
        case subtract(Int, Int, SourceRange)
        case general(Eval)

        @inline(__always)
        func value(_ f: Frame) throws -> Value {
            switch self {
            case .local(let slot): return f[slot]
            case .constant(let value): return value
            case .add(let slot, let k, let range):
                if case .int(let a) = f[slot], let r = Ops.Add.integers(a, k) { return .int(r) }
                return try Ops.Add.values(f[slot], .int(k), range)
            case .subtract(let slot, let k, let range):
                if case .int(let a) = f[slot], let r = Ops.Subtract.integers(a, k) { return .int(r) }
                return try Ops.Subtract.values(f[slot], .int(k), range)
            case .general(let evaluate): return try evaluate(f)
            }
        }
    }

    func inline(_ expr: Expr) -> Inline {
        if case .binary(let op, let left, let right) = expr.kind, op == .add || op == .subtract,
           case .variable = left.kind, case .local(let slot)? = left.binding, case .integer(let k) = right.kind {
            return op == .add ? .add(slot, k, expr.range) : .subtract(slot, k, expr.range)
        }
        switch operand(expr) {
        case .local(let slot): return .local(slot)
        case .constant(let value): return .constant(value)
        default: return .general(expression(expr))
        }
    }

    /// An integer computed from locals and constants without side effects;
    /// nil from ``value(_:)`` when an operand is not an integer or the
    /// result overflows.
    enum IntTerm {
        case local(Int)
        case constant(Int)
        case addLocals(Int, Int)
        case subtractLocals(Int, Int)
        case addConstant(Int, Int)

        var isCompound: Bool {
            switch self {
            case .local, .constant: false
            default: true
            }
        }

        @inline(__always)
        func value(_ f: Frame) -> Int? {
            switch self {
            case .local(let slot):
                if case .int(let a) = f[slot] { return a }
                return nil
            case .constant(let k): return k
            case .addLocals(let x, let y):
                if case .int(let a) = f[x], case .int(let b) = f[y] { return Ops.Add.integers(a, b) }
                return nil
            case .subtractLocals(let x, let y):
                if case .int(let a) = f[x], case .int(let b) = f[y] { return Ops.Subtract.integers(a, b) }
                return nil
            case .addConstant(let x, let k):
                if case .int(let a) = f[x] { return Ops.Add.integers(a, k) }
                return nil
            }
        }
    }

    func intTerm(_ expr: Expr) -> IntTerm? {
        switch expr.kind {
        case .integer(let k): return .constant(k)
        case .variable:
            if case .local(let slot)? = expr.binding { return .local(slot) }
            return nil
        case .binary(let op, let left, let right) where op == .add || op == .subtract:
            guard case .variable = left.kind, case .local(let x)? = left.binding else { return nil }
            if case .variable = right.kind, case .local(let y)? = right.binding {
                return op == .add ? .addLocals(x, y) : .subtractLocals(x, y)
            }
            if case .integer(let k) = right.kind {
                if op == .add { return .addConstant(x, k) }
                return k == .min ? nil : .addConstant(x, -k)
            }
            return nil
        default: return nil
        }
    }

    // MARK: Variables in place

    /// Whether evaluating the expression could assign a global variable
    /// (it calls a routine, or is something this does not know): when it
    /// cannot, an operation may evaluate it before reading a global in
    /// place without changing what the program does.
    func mayAssignGlobals(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .integer, .decimal, .duration, .string, .boolean, .none, .variable: return false
        case .interpolation(let parts), .list(let parts): return parts.contains(where: mayAssignGlobals)
        case .negate(let e), .not(let e): return mayAssignGlobals(e)
        case .binary(_, let l, let r), .range(let l, let r), .index(let l, let r): return mayAssignGlobals(l) || mayAssignGlobals(r)
        case .call(_, _, let arguments):
            guard case .builtin? = expr.callee else { return true }
            return arguments.contains(where: mayAssignGlobals)
        default: return true
        }
    }

    /// Whether the expression has no effect a program could observe, other
    /// than its value: no routine calls, no builtins that change lists.
    func isPure(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .integer, .decimal, .duration, .string, .boolean, .none, .variable: return true
        case .interpolation(let parts), .list(let parts): return parts.allSatisfy(isPure)
        case .negate(let e), .not(let e): return isPure(e)
        case .binary(_, let l, let r), .range(let l, let r), .index(let l, let r): return isPure(l) && isPure(r)
        case .call(_, _, let arguments):
            guard case .builtin(let builtin)? = expr.callee else { return false }
            switch builtin {
            case .len, .str, .num, .round, .floor, .abs, .min, .max, .join, .split, .upper, .lower, .contains, .type, .range, .sum:
                return arguments.allSatisfy(isPure)
            default: return false
            }
        default: return false
        }
    }

    /// Whether `value` may be evaluated before the list at `path` is looked
    /// up, when the program says the list comes first: true when that
    /// cannot change which list it is, nor the order of any effects.
    func mayEvaluateFirst(_ value: Expr, before path: ListPath) -> Bool {
        switch path {
        case .variable(.local): true  // a local is only assigned by statements
        case .variable(.global): !mayAssignGlobals(value)
        case .element: isPure(value)
        }
    }

    /// Where a `m["key"]` found its key last time: records built alike
    /// hold their fields in the same places.
    ///
    /// It also keeps the shape (``MapShape``) of the map it was found in: a
    /// map of that same shape has the key at that position for certain, so
    /// records made by one literal are read without comparing keys.
    class PositionHint {
        final var position = 0
        final var shape: MapShape?

        /// Whether `box` has the shape of the map the position was found in.
        @inline(__always)
        final func fits(_ box: MapBox) -> Bool {
            guard let own = box.shape, let known = shape else { return false }
            return own === known
        }

        /// `map[key]`, or the missing-key error.
        @inline(__always)
        final func value(of key: String, in map: Unmanaged<MapBox>, _ range: SourceRange) throws -> Value {
            try map._withUnsafeGuaranteedRef { box in
                if fits(box) { return box.value(at: position) }
                guard let n = box.position(of: key, hint: position) else { throw Ops.missingKey(key, in: box, range) }
                position = n
                shape = box.shape
                return box.value(at: n)
            }
        }

        /// `map[key] = element`.
        @inline(__always)
        final func set(_ key: String, _ element: Value, in map: Unmanaged<MapBox>, _ range: SourceRange) throws {
            try map._withUnsafeGuaranteedRef { box in
                if fits(box) {
                    box.replace(at: position, with: element)
                } else if let n = box.position(of: key, hint: position) {
                    position = n
                    shape = box.shape
                    box.replace(at: n, with: element)
                } else {
                    try box.set(key, element, range)
                }
            }
        }
    }

    /// A list reached in place, without reference counting: a list
    /// variable, or an element (indexed by a local) of one; the variable
    /// keeps it alive.
    enum ListPath {
        case variable(Place)
        case element(Place, Int)

        var isGlobal: Bool {
            switch self {
            case .variable(.global), .element(.global, _): true
            default: false
            }
        }

        /// The list, or nil when the path does not lead to one (the general
        /// path then decides, with its errors).
        @inline(__always)
        func list(_ f: Frame, _ g: Globals) -> Unmanaged<ListBox>? {
            switch self {
            case .variable(let place): return place.address(f, g).pointee.listRef
            case .element(let place, let index):
                guard let outer = place.address(f, g).pointee.listRef, case .int(let n) = f[index] else { return nil }
                return outer._withUnsafeGuaranteedRef { box in box.listRef(at: n) }
            }
        }
    }

    func listPath(_ expr: Expr) -> ListPath? {
        if let place = place(expr) { return .variable(place) }
        if case .index(let base, let index) = expr.kind, let place = place(base),
           case .variable = index.kind, case .local(let slot)? = index.binding {
            return .element(place, slot)
        }
        return nil
    }

    /// Where a variable lives, for operations that use its value in place.
    enum Place {
        case local(Int)
        case global(Int)

        @inline(__always)
        func address(_ frame: Frame, _ globals: Globals) -> UnsafeMutablePointer<Value> {
            switch self {
            case .local(let slot): frame + slot
            case .global(let slot): globals.slots + slot
            }
        }
    }

    func isGlobal(_ place: Place) -> Bool {
        if case .global = place { true } else { false }
    }

    func place(_ expr: Expr) -> Place? {
        guard case .variable = expr.kind, let binding = expr.binding else { return nil }
        switch binding {
        case .local(let slot): return .local(slot)
        case .global(let slot): return .global(slot)
        }
    }

    /// `list[index]` when the slot holds a list and the index is in range.
    @inline(__always)
    static func element(_ slot: UnsafeMutablePointer<Value>, _ index: Value) -> Value? {
        guard let list = slot.pointee.listRef, case .int(let n) = index else { return nil }
        return list._withUnsafeGuaranteedRef { box in box.element(at: n) }
    }

    // MARK: Expressions

    func operand(_ expr: Expr) -> Operand {
        switch expr.kind {
        case .integer(let i): return .constant(.int(i))
        case .decimal(let d): return .constant(.decimal(d))
        case .string(let s): return .constant(.string(s))
        case .boolean(let b): return .constant(.bool(b))
        case .none: return .constant(.none)
        case .duration(let s): return .constant(.duration(s))
        case .variable:
            switch expr.binding! {
            case .local(let slot): return .local(slot)
            case .global(let slot): return .global(slot)
            }
        default: return .general(expression(expr))
        }
    }

    func evaluator(_ operand: Operand) -> Eval {
        switch operand {
        case .local(let slot): return { f in f[slot] }
        case .global(let slot):
            let g = machine.globals
            return { _ in g.slots[slot] }
        case .constant(let value): return { _ in value }
        case .general(let evaluate): return evaluate
        }
    }

    /// Each closure tries the operator's fast path for numbers in line
    /// (``ArithmeticOperation/fast(_:_:)``), and leaves the rest (text,
    /// lists, durations, overflow and the errors) to its general path.
    private func arithmetic<O: ArithmeticOperation>(_: O.Type, _ left: Expr, _ right: Expr, _ range: SourceRange) -> Eval {
        if let (l, r) = fieldLeaves(left, right) {
            // `dx * b["mass"]`, `ball["x"] + ball["x_vel"]`
            return { f in try Compiler.compute(O.self, try l.value(f), try r.value(f), range) }
        }
        let g = machine.globals
        switch (operand(left), operand(right)) {
        case (.local(let i), .constant(.int(let k))):
            return { f in
                if case .int(let x) = f[i], let r = O.integers(x, k) { return .int(r) }
                if let r = O.fast(f[i], int: k) { return r }
                return try O.values(f[i], .int(k), range)
            }
        case (.local(let i), .constant(.decimal(let k))):
            return { f in
                if let r = O.fast(f[i], decimal: k) { return r }
                return try O.values(f[i], .decimal(k), range)
            }
        case (.local(let i), .local(let j)):
            return { f in
                if case .int(let x) = f[i], case .int(let y) = f[j], let r = O.integers(x, y) { return .int(r) }
                if let r = O.fast(f[i], f[j]) { return r }
                return try O.values(f[i], f[j], range)
            }
        case (.constant(let k), .local(let j)):
            return { f in
                if case .int(let x) = k, case .int(let y) = f[j], let r = O.integers(x, y) { return .int(r) }
                if let r = O.fast(k, f[j]) { return r }
                return try O.values(k, f[j], range)
            }
        case (.global(let i), .constant(.int(let k))):
            return { _ in
                if case .int(let x) = g.slots[i], let r = O.integers(x, k) { return .int(r) }
                if let r = O.fast(g.slots[i], int: k) { return r }
                return try O.values(g.slots[i], .int(k), range)
            }
        case (.global(let i), .local(let j)):
            return { f in
                if case .int(let x) = g.slots[i], case .int(let y) = f[j], let r = O.integers(x, y) { return .int(r) }
                if let r = O.fast(g.slots[i], f[j]) { return r }
                return try O.values(g.slots[i], f[j], range)
            }
        case (.local(let i), .global(let j)):
            return { f in
                if case .int(let x) = f[i], case .int(let y) = g.slots[j], let r = O.integers(x, y) { return .int(r) }
                if let r = O.fast(f[i], g.slots[j]) { return r }
                return try O.values(f[i], g.slots[j], range)
            }
        case (let l, .constant(.int(let k))):
            let le = evaluator(l)
            return { f in
                let a = try le(f)
                if case .int(let x) = a, let r = O.integers(x, k) { return .int(r) }
                if let r = O.fast(a, int: k) { return r }
                return try O.values(a, .int(k), range)
            }
        case (let l, .constant(.decimal(let k))):
            let le = evaluator(l)
            return { f in
                let a = try le(f)
                if let r = O.fast(a, decimal: k) { return r }
                return try O.values(a, .decimal(k), range)
            }
        case (let l, .local(let j)):
            let le = evaluator(l)
            return { f in
                let a = try le(f)
                if case .int(let x) = a, case .int(let y) = f[j], let r = O.integers(x, y) { return .int(r) }
                if let r = O.fast(a, f[j]) { return r }
                return try O.values(a, f[j], range)
            }
        case (.local(let i), let r):
            let re = evaluator(r)
            return { f in
                let b = try re(f)
                if case .int(let x) = f[i], case .int(let y) = b, let r = O.integers(x, y) { return .int(r) }
                if let r = O.fast(f[i], b) { return r }
                return try O.values(f[i], b, range)
            }
        case (let l, let r):
            let le = evaluator(l), re = evaluator(r)
            return { f in
                let a = try le(f), b = try re(f)
                if case .int(let x) = a, case .int(let y) = b, let r = O.integers(x, y) { return .int(r) }
                if let r = O.fast(a, b) { return r }
                return try O.values(a, b, range)
            }
        }
    }

    func expression(_ expr: Expr) -> Eval {
        let range = expr.range
        let m = machine
        switch expr.kind {
        case .integer, .decimal, .string, .boolean, .none, .duration, .variable:
            return evaluator(operand(expr))
        case .interpolation(let parts):
            // Literal text is appended as it is; strings and integers
            // without going through `description`.
            enum Piece {
                case literal([UInt8])
                case value(Eval)

                @inline(__always)
                func append(to text: inout TextSink, _ f: Frame) throws {
                    switch self {
                    case .literal(let bytes): text.append(bytes)
                    case .value(let evaluate):
                        switch try evaluate(f) {
                        case .str(let s): text.append(s.value)
                        case .int(let i): text.append(i)
                        case let v: text.append(v.text)
                        }
                    }
                }
            }
            let pieces: [Piece] = parts.map { part in
                if case .string(let s) = part.kind { return .literal(Array(s.utf8)) }
                return .value(expression(part))
            }
            // Short ones (as "item{i}") hold their pieces one by one, not in
            // an array that each run would walk.
            switch pieces.count {
            case 1:
                let p0 = pieces[0]
                return { f in
                    try MemoryBudget.check(made: .string(try TextSink.build { text in
                        try p0.append(to: &text, f)
                    }), range)
                }
            case 2:
                let p0 = pieces[0], p1 = pieces[1]
                return { f in
                    try MemoryBudget.check(made: .string(try TextSink.build { text in
                        try p0.append(to: &text, f)
                        try p1.append(to: &text, f)
                    }), range)
                }
            case 3:
                let p0 = pieces[0], p1 = pieces[1], p2 = pieces[2]
                return { f in
                    try MemoryBudget.check(made: .string(try TextSink.build { text in
                        try p0.append(to: &text, f)
                        try p1.append(to: &text, f)
                        try p2.append(to: &text, f)
                    }), range)
                }
            default:
                return { f in
                    try MemoryBudget.check(made: .string(try TextSink.build { text in
                        for piece in pieces { try piece.append(to: &text, f) }
                    }), range)
                }
            }
        case .list(let elements):
            let items = elements.map(expression)
            return { f in
                var values: [Value] = []
                values.reserveCapacity(items.count)
                for item in items { values.append(try item(f)) }
                return .list(ListBox(values))
            }
        case .map(let entries):
            let textKeys = entries.compactMap { entry -> String? in if case .string(let text) = entry.key.kind { text } else { nil } }
            if textKeys.count == entries.count, Set(textKeys).count == textKeys.count {
                // `{"val": v, "next": nil}`, a record: every map it makes shares one array of keys
                // (copied only if a key is added), and only the values are evaluated.
                let shape = MapShape(keys: textKeys)
                let valueEvals = entries.map { expression($0.value) }
                let count = valueEvals.count
                return { f in
                    var values: [Value] = []
                    values.reserveCapacity(count)
                    for evaluate in valueEvals { values.append(try evaluate(f)) }
                    try MemoryBudget.reserve(shape.reservedBytes, range)
                    return .map(MapBox(shape, values: values))
                }
            }
            // Keys written as text are known now; others are evaluated, in order, key before value.
            let constantKeys = entries.map { entry -> String? in if case .string(let text) = entry.key.kind { text } else { nil } }
            let keyEvals = entries.map { expression($0.key) }
            let valueEvals = entries.map { expression($0.value) }
            let keyRanges = entries.map(\.key.range)
            return { f in
                var keys: [String] = [], values: [Value] = []
                keys.reserveCapacity(valueEvals.count)
                values.reserveCapacity(valueEvals.count)
                for n in valueEvals.indices {
                    keys.append(try constantKeys[n] ?? Ops.mapKey(try keyEvals[n](f), keyRanges[n]))
                    values.append(try valueEvals[n](f))
                }
                try MemoryBudget.reserve(MemoryBudget.bytes(keys.count, of: 80), range)
                return .map(MapBox(keys: keys, values: values))
            }
        case .negate(let operand):
            let evaluate = expression(operand)
            return { f in
                let v = try evaluate(f)
                if case .int(let i) = v, i != .min { return .int(-i) }
                return try Ops.negate(v, range)
            }
        case .not, .binary(.and, _, _), .binary(.or, _, _), .binary(.less, _, _), .binary(.lessEqual, _, _),
             .binary(.greater, _, _), .binary(.greaterEqual, _, _), .binary(.equal, _, _), .binary(.notEqual, _, _):
            let test = condition(expr, context: "the operand")
            return { f in .bool(try test(f)) }
        case .binary(.add, let l, let r): return arithmetic(Ops.Add.self, l, r, range)
        case .binary(.subtract, let l, let r): return arithmetic(Ops.Subtract.self, l, r, range)
        case .binary(.multiply, let l, let r): return arithmetic(Ops.Multiply.self, l, r, range)
        case .binary(.divide, let l, let r): return arithmetic(Ops.Divide.self, l, r, range)
        case .binary(.floorDivide, let l, let r): return arithmetic(Ops.FloorDivide.self, l, r, range)
        case .binary(.remainder, let l, let r): return arithmetic(Ops.Remainder.self, l, r, range)
        case .range(let low, let high):
            let lo = expression(low), hi = expression(high)
            return { f in try Ops.rangeList(try lo(f), try hi(f), range) }
        case .index(let base, let index):
            if case .string(let key) = index.kind {
                // `m["walk"]`: the key is known; where it was found last time is tried first.
                if let read = fieldRead(expr) {
                    // The variable keeps the map alive: read in place, without reference counting.
                    return { f in try read.value(f) }
                }
                let hint = PositionHint()
                let b = expression(base)
                return { f in
                    let value = try b(f)
                    if let map = value.mapRef {
                        return try hint.value(of: key, in: map, range)
                    }
                    return try Ops.index(value, .string(key), range)
                }
            }
            if let place = place(base) {
                let g = machine.globals
                if case .variable = index.kind, case .local(let slot)? = index.binding {
                    return { f in
                        let list = place.address(f, g)
                        if let element = Compiler.element(list, f[slot]) { return element }
                        return try Ops.index(list.pointee, f[slot], range)
                    }
                }
                let i = expression(index)
                return { f in
                    let position = try i(f)
                    let list = place.address(f, g)
                    if let element = Compiler.element(list, position) { return element }
                    return try Ops.index(list.pointee, position, range)
                }
            }
            let b = expression(base), i = expression(index)
            return { f in
                let list = try b(f), position = try i(f)
                if case .list(let box) = list, case .int(let n) = position, let element = box.element(at: n) { return element }
                return try Ops.index(list, position, range)
            }
        case .call(_, let nameRange, let arguments):
            switch expr.callee! {
            case .routine(let reference): return call(reference.symbol, arguments, nameRange)
            case .builtin(let builtin): return Builtins.compile(builtin, arguments, self, range)
            case .module(let moduleID, let function): return moduleCall(moduleID, function, arguments.map(expression), range)
            }
        case .moduleCall(_, _, _, let arguments):
            guard case .module(let moduleID, let function) = expr.callee! else { fatalError("unresolved module call") }
            return moduleCall(moduleID, function, arguments.map(expression), range)
        case .ask(let kind, let question, let options):
            let q = expression(question)
            let questionRange = question.range
            switch options?.kind {
            case .range(let low, let high)?:
                let lo = expression(low), hi = expression(high)
                return { f in
                    let text = try q(f).text
                    let first = try Ops.integer(try lo(f), "the start of the range", low.range)
                    let last = try Ops.integer(try hi(f), "the end of the range", high.range)
                    return try Coach.askNumber(text, in: first...max(first, last), m, range)
                }
            case nil:
                return { f in try Coach.ask(kind, try q(f).text, choices: nil, m, range, questionRange) }
            default:
                let choices = expression(options!)
                return { f in
                    let text = try q(f).text
                    return try Coach.ask(kind, text, choices: try choices(f), m, range, options!.range)
                }
            }
        case .practice(let id, _):
            let practice = machine.registry.practice(id: id)!
            return { _ in try Coach.practice(practice, m, range) }
        case .checkin:
            return { _ in try Coach.checkin(m, range) }
        case .invalid:
            return { _ in throw RuntimeError("this expression did not parse", at: range) }
        }
    }

    private func moduleCall(_ moduleID: String, _ function: RoutineFunction, _ arguments: [Eval], _ range: SourceRange) -> Eval {
        let m = machine
        return { f in
            var values: [RoutineValue] = []
            for argument in arguments { values.append(try argument(f).routineValue) }
            do {
                return Value(try function.body(values, try m.host.moduleContext(for: moduleID)))
            } catch let error as RuntimeError {
                throw error
            } catch {
                throw RuntimeError(String(describing: error), at: range)
            }
        }
    }

    // MARK: Calls

    func call(_ target: RoutineSymbol, _ arguments: [Expr], _ range: SourceRange) -> Eval {
        let count = arguments.count
        let nothing = Inline.constant(.none)
        let site = CallSite(
            symbol: target, machine: machine, count: count, range: range,
            a0: count > 0 ? inline(arguments[0]) : nothing, a1: count > 1 ? inline(arguments[1]) : nothing,
            a2: count > 2 ? inline(arguments[2]) : nothing, a3: count > 3 ? inline(arguments[3]) : nothing)
        // Each closure captures the site alone, and passes a constant
        // arity, so that the inlined call keeps only the pushes it needs.
        switch count {
        case 0: return { f in try site.call(f, arity: 0) }
        case 1: return { f in try site.call(f, arity: 1) }
        case 2: return { f in try site.call(f, arity: 2) }
        case 3: return { f in try site.call(f, arity: 3) }
        case 4: return { f in try site.call(f, arity: 4) }
        default:
            let evaluators = arguments.map(expression)
            return { f in
                let m = site.machine
                let base = try m.reserve(count, site.range)
                do {
                    for argument in evaluators { m.pushArgument(try argument(f)) }
                } catch { m.unwind(to: base); throw error }
                return try site.finish(base)
            }
        }
    }
}

/// What a call of a routine needs while it runs, in one object. A closure
/// that captures this alone gets it as its context; one that captured the
/// dozen words separately went through a forwarding thunk that unpacked
/// them on every call (a tenth of a call-heavy run).
final class CallSite {
    /// The symbol table owns every symbol for as long as compiled code can
    /// run, and symbols are never removed: held without counting (this also
    /// keeps a recursive routine's body from owning itself).
    unowned(unsafe) let symbol: RoutineSymbol
    let machine: Machine
    let count: Int
    let range: SourceRange
    /// The first four arguments (unused ones are nil constants).
    let a0: Compiler.Inline, a1: Compiler.Inline, a2: Compiler.Inline, a3: Compiler.Inline

    init(symbol: RoutineSymbol, machine: Machine, count: Int, range: SourceRange,
         a0: Compiler.Inline, a1: Compiler.Inline, a2: Compiler.Inline, a3: Compiler.Inline) {
        self.symbol = symbol
        self.machine = machine
        self.count = count
        self.range = range
        self.a0 = a0
        self.a1 = a1
        self.a2 = a2
        self.a3 = a3
    }

    /// Evaluates the first `arity` (at most four) arguments straight onto
    /// the value stack, where the callee's frame begins (no copies), then
    /// runs the routine. If an argument fails, those already pushed are
    /// dropped.
    @inline(__always)
    func call(_ f: Frame, arity: Int) throws -> Value {
        let m = machine
        let base = try m.reserve(arity, range)
        do {
            if arity > 0 { m.pushArgument(try a0.value(f)) }
            if arity > 1 { m.pushArgument(try a1.value(f)) }
            if arity > 2 { m.pushArgument(try a2.value(f)) }
            if arity > 3 { m.pushArgument(try a3.value(f)) }
        } catch {
            m.unwind(to: base)
            throw error
        }
        return try finish(base)
    }

    /// Runs the routine on the frame at `base`, whose first `count` slots
    /// already hold the arguments (pushed on the value stack), then pops the
    /// frame. The code is borrowed unretained: the symbol owns it, and it is
    /// only replaced between runs.
    @inline(__always)
    func finish(_ base: Frame) throws -> Value {
        let m = machine, count = count
        return try symbol.codeRef._withUnsafeGuaranteedRef { code in
            if m.interrupt.isRequested {
                m.unwind(to: base)
                throw RuntimeError.interrupted(at: range)
            }
            if count > code.parameterCount {
                m.unwind(to: base)
                throw tooManyArguments(symbol, code, range)
            }
            let size = code.frameSize
            try m.enter(base, size: size, arguments: count, range)
            // The frame is popped on both paths by hand: a `defer` here
            // became a call of its own.
            let result: Value
            do {
                if count < code.parameterCount { try code.fillDefaults(base, from: count) }
                result = try code.body(base)
            } catch {
                m.pop(base, size)
                if let error = error as? RuntimeError, error.kind == .error { error.chain.append((symbol.name, range)) }
                throw error
            }
            m.pop(base, size)
            return result
        }
    }
}

private func tooManyArguments(_ symbol: RoutineSymbol, _ code: RoutineCode, _ range: SourceRange) -> RuntimeError {
    RuntimeError("routine '\(symbol.name)' now takes \(code.parameterCount) arguments", at: range)
}

extension RoutineCode {
    func fillDefaults(_ frame: Frame, from count: Int) throws {
        for index in count..<parameterCount {
            if let evaluate = defaults[index] { frame[index] = try evaluate(frame) }
        }
    }
}
