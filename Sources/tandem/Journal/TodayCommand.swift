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
    }

    func run(on runtime: Runtime) throws {
        let environment = runtime.environment
        let today = LocalDay(environment.now, in: environment.timeZone)
        let items = try runtime.existingJournal()?.dueToday(asOf: today) ?? []
        if output.json {
            let list = items.map { (item: DueItem) -> Item in
                let mark: String
                switch item.mark {
                case .done: mark = "done"
                case .skipped: mark = "skipped"
                case .none: mark = "none"
                }
                return Item(
                    id: item.habit.id, title: item.habit.title, cadence: item.habit.cadence.fraction,
                    schedule: item.habit.cadence.description,
                    mark: mark,
                    due: item.isDue, doneInWindow: item.doneInWindow, currentStreak: item.currentStreak, atRisk: item.atRisk)
            }
            struct Today: Encodable { var date: String; var habits: [Item] }
            try JournalAccess.printJSON(to: runtime, Today(date: today.description, habits: list))
            return
        }
        let style = runtime.environment.style
        let width = runtime.environment.readingWidth
        var out = style.bold("Today, \(today)") + "\n"
        if items.isEmpty {
            out += TextLayout.paragraph("No habits adopted yet. Browse practices with: tandem practices; then: tandem adopt ID", width: width)
        }
        for item in items {
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
            out += TextLayout.paragraph(line, width: width, hanging: "    ")
        }
        runtime.environment.output.write(out)
    }
}
