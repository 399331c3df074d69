import Foundation
import Synchronization
import Testing
@testable import TandemREPL

@Suite("History")
struct HistoryTests {
    @Test("no blank entries, no consecutive duplicates, bounded")
    func adding() {
        var history = HistoryStore(limit: 3)
        var added: [Bool] = []
        for entry in ["a", "a", "   ", "b", "a", "c\n"] { added.append(history.add(entry)) }
        #expect(added == [true, false, false, true, true, true])
        #expect(history.entries == ["b", "a", "c"])
    }

    @Test("multi-line entries survive the file")
    func encoding() {
        let entries = ["routine f() {\n  say \"a\\nb\"\n}", "say 1", "back\\slash", "tab\there"]
        let history = HistoryStore(entries: entries)
        #expect(!history.encoded.dropLast().contains("\n\n"))
        #expect(history.encoded.split(separator: "\n").count == entries.count)
        #expect(HistoryStore.decode(history.encoded).entries == entries)
    }

    @Test("saved privately and loaded back")
    func files() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-history-\(UUID().uuidString)/state")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let url = folder.appendingPathComponent("history")
        var history = HistoryStore(limit: 1000)
        for index in 0..<1200 { history.add("say \(index)") }
        history.add("routine f() {\n}")
        try history.save(to: url)
        let loaded = HistoryStore.load(from: url)
        #expect(loaded.entries.count == 1000)
        #expect(loaded.entries.last == "routine f() {\n}")
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int
        let fileMode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
        #expect(fileMode == 0o600)
        #expect(HistoryStore.load(from: folder.appendingPathComponent("missing")).entries.isEmpty)
    }

    @Test("two sessions appending at once lose no line")
    func twoSessions() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-history-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("history")
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { session in
            for index in 0..<150 {
                do { try HistoryStore.append("say \"session \(session) line \(index)\"", to: url) } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        let entries = HistoryStore.load(from: url).entries
        #expect(entries.count == 300)
        for session in 0..<2 {
            #expect(entries.filter { $0.contains("session \(session) ") } == (0..<150).map { "say \"session \(session) line \($0)\"" })
        }
        let trimmed = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-history-\(UUID().uuidString)/history")
        for index in 0..<12 { try HistoryStore.append("say \(index)", to: trimmed, limit: 10) }
        #expect(HistoryStore.load(from: trimmed).entries == (2..<12).map { "say \($0)" })
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
