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
        try FileManager.default.createSymbolicLink(atPath: stdoutLink.path, withDestinationPath: "/dev/null")
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
