import Foundation

/// How many bytes of values (strings and lists) a running routine may hold
/// at once, and how many it holds now.
///
/// Values account for themselves as they are made and grow: a list charges
/// its storage (and a fixed share for the box) when it is made and each time
/// its storage grows, and gives it back when it goes; a string longer than
/// the 15 bytes Swift keeps inline charges its length. Operations that make
/// a large value at once (repeating or joining text, a range, adding lists)
/// ask ``reserve(_:_:)`` first, so that the process never allocates past the
/// budget. Small strings are not counted: they cost a list slot (16 bytes,
/// counted) and a box of 48, so a budget of N bytes keeps the process under
/// about 4N.
///
/// The budget of the routine running on this thread is found through a
/// thread-local pointer (``current``), set while a session runs code, so
/// that values need not carry it; charges are made on slow paths only (a
/// list's storage growing, a long string made), never per element.
final class MemoryBudget {
    /// The budget when the host does not choose one: 256 MB.
    static let defaultLimit = 256 << 20

    /// At most this many bytes of values.
    let limit: Int
    /// The bytes of values alive now (approximately: see the type's notes).
    private(set) var used = 0

    init(limit: Int) { self.limit = limit }

    // MARK: The running routine's budget

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The budget of the code running on this thread, if any.
    static var current: MemoryBudget? {
        @inline(__always) get {
            guard let pointer = pthread_getspecific(key) else { return nil }
            return Unmanaged<MemoryBudget>.fromOpaque(pointer).takeUnretainedValue()
        }
    }

    /// Makes this the budget of the calling thread while `body` runs.
    func install<R>(_ body: () throws -> R) rethrows -> R {
        let previous = pthread_getspecific(MemoryBudget.key)
        pthread_setspecific(MemoryBudget.key, Unmanaged.passUnretained(self).toOpaque())
        defer { pthread_setspecific(MemoryBudget.key, previous) }
        return try body()
    }

    // MARK: Charging

    /// Counts `bytes` more (or fewer, when negative) against the running
    /// routine's budget; values made outside a run are not counted.
    @inline(never)
    static func charge(_ bytes: Int) {
        guard let budget = current else { return }
        budget.used &+= bytes
    }

    /// Set when text stopped growing at the budget (``room``): the next
    /// ``check(_:)`` fails.
    private var overdrawn = false

    /// How many bytes the running routine may still make (all, outside a run).
    static var room: Int {
        guard let budget = current else { return .max }
        return Swift.max(0, budget.limit - budget.used)
    }

    /// Notes that text was cut at ``room``: the next check fails.
    static func overdraw() { current?.overdrawn = true }

    /// Throws when the running routine holds more than its budget.
    @inline(never)
    static func check(_ range: SourceRange) throws {
        guard let budget = current, budget.used > budget.limit || budget.overdrawn else { return }
        budget.overdrawn = false
        throw budget.exceeded(range)
    }

    /// Checks the budget after making a string: long ones may have used
    /// the last of it.
    @inline(__always)
    static func check(made value: Value, _ range: SourceRange) throws -> Value {
        if let text = value.stringRef, text._withUnsafeGuaranteedRef({ $0.value.utf8.count }) > 4096 { try check(range) }
        return value
    }

    /// Throws unless `bytes` more fit in the running routine's budget: asked
    /// before making a large value. `nil` bytes (a size that overflowed)
    /// never fit.
    static func reserve(_ bytes: Int?, _ range: SourceRange) throws {
        guard let budget = current else {
            // Outside a run (a test calling an operation directly): still
            // refuse what could not be allocated.
            guard let bytes, bytes <= MemoryBudget.defaultLimit else { throw MemoryBudget(limit: defaultLimit).exceeded(range) }
            return
        }
        guard let bytes, bytes <= budget.limit, budget.used <= budget.limit - bytes, !budget.overdrawn else {
            budget.overdrawn = false
            throw budget.exceeded(range)
        }
    }

    /// The bytes of `count` elements of `size` bytes each, or nil when that
    /// does not fit in an integer.
    static func bytes(_ count: Int, of size: Int) -> Int? {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
        return overflow ? nil : bytes
    }

    func exceeded(_ range: SourceRange) -> RuntimeError {
        RuntimeError("out of memory: the routine needs more than its memory budget of \(MemoryBudget.describe(limit))", at: range,
                     hint: "a routine may hold \(MemoryBudget.describe(limit)) of lists and text; set TANDEM_ROUTINE_MEMORY (such as 1G) for more")
    }

    /// A byte count as people write it: 256 MB, 1.5 GB, 800 KB.
    static func describe(_ bytes: Int) -> String {
        func scaled(_ unit: Int, _ name: String) -> String {
            let value = Double(bytes) / Double(unit)
            return (value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)) + " " + name
        }
        if bytes >= 1 << 30 { return scaled(1 << 30, "GB") }
        if bytes >= 1 << 20 { return scaled(1 << 20, "MB") }
        if bytes >= 1 << 10 { return scaled(1 << 10, "KB") }
        return "\(bytes) bytes"
    }

    /// Reads a size such as `512M`, `1G`, `300000K` or a plain number of
    /// megabytes (`256`); nil when it is not one or is under 1 MB.
    static func parse(_ text: String) -> Int? {
        var digits = text.trimmingCharacters(in: .whitespaces).uppercased()
        if digits.hasSuffix("B") { digits.removeLast() }
        var unit = 1 << 20
        switch digits.last {
        case "K": unit = 1 << 10; digits.removeLast()
        case "M": unit = 1 << 20; digits.removeLast()
        case "G": unit = 1 << 30; digits.removeLast()
        default: break
        }
        guard let number = Int(digits.trimmingCharacters(in: .whitespaces)), number > 0 else { return nil }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: unit)
        guard !overflow, bytes >= 1 << 20 else { return nil }
        return bytes
    }
}

/// The memory budget of routines, as hosts configure it.
public enum RoutineMemory {
    /// The budget when none is set: 256 MB of lists and text.
    public static var defaultLimit: Int { MemoryBudget.defaultLimit }

    /// Reads a budget such as `512M`, `1G`, `300000K` or a plain number of
    /// megabytes (`256`); nil when it is not one or is under 1 MB.
    public static func parse(_ text: String) -> Int? { MemoryBudget.parse(text) }

    /// A byte count as people write it: 256 MB, 1.5 GB.
    public static func describe(_ bytes: Int) -> String { MemoryBudget.describe(bytes) }
}

extension StringBox {
    /// What a string of `byteCount` UTF-8 bytes is counted as: nothing when
    /// Swift keeps it inline (15 bytes or fewer), else its bytes and the
    /// storage's header.
    @inline(__always)
    static func chargedBytes(_ byteCount: Int) -> Int { byteCount > 15 ? byteCount + 32 : 0 }
}
