import Foundation
import TandemKit

/// Text for the terminal: heatmaps, strength bars and sparklines. Every
/// piece reads without colour; colour, when on, only adds emphasis.
public enum JournalText {
    /// The symbol of a heatmap cell: `#` done, `~` skipped, `.` missed,
    /// `-` not due, a space before the first entry.
    public static func symbol(_ cell: DayCell) -> String {
        switch cell {
        case .done: "#"
        case .skipped: "~"
        case .missed: "."
        case .notDue: "-"
        case .untracked: " "
        case .open: "_"
        }
    }

    static func styled(_ cell: DayCell, _ style: TextStyle) -> String {
        let symbol = symbol(cell)
        switch cell {
        case .done: return style.color(symbol, .green)
        case .skipped: return style.color(symbol, .yellow)
        case .missed: return style.color(symbol, .red)
        case .notDue, .open: return style.dim(symbol)
        case .untracked: return symbol
        }
    }

    /// A bar of `width` cells filled in proportion to `fraction` (0…1),
    /// followed by the percentage: `[█████░░░░░]  52%`.
    public static func bar(_ fraction: Double, width: Int = 20, style: TextStyle = .plain) -> String {
        let clamped = min(1, max(0, fraction))
        let filled = Int((clamped * Double(width)).rounded())
        let color: TextStyle.Color = clamped >= 0.7 ? .green : clamped >= 0.4 ? .yellow : .red
        let percent = String(format: "%3.0f%%", clamped * 100)
        return "[" + style.color(String(repeating: "█", count: filled), color)
            + String(repeating: "░", count: width - filled) + "] " + percent
    }

    /// A sparkline of values from 1 to 10: `▁▃▅█`.
    public static func sparkline(_ values: [Int]) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        return String(values.map { blocks[min(7, max(0, Int((Double($0 - 1) * 7 / 9).rounded())))] })
    }

    /// The heatmap: seven rows (Monday to Sunday), one column per week, the
    /// as-of date in the last column, and month names above.
    public static func heatmap(_ cells: [DayCell], start: LocalDay, style: TextStyle = .plain) -> [String] {
        let weeks = (cells.count + 6) / 7
        var monthLine = [Character](repeating: " ", count: weeks * 2 + 1)
        // A label where each month starts; from the right, so that when two
        // collide the later month keeps its name.
        var starts: [(week: Int, month: Int)] = []
        for week in 0..<weeks {
            let month = start.adding(days: week * 7).components.month
            if starts.last?.month != month { starts.append((week, month)) }
        }
        var limit = monthLine.count
        for (week, month) in starts.reversed() where week * 2 + 3 < limit {
            for (offset, character) in LocalDay.monthNames[month - 1].enumerated() { monthLine[week * 2 + offset] = character }
            limit = week * 2
        }
        var lines = ["     " + String(monthLine).trimmingTrailingSpaces()]
        let labels = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        for row in 0..<7 {
            var line = labels[row] + "  "
            for week in 0..<weeks {
                let index = week * 7 + row
                line += index < cells.count ? styled(cells[index], style) : " "
                if week < weeks - 1 { line += " " }
            }
            lines.append(line.trimmingTrailingSpaces())
        }
        return lines
    }

    /// Habits younger than this many days get no heatmap unless asked (`--long`): a
    /// 26-week grid of a week-old habit is mostly empty.
    public static let heatmapAge = 28

    /// The whole `tandem stats` text: one overview row per habit, then each
    /// habit in detail (its heatmap once it is older than ``heatmapAge`` days,
    /// or always with `long`), the check-ins, and what we did together.
    /// Titles, names and ids from the journal are shown ``TerminalText``-escaped.
    public static func render(_ stats: JournalStats, style: TextStyle = .plain, width: Int = 80, long: Bool = false, whose: String? = nil) -> String {
        var out = style.bold("Tandem stats as of \(stats.asOf)" + (whose.map { " (\($0.terminalSafe))" } ?? "")) + "\n"
        if stats.habits.isEmpty {
            out += "\nNo habits adopted yet. Try: tandem adopt daily.gratitude\n"
        } else {
            out += "\n" + overview(stats.habits, style: style, width: width)
        }
        var drewHeatmap = false
        for habit in stats.habits {
            out += "\n" + TextLayout.paragraph(
                style.bold(habit.title.terminalSafe) + "  " + style.color(habit.id.terminalSafe, .cyan)
                    + "  (\(habit.schedule.terminalSafe), \(habit.cadence.terminalSafe))", width: width, hanging: "  ")
            out += "  strength  " + bar(habit.strength, style: style) + "\n"
            out += "  streak    \(days(habit.currentStreak)) now, best \(days(habit.bestStreak))\n"
            out += "  last 30   \(habit.doneLast30) of 30 days done\n"
            let age = (habit.firstEntry ?? habit.adoptedOn).days(to: stats.asOf)
            if let start = habit.heatmapStart, !habit.heatmap.isEmpty, long || age >= heatmapAge {
                for line in heatmap(habit.heatmap, start: start, style: style) { out += "  " + line + "\n" }
                drewHeatmap = true
            }
        }
        if !stats.habits.isEmpty {
            out += "\n  " + style.dim("# done  ~ skipped  . missed  - not due  _ today, still open") + "\n"
            if !drewHeatmap && !long { out += "  " + style.dim("(heatmaps appear once a habit is \(heatmapAge) days old; --long shows them now)") + "\n" }
        }
        let checkIns = stats.checkIns
        out += "\n" + style.bold("Check-ins") + "\n"
        if checkIns.count == 0 {
            out += "  none yet. Try: tandem checkin\n"
        } else {
            out += "  connection  " + sparkline(checkIns.recent.map(\.connection))
                + "  (last \(checkIns.recent.count), latest \(checkIns.recent.last.map { "\($0.connection)/10" } ?? "-"))\n"
            out += "  average     " + String(format: "%.1f", checkIns.average ?? 0) + " over \(checkIns.count) check-in\(checkIns.count == 1 ? "" : "s")"
            if let last30 = checkIns.last30Average { out += ", last 30 days " + String(format: "%.1f", last30) }
            out += ", trend \(checkIns.trend)\n"
        }
        if let together = stats.together { out += "\n" + render(together, me: whose ?? "me", mine: checkIns, style: style, width: width) }
        return out
    }

    /// One row per habit: title, strength, streak, best, done in the last
    /// 30 days and the last 14 days as cells.
    static func overview(_ habits: [HabitStats], style: TextStyle, width: Int) -> String {
        let titleWidth = max(8, min(28, width - 50, habits.map { $0.title.terminalSafe.count }.max() ?? 8))
        var out = style.dim(TextLayout.pad("habit", to: titleWidth) + "  strength        now  best  30d  last 14 days") + "\n"
        for habit in habits {
            let title = habit.title.terminalSafe
            let shown = title.count > titleWidth ? String(title.prefix(titleWidth - 1)) + "…" : title
            let cells = habit.recent.map { styled($0, style) }.joined()
            out += TextLayout.pad(shown, to: titleWidth) + "  " + bar(habit.strength, width: 8, style: style)
                + String(format: "  %3d  %4d  %3d  ", habit.currentStreak, habit.bestStreak, habit.doneLast30) + cells + "\n"
        }
        return out
    }

    /// The together view: habits both track, and both check-ins side by side.
    static func render(_ together: TogetherStats, me: String, mine: CheckInStats, style: TextStyle, width: Int) -> String {
        let partner = together.partner.terminalSafe
        var out = style.bold("Together with \(partner)") + "\n"
        if together.habits.isEmpty {
            out += TextLayout.paragraph("No habit that you both track yet. Adopt one of \(partner)'s (tandem today --who partner shows them).", width: width, indent: "  ")
        }
        for habit in together.habits {
            out += TextLayout.paragraph(
                style.bold(habit.title.terminalSafe) + ": both did it \(habit.bothDoneLast30) of the last 30 days, together \(days(habit.togetherStreak)) in a row; "
                    + "strength \(me.terminalSafe) " + String(format: "%.0f%%", habit.myStrength * 100) + ", \(partner) " + String(format: "%.0f%%", habit.partnerStrength * 100),
                width: width, indent: "  ")
        }
        let nameWidth = max(me.terminalSafe.count, partner.count)
        for (name, figures) in [(me.terminalSafe, mine), (partner, together.partnerCheckIns)] {
            let line = figures.count == 0 ? "no check-ins yet"
                : sparkline(figures.recent.map(\.connection)) + "  average " + String(format: "%.1f", figures.last30Average ?? figures.average ?? 0)
                    + (figures.last30Average != nil ? " (last 30 days)" : "")
            out += "  " + TextLayout.pad(name, to: nameWidth) + "  " + line + "\n"
        }
        if let gap = together.gapLast30 {
            out += "  " + TextLayout.pad("gap", to: nameWidth) + "  " + String(format: "%.1f", gap) + " points apart on the days you both checked in (last 30 days)"
                + (together.gapTrend == "unknown" ? "" : ", \(together.gapTrend)") + "\n"
        }
        return out
    }

    static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
