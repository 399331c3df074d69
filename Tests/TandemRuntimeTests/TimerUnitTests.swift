import Foundation
import TandemKit
import TandemRoutine
import TandemRuntime
import Testing

/// A reminder of a routine, for the timers' text.
private func reminder(
    _ hour: Int = 21, _ minute: Int = 30, name: String = "evening-2130", days: [Weekday] = Weekday.allCases, zone: String? = nil
) -> Reminder {
    Reminder(
        name: name, title: "wind down", days: days, hour: hour, minute: minute, zone: zone, command: "tandem run evening",
        source: .routine(file: "evening.routine", routine: "evening", arguments: [], unattended: false))
}

private func instant(_ text: String) -> Date { LocalDateTime.parse(text, in: utc)! }
private let berlin = TimeZone(identifier: "Europe/Berlin")!
private let newYork = TimeZone(identifier: "America/New_York")!

@Suite("Timers: systemd units, the crontab block, daylight saving")
struct TimerUnitTests {
    // MARK: systemd

    @Test func onCalendarNamesTheDaysAndAlwaysAZone() {
        #expect(SystemdTimers.onCalendar(reminder(), zone: "Europe/Berlin") == "*-*-* 21:30:00 Europe/Berlin")
        #expect(SystemdTimers.onCalendar(reminder(20, 0, days: [.thursday, .monday], zone: "America/New_York"), zone: "Europe/Berlin")
            == "Mon,Thu *-*-* 20:00:00 America/New_York")
        #expect(SystemdTimers.onCalendar(reminder(7, 5, days: [.sunday, .saturday]), zone: "UTC") == "Sat,Sun *-*-* 07:05:00 UTC")
    }

    @Test func theUnitsStartWithTheHeaderAndRunTheInstalledTandem() throws {
        let settings = SystemdTimers.Settings(
            binary: "/home/sam/my tools/100%/tandem", zone: "Europe/Berlin", folders: ["XDG_STATE_HOME": "/home/sam/state", "XDG_DATA_HOME": "/home/sam/tandem $data"])
        let timers = SystemdTimers.timers(for: [reminder(), reminder(21, 0, name: "habit-daily.gratitude")], settings)
        #expect(timers.map(\.timer.fileName) == ["tandem-evening-2130.timer", "tandem-habit-daily.gratitude.timer"])
        let first = try #require(timers.first)
        for unit in first.units { #expect(unit.text.hasPrefix(SystemdTimers.header + ":")) }
        #expect(first.timer.text.contains("\nOnCalendar=*-*-* 21:30:00 Europe/Berlin\nPersistent=true\nAccuracySec=10s\nUnit=tandem-evening-2130.service\n"))
        #expect(first.timer.text.contains("[Install]\nWantedBy=timers.target\n"))
        #expect(first.service.text.contains("[Service]\nType=oneshot\n"))
        #expect(first.service.text.contains("Environment=\"TZ=Europe/Berlin\"\n"))
        // `%` is a specifier and `$` a variable in unit files: both doubled where they apply.
        #expect(first.service.text.contains("Environment=\"XDG_DATA_HOME=/home/sam/tandem $data\"\nEnvironment=\"XDG_STATE_HOME=/home/sam/state\"\n"))
        #expect(first.service.text.contains("ExecStart=\"/home/sam/my tools/100%%/tandem\" remind evening-2130\n"))
        #expect(SystemdTimers.binary(inService: first.service.text) == "/home/sam/my tools/100%/tandem")
        let plain = SystemdTimers.timers(for: [reminder()], .init(binary: "/usr/bin/tandem", zone: "UTC"))[0]
        #expect(!plain.service.text.contains("HOME"))
        #expect(SystemdTimers.binary(inService: plain.service.text) == "/usr/bin/tandem")
    }

    @Test func unitNamesAreSafeAndUnique() {
        #expect(SystemdTimers.unitStem("évening 2130") == "tandem-_vening_2130")
        let timers = SystemdTimers.timers(for: [reminder(name: "a b"), reminder(name: "a_b")], .init(binary: "/t", zone: "UTC"))
        #expect(timers.map(\.timer.fileName) == ["tandem-a_b.timer", "tandem-a_b-2.timer"])
        #expect(timers[1].service.text.contains("ExecStart=/t remind a_b\n"))
        #expect(timers[0].service.text.contains("ExecStart=/t remind \"a b\"\n"))
    }

    // MARK: The crontab block

    @Test func theBlockIsReplacedAndRemovedWithTheRestKeptByteForByte() throws {
        let before = "MAILTO=sam\n# my backup\n0 5 * * * backup --all  \n"
        let after = "\n15 6 * * 1 weekly\t# tab\n"
        let none = try CronTab(before + after)
        #expect(none.block == nil)
        #expect(none.replacingBlock(with: nil) == before + after)
        let added = none.replacingBlock(with: ["a", "b"])
        #expect(added == before + after + "# BEGIN tandem\na\nb\n# END tandem\n")
        let middle = before + "# BEGIN tandem\nold\n# END tandem\n" + after
        let table = try CronTab(middle)
        #expect(table.block == ["old"])
        #expect(table.replacingBlock(with: ["new"]) == before + "# BEGIN tandem\nnew\n# END tandem\n" + after)
        #expect(table.replacingBlock(with: nil) == before + after)
        // A last line without its newline does not run into the block.
        #expect(try CronTab("0 5 * * * backup").replacingBlock(with: ["x"]) == "0 5 * * * backup\n# BEGIN tandem\nx\n# END tandem\n")
        #expect(try CronTab("").replacingBlock(with: ["x"]) == "# BEGIN tandem\nx\n# END tandem\n")
        #expect(try CronTab("# BEGIN tandem\nx\n# END tandem").after == "")
    }

    @Test func aBlockOutOfOrderIsRefused() {
        for text in ["# BEGIN tandem\nx\n", "x\n# END tandem\n", "# END tandem\n# BEGIN tandem\n", "# BEGIN tandem\n# END tandem\n# BEGIN tandem\n# END tandem\n"] {
            #expect(throws: CommandFailure.self) { try CronTab(text) }
        }
    }

    @Test func cronLinesInTheMachinesZoneArePlain() throws {
        let settings = CronLines.Settings(binary: "/usr/bin/tandem", userZone: berlin, cronZone: berlin, sessionBus: "unix:path=/run/user/1000/bus")
        let lines = try CronLines.group(for: reminder(20, 0, days: [.monday, .thursday]), settings, from: instant("2026-11-20T12:00:00Z"))
        #expect(lines == [
            "# reminder evening-2130: every mon, thu at 20:00",
            "0 20 * * 1,4 TZ=Europe/Berlin DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1000/bus /usr/bin/tandem remind --on-time evening-2130 >/dev/null",
        ])
    }

    @Test func cronLinesForAnotherZoneCoverItsTimesAllYear() throws {
        // The machine in UTC, the user in New York: 21:30 is 02:30 UTC in winter, 01:30 in summer, the next day.
        let settings = CronLines.Settings(binary: "/opt/t 1/tandem", userZone: newYork, cronZone: utc, folders: ["TANDEM_HOME": "/home/sam/100%"], sessionBus: nil)
        let daily = try CronLines.group(for: reminder(), settings, from: instant("2026-11-20T12:00:00Z"))
        #expect(daily[1] == "30 1,2 * * * TZ=America/New_York TANDEM_HOME='/home/sam/100\\%' '/opt/t 1/tandem' remind --on-time evening-2130 >/dev/null")
        #expect(CronLines.binary(inGroup: daily.joined(separator: "\n")) == "/opt/t 1/tandem")
        // Monday 23:30 in New York is Tuesday in UTC.
        let monday = try CronLines.group(for: reminder(23, 30, days: [.monday]), settings, from: instant("2026-11-20T12:00:00Z"))
        #expect(monday.dropFirst().map { String($0.prefix(12)) } == ["30 3,4 * * 2"])
        // Berlin's 02:30 from New York's machine: the two zones change clocks on other days, so one hour more some weeks.
        let call = try CronLines.group(
            for: reminder(2, 30, name: "call", zone: "Europe/Berlin"), .init(binary: "/t", userZone: newYork, cronZone: newYork, sessionBus: nil),
            from: instant("2026-11-20T12:00:00Z"))
        #expect(call.dropFirst().map { String($0.prefix(14)) } == ["30 20,21 * * *"])
    }

    @Test func aLineBreakCannotGoIntoACrontab() {
        let settings = CronLines.Settings(binary: "/t\nx", userZone: utc, cronZone: utc, sessionBus: nil)
        #expect(throws: CommandFailure.self) { try CronLines.group(for: reminder(), settings, from: fixedNow) }
    }

    @Test func installedGroupsAreReadBackByReminder() throws {
        let settings = CronLines.Settings(binary: "/t", userZone: utc, cronZone: utc, sessionBus: nil)
        let block = try CronLines.block(for: [reminder(), reminder(7, 0, name: "tidy-0700")], settings, from: fixedNow)
        #expect(block.first == CronLines.header)
        let groups = CronLines.groups(in: block)
        #expect(Set(groups.keys) == ["evening-2130", "tidy-0700"])
        #expect(groups["tidy-0700"] == (try CronLines.group(for: reminder(7, 0, name: "tidy-0700"), settings, from: fixedNow)).map { $0 + "\n" }.joined())
    }

    // MARK: Daylight saving

    @Test func gapsAndFoldsOfBothSidesOfTheAtlanticAreFound() {
        let year = (instant("2026-01-01T00:00:00Z"), instant("2027-01-01T00:00:00Z"))
        let berlinNotes = DaylightSaving.notes(days: Weekday.allCases, hour: 2, minute: 30, zone: berlin, from: year.0, until: year.1)
        #expect(berlinNotes.map(\.kind) == [.gap, .fold])
        #expect(berlinNotes.map(\.day) == ["2026-03-29", "2026-10-25"])
        #expect(berlinNotes[0].sentence == "on 2026-03-29 02:30 does not exist in Europe/Berlin (clocks go from 02:00 to 03:00), so there is no reminder that day")
        #expect(berlinNotes[1].sentence == "on 2026-10-25 02:30 happens twice in Europe/Berlin (clocks go back from 03:00 to 02:00); it reminds once, at the first 02:30")
        #expect(DaylightSaving.notes(days: Weekday.allCases, hour: 2, minute: 30, zone: newYork, from: year.0, until: year.1).map(\.day) == ["2026-03-08"])
        #expect(DaylightSaving.notes(days: Weekday.allCases, hour: 1, minute: 30, zone: newYork, from: year.0, until: year.1).map(\.day) == ["2026-11-01"])
        // Outside the changed hour, or on other days of the week: nothing.
        #expect(DaylightSaving.notes(days: Weekday.allCases, hour: 3, minute: 0, zone: berlin, from: year.0, until: year.1).isEmpty)
        #expect(DaylightSaving.notes(days: [.monday], hour: 2, minute: 30, zone: berlin, from: year.0, until: year.1).isEmpty)
        #expect(DaylightSaving.notes(days: Weekday.allCases, hour: 2, minute: 30, zone: utc, from: year.0, until: year.1).isEmpty)
    }

    @Test func momentsSkipATimeThatDoesNotExistAndTakeTheFirstOfOneThatHappensTwice() {
        // As `systemd-analyze calendar --base-time=… '*-*-* 02:30:00 Europe/Berlin'` of systemd 252 gives them.
        let gap = reminder(2, 30, zone: "Europe/Berlin").moments(after: instant("2026-03-27T12:00:00Z"), count: 3, user: utc)
        #expect(gap == [instant("2026-03-28T01:30:00Z"), instant("2026-03-30T00:30:00Z"), instant("2026-03-31T00:30:00Z")])
        let fold = reminder(2, 30, zone: "Europe/Berlin").moments(after: instant("2026-10-23T12:00:00Z"), count: 3, user: utc)
        #expect(fold == [instant("2026-10-24T00:30:00Z"), instant("2026-10-25T00:30:00Z"), instant("2026-10-26T01:30:00Z")])
        let usFold = reminder(1, 30, zone: "America/New_York").moments(after: instant("2026-10-31T12:00:00Z"), count: 2, user: utc)
        #expect(usFold == [instant("2026-11-01T05:30:00Z"), instant("2026-11-02T06:30:00Z")])
    }

    @Test func theCheckWarnsOfAScheduleInAClockChangeOfTheUsersZone() {
        let (runtime, _, _) = makeRuntime()
        var environment = runtime.environment
        environment.timeZone = newYork
        let local = Runtime(environment: environment, registry: runtime.registry)
        let program = RoutineProgram.parse("""
            routine call() { say "hi" }
            every sun at 01:30 run call
            every day at 02:30 in Europe/Berlin run call
            every day at 12:00 run call
            """, name: "dst.routine")
        let warnings = local.daylightSavingWarnings(for: program)
        #expect(warnings.map(\.severity) == [.warning, .warning])
        #expect(warnings.map(\.line) == [2, 3])
        #expect(warnings[0].message == "'every sun at 01:30' falls in a daylight-saving change of your time zone: on 2027-11-07 01:30 happens twice "
            + "in America/New_York (clocks go back from 02:00 to 01:00); it reminds once, at the first 01:30")
        #expect(warnings[1].message.contains("on 2027-03-28 02:30 does not exist in Europe/Berlin"))
        #expect(warnings[1].hint == "installed timers do so, as systemd does; a time outside 02:00–03:00 is not affected")
    }
}
