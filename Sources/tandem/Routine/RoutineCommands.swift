import ArgumentParser
import TandemRuntime

/// The routine language's subcommands, in the order `tandem --help` lists them.
enum RoutineCommands {
    static let all: [any ParsableCommand.Type] = [
        RunCommand.self, CheckCommand.self, RoutinesCommand.self, ScheduleCommand.self,
    ]
}
