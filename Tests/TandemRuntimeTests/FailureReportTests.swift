import ArgumentParser
import Foundation
import TandemCatalog
import TandemKit
import TandemRoutine
import TandemRuntime
import Testing

/// A root command for usage errors, with one subcommand.
struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sample", subcommands: [Leaf.self])
    struct Leaf: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "leaf")
        @Option var count: Int = 1
    }
}

@Suite("One mapping from errors to messages and exit codes")
struct FailureReportTests {
    @Test func commandFailuresKeepTheirCode() {
        let usage = FailureReport(CommandFailure("bad date"), command: Sample.self)
        #expect(usage.exitCode == 2)
        #expect(usage.rendered(prefix: "tandem: ") == "tandem: error: bad date\n")
        #expect(FailureReport(CommandFailure("disk full", exitCode: 1), command: Sample.self).exitCode == 1)
    }

    @Test func unknownIdsAreUsageErrors() {
        let report = FailureReport(LookupError(kind: "practice", name: "x", suggestions: ["y"]), command: Sample.self)
        #expect(report.exitCode == 2)
        #expect(report.body == .message("unknown practice 'x' (did you mean 'y'?)"))
    }

    @Test func routinesFailWithTheirOwnCodes() throws {
        let program = RoutineProgram.parse("say nope", name: "bad.routine")
        let diagnostics = RoutineSession.check(program, registry: ModuleRegistry(moduleTypes: []))
        let check = try #require(RoutineFailure(.checkFailed(diagnostics)))
        let report = FailureReport(check, command: Sample.self)
        #expect(report.exitCode == 2)
        #expect(report.rendered(prefix: "tandem: ").contains("bad.routine:1:5: error:"))
        #expect(report.rendered(prefix: "tandem: ").hasSuffix("1 error found; nothing ran.\n"))
        let diagnostic = try #require(diagnostics.first)
        #expect(FailureReport(RoutineFailure(.runtimeError(diagnostic))!, command: Sample.self).exitCode == 1)
        let interrupted = FailureReport(RoutineFailure(.interrupted(diagnostic))!, command: Sample.self)
        #expect(interrupted.exitCode == 130)
        #expect(interrupted.rendered(prefix: "") == "\ntandem: interrupted at bad.routine:1:5\n")
        #expect(RoutineFailure(.success(nil)) == nil)
    }

    @Test func argumentParserUsageIsTwoAndHelpIsZero() throws {
        let usageError = try #require(#expect(throws: (any Error).self) { try Sample.parseAsRoot(["leaf", "--count", "many"]) })
        let usage = FailureReport(usageError, command: Sample.self)
        #expect(usage.exitCode == 2)
        #expect(!usage.isHelp)
        // A help request parses as ArgumentParser's help command, which throws when run.
        var helpCommand = try Sample.parseAsRoot(["help", "leaf"])
        let helpRequest = try #require(#expect(throws: (any Error).self) { try helpCommand.run() })
        let help = FailureReport(helpRequest, command: Sample.self)
        #expect(help.exitCode == 0)
        #expect(help.isHelp)
        #expect(help.rendered(prefix: "").contains("USAGE: sample leaf"))
    }

    @Test func anythingElseIsOne() {
        struct Odd: Error, CustomStringConvertible { var description: String { "the disk is full" } }
        let report = FailureReport(Odd(), command: Sample.self)
        #expect(report.exitCode == 1)
        #expect(report.rendered(prefix: "tandem: ") == "tandem: error: the disk is full\n")
        #expect(FailureReport(ExitCode(130), command: Sample.self).exitCode == 130)
    }

    @Test func unknownSubcommandsAreRefusedWithASuggestion() {
        let (runtime, _, errors) = makeRuntime()
        #expect(runtime.execute(Sample.self, arguments: ["lef"]) == 2)
        #expect(errors.text == "tandem: error: unknown command 'lef' (did you mean 'leaf'?); see 'sample --help'\n")
        #expect(runtime.execute(Sample.self, arguments: ["help", "lef"]) == 2)
        #expect(runtime.execute(Sample.self, arguments: ["help", "leaf"]) == 0)
    }
}
