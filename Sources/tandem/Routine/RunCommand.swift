import ArgumentParser
import Foundation
import TandemCatalog
import TandemKit
import TandemRuntime
import TandemRoutine

/// `tandem run FILE|NAME [ROUTINE [ARG…]] [--dry-run] [--no-wait] [--seed N]`
struct RunCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Check a routine file, then run it.",
        discussion: """
            Runs the file's top-level statements, then the routine named like the file
            (evening in evening.routine) unless it needs arguments, or ROUTINE with the
            ARGs when given, and prints what ROUTINE returns, if anything. An ARG such
            as 3, -7, 2.5, true, false or 20m is that number, boolean or duration; "42"
            in quotes and anything else is text (put -- before a negative number). NAME
            without a path is looked for as ./NAME, ./NAME.routine, then NAME.routine in
            the routines folder. Exit codes: 0 done, 1 runtime error, 2 check or usage
            error (nothing ran), 130 interrupted.
            """)

    @Argument(help: "A .routine file, or the name of a saved routine.")
    var file: String

    @Argument(help: "The routine to run instead of the one named like the file.")
    var routine: String?

    @Argument(help: "The arguments to pass to ROUTINE.")
    var arguments: [String] = []

    @Flag(name: .long, help: "Run without writing to the journal.")
    var dryRun = false

    @Flag(name: .long, help: "Finish timers at once.")
    var noWait = false

    @OptionGroup var seedOptions: SeedOptions

    func run(on runtime: Runtime) throws {
        let path = try RoutineFiles.resolve(file, runtime.environment)
        let program = RoutineProgram.load(path: path)
        let routineHost = JournalRoutineHost(runtime: runtime, seed: seedOptions.seed, dryRun: dryRun, waitsForTimers: !noWait)
        RoutineInterrupt.installSignalHandler()
        let session = RoutineSession(registry: runtime.registry, host: routineHost)
        session.keepValuesUntilExit()  // the process exits next
        let outcome = session.run(program, entry: .commandLine(routine: routine, arguments: arguments))
        if let failure = RoutineFailure(outcome) { throw failure }
        // `tandem run fib.routine fib 10` shows what fib returned, as say would.
        if case .success(let value?) = outcome { runtime.environment.output.write(value.displayText.terminalSafeLines + "\n") }
    }
}
