/// "Did you mean …?" suggestions for ids people mistype.
public enum Suggestions {
    /// The candidates closest to `text`, best first: those within an edit
    /// distance that grows with the length of `text`, or that start with it.
    /// A candidate given more than once (callers often join lists that
    /// overlap) is named once.
    public static func closest(to text: String, in candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let needle = text.lowercased()
        let allowed = max(2, needle.count / 3)
        var scored: [(distance: Int, candidate: String)] = []
        var seen = Set<String>()
        for candidate in candidates where seen.insert(candidate).inserted {
            let lowered = candidate.lowercased()
            let distance = editDistance(needle, lowered)
            // A prefix or the part after the module's dot counts as close too.
            let slug = lowered.split(separator: ".", maxSplits: 1).last.map(String.init) ?? lowered
            let best = min(distance, lowered.hasPrefix(needle) && !needle.isEmpty ? 1 : distance, editDistance(needle, slug) + 1)
            if best <= allowed { scored.append((best, candidate)) }
        }
        scored.sort { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }
        return Array(scored.prefix(limit).map(\.candidate))
    }

    /// The Levenshtein distance between two strings (insertions, deletions
    /// and substitutions of characters).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// " (did you mean 'x'?)" text for an error message, or "" when nothing is close.
    public static func hint(for text: String, in candidates: some Sequence<String>) -> String {
        let found = closest(to: text, in: candidates)
        guard !found.isEmpty else { return "" }
        return " (did you mean " + found.map { "'\($0)'" }.joined(separator: " or ") + "?)"
    }
}
