import Foundation
import TandemKit

/// A shared folder that is a git work tree: `tandem sync` commits this
/// device's new lines, pulls with rebase and pushes, through the `git`
/// command (so the person's own git setup, keys and remotes apply).
struct GitFolder {
    let root: URL

    /// The work tree at `folder`, or `nil` when it is not one (or git is missing).
    init?(_ folder: URL) {
        root = folder
        guard let result = try? run(["rev-parse", "--show-toplevel"]), result.status == 0 else { return nil }
    }

    /// Commits, pulls and pushes; returns what it did, one line each.
    func sync(device: String) throws -> String {
        var out = ""
        try check(run(["add", "--", "couple.json", "logs/\(device)"]), doing: "add this device's files")
        let staged = try run(["diff", "--cached", "--quiet"])
        if staged.status == 1 {
            // No personal data in the history: the commits' author is Tandem, the message a device id.
            try check(
                run(["-c", "user.name=tandem", "-c", "user.email=tandem@localhost", "commit", "--quiet", "--no-verify",
                     "-m", "tandem: lines of device \(device.prefix(8))"]),
                doing: "commit")
            out += "Committed this device's new lines.\n"
        }
        let remotes = try run(["remote"])
        guard remotes.status == 0, !remotes.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return out + "The shared folder is a git work tree without a remote: nothing to pull or push.\n"
        }
        let upstream = try run(["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"])
        if upstream.status == 0 {
            try check(run(["-c", "user.name=tandem", "-c", "user.email=tandem@localhost", "pull", "--rebase", "--quiet"]), doing: "pull")
            out += "Pulled.\n"
            try check(run(["push", "--quiet"]), doing: "push")
        } else {
            // A first push: the branch has no upstream yet.
            let remote = remotes.output.split(separator: "\n").first.map(String.init) ?? "origin"
            let branch = try run(["rev-parse", "--abbrev-ref", "HEAD"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
            let fetch = try run(["fetch", "--quiet", remote])
            try check(fetch, doing: "fetch from \(remote)")
            if try run(["rev-parse", "--verify", "--quiet", "\(remote)/\(branch)"]).status == 0 {
                try check(run(["-c", "user.name=tandem", "-c", "user.email=tandem@localhost", "pull", "--rebase", "--quiet", remote, branch]), doing: "pull")
                out += "Pulled.\n"
            }
            try check(run(["push", "--quiet", "--set-upstream", remote, branch]), doing: "push")
        }
        return out + "Pushed.\n"
    }

    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    func check(_ result: Result, doing what: String) throws {
        guard result.status != 0 else { return }
        let said = result.errors.trimmingCharacters(in: .whitespacesAndNewlines)
        throw CommandFailure(
            "git could not \(what) in \(root.path) (your entries are saved in the journal and the folder; run tandem sync again later)"
                + (said.isEmpty ? "" : ". git said:\n" + said),
            exitCode: ExitStatus.runtimeError)
    }

    func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // Never stop to ask for a password: say what failed instead.
        process.arguments = ["GIT_TERMINAL_PROMPT=0", "git", "-C", root.path] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw CommandFailure("cannot run git: \(error)", exitCode: ExitStatus.runtimeError)
        }
        // Both pipes are drained at once, so a chatty git cannot fill one and stall.
        let collected = Collected()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            collected.set(output.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let outputData = collected.data
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self), errors: String(decoding: errorData, as: UTF8.self))
    }
}

/// Standard output of git, read on another thread.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = Data()
    func set(_ data: Data) { lock.withLock { stored = data } }
    var data: Data { lock.withLock { stored } }
}
