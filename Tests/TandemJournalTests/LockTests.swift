import Foundation
import GRDB
@testable import TandemJournal
import Testing

/// Two `tandem`s that create one journal at the same time.
@Suite struct LockTests {
    /// SQLite fails the switch to WAL at once, without asking the busy
    /// handler, while another connection holds the write lock; the journal's
    /// switch waits for it instead (CI saw two new writers fail this way).
    @Test func switchingToWALWaitsForAnotherWriter() throws {
        let path = temporaryFolder().appendingPathComponent("journal.sqlite").path
        let holder = try DatabaseQueue(path: path)
        try holder.write { db in try db.execute(sql: "CREATE TABLE t (x)") }
        var patient = Configuration()
        patient.busyMode = .timeout(10)
        let switcher = try DatabaseQueue(path: path, configuration: patient)

        // The holder keeps the write lock until it is told to let go, so the
        // first switch meets it however slowly this machine runs.
        let locked = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? holder.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try db.execute(sql: "INSERT INTO t VALUES (1)")
                    locked.signal()
                    _ = release.wait(timeout: .now() + 30)
                    return .commit
                }
            }
            done.signal()
        }
        locked.wait()
        try switcher.writeWithoutTransaction { db in
            // What SQLite does on its own: fail at once, busy timeout or not.
            #expect(throws: DatabaseError.self) { try db.execute(sql: "PRAGMA journal_mode = WAL") }
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { release.signal() }
            try Journal.useWriteAheadLog(db, patience: 30)
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t") == 1)
        }
        done.wait()
    }
}
