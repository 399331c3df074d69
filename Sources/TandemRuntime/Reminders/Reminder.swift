import Foundation
import TandemJournal
import TandemKit
import TandemRoutine

/// Something that reminds the person at set times: a schedule of a saved
/// routine (`every day at 21:30 run evening`) or a habit's reminder
/// (`tandem adopt ID --remind 21:00`). Timers, calendars and `tandem remind`
/// all read this one list.
public struct Reminder: Sendable, Hashable {
    /// Where a reminder comes from.
    public enum Source: Sendable, Hashable {
        /// A schedule in a saved routine file (`evening.routine`): the routine
        /// it calls and the arguments as written.
        case routine(file: String, routine: String, arguments: [String], unattended: Bool)
        /// A habit's daily reminder.
        case habit(id: String)
    }

    /// A stable name, safe in a file name: `evening-2130`, `evening-2000-mon-thu`, `habit-daily.gratitude`.
    public var name: String
    /// What it is about, for the notification: the routine file's first
    /// comment, or the habit's title.
    public var title: String
    /// The days it fires.
    public var days: [Weekday]
    /// The hour, 0-23.
    public var hour: Int
    /// The minute, 0-59.
    public var minute: Int
    /// The IANA zone of the time; the user's own when `nil`.
    public var zone: String?
    /// What the person runs: `tandem run evening`, `tandem done daily.gratitude`.
    public var command: String
    /// Where it comes from.
    public var source: Source

    /// Creates a reminder; ``Runtime/reminders()`` makes them from the routines and habits.
    public init(
        name: String, title: String, days: [Weekday], hour: Int, minute: Int, zone: String?, command: String, source: Source
    ) {
        self.name = name
        self.title = title
        self.days = days
        self.hour = hour
        self.minute = minute
        self.zone = zone
        self.command = command
        self.source = source
    }

    /// "every day at 21:30", "every mon, thu at 20:00 in America/New_York".
    public var whenText: String {
        let dayText = days.count == 7 ? "day" : days.map(\.shortName).joined(separator: ", ")
        return "every \(dayText) at " + String(format: "%02d:%02d", hour, minute) + (zone.map { " in \($0)" } ?? "")
    }

    /// The zone its times are in.
    public func timeZone(user: TimeZone) -> TimeZone { zone.flatMap(TimeZone.init(identifier:)) ?? user }

    /// The scheduled moments after `date` (not at it), at most `count`.
    ///
    /// A time that does not exist on a day (it falls in the hour skipped when
    /// clocks go forward) does not fire that day; a time that happens twice
    /// (clocks going back) fires once, the first time. That is what systemd
    /// does (`systemd-analyze calendar` of systemd 252 shows it), so this
    /// list agrees with the installed timers.
    public func moments(after date: Date, count: Int, user: TimeZone) -> [Date] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone(user: user)
        var result: [Date] = []
        var day = calendar.startOfDay(for: date)
        var guardDays = 0
        while result.count < count, guardDays < 3_700 {
            let weekday = calendar.component(.weekday, from: day)
            if days.contains(where: { $0.rawValue == weekday }) {
                var parts = calendar.dateComponents([.year, .month, .day], from: day)
                parts.hour = hour
                parts.minute = minute
                // Foundation moves a time that does not exist past the gap; systemd skips the day.
                if let time = calendar.date(from: parts), time > date,
                   calendar.component(.hour, from: time) == hour, calendar.component(.minute, from: time) == minute {
                    result.append(time)
                }
            }
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { break }
            day = next
            guardDays += 1
        }
        return result
    }

    /// The latest scheduled moment at or before `date` within the last
    /// `window` seconds: the moment a timer that fires at `date` is for.
    public func moment(endingAt date: Date, window: TimeInterval, user: TimeZone) -> Date? {
        moments(after: date.addingTimeInterval(-window - 1), count: 64, user: user).last { $0 <= date }
    }
}

extension Runtime {
    /// Every reminder: the schedules of the saved routines, then the habits'
    /// reminders, each with a unique name.
    public func reminders() throws -> [Reminder] {
        var list: [Reminder] = []
        let folder = environment.routinesDirectory
        for name in RoutineFileLookup.savedNames(in: folder) {
            let path = folder.appendingPathComponent(name + ".routine").path
            let program = RoutineProgram.load(path: path)
            let title = Self.description(ofRoutineAt: path) ?? name
            for schedule in program.schedules {
                let days = schedule.days.count == 7 ? "" : "-" + schedule.days.map(\.shortName).joined(separator: "-")
                list.append(Reminder(
                    name: "\(schedule.routine)-" + String(format: "%02d%02d", schedule.hour, schedule.minute) + days,
                    title: title, days: schedule.days, hour: schedule.hour, minute: schedule.minute, zone: schedule.zone,
                    command: Self.runCommand(file: name, schedule),
                    source: .routine(
                        file: name + ".routine", routine: schedule.routine, arguments: schedule.argumentTexts,
                        unattended: schedule.unattended)))
            }
        }
        if let journal = try existingJournal() {
            for reminder in try journal.habitReminders() {
                list.append(Reminder(
                    name: "habit-\(reminder.habit.id)", title: reminder.habit.title, days: Weekday.allCases.sorted(),
                    hour: reminder.hour, minute: reminder.minute, zone: nil, command: "tandem done \(reminder.habit.id)",
                    source: .habit(id: reminder.habit.id)))
            }
        }
        // Two schedules of one routine at the same time on other days keep their names apart.
        var seen: [String: Int] = [:]
        for index in list.indices {
            let count = seen[list[index].name, default: 0]
            seen[list[index].name] = count + 1
            if count > 0 { list[index].name += "-\(count + 1)" }
        }
        return list
    }

    /// The command that runs a schedule's routine: `tandem run evening`,
    /// `tandem run week date_night "Sam"` (arguments as the schedule writes them, quoted for a shell).
    static func runCommand(file: String, _ schedule: Schedule) -> String {
        var words = ["tandem", "run", file]
        if schedule.routine != file || !schedule.arguments.isEmpty { words.append(schedule.routine) }
        words += schedule.argumentTexts.map { $0.hasPrefix("\"") ? "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" : $0 }
        return words.joined(separator: " ")
    }

    /// A routine file's description: its first comment line, without a
    /// leading `NAME.routine:`.
    static func description(ofRoutineAt path: String) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let first = text.split(separator: "\n", omittingEmptySubsequences: true).first,
              first.hasPrefix("#")
        else { return nil }
        var line = first.dropFirst().trimmingCharacters(in: .whitespaces)
        if let colon = line.firstIndex(of: ":"), line[..<colon].hasSuffix(".routine") {
            line = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return line.isEmpty ? nil : String(line.prefix(120))
    }
}
