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
        }
    }

    static func styled(_ cell: DayCell, _ style: TextStyle) -> String {
        let symbol = symbol(cell)
        switch cell {
        case .done: return style.color(symbol, .green)
        case .skipped: return style.color(symbol, .yellow)
        case .missed: return style.color(symbol, .red)
        case .notDue: return style.dim(symbol)
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

    /// The whole `tandem stats` text, each habit's heading wrapped at `width`;
    /// titles and ids from the journal are shown ``TerminalText``-escaped.
    public static func render(_ stats: JournalStats, style: TextStyle = .plain, width: Int = 80) -> String {
        var out = style.bold("Tandem stats as of \(stats.asOf)") + "\n"
        if stats.habits.isEmpty {
            out += "\nNo habits adopted yet. Try: tandem adopt daily.gratitude\n"
        }
        for habit in stats.habits {
            out += "\n" + TextLayout.paragraph(
                style.bold(habit.title.terminalSafe) + "  " + style.color(habit.id.terminalSafe, .cyan)
                    + "  (\(habit.schedule.terminalSafe), \(habit.cadence.terminalSafe))", width: width, hanging: "  ")
            out += "  strength  " + bar(habit.strength, style: style) + "\n"
            out += "  streak    \(days(habit.currentStreak)) now, best \(days(habit.bestStreak))\n"
            out += "  last 30   \(habit.doneLast30) of 30 days done\n"
            if let start = habit.heatmapStart, !habit.heatmap.isEmpty {
                for line in heatmap(habit.heatmap, start: start, style: style) { out += "  " + line + "\n" }
            }
        }
        if !stats.habits.isEmpty {
            out += "\n  " + style.dim("# done  ~ skipped  . missed  - not due") + "\n"
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
