import ArgumentParser
import Foundation
import TandemJournal
import TandemKit
import TandemRuntime

extension ExportFormat: ExpressibleByArgument {}

/// `tandem export --format json|csv [--output FILE]`
struct ExportCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the whole journal as JSON or CSV (every event, losslessly).",
        discussion: "With --output the file is written atomically with mode 0600: it holds intimate data.")

    @Option(name: .long, help: "json or csv.")
    var format: ExportFormat = .json

    @Option(name: .long, help: "Write to this file instead of standard output.")
    var output: String?

    func run(on runtime: Runtime) throws {
        let data: Data
        if let journal = try runtime.existingJournal() {
            data = try journal.export(format: format)
        } else {
            data = try JournalExport.empty(format: format)
        }
        guard let output else {
            FileHandle.standardOutput.write(data)
            return
        }
        let url = URL(fileURLWithPath: output)
        try JournalExport.writeAtomically(data, to: url)
        runtime.environment.errors.write("Wrote \(url.path) (mode 0600).\n")
    }
}
