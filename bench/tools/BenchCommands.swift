import ArgumentParser
import Foundation
import TandemJournal
import TandemCatalog
import TandemKit
import TandemRuntime

/// `tandem-bench-tools journal-stress --count N`: for the fault tests. Writes N
/// notes, one transaction each, printing each id only after its commit.
struct JournalStressCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal-stress", abstract: "Write N notes, printing each id after its commit (for tests).")

    @Option(name: .long, parsing: .unconditional, help: "How many notes to write.", transform: NumberOption.whole)
    var count: Int = 100

    @Option(name: .long, help: "A label put in every note.")
    var label: String = "stress"

    @Flag(name: .long, help: "Write nothing: run PRAGMA integrity_check, count the events, and report which ids read from standard input are missing.")
    var verify = false

    @Option(name: .long, help: "Hold the write lock this many seconds (printing 'holding' once it is taken), then exit.")
    var hold: Double?

    func run(on runtime: Runtime) throws {
        let journal = try runtime.journal()
        if let hold {
            try journal.holdingWriteLock {
                runtime.environment.output.write("holding\n")
                usleep(UInt32(hold * 1_000_000))
            }
            return
        }
        if verify {
            var missing = 0
            while let line = readLine() {
                let text = line.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { continue }
                guard let id = UUID(uuidString: text), try journal.contains(eventID: id) else {
                    missing += 1
                    runtime.environment.output.write("missing \(text)\n")
                    continue
                }
            }
            runtime.environment.output.write("integrity \(try journal.integrityCheck())\nevents \(try journal.eventCount())\nmissing \(missing)\n")
            return
        }
        for index in 1...max(1, count) {
            let event = try journal.addNote("\(label) \(index)", tags: ["stress"])
            runtime.environment.output.write(event.id.uuidString.lowercased() + "\n")
        }
    }
}

/// `tandem-bench-tools journal-generate --years 10 --habits 20`: for the
/// benchmark. Fills an empty journal with a synthetic history ending today.
struct JournalGenerateCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal-generate", abstract: "Write a synthetic multi-year journal into an empty one (for benchmarks).")

    @Option(name: .long, parsing: .unconditional, help: "Years of history.", transform: NumberOption.whole)
    var years: Int = 10

    @Option(name: .long, parsing: .unconditional, help: "How many habits.", transform: NumberOption.whole)
    var habits: Int = 20

    @Option(name: .long, parsing: .unconditional, help: "Random seed.", transform: NumberOption.whole)
    var seed: UInt64 = 1

    func run(on runtime: Runtime) throws {
        guard (1...100).contains(years) else { throw CommandFailure("--years must be 1 to 100, not \(years)") }
        guard (1...100).contains(habits) else { throw CommandFailure("--habits must be 1 to 100, not \(habits)") }
        let journal = try runtime.journal()
        let existing = try journal.eventCount()
        guard existing == 0 else {
            throw CommandFailure("\(journal.url.path) holds \(existing) events; journal-generate writes only into an empty journal")
        }
        let written = try journal.generateSynthetic(years: years, habits: habits, seed: seed)
        runtime.environment.output.write("Wrote \(written) events; the journal holds \(try journal.eventCount()).\n")
    }
}

/// The test and benchmark helpers, kept out of the `tandem` product.
struct BenchTools: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tandem-bench-tools",
        abstract: "Helpers for Tandem's tests and benchmarks (not part of tandem): they write into $TANDEM_HOME's journal.",
        subcommands: [JournalStressCommand.self, JournalGenerateCommand.self])
}

@main
enum Main {
    static func main() {
        guard let runtime = Runtime.launch(
            "tandem-bench-tools", registry: ModuleRegistry(moduleTypes: []),
            commands: [JournalStressCommand.self, JournalGenerateCommand.self])
        else { exit(ExitStatus.usage) }
        exit(runtime.execute(BenchTools.self, arguments: Array(CommandLine.arguments.dropFirst()), messagePrefix: "tandem-bench-tools: "))
    }
}
