import Foundation
import TandemKit
import TandemCatalog
import TandemSystem

/// The REPL's input history: bounded, without consecutive duplicates, kept in
/// a private file (folder mode 0700, file mode 0600).
///
/// Each entry is one complete input, so a multi-line routine is one entry and
/// comes back whole. In the file, an entry takes one line: `\` is written as
/// `\\` and a newline as `\n`.
public struct HistoryStore: Sendable, Hashable {
    /// The entries, oldest first.
    public private(set) var entries: [String]
    /// The most entries kept; older ones are dropped.
    public let limit: Int

    /// Creates a history holding `entries` (trimmed to the limit).
    public init(entries: [String] = [], limit: Int = 1000) {
        self.limit = max(1, limit)
        self.entries = []
        for entry in entries { add(entry) }
    }

    /// Adds an entry unless it is blank or repeats the newest one, and drops
    /// the oldest entries beyond the limit. Returns whether it was added.
    @discardableResult
    public mutating func add(_ entry: String) -> Bool {
        var text = entry
        while text.hasSuffix("\n") { text.removeLast() }
        guard !text.allSatisfy(\.isWhitespace), entries.last != text else { return false }
        entries.append(text)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        return true
    }

    /// The file form of the entries.
    public var encoded: String {
        entries.map(Self.encode).map { $0 + "\n" }.joined()
    }

    /// Reads the file form; unreadable lines are kept as they are.
    public static func decode(_ text: String, limit: Int = 1000) -> HistoryStore {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { decode(String($0)) }
        return HistoryStore(entries: lines, limit: limit)
    }

    static func encode(_ entry: String) -> String {
        var result = ""
        result.reserveCapacity(entry.count)
        for character in entry {
            switch character {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.append(character)
            }
        }
        return result
    }

    static func decode(_ line: String) -> String {
        var result = ""
        var escaped = false
        for character in line {
            if escaped {
                switch character {
                case "n": result.append("\n")
                case "r": result.append("\r")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        if escaped { result.append("\\") }
        return result
    }

    /// Loads the history from `url`; an empty history when the file is missing
    /// or unreadable.
    public static func load(from url: URL, limit: Int = 1000) -> HistoryStore {
        guard let data = FileManager.default.contents(atPath: url.path) else { return HistoryStore(limit: limit) }
        return decode(String(decoding: data, as: UTF8.self), limit: limit)
    }

    /// Writes the history to `url`, replacing what is there, creating its
    /// folder with mode 0700 and the file with mode 0600 (atomically, under
    /// the history's lock).
    public func save(to url: URL) throws {
        try Self.locked(url) { try PrivateFile.write(Data(encoded.utf8), to: url, replacing: true) }
    }

    /// Adds `entry` to the history file at `url` without losing what other
    /// sessions wrote there meanwhile: under an exclusive lock (`flock` on
    /// `history.lock` beside it), reads the file, adds the entry, trims to
    /// `limit` and writes it back atomically (mode 0600).
    public static func append(_ entry: String, to url: URL, limit: Int = 1000) throws {
        try locked(url) {
            var store = load(from: url, limit: limit)
            guard store.add(entry) else { return }
            try PrivateFile.write(Data(store.encoded.utf8), to: url, replacing: true)
        }
    }

    /// Runs `body` holding the exclusive lock of the history at `url`.
    static func locked(_ url: URL, _ body: () throws -> Void) throws {
        try PrivateFolder.make(url.deletingLastPathComponent())
        let lockPath = url.path + ".lock"
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw PrivateFileError(path: lockPath, problem: .system(errno)) }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw PrivateFileError(path: lockPath, problem: .system(errno)) }
        }
        defer { flock(descriptor, LOCK_UN) }
        try body()
    }
}
