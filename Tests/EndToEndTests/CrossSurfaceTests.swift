import Foundation
import Testing

/// The same journal seen from every front end: a promise written through the
/// command line, a routine or the REPL has one number everywhere.
@Suite struct CrossSurfaceTests {
    let home = makeTemporaryHome("tandem-surfaces")

    func openPromises() throws -> [(Int, String)] {
        let run = runTandem(["promise", "list", "--json"], home: home)
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let promises = try #require(object["promises"] as? [[String: Any]])
        return promises.compactMap { item in (item["number"] as? Int).flatMap { n in (item["text"] as? String).map { (n, $0) } } }
    }

    @Test func aPromiseFromEachSurfaceIsSeenWithTheSameNumberByTheOthers() throws {
        // 1. The command line.
        let added = runTandem(["promise", "add", "call your mother on Sunday"], home: home)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("Promise #1"))

        // 2. A routine sees it, and writes the second.
        let file = home.appendingPathComponent("promises.routine")
        try "say trust.open_promises()\nsay trust.promise(\"book the table\")\n".write(to: file, atomically: true, encoding: .utf8)
        let routine = runTandem(["run", file.path], home: home)
        #expect(routine.status == 0, "\(routine.stderr)")
        #expect(routine.stdout == "[\"call your mother on Sunday\"]\n2\n")

        // 3. The REPL sees both, and its :promise add writes the third.
        let repl = runTandem([], stdin: "say trust.open_promises()\n:promise add \"plan the weekend\"\n:promise list\n", home: home)
        #expect(repl.status == 0, "\(repl.stderr)")
        #expect(repl.stdout.contains("[\"call your mother on Sunday\", \"book the table\"]"))
        #expect(repl.stdout.contains("Promise #3 written down: \"plan the weekend\""))
        #expect(repl.stdout.contains("tandem promise kept 3"))
        #expect(repl.stdout.contains("#2  book the table"))

        // The command line and a routine see the REPL's.
        #expect(try openPromises().map(\.0) == [1, 2, 3])
        #expect(try openPromises().map(\.1) == ["call your mother on Sunday", "book the table", "plan the weekend"])
        try "say trust.open_promises()\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(runTandem(["run", file.path], home: home).stdout.contains("\"plan the weekend\""))

        // Settling one through the REPL is seen by the command line.
        #expect(runTandem([], stdin: ":promise kept 2\n", home: home).status == 0)
        #expect(try openPromises().map(\.0) == [1, 3])
    }

    @Test func aDryRunWritesNoPromise() throws {
        let file = home.appendingPathComponent("dry.routine")
        try "say trust.promise(\"only a rehearsal\")\nsay trust.open_promises()\n".write(to: file, atomically: true, encoding: .utf8)
        let run = runTandem(["run", file.path, "--dry-run"], home: home)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "1\n[\"only a rehearsal\"]\n")
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("journal.sqlite").path))
    }

    @Test func unknownSubcommandsSuggestTheClosest() {
        let typo = runTandem(["stat"], home: home)
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("unknown command 'stat' (did you mean 'stats'?)"), "\(typo.stderr)")
        let help = runTandem(["help", "stat"], home: home)
        #expect(help.status == 2)
        #expect(help.stdout.isEmpty)
        #expect(help.stderr.contains("did you mean 'stats'?"))
        #expect(runTandem(["help", "stats"], home: home).status == 0)
    }

    @Test func aRoutinesCheckErrorAndRuntimeErrorKeepTheirExitCodes() throws {
        let bad = home.appendingPathComponent("bad.routine")
        try "practice daily.gratitud\n".write(to: bad, atomically: true, encoding: .utf8)
        let check = runTandem(["check", bad.path], home: home)
        #expect(check.status == 2)
        #expect(check.stderr.contains("bad.routine:1:10: error: unknown practice 'daily.gratitud'"))
        #expect(check.stderr.hasSuffix("1 error found.\n"))
        let run = runTandem(["run", bad.path], home: home)
        #expect(run.status == 2)
        #expect(run.stderr.hasSuffix("1 error found; nothing ran.\n"))
        let failing = home.appendingPathComponent("fails.routine")
        try "say 1 / 0\n".write(to: failing, atomically: true, encoding: .utf8)
        #expect(runTandem(["run", failing.path], home: home).status == 1)
    }
}
