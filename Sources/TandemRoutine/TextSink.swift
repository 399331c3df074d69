/// Gathers the UTF-8 bytes of an interpolated string ("item{i}") on the
/// stack while they fit, which most do, and on the heap past that.
///
/// Appending `String(i)` to a `String` piece by piece went through the
/// standard library's small-string appending and its generic integer
/// formatting, which were a fifth of building "item{i}".
struct TextSink {
    private let stack: UnsafeMutableBufferPointer<UInt8>
    private var count = 0
    private var heap: [UInt8]?

    private init(stack: UnsafeMutableBufferPointer<UInt8>) { self.stack = stack }

    /// The text that `body` appends.
    @inline(__always)
    static func build(_ body: (inout TextSink) throws -> Void) rethrows -> String {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 240) { buffer in
            var sink = TextSink(stack: buffer)
            try body(&sink)
            if let heap = sink.heap { return String(decoding: heap, as: UTF8.self) }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<sink.count]), as: UTF8.self)
        }
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if heap == nil, bytes.count <= stack.count - count {
            if let source = bytes.baseAddress { (stack.baseAddress! + count).update(from: source, count: bytes.count) }
            count += bytes.count
            return
        }
        if heap == nil {
            heap = Array(stack[..<count])
            heap!.reserveCapacity(2 * (count + bytes.count))
        }
        heap!.append(contentsOf: bytes)
    }

    @inline(__always)
    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    @inline(__always)
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// The integer in decimal digits.
    @inline(__always)
    mutating func append(_ integer: Int) {
        // 19 digits and a sign at most.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = integer.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(truncatingIfNeeded: 48 + rest % 10)
                rest /= 10
            } while rest > 0
            if integer < 0 {
                start -= 1
                digits[start] = UInt8(ascii: "-")
            }
            append(UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }
}
