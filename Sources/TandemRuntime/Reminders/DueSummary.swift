import Foundation
import TandemJournal
import TandemKit
import TandemRoutine
import TandemSystem

/// What is due now: the habits still to do today, the reminders waiting in
/// the inbox, and today's reminders still to come. `tandem due` prints it;
/// `tandem due --prompt` prints one short segment of it for a shell prompt.
public struct DueSummary: Sendable, Hashable {
    /// The day it is about.
    public var date: LocalDay
    /// Habits due today and not marked yet: id and title.
    public var habits: [(id: String, title: String)]
    /// Reminders waiting in the inbox: label, moment and text.
    public var waiting: [(label: String, due: Date, text: String)]
    /// Today's reminders still to come: label and moment.
    public var upcoming: [(label: String, at: Date)]

    /// Creates a summary.
    public init(date: LocalDay, habits: [(id: String, title: String)], waiting: [(label: String, due: Date, text: String)], upcoming: [(label: String, at: Date)]) {
        self.date = date
        self.habits = habits
        self.waiting = waiting
        self.upcoming = upcoming
    }

    /// Compares summaries field by field.
    public static func == (a: DueSummary, b: DueSummary) -> Bool {
        a.date == b.date && a.habits.elementsEqual(b.habits, by: ==) && a.waiting.elementsEqual(b.waiting, by: ==)
            && a.upcoming.elementsEqual(b.upcoming, by: ==)
    }

    /// Hashes the day (summaries are compared whole).
    public func hash(into hasher: inout Hasher) { hasher.combine(date) }

    /// "2 due · evening 21:30": what a shell prompt shows, or `nil` when
    /// nothing is due. A waiting reminder comes before one still to come.
    public func promptSegment(now: Date, timeZone: TimeZone) -> String? {
        var parts: [String] = []
        if !habits.isEmpty { parts.append("\(habits.count) due") }
        let clock = { (date: Date) -> String in
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let parts = calendar.dateComponents([.hour, .minute], from: date)
            return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        }
        if let late = waiting.last {
            parts.append("\(late.label) \(clock(late.due))" + (waiting.count > 1 ? " +\(waiting.count - 1)" : ""))
        } else if let next = upcoming.first(where: { $0.at > now }) {
            parts.append("\(next.label) \(clock(next.at))")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ").terminalSafe
    }

    // MARK: The cache

    /// The summary as the cache keeps it, with the stamp it is valid for.
    func cacheText(stamp: String) -> String {
        var lines = ["tandem-due-cache 1", "stamp \(stamp)", "date \(date)"]
        for habit in habits { lines.append("habit \(habit.id) \(habit.title)") }
        for item in waiting { lines.append("waiting \(item.due.timeIntervalSince1970) \(item.label)") }
        for item in upcoming { lines.append("upcoming \(item.at.timeIntervalSince1970) \(item.label)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The summary a cache file holds, when it was written for `stamp`.
    static func fromCache(_ text: String, stamp: String) -> DueSummary? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
        guard lines.next() == "tandem-due-cache 1", lines.next() == Substring("stamp \(stamp)"),
              let dateLine = lines.next(), dateLine.hasPrefix("date "), let date = LocalDay(parsingAnyYear: String(dateLine.dropFirst(5)))
        else { return nil }
        var summary = DueSummary(date: date, habits: [], waiting: [], upcoming: [])
        while let line = lines.next() {
            let words = line.split(separator: " ", maxSplits: 2).map(String.init)
            guard words.count == 3 else { continue }
            switch words[0] {
            case "habit": summary.habits.append((words[1], words[2]))
            case "waiting": if let t = Double(words[1]) { summary.waiting.append((words[2], Date(timeIntervalSince1970: t), "")) }
            case "upcoming": if let t = Double(words[1]) { summary.upcoming.append((words[2], Date(timeIntervalSince1970: t))) }
            default: continue
            }
        }
        return summary
    }
}

extension Runtime {
    /// What is due now, read from the journal and the saved routines.
    public func dueSummary() throws -> DueSummary {
        let today = environment.today
        let now = environment.now
        let journal = try existingJournal()
        let due = try journal?.dueToday(asOf: today) ?? []
        let open = due.filter { $0.isDue && $0.mark == .none }
        let done = Set(due.filter { $0.mark != .none }.map(\.habit.id))
        let all = try reminders()
        let labels = Dictionary(all.map { ($0.name, $0.label) }, uniquingKeysWith: { a, _ in a })
        let waiting = try journal?.waitingReminders().map { ($0.name, $0.due, $0.text) } ?? []
        var upcoming: [(label: String, at: Date)] = []
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = environment.timeZone
        let endOfDay = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: now)) ?? now
        for reminder in all {
            if case .habit(let id) = reminder.source, done.contains(id) { continue }
            for moment in reminder.moments(after: now, count: 3, user: environment.timeZone) where moment < endOfDay {
                upcoming.append((reminder.label, moment))
            }
        }
        upcoming.sort { $0.at < $1.at }
        return DueSummary(
            date: today, habits: open.map { ($0.habit.id, $0.habit.title) },
            waiting: waiting.map { (labels[$0.0] ?? $0.0, $0.1, $0.2) }.sorted { $0.1 < $1.1 }, upcoming: upcoming)
    }

    /// What the due cache is valid for: the day, and the modification times
    /// of the journal (and its WAL) and of the saved routines. Any write to
    /// either changes it, so a stale cache is never read.
    static func dueStamp(_ environment: TandemEnvironment) -> String {
        func mtime(_ path: String) -> String {
            var info = stat()
            guard stat(path, &info) == 0 else { return "-" }
            return "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_size)"
        }
        let journal = environment.journalURL.path
        let routines = environment.routinesDirectory.path
        var parts = [environment.today.description, mtime(journal), mtime(journal + "-wal"), mtime(routines)]
        for name in RoutineFileLookup.savedNames(in: environment.routinesDirectory) { parts.append(mtime(routines + "/" + name + ".routine")) }
        return parts.joined(separator: "|")
    }

    /// The prompt segment from the cache when it is valid for now: no
    /// journal opened, no routine parsed. `nil` when the cache must be rebuilt.
    public static func cachedPromptSegment(_ environment: TandemEnvironment) -> String?? {
        guard let data = FileManager.default.contents(atPath: environment.dueCacheURL.path),
              let summary = DueSummary.fromCache(String(decoding: data, as: UTF8.self), stamp: dueStamp(environment))
        else { return nil }
        return .some(summary.promptSegment(now: environment.now, timeZone: environment.timeZone))
    }

    /// Rebuilds the cache of `tandem due --prompt` (0600, written atomically).
    public func writeDueCache(_ summary: DueSummary) {
        let stamp = Self.dueStamp(environment)
        try? PrivateFolder.make(environment.stateDirectory)
        try? PrivateFile.write(Data(summary.cacheText(stamp: stamp).utf8), to: environment.dueCacheURL, replacing: true)
    }
}
