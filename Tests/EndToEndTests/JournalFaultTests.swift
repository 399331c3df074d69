import Foundation
import Testing

/// Killing writers and running them side by side loses nothing acknowledged.
@Suite(.serialized) struct JournalFaultTests {
    /// Reads a child's standard output line by line while it runs.
    final class LineCollector: @unchecked Sendable {
        private let lock = NSLock()
        private var buffer = Data()
        private var finished = false

        init(_ pipe: Pipe) {
            let handle = pipe.fileHandleForReading
            Thread.detachNewThread { [self] in
                while true {
                    let chunk = handle.availableData
                    lock.lock()
                    if chunk.isEmpty { finished = true; lock.unlock(); return }
                    buffer.append(chunk)
                    lock.unlock()
                }
            }
        }

        /// Complete lines so far (a line counts only once its newline arrived).
        var lines: [String] {
            lock.lock()
            defer { lock.unlock() }
            let text = String(decoding: buffer, as: UTF8.self)
            var parts = text.components(separatedBy: "\n")
            parts.removeLast()
            return parts.filter { !$0.isEmpty }
        }

        var isFinished: Bool {
            lock.lock()
            defer { lock.unlock() }
            return finished
        }
    }

    func verify(_ ids: [String], home: URL) -> (integrity: String, events: Int, missing: Int) {
        let result = runTandem(["journal-stress", "--verify"], stdin: ids.joined(separator: "\n") + "\n", home: home, binary: benchToolsBinaryURL())
        var integrity = "", events = -1, missing = -1
        for line in result.stdout.components(separatedBy: "\n") {
            if line.hasPrefix("integrity ") { integrity = String(line.dropFirst(10)) }
            if line.hasPrefix("events ") { events = Int(line.dropFirst(7)) ?? -1 }
            if line.hasPrefix("missing "), let count = Int(line.dropFirst(8)) { missing = count }
        }
        return (integrity, events, missing)
    }

    @Test func sigkillLosesNoAcknowledgedEntry() throws {
        let home = makeTemporaryHome("tandem-kill")
        var acknowledged: [String] = []
        var generator = SystemRandomNumberGenerator()
        for round in 0..<6 {
            let (process, output) = try startTandem(["journal-stress", "--count", "100000", "--label", "round\(round)"], home: home, binary: benchToolsBinaryURL())
            let collector = LineCollector(output)
            // Kill at a random point: after a random number of acknowledged
            // entries plus a random extra delay, mid-transaction or not.
            let target = Int.random(in: 1...120, using: &generator)
            let deadline = Date().addingTimeInterval(30)
            while collector.lines.count < target, !collector.isFinished, Date() < deadline { usleep(500) }
            usleep(UInt32.random(in: 0...3000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            while !collector.isFinished { usleep(1000) }
            #expect(process.terminationReason == .uncaughtSignal)
            let lines = collector.lines
            #expect(lines.count >= target)
            acknowledged += lines
        }
        let report = verify(acknowledged, home: home)
        #expect(report.integrity == "ok")
        #expect(report.missing == 0)
        #expect(report.events >= acknowledged.count)
    }

    @Test func twoWritersAtOnceBothSucceed() throws {
        let home = makeTemporaryHome("tandem-concurrent")
        let results = Results()
        let group = DispatchGroup()
        for label in ["a", "b"] {
            group.enter()
            DispatchQueue.global().async {
                let result = runTandem(["journal-stress", "--count", "500", "--label", label], home: home, binary: benchToolsBinaryURL())
                results.add(result)
                group.leave()
            }
        }
        group.wait()
        let all = results.all
        #expect(all.count == 2)
        for result in all {
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.contains("locked"))
            #expect(result.stdout.split(separator: "\n").count == 500)
        }
        let ids = all.flatMap { $0.stdout.split(separator: "\n").map(String.init) }
        let report = verify(ids, home: home)
        #expect(report.integrity == "ok")
        #expect(report.events == 1000)
        #expect(report.missing == 0)
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [TandemRun] = []
        func add(_ run: TandemRun) { lock.lock(); items.append(run); lock.unlock() }
        var all: [TandemRun] { lock.lock(); defer { lock.unlock() }; return items }
    }
}
