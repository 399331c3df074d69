import Foundation

/// Everything a completion may offer, gathered once per session (and, for the
/// session's own names, once per Tab).
public struct CompletionVocabulary: Sendable {
    /// The language's keywords: `let`, `routine`, `practice`, …
    public var keywords: [String]
    /// The built-in functions: `len`, `append`, …
    public var builtins: [String]
    /// Meta command names without the colon: `help`, `modules`, module commands…
    public var metaCommands: [String]
    /// Help topics for `:help`.
    public var helpTopics: [String]
    /// Loaded module ids.
    public var moduleIDs: [String]
    /// Per module id, the names after `MODULE.`: practice slugs and functions.
    public var memberNames: [String: [String]]
    /// The full practice ids (`daily.gratitude`), for `:show`, `:done`, `:skip` and `:adopt`.
    public var practiceIDs: [String]

    /// Creates a vocabulary.
    public init(
        keywords: [String] = CompletionVocabulary.languageKeywords, builtins: [String] = CompletionVocabulary.languageBuiltins,
        metaCommands: [String] = [], helpTopics: [String] = [], moduleIDs: [String] = [], memberNames: [String: [String]] = [:],
        practiceIDs: [String] = []
    ) {
        self.keywords = keywords
        self.builtins = builtins
        self.metaCommands = metaCommands
        self.helpTopics = helpTopics
        self.moduleIDs = moduleIDs
        self.memberNames = memberNames.mapValues { $0.sorted() }
        self.practiceIDs = practiceIDs.sorted()
    }

    /// Builds the `MODULE.` member lists from full ids such as `daily.gratitude`.
    public static func members(fromIDs ids: [String]) -> [String: [String]] {
        var members: [String: [String]] = [:]
        for id in ids {
            guard let dot = id.firstIndex(of: ".") else { continue }
            members[String(id[..<dot]), default: []].append(String(id[id.index(after: dot)...]))
        }
        return members
    }

    /// The routine language's keywords.
    public static let languageKeywords = [
        "let", "if", "else", "while", "for", "in", "repeat", "break", "continue", "routine", "return",
        "say", "ask", "number", "yesno", "choice", "from", "practice", "note", "checkin", "tip", "card",
        "timer", "use", "include", "every", "day", "at", "run", "and", "or", "not", "true", "false", "nil",
    ]

    /// The routine language's built-in functions.
    public static let languageBuiltins = [
        "len", "append", "str", "num", "round", "floor", "abs", "min", "max", "join", "split", "upper",
        "lower", "contains", "pop", "random", "pick", "today", "now", "weekday",
    ]
}

/// The result of completing the word before the cursor.
public struct Completion: Sendable, Hashable {
    /// The word being completed, as typed.
    public var word: String
    /// Every candidate that starts with the word, sorted, as full words.
    public var candidates: [String]
    /// What to insert at the cursor: the rest of the only candidate (plus a
    /// space where one always follows), or the candidates' longest common
    /// prefix beyond the word.
    public var insertion: String

    /// No completion.
    public static let none = Completion(word: "", candidates: [], insertion: "")
}

/// Context-aware Tab completion for the REPL: a pure function of the text
/// before the cursor and what the session knows.
///
/// - At the start of a line, `:` completes meta commands; after `:load` and
///   `:run`, file names (and, for `:run`, saved routines); after `:practices`,
///   module ids; after `:show`, `:done`, `:skip` and `:adopt`, practice ids
///   (the module id first, with its dot); after `:tip` and `:card`, module
///   ids; after `:help`, topics and module ids; after `:save`, the session's
///   routines.
/// - In the language, `MODULE.` completes the module's practices and functions
///   (`daily.gr` → `daily.gratitude`); otherwise keywords, built-ins, module
///   ids and the session's routines and variables. After `practice`, a module
///   id completes with its dot.
/// - Nothing completes inside a string.
public struct CompletionEngine: Sendable {
    /// What may be offered.
    public let vocabulary: CompletionVocabulary
    /// Keywords, built-ins and module ids, sorted and without duplicates.
    private let baseNames: [String]
    /// Lists a folder for file-name completion: returns the entries of the
    /// folder (`""` meaning the current folder), folders with a trailing `/`.
    public var listDirectory: @Sendable (String) -> [String]
    /// Names of saved routines (for `:run`).
    public var savedRoutines: @Sendable () -> [String]

    /// Creates an engine.
    public init(
        vocabulary: CompletionVocabulary,
        listDirectory: @escaping @Sendable (String) -> [String] = CompletionEngine.listDirectory,
        savedRoutines: @escaping @Sendable () -> [String] = { [] }
    ) {
        self.vocabulary = vocabulary
        baseNames = Array(Set(vocabulary.keywords + vocabulary.builtins + vocabulary.moduleIDs)).sorted()
        self.listDirectory = listDirectory
        self.savedRoutines = savedRoutines
    }

    /// Completes the word that ends at the cursor.
    ///
    /// - Parameters:
    ///   - line: the current line up to the cursor.
    ///   - sessionNames: routines and variables defined in the session.
    ///   - isContinuation: whether the line continues a multi-line input
    ///     (where `:` does not start a meta command).
    ///   - mapKeys: the keys of the map a variable holds, for `name["` (nil: no map).
    public func complete(
        _ line: String, sessionNames: [String] = [], isContinuation: Bool = false, mapKeys: (String) -> [String]? = { _ in nil }
    ) -> Completion {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        if !isContinuation, trimmed.hasPrefix(":") {
            return completeMeta(String(trimmed))
        }
        if let (variable, typed) = Self.openKey(line), let keys = mapKeys(variable) {
            return completeKey(typed, keys)
        }
        if InputScanner.state(of: line) == .incomplete(open: "\"") { return .none }
        let word = String(line.reversed().prefix { InputScanner.isIdentifierCharacter($0) || $0 == "." }.reversed())
        guard !word.isEmpty, !(word.first?.isNumber ?? false) else { return .none }
        let before = line.dropLast(word.count)
        let previous = before.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).last.map(String.init)

        if let dot = word.firstIndex(of: ".") {
            let module = String(word[..<dot])
            let members = vocabulary.memberNames[module] ?? []
            return finish(word: word, candidates: members.map { "\(module).\($0)" })
        }
        switch previous {
        case "practice", "tip", "card", "use", "use,":
            let ids = vocabulary.moduleIDs.filter { $0.hasPrefix(word) }
            if previous == "practice", ids.count == 1, let id = ids.first {
                return Completion(word: word, candidates: ids, insertion: String(id.dropFirst(word.count)) + ".")
            }
            return finish(word: word, candidates: ids)
        default:
            let names = baseNames.filter { $0.hasPrefix(word) } + sessionNames.filter { $0.hasPrefix(word) }
            return finish(word: word, candidates: names)
        }
    }

    private func completeMeta(_ text: String) -> Completion {
        guard let space = text.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
            let typed = String(text.dropFirst())
            let names = vocabulary.metaCommands.map { ":" + $0 }
            return finish(word: ":" + typed, candidates: names, space: true)
        }
        let command = text[text.index(after: text.startIndex)..<space]
        let rest = text[space...]
        let word = String(rest.reversed().prefix { $0 != " " && $0 != "\t" }.reversed())
        switch command {
        case "load":
            return completeFile(word, routinesOnly: true)
        case "run":
            var result = completeFile(word, routinesOnly: true)
            if !word.contains("/") {
                let saved = savedRoutines().filter { $0.hasPrefix(word) }
                result = finish(word: word, candidates: Array(Set(result.candidates + saved)), space: !saved.isEmpty && result.candidates.isEmpty)
            }
            return result
        case "practices", "tips", "cards", "tip", "card":
            return finish(word: word, candidates: vocabulary.moduleIDs, space: true)
        case "show", "done", "skip", "adopt":
            if word.contains(".") { return finish(word: word, candidates: vocabulary.practiceIDs) }
            let ids = vocabulary.moduleIDs.filter { module in module.hasPrefix(word) && vocabulary.practiceIDs.contains { $0.hasPrefix(module + ".") } }
            if ids.count == 1, let id = ids.first {
                return Completion(word: word, candidates: ids, insertion: String(id.dropFirst(word.count)) + ".")
            }
            return finish(word: word, candidates: ids)
        case "help":
            return finish(word: word, candidates: vocabulary.helpTopics, space: true)
        default:
            return .none
        }
    }

    private func completeFile(_ word: String, routinesOnly: Bool) -> Completion {
        let folder: String
        let base: String
        if let slash = word.lastIndex(of: "/") {
            folder = String(word[...slash])
            base = String(word[word.index(after: slash)...])
        } else {
            folder = ""
            base = word
        }
        let entries = listDirectory(folder).filter { entry in
            guard entry.hasPrefix(base) else { return false }
            if !base.hasPrefix("."), entry.hasPrefix(".") { return false }
            return !routinesOnly || entry.hasSuffix("/") || entry.hasSuffix(".routine")
        }
        let candidates = entries.map { folder + $0 }
        if candidates.count == 1, let only = candidates.first {
            return Completion(word: word, candidates: candidates, insertion: String(only.dropFirst(word.count)) + (only.hasSuffix("/") ? "" : " "))
        }
        return finish(word: word, candidates: candidates)
    }

    /// `name["wa` at the end of the line: the variable and the key typed so
    /// far (plain text: no escape or interpolation started).
    static func openKey(_ line: String) -> (variable: String, typed: String)? {
        guard let quote = line.lastIndex(of: "\"") else { return nil }
        let typed = line[line.index(after: quote)...]
        guard !typed.contains(where: { $0 == "\\" || $0 == "{" || $0 == "}" }), quote > line.startIndex else { return nil }
        let bracket = line.index(before: quote)
        guard line[bracket] == "[" else { return nil }
        let name = String(line[..<bracket].reversed().prefix { InputScanner.isIdentifierCharacter($0) }.reversed())
        guard let first = name.first, !first.isNumber, InputScanner.state(of: line) == .incomplete(open: "\"") else { return nil }
        return (name, String(typed))
    }

    /// The keys that start with what was typed; the only one closes with `"]`.
    private func completeKey(_ typed: String, _ keys: [String]) -> Completion {
        // Keys a string literal could not hold as typed are left out.
        let matching = Array(Set(keys.filter { $0.hasPrefix(typed) && !$0.contains(where: { "\"\\{}\n".contains($0) }) })).sorted()
        guard let first = matching.first else { return Completion(word: typed, candidates: [], insertion: "") }
        if matching.count == 1 { return Completion(word: typed, candidates: matching, insertion: String(first.dropFirst(typed.count)) + "\"]") }
        return Completion(word: typed, candidates: matching, insertion: String(Self.commonPrefix(matching).dropFirst(typed.count)))
    }

    private func finish(word: String, candidates: [String], space: Bool = false) -> Completion {
        let matching = Array(Set(candidates.filter { $0.hasPrefix(word) })).sorted()
        guard let first = matching.first else { return Completion(word: word, candidates: [], insertion: "") }
        if matching.count == 1 {
            return Completion(word: word, candidates: matching, insertion: String(first.dropFirst(word.count)) + (space ? " " : ""))
        }
        let common = Self.commonPrefix(matching)
        return Completion(word: word, candidates: matching, insertion: String(common.dropFirst(word.count)))
    }

    /// The longest prefix the strings share.
    public static func commonPrefix(_ strings: [String]) -> String {
        guard let firstString = strings.first else { return "" }
        var prefix = Substring(firstString)
        if prefix.isEmpty { return "" }
        for string in strings.dropFirst() {
            while !string.hasPrefix(prefix) { prefix = prefix.dropLast() }
            if prefix.isEmpty { break }
        }
        return String(prefix)
    }

    /// Lists a folder relative to the current one (`~/` means home), folders
    /// with a trailing `/`.
    @Sendable public static func listDirectory(_ folder: String) -> [String] {
        var path = folder.isEmpty ? "." : folder
        if path.hasPrefix("~/") || path == "~" {
            path = NSHomeDirectory() + path.dropFirst()
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [] }
        return names.map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(name), isDirectory: &isDirectory)
            return isDirectory.boolValue ? name + "/" : name
        }
    }
}

/// Lays out words in columns, down then across, as `ls` does.
public enum ColumnLayout {
    /// The words in as many columns as fit `width`, one line per row, each
    /// line ending in a newline.
    public static func render(_ words: [String], width: Int) -> String {
        guard !words.isEmpty else { return "" }
        let longest = words.map(\.count).max() ?? 0
        let columnWidth = longest + 2
        let columns = max(1, min(words.count, (max(width, 1) + 2) / columnWidth))
        let rows = (words.count + columns - 1) / columns
        var output = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < words.count else { break }
                let word = words[index]
                line += word
                if column < columns - 1, (column + 1) * rows + row < words.count {
                    line += String(repeating: " ", count: columnWidth - word.count)
                }
            }
            output += line + "\n"
        }
        return output
    }
}
