import Foundation
import Testing

/// Hostile and broken files: exports, the journal file, the home folder.
@Suite struct ExportFileTests {
    let home = makeTemporaryHome("tandem-export-files")
    var journal: URL { home.appendingPathComponent("journal.sqlite") }

    func run(_ args: [String]) -> TandemRun { runTandem(args, home: home) }

    func notes() -> String { run(["journal"]).stdout }

    @Test func neverReplacesTheJournalOrItsWalAndShm() throws {
        #expect(run(["note", "our first trip"]).status == 0)
        for target in [journal.path, journal.path + "-wal", journal.path + "-shm", "\(home.path)/./journal.sqlite"] {
            let result = run(["export", "--output", target, "--force"])
            #expect(result.status == 1, "\(target): \(result.stderr)")
            #expect(result.stderr.contains("is the journal itself"), "\(result.stderr)")
        }
        // Through a link to the folder, and through a relative path.
        let alias = makeTemporaryHome("tandem-export-alias").appendingPathComponent("home")
        try FileManager.default.createSymbolicLink(atPath: alias.path, withDestinationPath: home.path)
        #expect(run(["export", "--output", alias.appendingPathComponent("journal.sqlite").path, "--force"]).status == 1)
        let relative = runTandem(["export", "--output", "journal.sqlite", "--force"], home: home, directory: home)
        #expect(relative.stderr.contains("is the journal itself"), "\(relative.stderr)")
        #expect(notes().contains("our first trip"))
        #expect(run(["stats"]).status == 0)
    }

    @Test func neverWritesThroughALinkOrOntoADevice() throws {
        #expect(run(["note", "private"]).status == 0)
        let stdoutLink = home.appendingPathComponent("stdout")
        let device = makePrivateDevice(in: makeTemporaryHome("tandem-device"))
        try FileManager.default.createSymbolicLink(atPath: stdoutLink.path, withDestinationPath: device.path)
        let outside = home.appendingPathComponent("outside.json")
        try Data("theirs".utf8).write(to: outside)
        let link = home.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: outside.path)
        for target in [stdoutLink.path, link.path] {
            let result = run(["export", "--output", target, "--force"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("is a symbolic link"), "\(result.stderr)")
            #expect(result.stderr.contains("--output -"))
            #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: target)) != nil)
        }
        #expect(try Data(contentsOf: outside) == Data("theirs".utf8))
        let onDevice = run(["export", "--output", device.path, "--force"])
        #expect(onDevice.status == 1)
        #expect(onDevice.stderr.contains("is a device"), "\(onDevice.stderr)")
        #expect(PrivateKind.isDevice(device.path))
        let folder = run(["export", "--output", home.path])
        #expect(folder.status == 1)
        #expect(folder.stderr.contains("is a folder"))
    }

    @Test func dashIsStandardOutputAndAnExistingFileNeedsForce() throws {
        #expect(run(["note", "kept"]).status == 0)
        let dash = run(["export", "--output", "-"])
        #expect(dash.status == 0)
        #expect(dash.stdout.contains("\"kept\""))
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("-").path))
        let backup = home.appendingPathComponent("backup.json")
        try Data("older backup".utf8).write(to: backup)
        let refused = run(["export", "--output", backup.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("exists; add --force to replace it"), "\(refused.stderr)")
        #expect(try Data(contentsOf: backup) == Data("older backup".utf8))
        let forced = run(["export", "--output", backup.path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: backup, encoding: .utf8).contains("\"kept\""))
        let mode = try FileManager.default.attributesOfItem(atPath: backup.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}

enum PrivateKind {
    /// Whether `path` is still a device or FIFO (not replaced by a file).
    static func isDevice(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && [S_IFCHR, S_IFIFO].contains(info.st_mode & S_IFMT)
    }
}

/// The journal file and the home folder: links, devices, shared folders.
@Suite struct JournalFileTests {
    let home = makeTemporaryHome("tandem-journal-files")
    var journal: URL { home.appendingPathComponent("journal.sqlite") }

    func run(_ args: [String], home: URL? = nil) -> TandemRun { runTandem(args, home: home ?? self.home) }

    func contents(_ folder: URL) -> Set<String> { Set((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []) }

    @Test func aDanglingJournalLinkIsRefusedAndNothingIsCreatedAtItsTarget() throws {
        let elsewhere = makeTemporaryHome("tandem-link-target")
        let target = elsewhere.appendingPathComponent("journal.sqlite")
        try FileManager.default.createSymbolicLink(atPath: journal.path, withDestinationPath: target.path)
        let result = run(["note", "secret"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is a symbolic link; Tandem opens its journal only as a real file"), "\(result.stderr)")
        #expect(contents(elsewhere).isEmpty)
        #expect(contents(home) == ["journal.sqlite"])
    }

    @Test func aJournalLinkToADeviceIsRefusedAndTheDeviceIsUntouched() throws {
        let devices = makeTemporaryHome("tandem-device")
        let device = makePrivateDevice(in: devices)
        try FileManager.default.createSymbolicLink(atPath: journal.path, withDestinationPath: device.path)
        let before = try FileManager.default.attributesOfItem(atPath: device.path)[.posixPermissions] as? Int
        let result = run(["note", "secret"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("symbolic link"))
        #expect(try FileManager.default.attributesOfItem(atPath: device.path)[.posixPermissions] as? Int == before)
        #expect(contents(home) == ["journal.sqlite"])
        #expect(contents(devices) == ["mynull"])
    }

    @Test func aSharedFolderKeepsItsModeAndIsRefused() throws {
        let shared = makeTemporaryHome("tandem-shared")
        chmod(shared.path, 0o1777)
        let result = run(["note", "secret"], home: shared)
        #expect(result.status == 1)
        #expect(result.stderr.contains("can be written by other users (mode 1777)"), "\(result.stderr)")
        #expect(result.stderr.contains("TANDEM_HOME"))
        #expect(result.stderr.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 1)
        let mode = try FileManager.default.attributesOfItem(atPath: shared.path)[.posixPermissions] as? Int
        #expect(mode == 0o1777)
        #expect(contents(shared).isEmpty)
        // A folder others can read but not write is the user's to choose: the journal in it is 0600.
        chmod(home.path, 0o755)
        #expect(run(["note", "fine"]).status == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: home.path)[.posixPermissions] as? Int == 0o755)
        #expect(try FileManager.default.attributesOfItem(atPath: journal.path)[.posixPermissions] as? Int == 0o600)
    }

    @Test func aDanglingOrLoopingHomeLinkGetsOneSentence() throws {
        let root = makeTemporaryHome("tandem-home-links")
        let dangling = root.appendingPathComponent("home")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: root.appendingPathComponent("gone").path)
        let loop = root.appendingPathComponent("loop")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: loop.path)
        for folder in [dangling, loop] {
            let result = run(["note", "secret"], home: folder)
            #expect(result.status == 1)
            #expect(result.stderr.contains("nothing was lost"), "\(result.stderr)")
            #expect(!result.stderr.contains("Code="), "\(result.stderr)")
        }
        #expect(contents(root) == ["home", "loop"])
    }

    @Test func readOnlyCommandsCreateNoJournal() throws {
        for args in [["promise", "list"], ["done", "daily.gratitude"], ["undo", "daily.gratitude"], ["drop", "daily.gratitude"],
                     ["skip", "daily.gratitude"], ["today"], ["stats"], ["journal"], ["profile"], ["export"]] {
            let result = run(args)
            #expect(!FileManager.default.fileExists(atPath: journal.path), "\(args) created the journal")
            if args.first == "done" { #expect(result.stderr.contains("is not an adopted habit"), "\(result.stderr)") }
        }
    }
}

/// A disk that is read-only or full: reading works, writing says what happened, nothing is lost.
@Suite(.serialized, .enabled(if: canMountTinyDisk, "needs root to mount a tmpfs"))
struct JournalDiskTests {
    @Test func aReadOnlyHomeStillReadsAndRefusesWritesInOneSentence() throws {
        let disk = try #require(mountTinyDisk())
        defer { unmountTinyDisk(disk) }
        #expect(runTandem(["note", "written before"], home: disk).status == 0)
        #expect(runTandem(["profile", "set", "--my-name", "Alex"], home: disk).status == 0)
        try checkReadOnly(disk)
        // A clean close (here by the sqlite3 tool) removes the -wal and -shm files.
        let journal = disk.appendingPathComponent("journal.sqlite").path
        if FileManager.default.fileExists(atPath: "/usr/bin/sqlite3") {
            runTool("/bin/mount", ["-o", "remount,rw", disk.path])
            #expect(runTool("/usr/bin/sqlite3", [journal, "PRAGMA wal_checkpoint(TRUNCATE)"]) == 0)
            #expect(!FileManager.default.fileExists(atPath: journal + "-shm"))
            try checkReadOnly(disk)
        }
    }

    func checkReadOnly(_ disk: URL) throws {
        #expect(runTool("/bin/mount", ["-o", "remount,ro", disk.path]) == 0)
        for args in [["stats"], ["journal"], ["today"], ["profile"], ["export"]] {
            let result = runTandem(args, home: disk)
            #expect(result.status == 0, "\(args): \(result.stderr)")
        }
        #expect(runTandem(["journal"], home: disk).stdout.contains("written before"))
        #expect(runTandem(["profile"], home: disk).stdout.contains("Alex"))
        let note = runTandem(["note", "lost?"], home: disk)
        #expect(note.status == 1)
        #expect(note.stderr.contains("is read-only here"), "\(note.stderr)")
        #expect(note.stderr.contains("nothing in the journal was lost"))
        #expect(!note.stderr.contains("Code="))
        #expect(note.stderr.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 1, "\(note.stderr)")
    }

    @Test func aFullDiskSaysSoAndLosesNothing() throws {
        let disk = try #require(mountTinyDisk(kilobytes: 2048))
        defer { unmountTinyDisk(disk) }
        #expect(runTandem(["note", "kept"], home: disk).status == 0)
        let filler = disk.appendingPathComponent("filler")
        let descriptor = open(filler.path, O_WRONLY | O_CREAT, 0o600)
        let block = [UInt8](repeating: 0, count: 4096)
        while block.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) > 0 {}
        close(descriptor)
        let big = String(repeating: "words ", count: 15_000)  // within a note's 100,000 characters
        let note = runTandem(["note", big], home: disk)
        #expect(note.status == 1)
        #expect(note.stderr.contains("nothing in the journal was lost"), "\(note.stderr)")
        #expect(!note.stderr.contains("PRAGMA"))
        try FileManager.default.removeItem(at: filler)
        let journal = runTandem(["journal"], home: disk)
        #expect(journal.stdout.contains("kept"), "\(journal.stderr)")
        #expect(runTandem(["note", "after"], home: disk).status == 0)
    }
}

/// A writer that finds the journal busy waits and says so; its entry is never dropped.
@Suite struct JournalWaitTests {
    @Test func aNoteWaitsForALongWriteAndIsKept() throws {
        let home = makeTemporaryHome("tandem-wait")
        #expect(runTandem(["note", "first"], home: home).status == 0)
        let (holder, output) = try startTandem(["journal-stress", "--hold", "6.5"], home: home, binary: benchToolsBinaryURL())
        let collector = JournalFaultTests.LineCollector(output)
        let deadline = Date().addingTimeInterval(20)
        while collector.lines.isEmpty, Date() < deadline { usleep(10_000) }
        #expect(collector.lines == ["holding"])
        let started = Date()
        let note = runTandem(["note", "while they import"], home: home)
        #expect(note.status == 0, "\(note.stderr)")
        #expect(note.stderr.contains("waiting for another tandem"), "\(note.stderr)")
        #expect(Date().timeIntervalSince(started) > 4)
        holder.waitUntilExit()
        #expect(runTandem(["journal"], home: home).stdout.contains("while they import"))
    }
}
