import ArgumentParser
import TandemRuntime

/// `tandem schedule install [--systemd | --cron] [--tandem PATH] [--dry-run]`
struct ScheduleInstallCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install every schedule and habit reminder as a timer that runs tandem remind.",
        discussion: """
            systemd (the default where the user manager answers): a tandem-NAME.timer and \
            tandem-NAME.service per reminder in $XDG_CONFIG_HOME/systemd/user (~/.config/systemd/user), \
            OnCalendar= in the reminder's zone (yours when it names none), Persistent=true so a \
            time missed while the machine slept reminds once on wake; then daemon-reload and enable \
            --now. Where the user manager is not running, the files are written and tandem says how \
            to enable them; loginctl enable-linger $USER keeps timers running when you are logged out.

            cron (--cron, or where only crontab is there): lines between '# BEGIN tandem' and '# END \
            tandem' in your crontab, with this session's bus address so notifications reach the \
            desktop; the rest of the crontab stays as it is. cron does not catch up missed runs.

            Running it again changes only what differs from the routines, and removes timers whose \
            schedule is gone. The timers run this tandem by its path, which must not be a build \
            folder's: run scripts/install first (~/.local/bin/tandem), or name one with --tandem \
            (or TANDEM_INSTALLED_BINARY). Your TZ, and TANDEM_HOME (or XDG_DATA_HOME and \
            XDG_STATE_HOME) as set, are passed on to the timers.
            """)

    @OptionGroup var backend: TimerBackendOptions

    @Option(help: ArgumentHelp("The installed tandem the timers run (default: this one, unless it runs from a build folder).", valueName: "path"))
    var tandem: String?

    @Flag(help: "Print what would be written, and change nothing.")
    var dryRun = false

    func run(on runtime: Runtime) throws {
        let report = try runtime.installTimers(backend: backend.backend, tandem: tandem, dryRun: dryRun)
        for line in report.lines { runtime.environment.output.write(line + "\n") }
    }
}
