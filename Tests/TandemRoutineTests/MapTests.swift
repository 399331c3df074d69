import Foundation
import TandemKit
@testable import TandemRoutine
import Testing

/// Maps, phase by phase: how they lex and parse, what the checker reports
/// of their misuse, and what they do when run.
@Suite struct MapTests {
    // MARK: Lexing and parsing

    @Test func aBraceOpensAMapWhereAnOperandIsExpectedAndABlockElsewhere() {
        // Inside a map, newlines do not end the statement; after `if x` the brace is a block's.
        #expect(say("""
            let m = {
              "walk": 3,
              "cook": [1,
                       2],
            }
            if len(m) == 2 { say m }
            for k in {"a": 1} { say k }
            say [{"x": 1},
                 {"y": {"z": 2}}]
            """) == "{\"walk\": 3, \"cook\": [1, 2]}\na\n[{\"x\": 1}, {\"y\": {\"z\": 2}}]\n")
        #expect(say("let e = {}\nsay e\nsay len(e)\nsay type(e)") == "{}\n0\nmap\n")
        #expect(RoutineSession.isIncomplete("let m = {\"a\": 1,"))
        #expect(!RoutineSession.isIncomplete("let m = {\"a\": 1}"))
    }

    @Test func aMissingColonOrBraceIsASyntaxErrorAtItsPlace() {
        expectFindings("let m = {\"a\" 1️⃣1}", [("1", "expected ':' after the key, as in {\"walk\": 3}, found a number", nil)])
        expectFindings("let m = {\"a\": 1 1️⃣\"b\": 2}", [("1", "expected '}' or ',' in the map, found a string", nil)])
    }

    // MARK: Checking

    @Test func theCheckerReportsAMapWhereAListIsNeededAndTheOtherWayRound() {
        expectFindings("""
            let m = {"walk": 3}
            let xs = [1, 2]
            append(1️⃣m, 4)
            say keys(2️⃣xs)
            say m[3️⃣1]
            say xs[4️⃣"walk"]
            for x in 5️⃣5 { say x }
            let twice = {"a": 1, 6️⃣"a": 2}
            let fine = {"a": 1}
            fine = [1]
            append(fine, 2)
            """, [
                ("1", "'append' needs a list, but this is a map", "keys(m) and values(m) give a map's keys and values as lists"),
                ("2", "'keys' needs a map, but this is a list", nil),
                ("3", "a map's keys are strings, not an integer", nil),
                ("4", "a list's index is an integer, not a string", nil),
                ("5", "cannot loop over an integer; only over a list, a map's keys, a string or a range such as 1..10", nil),
                ("6", "the key \"a\" appears twice in the map", nil),
            ])
    }

    @Test func aJournalMapsUnknownFieldIsADidYouMean() {
        expectFindings("""
            let h = habit("daily.gratitude")
            say h[1️⃣"doneTodya"]
            for x in habits() { say x[2️⃣"strenght"] }
            for c in checkins(7) { say c["connection"] + c[3️⃣"score"] }
            say habit("daily.gratitude", "both")[4️⃣"strength"]
            say habits(5️⃣"partnr")
            say habit(6️⃣"daily.gratitud")
            say question_status()["partnerStatus"]
            """, [
                ("1", "a habit map (from habits() or habit()) has no field \"doneTodya\"", "did you mean 'doneToday'?"),
                ("2", "a habit map (from habits() or habit()) has no field \"strenght\"", "did you mean 'strength'?"),
                ("3", "a check-in map (from checkins()) has no field \"score\"", "its fields are date, connection, who"),
                ("4", "a shared habit map (from habits(\"both\") or habit(id, \"both\")) has no field \"strength\"", nil),
                ("5", "whose entries is \"me\", \"partner\" or \"both\", not \"partnr\"", "did you mean 'partner'?"),
                ("6", "no practice or habit has the id \"daily.gratitud\"", "did you mean 'daily.gratitude'?"),
            ])
    }

    @Test func loopsOverListsOfUnknownElementsAreFine() {
        #expect(say("routine f() { return 1 }\nlet xs = [f(), \"a\"]\nfor x in xs { say x }\nfor k in {\"a\": f()} { say k }") == "1\na\na\n")
    }

    @Test func habitAcceptsTheJournalsOwnHabitIDs() {
        let program = RoutineProgram.parse("say habit(\"custom.walk\")\nsay habit(\"custom.wlak\")\n", name: "t.routine")
        let found = RoutineSession.check(program, registry: registry, habitIDs: ["custom.walk"])
        #expect(found.map(\.message) == ["no practice or habit has the id \"custom.wlak\""])
        #expect(found.first?.hint == "did you mean 'custom.walk'?")
    }

    // MARK: Running

    @Test func readWriteAndTheBuiltIns() {
        #expect(say("""
            let m = {"walk": 3, "cook": 1}
            m["walk"] = 4
            m["read"] = 2
            say m
            say "{keys(m)} {values(m)} {len(m)}"
            say "{has(m, "cook")} {has(m, "swim")} {contains(m, "read")}"
            say "{get(m, "swim", 0)} {get(m, "swim")} {get(m, "walk", 0)}"
            say remove(m, "cook")
            say remove(m, "cook")
            say m
            for k in m { say "{k}={m[k]}" }
            say str(m) + "|" + join([m, 1], ", ")
            """) == """
            {"walk": 4, "cook": 1, "read": 2}
            ["walk", "cook", "read"] [4, 1, 2] 3
            true false true
            0 nil 4
            1
            nil
            {"walk": 4, "read": 2}
            walk=4
            read=2
            {"walk": 4, "read": 2}|{"walk": 4, "read": 2}, 1

            """)
    }

    @Test func aMissingKeyIsARuntimeErrorWithTheClosestKeys() {
        let error = runtimeError("let m = {\"walk\": 3, \"cook\": 1}\nsay m[\"wlak\"]")
        #expect(error?.message == "the map has no key \"wlak\"")
        #expect(error?.hint == "did you mean \"walk\"?")
        let computed = runtimeError("let m = {\"walk\": 3}\nlet k = \"swim\"\nsay m[k]")
        #expect(computed?.message == "the map has no key \"swim\"")
        #expect(computed?.hint?.contains("get(m, key, default)") == true)
        // A key the checker cannot see (num gives any number) fails when it comes.
        #expect(runtimeError("let m = {}\nlet k = num(\"3\")\nsay m[k]")?.message == "a map's keys are strings, not integers")
        #expect(runtimeError("let m = {}\nlet k = num(\"3\")\nm[k] = 1")?.message == "a map's keys are strings, not integers")
        expectFindings("let m = {}\nlet k = 3\nsay m[1️⃣k]", [("1", "a map's keys are strings, not an integer", nil)])
    }

    @Test func mapsAreSharedByReferenceAndCompareByValue() {
        #expect(say("""
            let a = {"x": 1, "y": [1, 2]}
            let b = a
            b["x"] = 2
            say a["x"]
            say {"x": 1, "y": 2} == {"y": 2, "x": 1}
            say {"x": 1} == {"x": 1.0}
            say {"x": 1} == {"x": 2}
            say {"x": 1} == {"x": 1, "y": 2}
            say {"x": [1]} == {"x": [1]}
            say {} == []
            """) == "2\ntrue\ntrue\nfalse\nfalse\ntrue\nfalse\n")
    }

    @Test func aMapThatHoldsItselfPrintsAndComparesWithoutEnd() {
        #expect(say("""
            let m = {"name": "loop"}
            m["self"] = m
            say m
            let xs = [m]
            m["list"] = xs
            say xs
            let n = {"name": "loop"}
            n["self"] = n
            say m == m
            say len(str(m)) > 0
            """) == """
            {"name": "loop", "self": {...}}
            [{"name": "loop", "self": {...}, "list": [...]}]
            true
            true

            """)
        // Two maps that hold themselves the same way are equal: nothing tells them apart.
        #expect(say("let a = {\"k\": 1}\na[\"s\"] = a\nlet b = {\"k\": 1}\nb[\"s\"] = b\nsay a == b") == "true\n")
    }

    @Test func sortingListsOfMapsByAKey() {
        #expect(say("""
            let hs = [{"id": "a", "s": 0.5}, {"id": "b", "s": 0.2}, {"id": "c", "s": 0.5}, {"id": "d", "s": 0.9}]
            let ids = []
            for h in sort(hs, "s") { append(ids, h["id"]) }
            say ids
            say hs[0]["id"]
            """) == "[\"b\", \"a\", \"c\", \"d\"]\na\n")
        #expect(runtimeError("say sort([{\"a\": 1}, {\"b\": 2}], \"a\")")?.message == "the map has no key \"a\"")
        #expect(runtimeError("say sort([{\"a\": 1}, 3], \"a\")")?.message == "sort by \"a\" needs a list of maps, but element 1 is an integer")
    }

    @Test func keysStayInInsertionOrderPastTheIndexedSize() {
        // Past a dozen keys the map keeps a dictionary: order, removal and lookups stay right.
        #expect(say("""
            let m = {}
            for i in 1..30 { m["k{i}"] = i }
            remove(m, "k3")
            m["k3"] = 99
            let total = 0
            for k in m { total = total + m[k] }
            say "{len(m)} {keys(m)[0]} {keys(m)[28]} {keys(m)[29]} {m["k30"]} {total}"
            """) == "30 k1 k30 k3 30 \(465 - 3 + 99)\n")
    }

    @Test func moduleFunctionsReceiveMapsInOrder() {
        let value = Value(.map(["b": .integer(1), "a": .list([.string("x")])]))
        #expect(value.description == "{\"b\": 1, \"a\": [\"x\"]}")
        guard case .map(let map) = value.routineValue else {
            Issue.record("not a map")
            return
        }
        #expect(map.keys == ["b", "a"])
        #expect(map["a"] == .list([.string("x")]))
    }

    /// One `m["b"]` in the source, reading maps made by different literals,
    /// by the same literal, and by one whose keys then changed: each read
    /// finds its own map's value (the remembered shape only ever fits a map
    /// that still has exactly its literal's keys).
    @Test func aFieldReadAcrossShapesFindsEachMapsOwnValue() {
        #expect(say("""
            routine b(m) { return get(m, "b", "none") }
            routine field(m) { return m["b"] }
            routine record(x) { return {"a": x, "b": x * 10} }
            let flipped = {"b": 3, "a": 4}
            let fewer = record(5)
            remove(fewer, "a")
            let more = record(6)
            more["c"] = 7
            let gone = record(8)
            remove(gone, "b")
            let maps = [record(1), flipped, record(2), fewer, more, record(3), gone]
            for m in maps { say b(m) }
            for m in [record(1), flipped, fewer, more, record(4)] {
              say field(m)
              m["b"] = 0
              say m
            }
            """) == """
            10
            3
            20
            50
            60
            30
            none
            10
            {"a": 1, "b": 0}
            3
            {"b": 0, "a": 4}
            50
            {"b": 0}
            60
            {"a": 6, "b": 0, "c": 7}
            40
            {"a": 4, "b": 0}

            """)
        #expect(runtimeError("routine field(m) { return m[\"b\"] }\nlet a = {\"a\": 1, \"b\": 2}\nsay field(a)\nremove(a, \"b\")\nsay field(a)")?
            .message == "the map has no key \"b\"")
    }
}

