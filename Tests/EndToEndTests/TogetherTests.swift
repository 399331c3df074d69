import Foundation
import Testing

/// Two partners, two homes, one shared folder: the built binary end to end.
@Suite struct TogetherTests {
    let root = makeTemporaryHome("tandem-together")
    var sam: URL { root.appendingPathComponent("sam") }
    var alex: URL { root.appendingPathComponent("alex") }
    var shared: URL { root.appendingPathComponent("shared") }
    static let now = "2026-12-02T09:00:00Z"

    @discardableResult
    func run(_ home: URL, _ args: [String], stdin: String? = nil, now: String = now) -> TandemRun {
        // git (for `sync`) reads no configuration of the real user's.
        runTandem(args, stdin: stdin, environment: ["TANDEM_NOW": now, "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"], home: home, directory: root)
    }

    /// Runs git in `folder` (hermetic: no user or system configuration).
    @discardableResult
    func git(_ arguments: [String], in folder: URL? = nil) -> TandemRun {
        runTandem(
            (folder.map { ["-C", $0.path] } ?? []) + arguments,
            environment: ["GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
                          "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"],
            home: root, directory: root, binary: URL(fileURLWithPath: "/usr/bin/git"))
    }

    /// Sets up the folder from Sam's home and joins it from Alex's; returns the pairing code.
    @discardableResult
    func pair(folder: URL? = nil, joining: Bool = true) throws -> String {
        let folder = folder ?? shared
        let made = run(sam, ["together", "init", folder.path, "--name", "Sam", "--partner-name", "Alex"])
        #expect(made.status == 0, "\(made.stderr)")
        let code = try #require(made.stdout.firstMatch(of: /[0-9A-Z]{5}(-[0-9A-Z]{5}){4}/)).output.0
        try Data(code.utf8).write(to: codeStore)
        guard joining else { return String(code) }
        let joined = run(alex, ["together", "join", folder.path, "--name", "Alex"], stdin: String(code) + "\n")
        #expect(joined.status == 0, "\(joined.stderr)")
        return String(code)
    }

    func json(_ home: URL, _ args: [String]) throws -> [String: Any] {
        let result = run(home, args + ["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// Every byte of every file in the shared folder.
    func folderBytes() -> Data {
        var bytes = Data()
        let files = FileManager.default.enumerator(at: shared, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            if let data = FileManager.default.contents(atPath: url.path) { bytes.append(data) }
        }
        return bytes
    }

    @Test func partnersSeeEachOthersEntriesWithAuthorsAndNoTextInTheFolder() throws {
        run(sam, ["adopt", "daily.gratitude"])
        run(sam, ["done", "daily.gratitude"])
        run(sam, ["checkin", "--connection", "8", "--appreciation", "the porch coffee"])
        run(sam, ["note", "a private worry about work"])
        run(sam, ["note", "dinner plans for friday", "--share"])
        try pair()
        run(alex, ["adopt", "daily.gratitude"])
        run(alex, ["checkin", "--connection", "6", "--appreciation", "your patience"])

        let journal = run(alex, ["journal"]).stdout
        #expect(journal.contains("Sam   done"), "\(journal)")
        #expect(journal.contains("Alex  checkin"))
        #expect(journal.contains("dinner plans for friday"))
        #expect(!journal.contains("private worry"))
        #expect(run(alex, ["journal", "--who", "partner"]).stdout.contains("the porch coffee"))
        #expect(!run(alex, ["journal", "--who", "me"]).stdout.contains("the porch coffee"))

        // My profile stays mine; the partner's name is theirs.
        let profile = run(alex, ["profile"]).stdout
        #expect(profile.contains("Alex") && profile.contains("Sam"))
        let stats = try json(alex, ["stats"])
        let checkIns = try #require(stats["checkIns"] as? [String: Any])
        #expect(checkIns["count"] as? Int == 1)
        #expect(checkIns["average"] as? Double == 6)
        let together = try #require(stats["together"] as? [String: Any])
        #expect((together["habits"] as? [[String: Any]])?.first?["id"] as? String == "daily.gratitude")

        // Both marks on today for the habit both track.
        let today = run(sam, ["today"]).stdout
        #expect(today.contains("Alex: not yet"), "\(today)")
        run(alex, ["done", "daily.gratitude"])
        #expect(run(sam, ["today"]).stdout.contains("Alex: done"))

        let bytes = folderBytes()
        // Names in quotes, as any JSON that leaked would hold them (base 64 has no quotes).
        for secret in ["porch coffee", "your patience", "private worry", "dinner plans", "\"Sam\"", "\"Alex\"", "daily.gratitude"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is readable in the shared folder")
        }
        // Only the owner can read the folder's files.
        let manifest = try FileManager.default.attributesOfItem(atPath: shared.appendingPathComponent("couple.json").path)
        #expect((manifest[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func repeatedSyncsAddNothingAndBothWritingAtOnceLosesNothing() throws {
        try pair()
        run(sam, ["adopt", "daily.gratitude"])
        run(alex, ["adopt", "daily.gratitude"])
        let days = (1...9).map { String(format: "2026-11-%02d", $0 + 20) }
        // Both write at the same time: nine marks each, concurrently.
        let group = DispatchGroup()
        for (home, label) in [(sam, "sam"), (alex, "alex")] {
            group.enter()
            DispatchQueue.global().async {
                for day in days { _ = runTandem(["note", "\(label) \(day)", "--share", "--date", day], environment: ["TANDEM_NOW": Self.now], home: home) }
                group.leave()
            }
        }
        group.wait()
        for _ in 0..<3 {
            #expect(run(sam, ["sync"]).status == 0)
            #expect(run(alex, ["sync"]).status == 0)
        }
        for home in [sam, alex] {
            let notes = run(home, ["journal", "--json"]).stdout
            for label in ["sam", "alex"] {
                for day in days {
                    #expect(notes.components(separatedBy: "\"\(label) \(day)\"").count == 2, "\(label) \(day) once in \(home.lastPathComponent)'s journal")
                }
            }
        }
        #expect(run(sam, ["sync"]).stdout.contains("Up to date"))
    }

    @Test func aWrongCodeIsRefusedAndWritesNothing() throws {
        let made = run(sam, ["together", "init", shared.path, "--name", "Sam"])
        #expect(made.status == 0)
        let before = folderBytes()
        let wrong = run(alex, ["together", "join", shared.path, "--name", "Alex"], stdin: "ABCDE-FGHJK-MNPQR-STVWX-YZ012\n")
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("pairing code does not open"))
        let typo = run(alex, ["together", "join", shared.path, "--name", "Alex"], stdin: "ABCDE-FGHJK\n")
        #expect(typo.status == 2)
        #expect(folderBytes() == before)
        #expect(run(alex, ["together", "status"]).stdout.contains("Not sharing"))
    }

    @Test func aConflictCopyAndAPartialLastLineAreReadSafely() throws {
        try pair()
        run(sam, ["checkin", "--connection", "7", "--appreciation", "the walk"])
        let logs = shared.appendingPathComponent("logs")
        let samDevice = try #require(try json(sam, ["together", "status"])["device"] as? String)
        let file = logs.appendingPathComponent(samDevice).appendingPathComponent("2026-12.jsonl")
        // Syncthing's conflict copy of Sam's log: the same lines again.
        try FileManager.default.copyItem(
            at: file, to: logs.appendingPathComponent(samDevice).appendingPathComponent("2026-12.sync-conflict-20261202-090000-ABCDEFG.jsonl"))
        // A temporary file of the sync engine is ignored.
        try Data("garbage".utf8).write(to: logs.appendingPathComponent(samDevice).appendingPathComponent(".syncthing.2026-12.jsonl.tmp"))
        // A sync in progress: half of a new line.
        run(sam, ["checkin", "--connection", "9", "--appreciation", "the soup"])
        let full = try Data(contentsOf: file)
        let lastLine = full.dropLast().lastIndex(of: 0x0A)! + 1
        try full.prefix(lastLine + 20).write(to: file)
        let first = run(alex, ["stats", "--who", "partner", "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("\"count\" : 1"), "the whole line only: \(first.stdout)")
        try full.write(to: file)
        #expect(run(alex, ["stats", "--who", "partner", "--json"]).stdout.contains("\"count\" : 2"))
        #expect(run(alex, ["journal", "--who", "partner", "--search", "the walk"]).stdout.components(separatedBy: "the walk").count == 2)
    }

    @Test func aThirdDeviceOfTheSamePersonWritesAsThem() throws {
        try pair()
        let laptop = root.appendingPathComponent("sam-laptop")
        run(sam, ["adopt", "daily.gratitude"])
        // The couple's one code opens the folder for a third device too.
        let codeFile = codeStore
        let joined = run(laptop, ["together", "join", shared.path, "--as", "Sam", "--code-file", codeFile.path])
        #expect(joined.status == 0, "\(joined.stderr)")
        run(laptop, ["done", "daily.gratitude"])
        #expect(run(sam, ["today"]).stdout.contains("[x]"), "Sam's desktop sees the mark made on Sam's laptop as Sam's")
        #expect(run(alex, ["journal", "--who", "partner"]).stdout.contains("done"))
        let third = run(root.appendingPathComponent("stranger"), ["together", "join", shared.path, "--name", "Kim", "--code-file", codeFile.path])
        #expect(third.status == 1)
        #expect(third.stderr.contains("two members already"))
    }

    /// The pairing code, kept by ``pair(folder:)`` for a third device.
    var codeStore: URL { root.appendingPathComponent("pairing-code") }

    @Test func aCopiedHomeGetsANewDevice() throws {
        try pair()
        let copy = root.appendingPathComponent("sam-copy")
        try FileManager.default.copyItem(at: sam, to: copy)
        run(sam, ["checkin", "--connection", "5", "--appreciation", "first machine"])
        let copied = run(copy, ["checkin", "--connection", "4", "--appreciation", "second machine"])
        #expect(copied.status == 0)
        #expect(copied.stderr.contains("looks copied"), "\(copied.stderr)")
        let partner = run(alex, ["journal", "--who", "partner"]).stdout
        #expect(partner.contains("first machine") && partner.contains("second machine"))
        let devices = try FileManager.default.contentsOfDirectory(atPath: shared.appendingPathComponent("logs").path)
        #expect(devices.count == 3)
    }

    @Test func importOfAPartnersExportKeepsAuthorship() throws {
        run(sam, ["profile", "set", "--my-name", "Sam"])
        run(sam, ["adopt", "daily.gratitude", "--since", "2026-11-25"])
        run(sam, ["checkin", "--connection", "3", "--appreciation", "x"])
        run(alex, ["profile", "set", "--my-name", "Alex"])
        run(alex, ["checkin", "--connection", "9", "--appreciation", "y"])
        let file = root.appendingPathComponent("sam.json")
        #expect(run(sam, ["export", "--output", file.path]).status == 0)
        let imported = run(alex, ["import", file.path])
        #expect(imported.stdout.contains("kept as theirs"), "\(imported.stdout)")
        #expect(run(alex, ["profile"]).stdout.contains("Alex"))
        let stats = try json(alex, ["stats"])
        #expect((stats["checkIns"] as? [String: Any])?["average"] as? Double == 9)
        #expect((stats["habits"] as? [Any])?.isEmpty == true)
        #expect(run(alex, ["journal", "--who", "partner"]).stdout.contains("Sam"))
    }

    @Test func aBareGitRemoteCarriesTheFolderBothWays() throws {
        let remote = root.appendingPathComponent("remote.git")
        #expect(git(["init", "--quiet", "--bare", remote.path]).status == 0)
        let samFolder = root.appendingPathComponent("sam-folder"), alexFolder = root.appendingPathComponent("alex-folder")
        #expect(git(["clone", "--quiet", remote.path, samFolder.path]).status == 0)
        try pair(folder: samFolder, joining: false)
        run(sam, ["checkin", "--connection", "8", "--appreciation", "the early tea"])
        let first = run(sam, ["sync"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Pushed"))
        #expect(git(["clone", "--quiet", remote.path, alexFolder.path]).status == 0)
        let joined = run(alex, ["together", "join", alexFolder.path, "--name", "Alex", "--code-file", codeStore.path])
        #expect(joined.status == 0, "\(joined.stderr)")
        #expect(run(alex, ["journal", "--who", "partner"]).stdout.contains("the early tea"))
        run(alex, ["note", "see you at six", "--share"])
        #expect(run(alex, ["sync"]).status == 0)
        let back = run(sam, ["sync"])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(run(sam, ["journal", "--who", "partner"]).stdout.contains("see you at six"))
        // The history names no one.
        let log = git(["log", "--format=%an %ae %s"], in: samFolder).stdout
        #expect(!log.contains("Sam") && !log.contains("Alex") && log.contains("tandem"))

        // Offline: the remote is gone. git's own words, exit 1, nothing lost.
        try FileManager.default.moveItem(at: remote, to: root.appendingPathComponent("moved.git"))
        run(sam, ["note", "still here", "--share"])
        let offline = run(sam, ["sync"])
        #expect(offline.status == 1)
        #expect(offline.stderr.contains("git could not") && offline.stderr.contains("git said"), "\(offline.stderr)")
        #expect(run(sam, ["journal", "--search", "still here"]).stdout.contains("still here"))
    }
}
