import Foundation
import Synchronization
import TandemCatalog
import TandemKit

typealias Frame = UnsafeMutablePointer<Value>
typealias Eval = (Frame) throws -> Value
typealias Exec = (Frame) throws -> Flow
typealias Cond = (Frame) throws -> Bool

/// How a statement finished: normally, or by `break`, `continue` or `return`
/// (the returned value waits in ``Machine/returnValue``).
enum Flow {
    case normal, breakLoop, continueLoop, returned
}

/// A request to stop a running routine at its next statement boundary (loop
/// iteration, routine call, question or timer tick), as Ctrl-C makes.
///
/// Each ``RoutineSession`` watches one. By default that is ``process``, the
/// one the SIGINT handler sets; a caller that runs several sessions at once
/// in one process (tests do) gives each its own, so that stopping one does
/// not stop the others.
public final class RoutineInterrupt: Sendable {
    private let flag = Atomic<Bool>(false)

    /// Creates a signal that nothing has requested yet.
    public init() {}

    /// The signal that ``installSignalHandler()``'s SIGINT handler sets.
    public static let process = RoutineInterrupt()

    /// Asks the routine to stop (safe in a signal handler).
    public func request() { flag.store(true, ordering: .relaxed) }

    /// Whether a stop was requested and not yet reset.
    public var isRequested: Bool {
        @inline(__always) get { flag.load(ordering: .relaxed) }
    }

    /// Forgets a pending request (before running the next chunk).
    public func reset() { flag.store(false, ordering: .relaxed) }

    /// Installs a SIGINT handler that requests ``process`` instead of
    /// killing the process.
    public static func installSignalHandler() {
        // The handler may not run a lazy initializer: create `process` now.
        process.reset()
        var action = sigaction()
        #if os(Linux)
        action.__sigaction_handler.sa_handler = { _ in RoutineInterrupt.process.request() }
        #else
        action.__sigaction_u.__sa_handler = { _ in RoutineInterrupt.process.request() }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: a blocked read returns so the run can stop
        sigaction(SIGINT, &action, nil)
        // A parent may have started us with SIGINT blocked (threads of test
        // runners do); unblock it so Ctrl-C reaches the handler. Threads
        // started later, such as the interpreter's, inherit this mask.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }
}

/// An error while a routine runs: where, what, and the calls that led there.
final class RuntimeError: Error, @unchecked Sendable {
    enum Kind { case error, interrupted }
    let kind: Kind
    let message: String
    let range: SourceRange
    let hint: String?
    var chain: [(routine: String, call: SourceRange)] = []

    init(_ message: String, at range: SourceRange, hint: String? = nil, kind: Kind = .error) {
        self.message = message
        self.range = range
        self.hint = hint
        self.kind = kind
    }

    var diagnostic: Diagnostic {
        var diagnostic = Diagnostic(.error, message, at: range, hint: hint)
        diagnostic.callChain = chain
        return diagnostic
    }

    static func interrupted(at range: SourceRange) -> RuntimeError {
        RuntimeError("interrupted", at: range, kind: .interrupted)
    }
}

/// Global variables, by slot; grows as a session declares more.
final class Globals {
    var slots: UnsafeMutablePointer<Value>
    var capacity: Int
    /// Whether the values are released when the globals go (see
    /// ``RoutineSession/keepValuesUntilExit()``).
    var releasesValues = true

    init() {
        capacity = 64
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: .none, count: capacity)
    }

    func ensure(_ count: Int) {
        guard count > capacity else { return }
        var newCapacity = capacity
        while newCapacity < count { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<Value>.allocate(capacity: newCapacity)
        grown.moveInitialize(from: slots, count: capacity)
        (grown + capacity).initialize(repeating: .none, count: newCapacity - capacity)
        slots.deallocate()
        slots = grown
        capacity = newCapacity
    }

    deinit {
        if releasesValues { slots.deinitialize(count: capacity) }
        slots.deallocate()
    }
}

/// The state of a running program: the value stack that holds routine
/// frames, the globals, the call depth, and the host for effects.
final class Machine {
    /// How deeply routines may call each other.
    static let recursionLimit = 10_000
    static let stackCapacity = 1 << 21

    let globals = Globals()
    let stackBase: UnsafeMutablePointer<Value>
    var stackTop: UnsafeMutablePointer<Value>
    let stackEnd: UnsafeMutablePointer<Value>
    var depth = 0
    var returnValue: Value = .none
    var lastValue: Value?
    var random: SeededRandom
    let host: any RoutineHost
    let registry: ModuleRegistry
    /// Checked at loop back-edges, routine calls, questions and timer ticks.
    let interrupt: RoutineInterrupt
    /// What the program's values may take (installed while code runs).
    let budget: MemoryBudget

    init(host: any RoutineHost, registry: ModuleRegistry, interrupt: RoutineInterrupt) {
        self.host = host
        self.registry = registry
        self.interrupt = interrupt
        budget = MemoryBudget(limit: host.memoryLimit)
        stackBase = .allocate(capacity: Machine.stackCapacity)
        stackTop = stackBase
        stackEnd = stackBase + Machine.stackCapacity
        random = SeededRandom(seed: host.seed ?? UInt64.random(in: .min ... .max))
    }

    deinit { stackBase.deallocate() }

    /// Pushes a frame of `size` nil slots.
    func push(_ size: Int, _ range: SourceRange) throws -> Frame {
        let frame = stackTop
        try enter(frame, size: size, arguments: 0, range)
        return frame
    }

    /// Checks that `count` arguments fit on the stack; they are pushed from
    /// the returned address on, which becomes the callee's frame.
    @inline(__always)
    func reserve(_ count: Int, _ range: SourceRange) throws -> Frame {
        if stackEnd - stackTop <= count { throw Machine.tooDeep(range) }
        return stackTop
    }

    @inline(__always)
    func pushArgument(_ value: consuming Value) {
        stackTop.initialize(to: value)
        stackTop += 1
    }

    /// Drops the arguments pushed from `base` on (a call that failed early).
    func unwind(to base: Frame) {
        var slot = base
        while slot < stackTop {
            _ = slot.move()
            slot += 1
        }
        stackTop = base
    }

    /// Makes a frame of `size` slots at `frame`, whose first `arguments`
    /// slots hold the pushed arguments; the rest are set to nil.
    @inline(__always)
    func enter(_ frame: Frame, size: Int, arguments: Int, _ range: SourceRange) throws {
        if depth >= Machine.recursionLimit || stackEnd - frame < size {
            unwind(to: frame)
            throw Machine.tooDeep(range)
        }
        var slot = frame + arguments
        let end = frame + size
        while slot < end {
            slot.initialize(to: .none)
            slot += 1
        }
        stackTop = end
        depth += 1
    }

    @inline(never)
    static func tooDeep(_ range: SourceRange) -> RuntimeError {
        RuntimeError(
            "too much recursion: more than \(Machine.recursionLimit) nested routine calls", at: range,
            hint: "check that the recursion has a case that stops it")
    }

    @inline(__always)
    func pop(_ frame: Frame, _ size: Int) {
        var slot = frame
        let end = frame + size
        while slot < end {
            // Only strings, lists and maps hold a reference to let go of.
            switch slot.pointee {
            case .str, .list, .map: _ = slot.move()
            default: break
            }
            slot += 1
        }
        stackTop = frame
        depth -= 1
    }

    /// The value a `return` left, leaving nil in its place.
    @inline(__always)
    func takeReturnValue() -> Value {
        var result = Value.none
        swap(&result, &returnValue)
        return result
    }
}
