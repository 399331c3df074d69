import Foundation
import TandemCatalog
import TandemKit
@testable import TandemRoutine
import Testing

/// Lists of booleans or of integers are stored unboxed; what a routine sees
/// must not depend on that.
@Suite struct ListKindTests {
    let here = SourceFile(name: "test", text: "").range0

    @Test func aListTakesTheKindOfItsElements() throws {
        #expect(ListBox([.bool(true), .bool(false)]).kind == .bools)
        #expect(ListBox([.int(1), .int(2)]).kind == .ints)
        #expect(ListBox([.int(1), .bool(true)]).kind == .values)
        #expect(ListBox(integers: 1...3).kind == .ints)
        let empty = ListBox([])
        try empty.append(.int(4), here)
        #expect(empty.kind == .ints)
        let strings = ListBox([])
        try strings.append(.string("a"), here)
        try strings.append(.string("b"), here)
        #expect(strings.kind == .values && strings.count == 2)
    }

    @Test func anElementOfAnotherKindMakesTheListGeneralAndKeepsTheRest() throws {
        let flags = ListBox([.bool(true), .bool(false), .bool(true)])
        #expect((try flags.store(.int(7), at: 1, here)))
        #expect(flags.kind == .values)
        #expect(flags.items.map(\.description) == ["true", "7", "true"])
        let numbers = ListBox([.int(1), .int(2)])
        try numbers.append(.decimal(2.5), here)
        #expect(numbers.kind == .values)
        #expect(numbers.items.map(\.description) == ["1", "2", "2.5"])
        #expect(try !numbers.store(.int(0), at: 3, here) && !numbers.store(.int(0), at: -1, here))
        // Emptied, a list takes the kind of what comes next.
        let emptied = ListBox([.int(1)])
        _ = emptied.popLast()
        try emptied.append(.bool(true), here)
        #expect(emptied.kind == .bools && emptied.items.map(\.description) == ["true"])
    }

    @Test func routinesSeeTheSameListsWhateverTheKind() {
        #expect(say("""
            let flags = []
            repeat 4 { append(flags, true) }
            flags[1] = false
            say flags
            flags[2] = 3
            say flags
            let ns = [3, 1, 2]
            append(ns, 0)
            say sort(ns)
            say pop(ns)
            insert(ns, 0, 9)
            say ns
            say remove(ns, 1)
            say ns == [9, 1, 2]
            say [true, false] == [true, false]
            say [1, 2] + [true]
            say contains(ns, 2)
            say sum(1..4)
            say len(range(5))
            """) == """
            [true, false, true, true]
            [true, false, 3, true]
            [0, 1, 2, 3]
            0
            [9, 3, 1, 2]
            3
            true
            true
            [1, 2, true]
            true
            10
            5

            """)
    }

    @Test func forInVisitsTheElementsAsTheyWereWhenTheLoopBegan() {
        #expect(say("""
            let ns = [1, 2, 3]
            for n in ns { append(ns, n * 10) }
            say ns
            let bs = [true, false]
            for b in bs {
              bs[0] = false
              append(bs, b)
            }
            say bs
            let count = 0
            for n in [5, 6, 7] {
              if n == 6 { break }
              count = count + 1
            }
            say count
            routine first_even(xs) {
              for x in xs { if x % 2 == 0 { return x } }
              return nil
            }
            say first_even([1, 3, 4, 6])
            """) == "[1, 2, 3, 10, 20, 30]\n[false, false, true, false]\n1\n4\n")
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func randomOperationsMatchAPlainArray(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let list = ListBox([])
        var reference: [Value] = []
        var kinds: Set<String> = []
        /// Booleans, then integers, in turns of 250 steps, with now and then
        /// another kind, so that lists stay compact for a while before
        /// something else arrives and makes them general.
        func randomValue(_ step: Int) -> Value {
            switch Int.random(in: 0..<60, using: &random) {
            case 0: return .string("s")
            case 1: return .decimal(0.5)
            case 2: return .none
            default:
                return (step / 250) % 2 == 0 ? .bool(Bool.random(using: &random)) : .int(Int.random(in: -5...5, using: &random))
            }
        }
        for step in 0..<3_000 {
            let index = Int.random(in: -1...(reference.count), using: &random)
            switch Int.random(in: 0..<60, using: &random) {
            case 0:
                try list.withValues(here) { $0.removeAll() }
                reference.removeAll()
            case 1..<20:
                let value = randomValue(step)
                try list.append(value, here)
                reference.append(value)
            case 20..<40:
                let value = randomValue(step)
                let inRange = reference.indices.contains(index)
                #expect((try list.store(value, at: index, here)) == inRange)
                if inRange { reference[index] = value }
            case 40..<48:
                #expect(list.popLast().map(\.description) == reference.popLast().map(\.description))
            case 48:
                if reference.indices.contains(index) {
                    #expect(try list.withValues(here) { $0.remove(at: index) }.description == reference.remove(at: index).description)
                }
            default:
                #expect(list.element(at: index)?.description == (reference.indices.contains(index) ? reference[index].description : nil))
            }
            kinds.insert("\(list.kind)")
            guard list.items.map(\.description) == reference.map(\.description), list.count == reference.count else {
                Issue.record("seed \(seed), step \(step): \(list.items) against \(reference)")
                return
            }
        }
        #expect(kinds == ["bools", "ints", "values"])
    }
}
