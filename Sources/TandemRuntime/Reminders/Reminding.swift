import Foundation
import TandemJournal
import TandemKit
import TandemSystem

/// What `tandem remind NAME` did.
public enum RemindOutcome: Sendable, Hashable {
    /// A desktop notification was shown.
    case notified(String)
    /// No desktop to show it on (no session bus, or no `notify-send`): it
    /// waits in the inbox that `today`, `due` and the REPL banner show.
    case inbox(String)
    /// This scheduled moment reminded already (a timer firing twice, late, or after a resume).
    case alreadyReminded(Date)
    /// No scheduled moment has come yet.
    case notDue
    /// The habit is done (or skipped) today already.
    case habitDone
}

extension Reminder {
    /// How far back a late timer may still remind of a missed moment (a laptop asleep for a week).
    public static let catchUpWindow: TimeInterval = 8 * 86_400

    /// How far back `tandem remind --on-time` looks: the crontab lines of a
    /// reminder converted from another zone fire at times that are its
    /// moments only in some weeks, and must do nothing in the others.
    public static let onTimeWindow: TimeInterval = 10 * 60

    /// A short label for the shell prompt: the routine, or the habit id.
    public var label: String {
        switch source {
        case .routine(_, let routine, _, _): routine
        case .habit(let id): id
        }
    }

    /// The notification's body: what to run.
    public var body: String {
        switch source {
        case .routine(_, _, _, let unattended) where unattended: "Tandem ran it for you: \(command)"
        case .routine: "When you are ready: \(command)"
        case .habit: "Mark it when done: \(command)"
        }
    }
}

extension Runtime {
    /// The reminder called `name`.
    ///
    /// - Throws: ``CommandFailure`` (exit code 2) naming the closest ones.
    public func reminder(named name: String) throws -> Reminder {
        let all = try reminders()
        guard let found = all.first(where: { $0.name == name }) else {
            let names = all.map(\.name)
            throw CommandFailure(
                "no reminder called '\(name.terminalSafe)'\(Suggestions.hint(for: name, in: names))"
                    + (names.isEmpty ? "; schedules come from saved routines ('every day at 21:30 run evening') and tandem adopt ID --remind HH:MM" : "; see tandem schedule"))
        }
        return found
    }

    /// Reminds of the latest scheduled moment of `reminder` that has come
    /// in the last `window` seconds, once: a notification where a desktop
    /// is there, else the inbox. The moment is recorded in the same
    /// transaction that checks it, so two timers firing at once, or one
    /// firing late after a resume, remind once.
    public func remind(_ reminder: Reminder, window: TimeInterval = Reminder.catchUpWindow) throws -> RemindOutcome {
        let now = environment.now
        guard let moment = reminder.moment(endingAt: now, window: window, user: environment.timeZone) else { return .notDue }
        let journal = try journal()
        if case .habit(let id) = reminder.source,
           let item = try journal.dueToday(asOf: environment.today).first(where: { $0.habit.id == id }), item.mark != .none {
            return .habitDone
        }
        let text = reminder.title + " — " + reminder.body
        let notifier = environment.sessionBus == nil ? nil : environment.program(named: "notify-send")
        guard try journal.recordReminded(reminder.name, due: moment, delivery: notifier == nil ? "inbox" : "notification", text: text) else {
            return .alreadyReminded(moment)
        }
        if let notifier, Self.notify(notifier, title: "Tandem: " + reminder.title, body: reminder.body) {
            return .notified(text)
        }
        if notifier != nil { try journal.addToInbox(reminder.name, due: moment, text: text) }
        return .inbox(text)
    }

    /// Runs `notify-send`; true when it showed the notification.
    static func notify(_ program: String, title: String, body: String) -> Bool {
        // Text from routine files is the person's own, but it goes to another program: no control characters.
        let result = try? ChildProcess.run(program, ["--app-name=Tandem", "--category=reminder", title.terminalSafe, body.terminalSafe], timeout: 30)
        return result?.status == 0
    }
}
