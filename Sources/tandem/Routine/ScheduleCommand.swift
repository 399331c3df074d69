import ArgumentParser
import TandemRuntime

/// `tandem schedule [list|install|remove|status|export]`: without a subcommand, the list.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Show when each scheduled routine and habit reminder comes next, and install them as timers.",
        discussion: """
            Without a subcommand, tandem schedule lists the reminders (tandem schedule list). \
            tandem schedule install turns every schedule of the saved routines and every habit \
            reminder into a systemd user timer (or crontab lines), which runs tandem remind NAME at \
            its time; status compares what is installed with the routines; remove deletes only \
            what tandem wrote; export --ics writes them as a calendar for a phone.
            """,
        subcommands: [ScheduleListCommand.self, ScheduleInstallCommand.self, ScheduleStatusCommand.self, ScheduleRemoveCommand.self, ScheduleExportCommand.self],
        defaultSubcommand: ScheduleListCommand.self)
}

/// `--systemd` or `--cron`, for the schedule subcommands that install or remove timers.
struct TimerBackendOptions: ParsableArguments {
    @Flag(help: "Systemd user timers (install's default where the systemd user manager answers).")
    var systemd = false

    @Flag(help: "The crontab (install's default where the user manager does not answer and crontab is there).")
    var cron = false

    func validate() throws {
        if systemd && cron { throw ValidationError("choose one of --systemd and --cron") }
    }

    /// The backend named, or `nil` for the default.
    var backend: TimerBackend? { systemd ? .systemd : cron ? .cron : nil }
}
