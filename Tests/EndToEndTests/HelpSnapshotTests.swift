import Foundation
import Testing

/// Snapshot tests of `--help`, as swift-argument-parser tests its own help:
/// help text is part of the interface, so a change to it shows up in review.
/// Record anew with `TANDEM_RECORD_SNAPSHOTS=1 scripts/test --filter HelpSnapshot`.
@Suite struct HelpSnapshotTests {
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let home = makeTemporaryHome("tandem-help")

    /// The subcommands `tandem --help` lists, then those of each command
    /// group (`schedule install`, `together init`, …).
    func subcommands() -> [String] {
        var commands: [String] = []
        for command in listed(in: runTandem(["--help"], environment: ["COLUMNS": "80"], home: home).stdout) {
            commands.append(command)
            let help = runTandem(["help", command], environment: ["COLUMNS": "80"], home: home).stdout
            commands += listed(in: help).map { command + " " + $0 }
        }
        return commands
    }

    /// The names a help text's SUBCOMMANDS section lists.
    func listed(in help: String) -> [String] {
        guard let section = help.range(of: "SUBCOMMANDS:\n") else { return [] }
        return help[section.upperBound...].split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), !line.contains("See 'tandem help") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }
    }

    @Test func rootAndEverySubcommandMatchTheirSnapshots() throws {
        let commands = subcommands()
        #expect(commands.contains("modules"))
        let record = ProcessInfo.processInfo.environment["TANDEM_RECORD_SNAPSHOTS"] == "1"
        for command in [""] + commands {
            let arguments = command.isEmpty ? ["--help"] : ["help"] + command.split(separator: " ").map(String.init)
            let run = runTandem(arguments, environment: ["COLUMNS": "80"], home: home)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            let file = Self.snapshots.appendingPathComponent("help-\(command.isEmpty ? "tandem" : command.replacingOccurrences(of: " ", with: "-")).txt")
            if record {
                try run.stdout.write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try? String(contentsOf: file, encoding: .utf8)
            #expect(expected != nil, "no snapshot \(file.lastPathComponent); record with TANDEM_RECORD_SNAPSHOTS=1")
            if let expected { #expect(run.stdout == expected, "help for '\(command)' changed") }
        }
    }
}
