import ArgumentParser
import Foundation
import TandemJournal
import TandemKit
import TandemRuntime
import TandemSystem

extension ExportFormat: ExpressibleByArgument {}

/// `tandem export --format json|csv [--output FILE|-] [--force]`
struct ExportCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the whole journal as JSON or CSV (every event, losslessly).",
        discussion: """
            With --output the file is written atomically with mode 0600: it holds intimate data. \
            It is never written through a symbolic link, onto a device or folder, or over the \
            journal itself; an existing file is replaced only with --force.
            """)

    @Option(name: .long, help: "json or csv.")
    var format: ExportFormat = .json

    @Option(name: .long, help: "Write to this file instead of standard output (- for standard output).")
    var output: String?

    @Flag(name: .long, help: "Replace the --output file if it exists.")
    var force = false

    func run(on runtime: Runtime) throws {
        let target = output.flatMap { $0 == "-" ? nil : URL(fileURLWithPath: $0, relativeTo: runtime.environment.currentDirectory) }
        if let target { try Self.refuseJournal(target, journal: runtime.environment.journalURL) }
        let data: Data
        if let journal = try runtime.existingJournal() {
            data = try journal.export(format: format)
        } else {
            data = try JournalExport.empty(format: format)
        }
        guard let target else {
            FileHandle.standardOutput.write(data)
            return
        }
        try PrivateFile.writeOutput(data, to: target, replacing: force, refusal: "nothing was exported")
        runtime.environment.errors.write("Wrote \(target.path.terminalSafe) (mode 0600).\n")
    }

    /// Refuses the journal and its `-wal`/`-shm` files as an export target,
    /// by path (its folder's symbolic links resolved) and by file identity.
    static func refuseJournal(_ target: URL, journal: URL) throws {
        func resolved(_ url: URL) -> String {
            url.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent).path
        }
        func identity(_ path: String) -> (dev_t, ino_t)? {
            var info = stat()
            return stat(path, &info) == 0 ? (info.st_dev, info.st_ino) : nil
        }
        let targetPath = resolved(target)
        let targetIdentity = identity(target.path)
        for suffix in ["", "-wal", "-shm"] {
            let path = resolved(journal) + suffix
            let same = identity(path).map { journalFile in targetIdentity.map { $0 == journalFile } ?? false } ?? false
            if targetPath == path || same {
                throw CommandFailure(
                    "\(target.path) is the journal itself\(suffix.isEmpty ? "" : " (its \(suffix) file)"); nothing was exported. "
                        + "Choose another --output file.",
                    exitCode: ExitStatus.refused)
            }
        }
    }
}

extension PrivateFile {
    /// Writes a command's `--output` file (atomically, mode 0600), or
    /// refuses with exit code 2 and what to do instead: `refusal` starts the
    /// message ("nothing was exported").
    static func writeOutput(_ data: Data, to target: URL, replacing: Bool, refusal: String) throws {
        do {
            try write(data, to: target, replacing: replacing)
        } catch {
            var message = "\(error)"
            switch error.problem {
            case .exists: message += "; add --force to replace it, or choose another --output"
            case .symbolicLink, .special: message += "; use --output - to write to standard output"
            case .folder: message += "; give a file name inside it"
            case .system: break
            }
            throw CommandFailure(refusal + ": " + message, exitCode: ExitStatus.refused)
        }
    }
}
