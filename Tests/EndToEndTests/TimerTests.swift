import Foundation
import Testing

/// Writes an executable stand-in (mode 0755) with O_CLOEXEC: a child that
/// other tests start meanwhile and that inherited a writable descriptor
/// would make running it fail with ETXTBSY.
func writeStandIn(_ text: String, to url: URL) {
    let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
    guard fd >= 0 else { return }
    _ = text.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
    close(fd)
}

/// `tandem schedule install|remove|status` with stand-ins for `systemctl`
/// and `crontab` (nothing of the real user's units or crontab is touched),
/// and the units checked by the real `systemd-analyze`.
@Suite struct TimerTests {
    let home = makeTemporaryHome("tandem-timers")
    var bin: URL { home.appendingPathComponent("bin") }
    var units: URL { home.appendingPathComponent("config/systemd/user") }
    var routines: URL { home.appendingPathComponent("routines") }
    /// What the systemctl stand-in was asked, one call a line.
    var systemctlLog: URL { home.appendingPathComponent("systemctl.log") }
    /// The crontab stand-in's crontab.
    var crontabFile: URL { home.appendingPathComponent("crontab.txt") }

    init() throws {
        try FileManager.default.createDirectory(at: routines, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try write("evening", """
            # evening.routine: wind down and reconnect
            routine evening() { say "Good evening." }
            every day at 21:30 run evening
            """)
        try write("date_night", """
            routine date_night() { say "Out." }
            every mon, thu at 20:00 in America/New_York run date_night
            """)
        systemctl(running: true)
        // crontab -l prints the file (none: "no crontab for …", exit 1); crontab - writes it.
        writeStandIn("""
            #!/bin/sh
            f='\(crontabFile.path)'
            case "$1" in
              -l) if [ -f "$f" ]; then cat "$f"; else echo "no crontab for $(id -un)" >&2; exit 1; fi ;;
              -) cat > "$f" ;;
              *) echo "crontab stand-in: $*" >&2; exit 2 ;;
            esac
            """, to: bin.appendingPathComponent("crontab"))
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: routines.appendingPathComponent(name + ".routine"), atomically: true, encoding: .utf8)
    }

    /// A systemctl stand-in that records its arguments: with a user manager
    /// that keeps which timers are enabled and active, or one that fails
    /// like systemctl where no user manager runs.
    func systemctl(running: Bool) {
        let state = home.appendingPathComponent("systemctl.enabled").path
        let script = running ? """
            #!/bin/sh
            echo "$*" >> '\(systemctlLog.path)'
            state='\(state)'
            [ "$1" = --user ] && shift
            command=$1; shift
            [ "$1" = --now ] && shift
            case "$command" in
              is-system-running) echo running ;;
              is-enabled|is-active)
                rc=0
                for unit in "$@"; do
                  if grep -qx "$unit" "$state" 2>/dev/null; then
                    [ "$command" = is-enabled ] && echo enabled || echo active
                  else
                    [ "$command" = is-enabled ] && echo disabled || echo inactive; rc=1
                  fi
                done
                exit $rc ;;
              enable) for unit in "$@"; do echo "$unit" >> "$state"; done ;;
              disable) for unit in "$@"; do grep -vx "$unit" "$state" > "$state.new"; mv "$state.new" "$state"; done ;;
              daemon-reload|restart) ;;
              *) echo "systemctl stand-in: $command" >&2; exit 1 ;;
            esac
            """ : """
            #!/bin/sh
            echo "$*" >> '\(systemctlLog.path)'
            echo "Failed to connect to bus: No medium found" >&2
            exit 1
            """
        writeStandIn(script, to: bin.appendingPathComponent("systemctl"))
    }

    /// The environment of a run: the stand-ins first on PATH, units under
    /// the test's folder, the test binary as the installed tandem.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var variables = [
            "PATH": bin.path + ":/usr/bin:/bin", "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "TANDEM_INSTALLED_BINARY": tandemBinaryURL().path, "TZ": "Europe/Berlin",
            "DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/test/bus", "TANDEM_NOW": "2026-11-20T12:00:00",
        ]
        for (key, value) in extra { variables[key] = value }
        return variables
    }

    func tandem(_ arguments: [String], _ extra: [String: String] = [:]) -> TandemRun {
        runTandem(arguments, environment: environment(extra), home: home)
    }

    func calls() -> [String] {
        ((try? String(contentsOf: systemctlLog, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    func unitNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: units.path)) ?? []).sorted()
    }

    func text(_ name: String) -> String { (try? String(contentsOf: units.appendingPathComponent(name), encoding: .utf8)) ?? "" }

    /// `systemd-analyze verify` of one timer and its service, as the user
    /// manager would load them (it needs a runtime folder of its own).
    func verify(_ stem: String) -> (status: Int32, stderr: String) {
        let runtime = makeTemporaryHome("tandem-xdg-runtime")
        chmod(runtime.path, 0o700)
        var variables = ProcessInfo.processInfo.environment
        variables["XDG_RUNTIME_DIR"] = runtime.path
        variables["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
        variables["SYSTEMD_LOG_COLOR"] = "0"
        let run = Spawn.run(
            "/usr/bin/systemd-analyze",
            ["verify", "--user", units.appendingPathComponent(stem + ".timer").path, units.appendingPathComponent(stem + ".service").path],
            environment: variables)
        return (run.status, String(decoding: run.stderr, as: UTF8.self) + String(decoding: run.stdout, as: UTF8.self))
    }

    // MARK: systemd

    @Test func systemdInstallWritesUnitsThatSystemdAnalyzeVerifiesAndEnablesThem() throws {
        let install = tandem(["schedule", "install"])
        #expect(install.status == 0, "\(install.stderr)")
        #expect(unitNames() == [
            "tandem-date_night-2000-mon-thu.service", "tandem-date_night-2000-mon-thu.timer", "tandem-evening-2130.service", "tandem-evening-2130.timer",
        ])
        for name in unitNames() {
            #expect(text(name).hasPrefix("# generated by tandem"))
            var info = stat()
            #expect(stat(units.appendingPathComponent(name).path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        }
        #expect(text("tandem-evening-2130.timer").contains("\nOnCalendar=*-*-* 21:30:00 Europe/Berlin\nPersistent=true\n"))
        #expect(text("tandem-date_night-2000-mon-thu.timer").contains("\nOnCalendar=Mon,Thu *-*-* 20:00:00 America/New_York\n"))
        let service = text("tandem-evening-2130.service")
        #expect(service.contains("\nType=oneshot\n"))
        #expect(service.contains("\nEnvironment=\"TANDEM_HOME=\(home.path)\"\n"))
        #expect(service.contains("\nExecStart=\(tandemBinaryURL().path) remind evening-2130\n"))
        #expect(calls().contains("--user daemon-reload"))
        #expect(calls().contains("--user enable --now tandem-date_night-2000-mon-thu.timer tandem-evening-2130.timer"))
        #expect(install.stdout.contains("loginctl enable-linger $USER"))
        for stem in ["tandem-evening-2130", "tandem-date_night-2000-mon-thu"] {
            let verified = verify(stem)
            #expect(verified.status == 0 && verified.stderr.isEmpty, "systemd-analyze verify \(stem): \(verified.stderr)")
        }

        // Again: nothing written, nothing enabled.
        let before = calls().count
        let again = tandem(["schedule", "install"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("Nothing to change: 2 timers"))
        #expect(!calls()[before...].contains { $0.contains("enable") && !$0.contains("is-enabled") || $0.contains("daemon-reload") })
        let status = tandem(["schedule", "status"])
        #expect(status.stdout.contains("evening-2130"))
        #expect(status.stdout.contains("up to date  active    next Fri 2026-11-20 21:30  (every day at 21:30)"))
        #expect(status.stdout.contains("All up to date."))
    }

    @Test func statusShowsWhatTheRoutinesChangedAndInstallCatchesUp() throws {
        #expect(tandem(["schedule", "install"]).status == 0)
        // Edited: a schedule moved (its old timer is stale, the new one missing), another's zone changed.
        try write("evening", "routine evening() { say \"Good evening.\" }\nevery day at 21:45 run evening\n")
        try write("date_night", "routine date_night() { say \"Out.\" }\nevery mon, thu at 20:00 in Europe/London run date_night\n")
        let status = tandem(["schedule", "status", "--json"])
        #expect(status.status == 0, "\(status.stderr)")
        let entries = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [[String: Any]] ?? []
        let states = Dictionary(uniqueKeysWithValues: entries.map { ($0["name"] as? String ?? "", $0["state"] as? String ?? "") })
        #expect(states == ["evening-2145": "missing", "date_night-2000-mon-thu": "outOfDate", "evening-2130": "stale"])
        #expect(tandem(["schedule", "status"]).stdout.contains("To bring them up to date: tandem schedule install --systemd"))

        let install = tandem(["schedule", "install"])
        #expect(install.status == 0, "\(install.stderr)")
        #expect(calls().contains("--user disable --now tandem-evening-2130.timer"))
        #expect(calls().contains("--user restart tandem-date_night-2000-mon-thu.timer"))
        #expect(!unitNames().contains("tandem-evening-2130.timer"))
        #expect(unitNames().contains("tandem-evening-2145.timer"))
        #expect(text("tandem-date_night-2000-mon-thu.timer").contains("OnCalendar=Mon,Thu *-*-* 20:00:00 Europe/London"))
        #expect(tandem(["schedule", "status"]).stdout.contains("All up to date."))
        // Another zone of the user's own is another OnCalendar for reminders without one.
        let moved = tandem(["schedule", "status", "--json"], ["TZ": "America/Chicago"]).stdout
        #expect(moved.contains("\"name\" : \"evening-2145\",\n    \"next\" : \"2026-11-20T21:45\",\n    \"state\" : \"outOfDate\""))
    }

    @Test func removeDeletesOnlyWhatTandemWrote() throws {
        try FileManager.default.createDirectory(at: units, withIntermediateDirectories: true)
        let foreign = "[Timer]\nOnCalendar=daily\n"
        try foreign.write(to: units.appendingPathComponent("tandem-x.timer"), atomically: true, encoding: .utf8)
        #expect(tandem(["schedule", "install"]).status == 0)
        let dry = tandem(["schedule", "remove", "--dry-run"])
        #expect(dry.stdout.contains("Would remove \(units.path)/tandem-evening-2130.timer."))
        #expect(unitNames().count == 5)
        let removed = tandem(["schedule", "remove", "--systemd"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(unitNames() == ["tandem-x.timer"])
        #expect(text("tandem-x.timer") == foreign)
        #expect(removed.stdout.contains("Left as they are (not written by tandem): tandem-x.timer"))
        #expect(calls().contains("--user disable --now tandem-date_night-2000-mon-thu.timer tandem-evening-2130.timer"))
        #expect(tandem(["schedule", "remove"]).stdout.hasPrefix("Nothing to remove"))

        // A file of another's where a unit of ours goes stops the install before anything is written.
        try foreign.write(to: units.appendingPathComponent("tandem-evening-2130.timer"), atomically: true, encoding: .utf8)
        let refused = tandem(["schedule", "install"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("tandem-evening-2130.timer was not written by tandem"))
        #expect(unitNames() == ["tandem-evening-2130.timer", "tandem-x.timer"])
    }

    @Test func withoutAUserManagerTheUnitsAreWrittenAndTheWayToEnableThemSaid() {
        systemctl(running: false)
        let install = tandem(["schedule", "install", "--systemd"])
        #expect(install.status == 0, "\(install.stderr)")
        #expect(unitNames().count == 4)
        #expect(install.stdout.contains("systemctl --user said: Failed to connect to bus: No medium found"))
        #expect(install.stdout.contains("\n    systemctl --user daemon-reload\n"))
        #expect(install.stdout.contains("\n    systemctl --user enable --now tandem-date_night-2000-mon-thu.timer tandem-evening-2130.timer\n"))
        #expect(install.stdout.contains("\n    loginctl enable-linger $USER\n"))
        #expect(calls() == ["--user is-system-running"])
        // Without a flag, the crontab is the way where it is there.
        let cron = tandem(["schedule", "install"])
        #expect(cron.stdout.contains("the reminders go to cron"))
        #expect(((try? String(contentsOf: crontabFile, encoding: .utf8)) ?? "").contains("# BEGIN tandem"))
    }

    @Test func aDryRunPrintsTheUnitsAndChangesNothing() {
        let dry = tandem(["schedule", "install", "--systemd", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("Would write \(units.path)/tandem-evening-2130.timer:\n    # generated by tandem"))
        #expect(dry.stdout.contains("    OnCalendar=*-*-* 21:30:00 Europe/Berlin\n"))
        #expect(!FileManager.default.fileExists(atPath: units.path))
        #expect(calls().isEmpty)
        let cron = tandem(["schedule", "install", "--cron", "--dry-run"])
        #expect(cron.stdout.contains("    # BEGIN tandem\n"))
        #expect(!FileManager.default.fileExists(atPath: crontabFile.path))
        let typo = tandem(["schedule", "instal"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("unknown command 'instal' (did you mean 'install'?)"))
        let empty = runTandem(["schedule", "install", "--systemd"], environment: environment(), home: makeTemporaryHome())
        #expect(empty.stdout.hasPrefix("No reminders to install"), "\(empty.stdout)\(empty.stderr)")
    }

    @Test func theTimersRunAnInstalledTandemNeverABuildFolders() {
        // The test binary runs from .build: without another path named, refused.
        let refused = runTandem(["schedule", "install", "--systemd"], environment: environment(["TANDEM_INSTALLED_BINARY": ""]), home: home)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("runs from a build folder"))
        #expect(refused.stderr.contains("scripts/install"))
        #expect(!FileManager.default.fileExists(atPath: units.path))
        let missing = tandem(["schedule", "install", "--tandem", home.appendingPathComponent("nope").path])
        #expect(missing.stderr.contains("is not an executable file"))
        let named = tandem(["schedule", "install", "--systemd", "--tandem", "/bin/true"])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(text("tandem-evening-2130.service").contains("\nExecStart=/bin/true remind evening-2130\n"))
        // The status compares the path too.
        #expect(tandem(["schedule", "status"]).stdout.contains("out of date"))
    }

    // MARK: cron

    @Test func cronInstallAndRemoveKeepTheLinesAroundTheBlockByteForByte() throws {
        let before = "MAILTO=sam@example.org\n# nightly backup\n0 5 * * *   /usr/local/bin/backup --all 2>&1 | logger \\%s\n"
        try before.write(to: crontabFile, atomically: true, encoding: .utf8)
        let install = tandem(["schedule", "install", "--cron"])
        #expect(install.status == 0, "\(install.stderr)")
        #expect(install.stdout.contains("cron does not catch up missed runs"))
        var table = try String(contentsOf: crontabFile, encoding: .utf8)
        #expect(table.hasPrefix(before + "# BEGIN tandem\n# generated by tandem"))
        #expect(table.hasSuffix("# END tandem\n"))
        #expect(table.contains("DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/test/bus"))
        #expect(table.contains("TANDEM_HOME=\(home.path)"))
        #expect(table.contains("remind --on-time evening-2130 >/dev/null"))
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: "/etc/localtime"))?.hasSuffix("/UTC") == true {
            // The machine (cron) in UTC: 21:30 in Berlin is 20:30 UTC in winter, 19:30 in summer.
            #expect(table.contains("\n30 19,20 * * * TZ=Europe/Berlin "))
        }
        // Lines the person adds after the block, and a second install that changes nothing.
        let after = "\n# added later\n*/5 * * * * true\n"
        try (table + after).write(to: crontabFile, atomically: true, encoding: .utf8)
        let again = tandem(["schedule", "install", "--cron"])
        #expect(again.stdout.contains("Nothing to change"))
        #expect(try String(contentsOf: crontabFile, encoding: .utf8) == table + after)
        // A routine edited: only the block changes.
        try write("evening", "routine evening() { say \"Good evening.\" }\nevery day at 22:00 run evening\n")
        let status = tandem(["schedule", "status"])
        #expect(status.stdout.contains("crontab lines between '# BEGIN tandem' and '# END tandem':"))
        #expect(status.stdout.contains("  evening-2130   ") && status.stdout.contains("stale"))
        #expect(status.stdout.contains("  evening-2200   ") && status.stdout.contains("missing"))
        #expect(tandem(["schedule", "install", "--cron"]).status == 0)
        table = try String(contentsOf: crontabFile, encoding: .utf8)
        #expect(table.hasPrefix(before + "# BEGIN tandem\n"))
        #expect(table.hasSuffix("# END tandem\n" + after))
        #expect(table.contains("remind --on-time evening-2200"))
        #expect(!table.contains("evening-2130"))
        #expect(tandem(["schedule", "status"]).stdout.contains("All up to date."))
        // Remove leaves only the person's own lines.
        let removed = tandem(["schedule", "remove", "--cron"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try String(contentsOf: crontabFile, encoding: .utf8) == before + after)
        #expect(calls().isEmpty, "--cron never asks systemctl")
    }

    @Test func cronWithoutACrontabYetStartsOneAndAnOnTimeLineRemindsOnlyOnTime() throws {
        #expect(tandem(["schedule", "install", "--cron"]).status == 0)
        let table = try String(contentsOf: crontabFile, encoding: .utf8)
        #expect(table.hasPrefix("# BEGIN tandem\n"))
        // What a line runs, without a desktop: on time it reminds (to the inbox); an hour off it does nothing.
        let headless = ["DBUS_SESSION_BUS_ADDRESS": "", "XDG_RUNTIME_DIR": "", "PATH": "/usr/bin:/bin"]
        var offTime = headless
        offTime["TANDEM_NOW"] = "2026-11-20T20:30:05"
        #expect(tandem(["remind", "--on-time", "evening-2130"], offTime).stdout.contains("not due yet"))
        var onTime = headless
        onTime["TANDEM_NOW"] = "2026-11-20T21:30:05"
        #expect(tandem(["remind", "--on-time", "evening-2130"], onTime).stdout.contains("waiting in the inbox"))
        #expect(tandem(["schedule", "remove"]).status == 0)
        #expect(try String(contentsOf: crontabFile, encoding: .utf8) == "")
    }

    // MARK: The oracle: systemd-analyze calendar

    /// The next runs `systemd-analyze calendar` gives for an `OnCalendar=`
    /// value after `base`, as ISO 8601 instants in UTC.
    func systemdRuns(_ value: String, after base: String, count: Int) -> [String] {
        var variables = ProcessInfo.processInfo.environment
        variables["TZ"] = "UTC"
        variables["SYSTEMD_COLORS"] = "0"
        let run = Spawn.run("/usr/bin/systemd-analyze", ["calendar", "--iterations=\(count)", "--base-time=\(base) UTC", value], environment: variables)
        // "    Next elapse: Sat 2026-03-28 01:30:00 UTC", "       Iter. #2: Mon 2026-03-30 00:30:00 UTC"
        return String(decoding: run.stdout, as: UTF8.self).split(separator: "\n").compactMap { line in
            guard line.contains("Next elapse:") || line.contains("Iter. #") else { return nil }
            let words = line.split(separator: " ")
            guard words.count >= 4 else { return nil }
            return "\(words[words.count - 3])T\(words[words.count - 2])Z"
        }
    }

    @Test func theListingAgreesWithSystemdAnalyzeCalendarAcrossTheDSTSwitches() throws {
        try FileManager.default.removeItem(at: routines)
        try FileManager.default.createDirectory(at: routines, withIntermediateDirectories: true)
        try write("dst", """
            routine call() { say "hi" }
            every day at 02:30 in Europe/Berlin run call
            every day at 02:30 in America/New_York run call
            every day at 01:30 in America/New_York run call
            every day at 02:30 run call
            every sun, wed at 02:30 in Europe/Berlin run call
            every sat, sun at 01:30 in America/New_York run call
            every weekday at 21:30 in America/New_York run call
            """)
        #expect(tandem(["schedule", "install", "--systemd"]).status == 0)
        var calendars: [String: String] = [:]
        for name in unitNames() where name.hasSuffix(".timer") {
            let value = text(name).split(separator: "\n").first { $0.hasPrefix("OnCalendar=") }?.dropFirst("OnCalendar=".count)
            calendars[String(name.dropFirst("tandem-".count).dropLast(".timer".count))] = value.map(String.init)
        }
        #expect(calendars.count == 7)
        #expect(calendars.values.filter { $0 == "*-*-* 02:30:00 Europe/Berlin" }.count == 2, "a schedule without a zone has the user's")
        var compared = 0
        // Days before the US and EU switches of spring and autumn 2026.
        for base in ["2026-03-06 12:00:00", "2026-03-27 12:00:00", "2026-10-23 12:00:00", "2026-10-30 12:00:00"] {
            let now = base.replacingOccurrences(of: " ", with: "T") + "Z"
            let listing = tandem(["schedule", "--json", "--count", "5"], ["TANDEM_NOW": now])
            #expect(listing.status == 0, "\(listing.stderr)")
            let entries = try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(entries.count == 7)
            for entry in entries {
                let name = entry["name"] as? String ?? ""
                let runs = entry["nextRuns"] as? [String] ?? []
                guard let calendar = calendars[name] else {
                    Issue.record("no timer for \(name)")
                    continue
                }
                #expect(runs == systemdRuns(calendar, after: base, count: 5), "\(name) (\(calendar)) after \(base)")
                compared += 1
            }
        }
        #expect(compared == 28)
        // The plain listing stays as it was: no nextRuns without --count.
        #expect(!tandem(["schedule", "--json"]).stdout.contains("nextRuns"))
    }

    @Test func aScheduleInAClockChangeIsACheckWarningNotAnError() throws {
        try write("night", "routine night() { say \"hi\" }\nevery day at 02:30 in Europe/Berlin run night\n")
        let check = tandem(["check", "night"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.hasSuffix("night.routine: ok (1 warning)\n"))
        #expect(check.stderr.contains("night.routine:2:1: warning: 'every day at 02:30 in Europe/Berlin' falls in a daylight-saving change: "
            + "on 2027-03-28 02:30 does not exist in Europe/Berlin (clocks go from 02:00 to 03:00), so there is no reminder that day; "
            + "on 2027-10-31 02:30 happens twice in Europe/Berlin (clocks go back from 03:00 to 02:00); it reminds once, at the first 02:30"))
    }
}
