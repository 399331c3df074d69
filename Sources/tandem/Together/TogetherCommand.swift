import ArgumentParser
import Foundation
import TandemJournal
import TandemKit
import TandemRuntime
import TandemSystem

/// `tandem together init|join|status|leave`
struct TogetherCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "together",
        abstract: "Share the journal with your partner through a folder that Syncthing, git or any synced folder carries.",
        discussion: """
            Each of you keeps your own journal; the shared folder carries what you share, encrypted
            with a key that only your pairing code opens. Shared: habits, marks, check-ins,
            promises and answers to the daily question. Notes stay on this machine unless written
            with --share. Cards drawn stay on this machine.
            """,
        subcommands: [TogetherInitCommand.self, TogetherJoinCommand.self, TogetherStatusCommand.self, TogetherLeaveCommand.self])
}

/// What the together commands share.
enum Together {
    /// FOLDER as an absolute path, from the current folder.
    static func folderURL(_ path: String, _ runtime: Runtime) -> URL {
        let expanded = (path as NSString).expandingTildeInPath
        let url = expanded.hasPrefix("/")
            ? URL(fileURLWithPath: expanded, isDirectory: true)
            : runtime.environment.currentDirectory.appendingPathComponent(expanded, isDirectory: true)
        return url.standardizedFileURL
    }

    /// Refuses a journal that shares a folder already.
    static func refuseIfSharing(_ journal: Journal) throws {
        if let settings = try journal.sharingSettings() {
            throw CommandFailure(
                "this journal shares \(settings.folder.terminalSafe) already; to change folders, first: tandem together leave",
                exitCode: ExitStatus.refused)
        }
    }

    /// "Sam", from the profile, or a failure asking for --name.
    static func myName(_ given: String?, _ journal: Journal) throws -> String {
        if let given { return try Journal.checkedLine(given, what: "your name") }
        if let name = try journal.profile().myName { return name }
        throw CommandFailure("say what your partner should call you: --name NAME (or set it first: tandem profile set --my-name NAME)")
    }

    static let sharedSummary = "Shared: habits, marks, check-ins, promises and answers to the daily question. "
        + "Notes stay on this machine unless you write them with --share."

    /// "Wrote 12 of your entries to the folder."
    static func report(_ result: (ingest: IngestSummary, publish: CoupleSync.PublishSummary)?, partner: String) -> String {
        guard let result else { return "" }
        var lines: [String] = []
        func entries(_ count: Int) -> String { count == 1 ? "1 entry" : "\(count) entries" }
        if result.ingest.added > 0 { lines.append("Read \(entries(result.ingest.added)) from the folder.") }
        if result.publish.written > 0 { lines.append("Wrote \(entries(result.publish.written)) of yours to the folder.") }
        return lines.map { $0 + "\n" }.joined()
    }
}
