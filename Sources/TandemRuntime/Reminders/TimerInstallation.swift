import Foundation
import TandemKit
import TandemSystem

/// Where installed reminders live: systemd user timers, or the user's crontab.
public enum TimerBackend: String, Sendable, Hashable, CaseIterable, Codable {
    /// `tandem-NAME.timer` and `.service` units in the user's systemd folder.
    case systemd
    /// A managed block in the user's crontab.
    case cron
}

/// How one reminder's timer stands against the routines.
public struct TimerStatus: Sendable, Hashable {
    /// Installed and as the routines say, out of date, not installed, or
    /// installed for a schedule that is gone.
    public enum State: String, Sendable, Hashable, Codable {
        /// Installed as `tandem schedule install` would write it now.
        case current
        /// Installed, but the routine (or the tandem path, or the zone) changed since.
        case outOfDate
        /// A reminder with no timer installed.
        case missing
        /// A timer Tandem installed whose reminder is gone.
        case stale

        /// "up to date", "out of date", "missing", "stale".
        public var text: String {
            switch self {
            case .current: "up to date"
            case .outOfDate: "out of date"
            case .missing: "missing"
            case .stale: "stale"
            }
        }
    }

    /// Where it is installed (or would be).
    public var backend: TimerBackend
    /// The reminder's name; for a stale timer, the name its unit or crontab comment gives.
    public var name: String
    /// How it stands.
    public var state: State
    /// The reminder, unless stale.
    public var reminder: Reminder?
    /// Its next run, from ``Reminder/moments(after:count:user:)``.
    public var next: Date?
    /// For systemd: whether the timer is active, when the user manager answered.
    public var active: Bool?
}

/// What `tandem schedule status` shows.
public struct TimerStatusReport: Sendable {
    /// Every installed timer, and every reminder missing from a place that has timers.
    public var entries: [TimerStatus]
    /// The systemd units folder.
    public var systemdDirectory: URL
    /// Notes on what could not be looked at (no crontab command, a crontab that cannot be read).
    public var notes: [String]
}

/// What an install or removal did (or, dry, would do), as lines to print.
public struct TimerReport: Sendable {
    /// The lines, in order.
    public var lines: [String] = []
    /// Whether anything was (or would be) changed.
    public var changed = false
}

/// The `tandem` that installed timers run.
public enum InstalledTandem {
    /// The path installed timers call: `option` (`--tandem PATH`), else
    /// `TANDEM_INSTALLED_BINARY`, else the running executable, unless that
    /// is inside a `.build` folder, which the next `swift build` replaces or
    /// a `git clean` removes.
    ///
    /// - Throws: ``CommandFailure`` for a path that is not an executable file,
    ///   or when this `tandem` runs from a build folder and nothing else was named.
    public static func path(option: String?, environment: TandemEnvironment) throws(CommandFailure) -> String {
        if let named = option ?? environment.installedBinary {
            let absolute = named.hasPrefix("/") ? named : environment.currentDirectory.appendingPathComponent(named).path
            let path = URL(fileURLWithPath: absolute).standardizedFileURL.path
            guard FileManager.default.isExecutableFile(atPath: path), PrivateFile.kind(at: path) != .folder else {
                throw CommandFailure("'\(path.terminalSafe)' is not an executable file; name the installed tandem (such as ~/.local/bin/tandem)")
            }
            return path
        }
        guard let running = runningExecutable else {
            throw CommandFailure("cannot tell where this tandem is installed; name it with --tandem PATH", exitCode: ExitStatus.runtimeError)
        }
        if running.contains("/.build/") {
            throw CommandFailure(
                "this tandem runs from a build folder (\(running.terminalSafe)), which the next build replaces: timers need an installed, "
                    + "stable path. Run scripts/install first (it installs ~/.local/bin/tandem), then ~/.local/bin/tandem schedule install; "
                    + "or name the tandem to run with --tandem PATH",
                exitCode: ExitStatus.refused)
        }
        return running
    }

    /// This process's executable, with links resolved.
    public static var runningExecutable: String? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        return URL(fileURLWithPath: target).resolvingSymlinksInPath().path
    }
}

/// `systemctl --user`, found on the search path.
struct SystemdManager {
    let systemctl: String?

    init(_ environment: TandemEnvironment) { systemctl = environment.program(named: "systemctl") }

    /// Runs `systemctl --user ARGS`; `nil` when there is no systemctl or it cannot start.
    func run(_ arguments: [String]) -> ChildProcess.Result? {
        guard let systemctl else { return nil }
        return try? ChildProcess.run(systemctl, ["--user"] + arguments, timeout: 120)
    }

    /// Whether the user manager answers, and what `is-system-running` said.
    /// It exits non-zero when "degraded" too, so its word is what counts.
    func probe() -> (reachable: Bool, said: String) {
        guard let result = run(["is-system-running"]) else { return (false, "systemctl is not on PATH") }
        let word = result.outputText.trimmingCharacters(in: .whitespacesAndNewlines)
        let reachable = ["running", "degraded", "starting", "initializing", "maintenance", "stopping"].contains(word)
        let said = [word, result.errorText].filter { !$0.isEmpty }.joined(separator: "; ")
        return (reachable, said.isEmpty ? "exit status \(result.status)" : said)
    }

    /// The units of `names` that are not both enabled and active.
    func notRunning(_ names: [String]) -> [String] {
        guard !names.isEmpty else { return [] }
        let enabled = run(["is-enabled"] + names)?.outputText.split(separator: "\n").map(String.init) ?? []
        let active = run(["is-active"] + names)?.outputText.split(separator: "\n").map(String.init) ?? []
        return names.indices.filter { index in
            index >= enabled.count || index >= active.count || !["enabled", "enabled-runtime"].contains(enabled[index]) || active[index] != "active"
        }.map { names[$0] }
    }

    /// Whether each of `names` is active.
    func active(_ names: [String]) -> [String: Bool] {
        guard !names.isEmpty, let result = run(["is-active"] + names) else { return [:] }
        let words = result.outputText.split(separator: "\n").map(String.init)
        guard words.count == names.count else { return [:] }
        return Dictionary(uniqueKeysWithValues: zip(names, words.map { $0 == "active" }))
    }
}

extension Runtime {
    // MARK: Install

    /// Installs every reminder as a timer: systemd's (`backend` `.systemd`,
    /// or the default where the user manager answers) or cron's. Only what
    /// differs is written; stale timers Tandem wrote are removed. With
    /// `dryRun`, says what it would write and changes nothing.
    ///
    /// - Throws: ``CommandFailure`` when no tandem path can be used, a file
    ///   Tandem did not write stands where a unit goes, or a program fails.
    public func installTimers(backend chosen: TimerBackend?, tandem option: String?, dryRun: Bool) throws -> TimerReport {
        let binary = try InstalledTandem.path(option: option, environment: environment)
        let reminders = try reminders()
        var report = TimerReport()
        let backend: TimerBackend
        let manager = SystemdManager(environment)
        var probe: (reachable: Bool, said: String)?
        if let chosen {
            backend = chosen
        } else {
            let answer = manager.probe()
            probe = answer
            if answer.reachable || (manager.systemctl != nil && environment.program(named: "crontab") == nil) {
                backend = .systemd
            } else if environment.program(named: "crontab") != nil {
                backend = .cron
                if manager.systemctl != nil {
                    report.lines.append("The systemd user manager does not answer (\(answer.said.terminalSafe)), so the reminders go to cron; "
                        + "to write systemd timers all the same: tandem schedule install --systemd")
                }
            } else {
                throw CommandFailure(
                    "found neither systemctl nor crontab on PATH, so there is nothing to install timers with; "
                        + "install Debian's cron (apt install cron), or write systemd units all the same with --systemd",
                    exitCode: ExitStatus.runtimeError)
            }
        }
        switch backend {
        case .systemd:
            try installSystemd(reminders, binary: binary, dryRun: dryRun, manager: manager, probe: probe, into: &report)
        case .cron:
            try installCron(reminders, binary: binary, dryRun: dryRun, into: &report)
        }
        return report
    }

    static let noReminders = "No reminders to install: add a schedule to a saved routine ('every day at 21:30 run evening'), "
        + "or a habit reminder (tandem adopt ID --remind 21:00)."

    /// The user's zone by its IANA name, which systemd and `TZ` read.
    func userZoneName() throws(CommandFailure) -> String {
        let name = environment.timeZone.identifier
        guard Self.zoneExists(name) else {
            throw CommandFailure(
                "your time zone '\(name.terminalSafe)' has no IANA name that timers can use; set TZ to one, such as Europe/Berlin, and try again",
                exitCode: ExitStatus.refused)
        }
        return name
    }

    static func zoneExists(_ name: String) -> Bool {
        !name.contains("..") && FileManager.default.fileExists(atPath: "/usr/share/zoneinfo/" + name)
    }


    private func installSystemd(
        _ reminders: [Reminder], binary: String, dryRun: Bool, manager: SystemdManager, probe known: (reachable: Bool, said: String)?,
        into report: inout TimerReport
    ) throws {
        let zone = try userZoneName()
        for reminder in reminders {
            if let name = reminder.zone, !Self.zoneExists(name) {
                throw CommandFailure("the zone '\(name.terminalSafe)' of \(reminder.name.terminalSafe) is not in /usr/share/zoneinfo, which systemd reads; nothing was changed")
            }
        }
        let directory = environment.systemdUserDirectory
        let timers = SystemdTimers.timers(for: reminders, .init(binary: binary, zone: zone, folders: environment.folderVariables))
        let (installed, foreign) = SystemdTimers.installed(in: directory)
        let units = timers.flatMap(\.units)
        if let clash = units.first(where: { foreign.contains($0.fileName) }) {
            throw CommandFailure(
                "\(directory.appendingPathComponent(clash.fileName).path.terminalSafe) was not written by tandem (its first line is not '\(SystemdTimers.header)'), "
                    + "so it stays; nothing was changed. Move it away and run tandem schedule install again",
                exitCode: ExitStatus.refused)
        }
        let writes = units.filter { installed[$0.fileName] != $0.text }
        let expectedNames = Set(units.map(\.fileName))
        let stale = installed.keys.filter { !expectedNames.contains($0) }.sorted()
        let staleTimers = stale.filter { $0.hasSuffix(".timer") }
        let changedTimers = timers.filter { timer in installed[timer.timer.fileName] != nil && timer.units.contains { writes.contains($0) } }
            .map(\.timer.fileName)
        let path = { (name: String) in directory.appendingPathComponent(name).path.terminalSafe }
        if dryRun {
            for unit in writes {
                report.lines.append("Would write \(path(unit.fileName)):")
                report.lines += unit.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { "    " + $0.terminalSafe }
            }
            for name in stale { report.lines.append("Would remove \(path(name)) (its schedule is gone).") }
            report.changed = !writes.isEmpty || !stale.isEmpty
            if !report.changed { report.lines.append("Nothing would change: \(timers.count) timer\(timers.count == 1 ? "" : "s") in \(directory.path.terminalSafe) up to date.") }
            return
        }
        let probe = known ?? manager.probe()
        if probe.reachable, !staleTimers.isEmpty { try check(manager.run(["disable", "--now"] + staleTimers), "disable the stale timers") }
        for name in stale { try removeUnit(name, in: directory) }
        if !writes.isEmpty { try PrivateFolder.make(directory) }
        for unit in writes {
            do {
                try PrivateFile.write(Data(unit.text.utf8), to: directory.appendingPathComponent(unit.fileName), replacing: true)
            } catch {
                throw CommandFailure(error.description, exitCode: ExitStatus.runtimeError)
            }
        }
        let timerNames = timers.map(\.timer.fileName)
        for name in staleTimers { report.lines.append("Removed \(path(name)) (its schedule is gone).") }
        for timer in timers where timer.units.contains(where: { writes.contains($0) }) {
            let verb = changedTimers.contains(timer.timer.fileName) ? "Updated" : "Wrote"
            report.lines.append("\(verb) \(path(timer.timer.fileName)) and .service: \(timer.reminder.whenText.terminalSafe), tandem remind \(timer.reminder.name.terminalSafe)")
        }
        report.changed = !writes.isEmpty || !stale.isEmpty
        guard probe.reachable else {
            if timerNames.isEmpty, !report.changed {
                report.lines.append(Self.noReminders)
                return
            }
            report.lines.append("The systemd user manager is not running here (systemctl --user said: \(probe.said.terminalSafe)), "
                + "so the timers are written but not enabled. Where it runs (a desktop or ssh session of yours), enable them with:")
            report.lines.append("    systemctl --user daemon-reload")
            if !timerNames.isEmpty { report.lines.append("    systemctl --user enable --now " + timerNames.map(\.terminalSafe).joined(separator: " ")) }
            report.lines.append("and, so that they run when you are not logged in:")
            report.lines.append("    loginctl enable-linger $USER")
            return
        }
        if report.changed { try check(manager.run(["daemon-reload"]), "reload the units") }
        let toStart = manager.notRunning(timerNames)
        if !toStart.isEmpty {
            try check(manager.run(["enable", "--now"] + toStart), "enable the timers")
            report.lines.append("Enabled and started: " + toStart.map(\.terminalSafe).joined(separator: ", "))
            report.changed = true
        }
        // A timer running with old settings takes the new ones when restarted.
        let toRestart = changedTimers.filter { !toStart.contains($0) }
        if !toRestart.isEmpty { try check(manager.run(["restart"] + toRestart), "restart the changed timers") }
        if !report.changed {
            report.lines.append(timers.isEmpty
                ? Self.noReminders
                : "Nothing to change: \(timers.count) timer\(timers.count == 1 ? "" : "s") in \(directory.path.terminalSafe) installed, enabled and up to date.")
        }
        if !timerNames.isEmpty {
            report.lines.append("They run while you are logged in; so that they run when you are not: loginctl enable-linger $USER")
        }
    }

    /// Deletes a unit Tandem wrote, and the links `systemctl enable` made to it.
    private func removeUnit(_ name: String, in directory: URL) throws {
        let url = directory.appendingPathComponent(name)
        for wants in ["timers.target.wants", "default.target.wants"] {
            let link = directory.appendingPathComponent(wants).appendingPathComponent(name).path
            if PrivateFile.kind(at: link) == .symbolicLink, let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link),
               target == url.path || target.hasSuffix("/" + name) {
                unlink(link)
            }
        }
        if unlink(url.path) != 0, errno != ENOENT {
            throw CommandFailure("could not remove \(url.path.terminalSafe): \(PrivateFile.reason(errno))", exitCode: ExitStatus.runtimeError)
        }
    }

    private func check(_ result: ChildProcess.Result?, _ what: String) throws {
        guard let result else { throw CommandFailure("could not run systemctl to \(what)", exitCode: ExitStatus.runtimeError) }
        guard result.status == 0 else {
            let said = result.errorText
            throw CommandFailure("systemctl --user could not \(what) (exit status \(result.status))" + (said.isEmpty ? "" : ": " + said.terminalSafeLines),
                                 exitCode: ExitStatus.runtimeError)
        }
    }

    // MARK: Cron

    /// The `crontab` command.
    private func crontab() throws(CommandFailure) -> String {
        guard let path = environment.program(named: "crontab") else {
            throw CommandFailure("crontab is not on PATH; install Debian's cron (apt install cron), or use systemd timers (--systemd)",
                                 exitCode: ExitStatus.runtimeError)
        }
        return path
    }

    /// The user's crontab ("" when there is none).
    private func readCrontab(_ command: String) throws -> String {
        let result: ChildProcess.Result
        do { result = try ChildProcess.run(command, ["-l"]) } catch {
            throw CommandFailure(error.description, exitCode: ExitStatus.runtimeError)
        }
        if result.status == 0 { return String(decoding: result.output, as: UTF8.self) }
        if result.errorText.lowercased().contains("no crontab for") { return "" }
        throw CommandFailure("crontab -l failed (exit status \(result.status))" + (result.errorText.isEmpty ? "" : ": " + result.errorText.terminalSafeLines),
                             exitCode: ExitStatus.runtimeError)
    }

    private func writeCrontab(_ command: String, _ text: String) throws {
        let result: ChildProcess.Result
        do { result = try ChildProcess.run(command, ["-"], input: Data(text.utf8)) } catch {
            throw CommandFailure(error.description, exitCode: ExitStatus.runtimeError)
        }
        guard result.status == 0 else {
            throw CommandFailure("crontab - refused the new crontab (exit status \(result.status))"
                + (result.errorText.isEmpty ? "" : ": " + result.errorText.terminalSafeLines) + "; it was left as it was",
                exitCode: ExitStatus.runtimeError)
        }
    }

    private func cronSettings(binary: String) -> CronLines.Settings {
        CronLines.Settings(
            binary: binary, userZone: environment.timeZone, cronZone: CronLines.machineZone(), folders: environment.folderVariables,
            sessionBus: environment.sessionBus)
    }

    private func installCron(_ reminders: [Reminder], binary: String, dryRun: Bool, into report: inout TimerReport) throws {
        let command = try crontab()
        _ = try userZoneName()
        let current = try readCrontab(command)
        let table = try CronTab(current)
        let block = reminders.isEmpty ? nil : try CronLines.block(for: reminders, cronSettings(binary: binary), from: environment.now)
        let updated = table.replacingBlock(with: block)
        report.changed = updated != current
        if dryRun {
            if report.changed {
                report.lines.append(block == nil ? "Would remove the tandem block from your crontab." : "Would write this block to your crontab (the rest stays as it is):")
                if let block { report.lines += ([CronTab.begin] + block + [CronTab.end]).map { "    " + $0.terminalSafe } }
            } else {
                report.lines.append("Nothing would change: your crontab's tandem block is up to date.")
            }
            return
        }
        if report.changed {
            try writeCrontab(command, updated)
            let count = reminders.count
            report.lines.append(block == nil
                ? "Removed the tandem block from your crontab (no reminders are left)."
                : "Wrote \(count) reminder\(count == 1 ? "" : "s") to your crontab, between '\(CronTab.begin)' and '\(CronTab.end)': "
                    + reminders.map { $0.name.terminalSafe }.joined(separator: ", "))
        } else {
            report.lines.append(reminders.isEmpty
                ? Self.noReminders
                : "Nothing to change: your crontab's tandem block is up to date (\(reminders.count) reminder\(reminders.count == 1 ? "" : "s")).")
        }
        if environment.sessionBus == nil {
            report.lines.append("No desktop session bus here now, so these reminders wait in the inbox (tandem due); "
                + "run tandem schedule install from your desktop session to have them notify.")
        }
        report.lines.append("cron does not catch up missed runs: a reminder whose time passes while the machine is off or asleep is not shown later "
            + "(systemd timers catch up).")
    }

    // MARK: Remove

    /// Removes what Tandem installed: its units (only files that start with
    /// "# generated by tandem") and its crontab block; both unless
    /// `backend` names one. With `dryRun`, says what it would remove.
    public func removeTimers(backend: TimerBackend?, dryRun: Bool) throws -> TimerReport {
        var report = TimerReport()
        if backend != .cron {
            let directory = environment.systemdUserDirectory
            let (installed, foreign) = SystemdTimers.installed(in: directory)
            let names = installed.keys.sorted()
            if !names.isEmpty {
                report.changed = true
                if dryRun {
                    report.lines += names.map { "Would remove \(directory.appendingPathComponent($0).path.terminalSafe)." }
                } else {
                    let manager = SystemdManager(environment)
                    let reachable = manager.probe().reachable
                    let timers = names.filter { $0.hasSuffix(".timer") }
                    if reachable, !timers.isEmpty { try check(manager.run(["disable", "--now"] + timers), "disable the timers") }
                    for name in names { try removeUnit(name, in: directory) }
                    if reachable { try check(manager.run(["daemon-reload"]), "reload the units") }
                    report.lines.append("Removed \(names.count) unit file\(names.count == 1 ? "" : "s") tandem wrote in \(directory.path.terminalSafe): "
                        + names.map(\.terminalSafe).joined(separator: ", "))
                }
            }
            if !foreign.isEmpty {
                report.lines.append("Left as they are (not written by tandem): " + foreign.sorted().map(\.terminalSafe).joined(separator: ", "))
            }
        }
        if backend != .systemd {
            if let command = environment.program(named: "crontab") {
                let current = try readCrontab(command)
                let table = try CronTab(current)
                if table.block != nil {
                    report.changed = true
                    if dryRun {
                        report.lines.append("Would remove the tandem block from your crontab (the rest stays as it is).")
                    } else {
                        try writeCrontab(command, table.replacingBlock(with: nil))
                        report.lines.append("Removed the tandem block from your crontab; the rest is as it was.")
                    }
                }
            } else if backend == .cron {
                _ = try crontab()
            }
        }
        if !report.changed { report.lines.insert("Nothing to remove: no timers or crontab lines written by tandem.", at: 0) }
        return report
    }

    // MARK: Status

    /// Every installed timer and how it stands against the routines: up to
    /// date, out of date (a routine edited, the tandem path or the zone
    /// changed), missing, or stale (its schedule removed).
    public func timerStatus() throws -> TimerStatusReport {
        let reminders = try reminders()
        let now = environment.now
        let next = { (reminder: Reminder) in reminder.moments(after: now.addingTimeInterval(-1), count: 1, user: self.environment.timeZone).first }
        let zone = environment.timeZone.identifier
        var entries: [TimerStatus] = []
        var notes: [String] = []
        // Running from a build folder: compare with the tandem the installed timers call.
        let running = try? InstalledTandem.path(option: nil, environment: environment)

        let directory = environment.systemdUserDirectory
        let (installed, _) = SystemdTimers.installed(in: directory)
        if !installed.isEmpty {
            let binary = running ?? installed.first { $0.key.hasSuffix(".service") }.flatMap { SystemdTimers.binary(inService: $0.value) } ?? ""
            let timers = SystemdTimers.timers(for: reminders, .init(binary: binary, zone: zone, folders: environment.folderVariables))
            let manager = SystemdManager(environment)
            let active = manager.probe().reachable ? manager.active(installed.keys.filter { $0.hasSuffix(".timer") }.sorted()) : [:]
            for timer in timers {
                let present = timer.units.map { installed[$0.fileName] }
                let state: TimerStatus.State = present.allSatisfy { $0 == nil } ? .missing
                    : zip(present, timer.units).allSatisfy({ $0.0 == $0.1.text }) ? .current : .outOfDate
                entries.append(TimerStatus(
                    backend: .systemd, name: timer.reminder.name, state: state, reminder: timer.reminder, next: next(timer.reminder),
                    active: active[timer.timer.fileName]))
            }
            let expected = Set(timers.flatMap(\.units).map(\.fileName))
            // One entry per stale pair (or a lone timer or service left of one).
            let staleStems = Set(installed.keys.filter { !expected.contains($0) }.map { ($0 as NSString).deletingPathExtension })
            for stem in staleStems.sorted() {
                entries.append(TimerStatus(backend: .systemd, name: String(stem.dropFirst("tandem-".count)), state: .stale, active: active[stem + ".timer"]))
            }
        }

        if let command = environment.program(named: "crontab") {
            do {
                let table = try CronTab(try readCrontab(command))
                if let block = table.block {
                    let groups = CronLines.groups(in: block)
                    let binary = running ?? groups.values.lazy.compactMap(CronLines.binary(inGroup:)).first ?? ""
                    let settings = cronSettings(binary: binary)
                    var seen = Set<String>()
                    for reminder in reminders {
                        let key = CronLines.key(reminder.name)
                        seen.insert(key)
                        let expected = try CronLines.group(for: reminder, settings, from: now).map { $0 + "\n" }.joined()
                        let state: TimerStatus.State = groups[key] == nil ? .missing : groups[key] == expected ? .current : .outOfDate
                        entries.append(TimerStatus(backend: .cron, name: reminder.name, state: state, reminder: reminder, next: next(reminder)))
                    }
                    for key in groups.keys.sorted() where !seen.contains(key) {
                        entries.append(TimerStatus(backend: .cron, name: key, state: .stale))
                    }
                }
            } catch let failure as CommandFailure {
                notes.append("could not read your crontab: " + failure.message)
            }
        }
        if running == nil, !entries.isEmpty {
            notes.append("this tandem runs from a build folder, so the tandem path the timers call is not compared")
        }
        return TimerStatusReport(entries: entries, systemdDirectory: directory, notes: notes)
    }
}
