import ArgumentParser
import Foundation
import TandemJournal
import TandemKit
import TandemRuntime

/// `tandem sync`
struct SyncCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Read your partner's new entries from the shared folder and write yours; with git, also commit, pull and push.",
        discussion: """
            Every command already does the folder part on its own. When the shared folder is a git
            work tree, sync also commits this device's new files, pulls with rebase and pushes,
            through the git command (commits name no one: their author is "tandem").
            """)

    func run(on runtime: Runtime) throws {
        guard let journal = try runtime.existingJournal(), let settings = try journal.sharingSettings() else {
            throw CommandFailure("this journal is not sharing a folder; start with: tandem together init FOLDER (or join FOLDER)")
        }
        var result = try runtime.syncNow()
        let folder = URL(fileURLWithPath: settings.folder, isDirectory: true)
        var out = ""
        if let git = GitFolder(folder) {
            out += try git.sync(device: journal.device)
            // What the pull brought in.
            if let after = try runtime.syncNow() { result?.ingest.added += after.ingest.added }
        }
        let partner = (try journal.profile().partnerName ?? "your partner").terminalSafe
        let report = Together.report(result, partner: partner)
        out += report.isEmpty ? "Up to date with \(partner).\n" : report
        runtime.environment.output.write(out)
    }
}
