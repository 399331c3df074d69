import Foundation
import Testing

/// Text from people and files never drives the terminal (issue 9, section 1):
/// hostile strings planted by typing, by importing a hand-written export
/// and by routine files are shown escaped by every command that prints
/// them, so no ESC, BEL, CR or C1 byte reaches standard output or error.
@Suite struct HostileOutputTests {
    /// A retitle, a clear, an OSC 52 clipboard write, CR and backspace
    /// overwrites, a C1 CSI and DEL, in one string.
    static let hostile = [
        "\u{1B}]0;pwned\u{07}", "\u{1B}[2J", "\u{1B}]52;c;SGVsbG8=\u{07}", "a\rb", "x\u{08}y", "\u{9B}31m", "del\u{7F}",
    ].joined(separator: "|")
    /// How ``hostile`` shows: caret notation, C1 as `\u{…}`.
    static let shown = #"^[]0;pwned^G|^[[2J|^[]52;c;SGVsbG8=^G|a^Mb|x^Hy|\u{9B}31m|del^?"#

    let home = makeTemporaryHome("tandem-hostile")

    func run(_ args: [String], stdin: String? = nil) -> TandemRun {
        runTandem(args, stdin: stdin, home: home)
    }

    /// The control characters in `text` that could drive a terminal: ESC,
    /// BEL, CR, backspace, DEL and the C1 controls.
    static func controls(_ text: String) -> [String] {
        text.unicodeScalars.filter { [0x1B, 0x07, 0x0D, 0x08, 0x7F].contains($0.value) || (0x80...0x9F).contains($0.value) }
            .map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    /// Runs a command and expects no control character on either stream.
    @discardableResult
    func expectSafe(_ args: [String], stdin: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> TandemRun {
        let result = run(args, stdin: stdin)
        #expect(Self.controls(result.stdout).isEmpty, "stdout of tandem \(args): \(Self.controls(result.stdout))", sourceLocation: sourceLocation)
        #expect(Self.controls(result.stderr).isEmpty, "stderr of tandem \(args): \(Self.controls(result.stderr))", sourceLocation: sourceLocation)
        return result
    }

    /// A hand-written export file holding the hostile text where typing
    /// would refuse it (titles, ids, names, tags, kinds) and where it would not.
    func exportFile() throws -> URL {
        let promise = UUID().uuidString.lowercased()
        func event(_ kind: String, subject: String? = nil, refersTo: String? = nil, id: String = UUID().uuidString.lowercased(), _ payload: [String: Any]) -> [String: Any] {
            var event: [String: Any] = [
                "id": id, "author": "e5896df2-5931-45f2-88af-924255ff0c09", "device": "3c8bd644-a0ab-4333-b821-a4efe521a694",
                "createdAt": "2026-11-19T21:30:00.000Z", "date": "2026-11-19", "kind": kind, "payload": payload,
            ]
            if let subject { event["subject"] = subject }
            if let refersTo { event["refersTo"] = refersTo }
            return event
        }
        let hostile = Self.hostile
        let events: [[String: Any]] = [
            event("adopt", subject: "custom.evil", ["title": hostile, "cadence": "daily"]),
            event("adopt", subject: "custom.\(hostile)", ["title": "Plain title", "cadence": "daily"]),
            event("done", subject: "custom.evil", ["note": hostile]),
            event("note", ["text": hostile, "tags": [hostile, "plain"]]),
            event("checkin", ["connection": 3, "appreciation": hostile, "note": hostile]),
            event("profile", ["myName": hostile, "partnerName": hostile, "myTimeZone": hostile]),
            event("record", subject: "trust", id: promise, ["kind": "promise", "fields": ["text": hostile]]),
            event("record", subject: "trust", refersTo: promise, ["kind": "broken", "fields": ["repair": hostile]]),
            event("record", subject: "trust", ["kind": "promise", "fields": ["text": hostile, hostile: hostile]]),
            event(hostile, subject: hostile, [hostile: hostile]),
        ]
        let file: [String: Any] = ["format": "tandem-journal", "version": 1, "exportedAt": "2026-11-19T21:30:00.000Z", "events": events]
        let url = home.appendingPathComponent("hostile-export.json")
        try JSONSerialization.data(withJSONObject: file).write(to: url)
        return url
    }

    /// Routine files: a hostile file name and description comment, a
    /// schedule passing hostile text, `say` of hostile text, and a file whose
    /// problems sit on lines holding ESC.
    func writeRoutines() throws {
        let folder = home.appendingPathComponent("routines", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let hostile = Self.hostile
        try """
            # \(hostile)
            routine greet(text = "x") {
              say text
              say "\(hostile)"
            }

            every day at 21:30 run greet("\(hostile)")

            """.write(to: folder.appendingPathComponent("greet.routine"), atomically: true, encoding: .utf8)
        try "# \(hostile)\nroutine evil() {\n  say 1\n}\n"
            .write(to: folder.appendingPathComponent("evil\u{1B}]0;pwned\u{07}.routine"), atomically: true, encoding: .utf8)
        try """
            routine broken() {
              say "\(hostile)" + nope_\u{1B}[2J
              let x = \u{1B}]0;pwned\u{07}
              say \u{9B}31m
            }

            """.write(to: folder.appendingPathComponent("broken.routine"), atomically: true, encoding: .utf8)
    }

    /// Plants the hostile text by typing where typing accepts it (notes,
    /// check-ins, done notes, promises) and by importing the rest.
    func plant() throws {
        #expect(run(["adopt", "daily.gratitude"]).status == 0)
        #expect(expectSafe(["done", "daily.gratitude", "--note", Self.hostile]).status == 0)
        #expect(expectSafe(["note", Self.hostile, "--tag", "plain"]).status == 0)
        #expect(expectSafe(["checkin", "--connection", "7", "--appreciation", Self.hostile, "--note", Self.hostile]).status == 0)
        #expect(expectSafe(["promise", "add", Self.hostile]).status == 0)
        // Once imports check titles and names as typing does, the file may be
        // refused; either way nothing hostile may reach the terminal.
        expectSafe(["import", try exportFile().path])
        try writeRoutines()
    }

    @Test func everyCommandThatShowsStoredTextShowsItEscaped() throws {
        try plant()
        let commands: [[String]] = [
            ["journal"], ["journal", "--json"], ["journal", "--tag", "plain"], ["journal", "--search", "pwned"],
            ["today"], ["today", "--json"], ["stats"], ["stats", "--json"], ["profile"], ["profile", "--json"],
            ["promise", "list"], ["promise", "list", "--all"], ["promise", "list", "--json"], ["promise", "kept", "1"],
            ["overlap", "--me", "Europe/Berlin", "18-23", "--partner", "America/New_York", "18-23"],
            ["routines"], ["routines", "--json"], ["schedule"], ["schedule", "--json"],
            ["check", "greet"], ["check", "broken"], ["check", home.appendingPathComponent("routines/evil\u{1B}]0;pwned\u{07}.routine").path],
            ["run", "greet", "--dry-run"], ["run", "broken"],
            ["export", "--format", "json"],
        ]
        for command in commands { expectSafe(command) }
        let journal = run(["journal"]).stdout
        #expect(journal.contains(Self.shown), "\(journal)")
        #expect(run(["promise", "list", "--all"]).stdout.contains(Self.shown))
        #expect(run(["routines"]).stdout.contains(Self.shown))
        #expect(run(["check", "broken"]).stderr.contains("^[]0;pwned^G"))
    }

    @Test func idsAndTextEchoedInErrorsAreEscaped() {
        for command in [
            ["done", "custom.\u{1B}[2J"], ["show", "\u{1B}]0;pwned\u{07}"], ["journal", "--since", "\u{1B}[2J"],
            ["promise", "kept", "\u{9B}31m"], ["profile", "set", "--my-zone", "a\rb"], ["check", "no\u{1B}[2Jsuch"],
            ["adopt", "custom.walk", "--title", Self.hostile], ["note", "hi", "--tag", Self.hostile],
            ["profile", "set", "--my-name", Self.hostile], ["--\u{1B}[2J"],
        ] {
            let result = expectSafe(command)
            #expect(result.status != 0, "tandem \(command) should fail")
        }
    }

    @Test func theREPLShowsValuesHistoryAndCommandsEscaped() throws {
        try plant()
        let script = """
            say "\(Self.hostile)"
            "\(Self.hostile)"
            let x = "\(Self.hostile)"
            x
            [x, x]
            undefined_\u{1B}[2J
            :journal
            :promise list --all
            :routines
            :profile
            :today
            :stats
            :show \u{1B}]0;pwned\u{07}
            :load routines/greet.routine
            greet(x)
            :history

            """
        let result = expectSafe([], stdin: script)
        #expect(result.stdout.contains(Self.shown), "\(result.stdout)")
    }

    @Test func JSONOutputEscapesControlCharactersAndKeepsTheText() throws {
        #expect(run(["note", Self.hostile]).status == 0)
        let result = expectSafe(["journal", "--json"])
        let events = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let payload = try #require(events.first?["payload"] as? [String: Any])
        #expect(payload["text"] as? String == Self.hostile)
    }

    @Test func oneLineFieldsAreRefusedWhenTypedAndNothingIsWritten() {
        let long = String(repeating: "x", count: 81)
        for command in [
            ["adopt", "custom.walk", "--title", "two\nlines"], ["adopt", "custom.walk", "--title", long],
            ["adopt", "daily.gratitude", "--title", "\u{1B}[2J"],
            ["note", "hi", "--tag", "a\u{07}"], ["note", "hi", "--tag", long],
            ["profile", "set", "--my-name", "x\u{08}y"], ["profile", "set", "--partner-name", long],
            ["profile", "set", "--partner-name", "Sam\nMe:       Eve"],
        ] {
            let result = run(command)
            #expect(result.status == 2, "tandem \(command): \(result)")
            #expect(result.stderr.contains("cannot be used"), "\(result.stderr)")
            #expect(result.stderr.contains("nothing was written"), "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("journal.sqlite").path))
        #expect(run(["adopt", "custom.walk", "--title", String(repeating: "é", count: 80)]).status == 0)
    }

    @Test func aNoteCannotFakeAJournalLine() {
        #expect(run(["note", "first line\n2026-11-20  done      custom.fake\r\nthird"]).status == 0)
        let lines = run(["journal"]).stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("2026-") }.count == 1, "\(lines)")
        #expect(lines.contains { $0.hasPrefix(" ") && $0.hasSuffix("2026-11-20  done      custom.fake") }, "\(lines)")
        #expect(lines.last?.trimmingCharacters(in: .whitespaces) == "third")
    }
}
