import ArgumentParser
import Foundation
import TandemCatalog
import TandemJournal
import TandemKit
import TandemRuntime

/// `tandem today [--json]`
struct TodayCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "today", abstract: "Show what is due today and which streaks are at risk.")

    @OptionGroup var who: WhoOptions

    @OptionGroup var output: OutputOptions

    struct Item: Encodable {
        var id: String
        var title: String
        var cadence: String
        var schedule: String
        var mark: String
        var due: Bool
        var doneInWindow: Int
        var currentStreak: Int
        var atRisk: Bool
        /// The partner's mark today, when both track the habit.
        var partnerMark: String?
    }

    struct Member: Encodable {
        var name: String
        var habits: [Item]
    }

    static func markName(_ mark: DayMark) -> String {
        switch mark {
        case .done: "done"
        case .skipped: "skipped"
        case .none: "none"
        }
    }

    func run(on runtime: Runtime) throws {
        let environment = runtime.environment
        let today = LocalDay(environment.now, in: environment.timeZone)
        let journal = try runtime.existingJournal()
        let who = who.who ?? .me
        let partnerID = try who.partner(in: journal)
        let profile = runtime.profile
        let mine = try journal?.dueToday(asOf: today) ?? []
        let theirs = try partnerID.flatMap { try journal?.dueToday(asOf: today, author: $0) } ?? []
        let partnerMarks = Dictionary(theirs.map { ($0.habit.id, $0.mark) }, uniquingKeysWith: { first, _ in first })
        let myMarks = Dictionary(mine.map { ($0.habit.id, $0.mark) }, uniquingKeysWith: { first, _ in first })
        var sections: [(name: String, items: [DueItem], other: [String: DayMark], otherName: String)] = []
        let myName = profile.myName ?? "me", partnerName = profile.partnerName ?? "partner"
        if who != .partner { sections.append((myName, mine, partnerMarks, partnerName)) }
        if who != .me { sections.append((partnerName, theirs, myMarks, myName)) }
        if output.json {
            func items(_ list: [DueItem], _ other: [String: DayMark]) -> [Item] {
                list.map { item in
                    Item(
                        id: item.habit.id, title: item.habit.title, cadence: item.habit.cadence.fraction,
                        schedule: item.habit.cadence.description, mark: Self.markName(item.mark),
                        due: item.isDue, doneInWindow: item.doneInWindow, currentStreak: item.currentStreak, atRisk: item.atRisk,
                        partnerMark: other[item.habit.id].map(Self.markName))
                }
            }
            struct Today: Encodable { var date: String; var habits: [Item]; var partner: Member? }
            let first = sections[0]
            let partner = sections.count > 1 ? Member(name: sections[1].name, habits: items(sections[1].items, sections[1].other)) : nil
            try JournalAccess.printJSON(to: runtime, Today(date: today.description, habits: items(first.items, first.other), partner: partner))
            return
        }
        let style = runtime.environment.style
        let width = runtime.environment.readingWidth
        var out = ""
        for (index, section) in sections.enumerated() {
            if index > 0 { out += "\n" }
            let whose = who == .me ? "" : " (\(section.name.terminalSafe))"
            out += style.bold("Today, \(today)\(whose)") + "\n"
            if section.items.isEmpty {
                out += TextLayout.paragraph(
                    index == 0 && who != .partner
                        ? "No habits adopted yet. Browse practices with: tandem practices; then: tandem adopt ID"
                        : "No habits adopted yet.", width: width)
            }
            for item in section.items {
                out += TextLayout.paragraph(line(item, other: section.other[item.habit.id], otherName: section.otherName, style), width: width, hanging: "    ")
            }
        }
        // Reminders that found no desktop wait here until seen.
        if who != .partner, let journal, !(try journal.waitingReminders()).isEmpty {
            let summary = try runtime.dueSummary()
            out += "\n" + style.bold("Reminders waiting") + "\n"
                + DueCommand.lines(DueSummary(date: summary.date, habits: [], waiting: summary.waiting, upcoming: []), runtime.environment, empty: nil)
            try journal.markRemindersSeen()
        }
        runtime.environment.output.write(out)
    }

    func line(_ item: DueItem, other: DayMark?, otherName: String, _ style: TextStyle) -> String {
        let box: String
        var status: String
        switch item.mark {
        case .done: box = style.color("[x]", .green); status = "done"
        case .skipped: box = style.color("[~]", .yellow); status = "skipped"
        case .none:
            box = item.isDue ? "[ ]" : style.dim("[-]")
            if item.isDue {
                status = "due"
            } else {
                status = "not due today"
                if case .timesPer = item.habit.cadence {
                    status += " (\(item.doneInWindow) of \(item.habit.cadence.timesPerPeriod) in the last \(item.habit.cadence.periodDays) days)"
                }
            }
        }
        var line = "\(box) \(item.habit.title.terminalSafe) (\(style.color(item.habit.id.terminalSafe, .cyan)), \(item.habit.cadence)): \(status)"
        if item.currentStreak > 0 {
            line += "; streak \(JournalAccess.days(item.currentStreak))"
            if item.atRisk { line += " " + style.color("at risk", .yellow) }
        }
        if let other {
            let theirs = other == .done ? style.color("done", .green) : other == .skipped ? "skipped" : "not yet"
            line += " · \(otherName.terminalSafe): \(theirs)"
        }
        return line
    }
}
