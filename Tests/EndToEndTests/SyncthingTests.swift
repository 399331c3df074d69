import Foundation
import Testing

/// Real Syncthing (Debian's 1.19) carrying a folder between two places on
/// loopback, through `scripts/syncthing-pair`: what the shared folder of
/// `tandem together` can count on, and what it must put up with (conflict
/// copies, temporary files). A pair starts in about 2 s, a change arrives in
/// 1 to 3 s, and the suite takes about half a minute, so it runs with every
/// `scripts/test`.
@Suite(
    "Syncthing carries a folder", .serialized,
    .enabled(if: SyncthingPair.isAvailable, "syncthing is not installed (scripts/test installs it)"))
struct SyncthingTests {
    static func write(_ text: String, to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    static func append(_ text: String, to file: URL) throws {
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    static func read(_ file: URL) -> String? {
        (try? Data(contentsOf: file)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The names in a folder, Syncthing's `.stfolder` marker aside.
    static func names(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0 != ".stfolder" }.sorted()
    }

    @Test func aFileWrittenOnOneSideAppearsOnTheOtherAndAnAppendedLineFollows() throws {
        let pair = try SyncthingPair.start()
        defer { pair.stop() }
        let fileA = pair.folderA.appendingPathComponent("logs/device-a/2026-11.jsonl")
        let fileB = pair.folderB.appendingPathComponent("logs/device-a/2026-11.jsonl")
        try Self.write("{\"line\":1}\n", to: fileA)
        try pair.waitInSync()
        #expect(Self.read(fileB) == "{\"line\":1}\n")

        try Self.append("{\"line\":2}\n", to: fileA)
        try pair.waitInSync()
        #expect(Self.read(fileB) == "{\"line\":1}\n{\"line\":2}\n")
        #expect(Self.names(in: pair.folderB) == ["logs"])
    }

    @Test func filesWrittenOnBothSidesAtTheSameTimeBothArrive() throws {
        let pair = try SyncthingPair.start()
        defer { pair.stop() }
        let logA = "logs/device-a/2026-11.jsonl", logB = "logs/device-b/2026-11.jsonl"
        // One writer per file, both writing at once: the layout of the shared folder.
        try Self.write("", to: pair.folderA.appendingPathComponent(logA))
        try Self.write("", to: pair.folderB.appendingPathComponent(logB))
        for line in 1...20 {
            try Self.append("a \(line)\n", to: pair.folderA.appendingPathComponent(logA))
            try Self.append("b \(line)\n", to: pair.folderB.appendingPathComponent(logB))
            Thread.sleep(forTimeInterval: 0.05)
        }
        try pair.waitInSync()
        let linesA = (1...20).map { "a \($0)\n" }.joined(), linesB = (1...20).map { "b \($0)\n" }.joined()
        for folder in [pair.folderA, pair.folderB] {
            #expect(Self.read(folder.appendingPathComponent(logA)) == linesA)
            #expect(Self.read(folder.appendingPathComponent(logB)) == linesB)
            #expect(Self.names(in: folder.appendingPathComponent("logs")) == ["device-a", "device-b"])
        }
    }

    /// Both sides change one file while apart: once they meet, one version
    /// keeps the name and the other is kept beside it as
    /// `NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.EXT` (local time), the marker
    /// going before the extension: `2026-11.jsonl` gives
    /// `2026-11.sync-conflict-20261202-070837-EJRCO2T.jsonl`. DEVICE is the
    /// first seven characters of the id of the device whose version won (it
    /// "modified" the file the copy was pushed aside for); the copy holds the
    /// other device's version. Both sides then hold both files.
    @Test func bothSidesChangingOneFileLeaveAConflictCopy() throws {
        let pair = try SyncthingPair.start()
        defer { pair.stop() }
        let ids = try pair.deviceIDs()
        let name = "logs/shared/2026-11.jsonl"
        try Self.write("base\n", to: pair.folderA.appendingPathComponent(name))
        try pair.waitInSync()

        try pair.pause()
        try Self.append("from A\n", to: pair.folderA.appendingPathComponent(name))
        try Self.append("from B\n", to: pair.folderB.appendingPathComponent(name))
        try pair.scan("a")
        try pair.scan("b")
        try pair.resume()
        try pair.waitInSync()

        let folder = pair.folderA.appendingPathComponent("logs/shared")
        let names = Self.names(in: folder)
        #expect(names.count == 2, "\(names)")
        let copy = try #require(names.first { $0 != "2026-11.jsonl" })
        let match = try #require(copy.wholeMatch(of: /2026-11\.sync-conflict-(\d{8})-(\d{6})-([A-Z2-7]{7})\.jsonl/), "\(copy)")
        let winner = String(match.3)
        #expect([ids.a.prefix(7), ids.b.prefix(7)].contains(Substring(winner)), "\(winner) is neither \(ids.a) nor \(ids.b)")
        let (winnerText, loserText) = ids.a.hasPrefix(winner) ? ("base\nfrom A\n", "base\nfrom B\n") : ("base\nfrom B\n", "base\nfrom A\n")
        for side in [pair.folderA, pair.folderB] {
            #expect(Self.read(side.appendingPathComponent(name)) == winnerText)
            #expect(Self.read(side.appendingPathComponent("logs/shared/\(copy)")) == loserText)
        }
    }

    /// While a file arrives, the receiving side writes `.syncthing.NAME.tmp`
    /// beside it and renames it to NAME when complete: a reader of the
    /// folder sees such files and must skip them.
    @Test func aFileOnItsWayIsATemporaryFileBesideIt() throws {
        let pair = try SyncthingPair.start()
        defer { pair.stop() }
        let logs = pair.folderB.appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: pair.folderA.appendingPathComponent("logs"), withIntermediateDirectories: true)
        try pair.waitInSync()
        // 32 MB that neither compress nor repeat (xorshift), so that every block travels.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let words = (0..<(4 << 20)).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        try words.withUnsafeBytes { try Data($0).write(to: pair.folderA.appendingPathComponent("logs/big.bin")) }
        var seen: Set<String> = []
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !FileManager.default.fileExists(atPath: logs.appendingPathComponent("big.bin").path) {
            seen.formUnion(Self.names(in: logs).filter { $0.hasPrefix(".syncthing.") })
            Thread.sleep(forTimeInterval: 0.005)
        }
        try pair.waitInSync()
        #expect(seen == [".syncthing.big.bin.tmp"])
        #expect(Self.names(in: logs) == ["big.bin"])
    }

    @Test func stopLeavesNothingRunning() throws {
        let pair = try SyncthingPair.start()
        let pids = try ["a", "b"].map { side in
            try #require(Int32(String(decoding: try Data(contentsOf: pair.state.appendingPathComponent("\(side)/pid")), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        for pid in pids { #expect(kill(pid, 0) == 0) }
        pair.stop()
        for pid in pids { #expect(kill(-pid, 0) != 0, "process group \(pid) still runs") }
        #expect(!FileManager.default.fileExists(atPath: pair.state.appendingPathComponent("watchdog.pid").path))
    }
}

/// Two homes, Sam's and Alex's, sharing one folder through real Syncthing:
/// each writes, `tandem sync` (and Syncthing) carries it, each reads the
/// other's entries as the partner's, and the folder holds no plain text.
@Suite(
    "Together through Syncthing", .serialized,
    .enabled(if: SyncthingPair.isAvailable, "syncthing is not installed (scripts/test installs it)"))
struct TogetherThroughSyncthingTests {
    @Test
    func twoHomesShareTheirEntriesThroughSyncthing() throws {
        let pair = try SyncthingPair.start()
        defer { pair.stop() }
        let sam = makeTemporaryHome("tandem-sam"), alex = makeTemporaryHome("tandem-alex")

        let created = runTandem(["together", "init", pair.folderA.path, "--name", "Sam", "--partner-name", "Alex"], home: sam)
        #expect(created.status == 0, "\(created.stderr)")
        let code = try #require(created.stdout.firstMatch(of: /[0-9A-Z]{5}(-[0-9A-Z]{5}){4}/)?.0, "\(created.stdout)")
        try pair.waitInSync()
        let codeFile = alex.appendingPathComponent("pairing-code")
        try Data("\(code)\n".utf8).write(to: codeFile)
        let joined = runTandem(["together", "join", pair.folderB.path, "--code-file", codeFile.path, "--name", "Alex"], home: alex)
        #expect(joined.status == 0, "\(joined.stderr)")
        try pair.waitInSync()

        // One way, then the other.
        #expect(runTandem(["checkin", "--connection", "8", "--appreciation", "the soup on Sunday"], home: sam).status == 0)
        #expect(runTandem(["sync"], home: sam).status == 0)
        try pair.waitInSync()
        #expect(runTandem(["sync"], home: alex).status == 0)
        #expect(runTandem(["journal", "--who", "partner"], home: alex).stdout.contains("the soup on Sunday"))

        #expect(runTandem(["checkin", "--connection", "7", "--appreciation", "the long walk"], home: alex).status == 0)
        #expect(runTandem(["sync"], home: alex).status == 0)
        try pair.waitInSync()
        #expect(runTandem(["sync"], home: sam).status == 0)
        #expect(runTandem(["journal", "--who", "partner"], home: sam).stdout.contains("the long walk"))

        // Both at once, then a repeated sync: each sees the other's once.
        let days = ["2026-11-18", "2026-11-19"]
        for day in days {
            runTandem(["checkin", "--connection", "6", "--appreciation", "Sam on \(day)", "--date", day], home: sam)
            runTandem(["checkin", "--connection", "9", "--appreciation", "Alex on \(day)", "--date", day], home: alex)
        }
        for home in [sam, alex] { #expect(runTandem(["sync"], home: home).status == 0) }
        try pair.waitInSync()
        for home in [sam, alex, sam, alex] { #expect(runTandem(["sync"], home: home).status == 0) }
        let samReads = runTandem(["journal", "--who", "partner"], home: sam).stdout
        let alexReads = runTandem(["journal", "--who", "partner"], home: alex).stdout
        for day in days {
            #expect(samReads.components(separatedBy: "Alex on \(day)").count == 2, "\(samReads)")
            #expect(alexReads.components(separatedBy: "Sam on \(day)").count == 2, "\(alexReads)")
        }

        // What Syncthing carried is sealed: no entry's text in the folder's bytes.
        for folder in [pair.folderA, pair.folderB] {
            let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
            for file in files {
                let bytes = String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self)
                for secret in ["the soup", "the long walk", "Sam on", "Alex on"] {
                    #expect(!bytes.contains(secret), "\(file.path) holds \(secret)")
                }
            }
        }
    }
}
