import Foundation
import Testing

/// `tandem remind` as a timer runs it, the inbox, and `tandem due`.
@Suite struct ReminderTests {
    let home = makeTemporaryHome("tandem-remind")
    var bin: URL { home.appendingPathComponent("bin") }
    var log: URL { home.appendingPathComponent("notified") }

    init() throws {
        let routines = home.appendingPathComponent("routines")
        try FileManager.default.createDirectory(at: routines, withIntermediateDirectories: true)
        try """
            # evening.routine: wind down and reconnect
            routine evening() { say "Good evening." }
            every day at 21:30 run evening
            """.write(to: routines.appendingPathComponent("evening.routine"), atomically: true, encoding: .utf8)
        try """
            # tidy.routine: a note for the morning
            routine tidy() { note "the morning note" }
            every day at 07:00 run tidy unattended
            """.write(to: routines.appendingPathComponent("tidy.routine"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        // A stand-in for notify-send (no desktop here): it records its arguments.
        // Written with O_CLOEXEC: a child that other tests start meanwhile and that
        // inherited a writable descriptor would make running it fail with ETXTBSY.
        let text = "#!/bin/sh\nfor a in \"$@\"; do printf '%s|' \"$a\"; done >> '\(log.path)'\necho >> '\(log.path)'\n"
        let fd = open(bin.appendingPathComponent("notify-send").path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        #expect(fd >= 0)
        _ = text.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
        close(fd)
    }

    /// With a desktop: the stand-in on PATH and a session bus address.
    func desktop(_ now: String) -> [String: String] {
        ["TANDEM_NOW": now, "PATH": bin.path + ":/usr/bin:/bin", "DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/test/bus"]
    }

    /// Without one: no bus, no notify-send.
    func headless(_ now: String) -> [String: String] {
        ["TANDEM_NOW": now, "PATH": "/usr/bin:/bin", "DBUS_SESSION_BUS_ADDRESS": "", "XDG_RUNTIME_DIR": ""]
    }

    func notifications() -> [String] {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    @Test func aScheduledMomentRemindsOnceEvenWhenTheTimerFiresTwiceOrLate() {
        let first = runTandem(["remind", "evening-2130"], environment: desktop("2026-12-02T21:30:05"), home: home)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(notifications() == ["--app-name=Tandem|--category=reminder|Tandem: wind down and reconnect|When you are ready: tandem run evening|"])
        // The same moment again (a second timer, a resume): nothing more.
        let again = runTandem(["remind", "evening-2130"], environment: desktop("2026-12-02T21:40:00"), home: home)
        #expect(again.stdout.contains("Already reminded"))
        // Asleep for two days: on wake, one reminder, for the latest moment missed.
        runTandem(["remind", "evening-2130"], environment: desktop("2026-12-05T08:00:00"), home: home)
        runTandem(["remind", "evening-2130"], environment: desktop("2026-12-05T08:00:01"), home: home)
        #expect(notifications().count == 2)
        #expect(runTandem(["remind", "evening-2130"], environment: desktop("2026-12-02T10:00:00"), home: makeTemporaryHome()).status == 2,
                "a home without the routine has no such reminder")
    }

    @Test func withoutADesktopItWaitsInTheInboxThatTodayAndDueShow() {
        let sent = runTandem(["remind", "evening-2130"], environment: headless("2026-12-02T21:31:00"), home: home)
        #expect(sent.stdout.contains("waiting in the inbox"))
        #expect(notifications().isEmpty)
        let prompt = runTandem(["due", "--prompt"], environment: headless("2026-12-02T21:45:00"), home: home)
        #expect(prompt.stdout == "evening 21:30\n")
        let today = runTandem(["today"], environment: headless("2026-12-02T21:46:00"), home: home)
        #expect(today.stdout.contains("Reminders waiting"))
        #expect(today.stdout.contains("wind down and reconnect"))
        // Seen once shown: the next look has nothing waiting.
        #expect(!runTandem(["today"], environment: headless("2026-12-02T21:47:00"), home: home).stdout.contains("Reminders waiting"))
        #expect(runTandem(["due", "--prompt"], environment: headless("2026-12-02T21:48:00"), home: home).stdout == "")
    }

    @Test func aHabitDoneTodayDoesNotRemind() {
        #expect(runTandem(["adopt", "daily.gratitude", "--remind", "21:00"], environment: headless("2026-12-02T09:00:00"), home: home).status == 0)
        #expect(runTandem(["due", "--prompt"], environment: headless("2026-12-02T09:00:00"), home: home).stdout == "1 due · daily.gratitude 21:00\n")
        runTandem(["done", "daily.gratitude"], environment: headless("2026-12-02T20:00:00"), home: home)
        let after = runTandem(["remind", "habit-daily.gratitude"], environment: desktop("2026-12-02T21:00:00"), home: home)
        #expect(after.stdout.contains("done today already"))
        #expect(notifications().isEmpty)
        // The next day it reminds again.
        runTandem(["remind", "habit-daily.gratitude"], environment: desktop("2026-12-03T21:00:10"), home: home)
        #expect(notifications().count == 1)
        #expect(runTandem(["adopt", "daily.gratitude", "--remind", "25:00"], home: home).status == 2)
        #expect(runTandem(["adopt", "daily.gratitude", "--remind", "off"], home: home).stdout.contains("Reminder cleared"))
        #expect(runTandem(["remind", "habit-daily.gratitude"], home: home).status == 2)
    }

    @Test func theCachedPromptIsTheSameAndAWriteRefreshesIt() {
        let now = "2026-12-02T09:00:00"
        runTandem(["adopt", "daily.gratitude"], environment: headless(now), home: home)
        let first = runTandem(["due", "--prompt"], environment: headless(now), home: home)
        #expect(first.stdout == "1 due · evening 21:30\n", "\(first.stdout)")
        // The second run is served from the cache (same text).
        #expect(runTandem(["due", "--prompt"], environment: headless(now), home: home).stdout == first.stdout)
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent("due-cache").path))
        runTandem(["done", "daily.gratitude"], environment: headless(now), home: home)
        #expect(runTandem(["due", "--prompt"], environment: headless(now), home: home).stdout == "evening 21:30\n")
    }

    @Test func anUnattendedScheduleRunsItsRoutine() {
        let ran = runTandem(["remind", "tidy-0700"], environment: headless("2026-12-03T07:00:30"), home: home)
        #expect(ran.status == 0, "\(ran.stderr)")
        #expect(runTandem(["journal", "--search", "the morning note"], home: home).stdout.contains("the morning note"))
        // Asking in an unattended routine is a check error.
        let asks = home.appendingPathComponent("asks.routine")
        try? "routine ask_me() { let a = ask \"why?\" }\nevery day at 07:00 run ask_me unattended\n".write(to: asks, atomically: true, encoding: .utf8)
        let checked = runTandem(["check", asks.path], home: home)
        #expect(checked.status == 2)
        #expect(checked.stderr.contains("scheduled to run unattended, but it asks"))
    }
}
