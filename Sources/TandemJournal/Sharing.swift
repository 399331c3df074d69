import Foundation
import GRDB
import TandemKit

/// How this journal takes part in a couple's shared folder: kept in the
/// journal itself (a private file), never in the folder.
public struct SharingSettings: Sendable, Hashable {
    /// The shared folder, as an absolute path.
    public var folder: String
    /// The couple's id (from the folder's manifest).
    public var couple: String
    /// The couple key's 32 bytes.
    public var key: Data
    /// The sequence number of this device's next line.
    public var nextSequence: UInt64
    /// The journal's last event sequence considered for publishing.
    public var publishedThrough: Int64

    /// Creates settings.
    public init(folder: String, couple: String, key: Data, nextSequence: UInt64 = 1, publishedThrough: Int64 = 0) {
        self.folder = folder
        self.couple = couple
        self.key = key
        self.nextSequence = nextSequence
        self.publishedThrough = publishedThrough
    }
}

/// A device heard from in the shared folder.
public struct FolderDevice: Sendable, Hashable, Codable {
    /// The device id.
    public var device: String
    /// The member who writes from it.
    public var author: String
    /// The newest entry read from it.
    public var lastHeard: Date
    /// How many lines were read from it.
    public var lines: Int
}

/// One entry read from the shared folder, with the device whose log held it.
public struct ReceivedEvent: Sendable, Hashable {
    /// The device whose log held it.
    public var device: String
    /// The entry.
    public var event: JournalEvent

    /// Pairs an entry with its device.
    public init(device: String, event: JournalEvent) {
        self.device = device
        self.event = event
    }
}

/// What reading the shared folder added.
public struct IngestSummary: Sendable, Hashable {
    /// Entries new to this journal.
    public var added: Int = 0
    /// Entries read that it had already (a repeat sync, a conflict copy).
    public var known: Int = 0
    /// Entries refused, with why (checked as an import checks them).
    public var refused: [String] = []

    /// A summary of nothing read.
    public init() {}
}

extension Journal {
    static let sharingKeys = ["together_folder", "together_couple", "together_key", "together_sequence", "together_published"]

    /// The shared folder this journal writes to and reads from, if any.
    public func sharingSettings() throws -> SharingSettings? {
        try read { db in try Self.sharingSettings(db) }
    }

    static func sharingSettings(_ db: Database) throws -> SharingSettings? {
        let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM tandem_meta WHERE key LIKE 'together_%'")
        let meta = Dictionary(uniqueKeysWithValues: rows.map { ($0["key"] as String, $0["value"] as String) })
        guard let folder = meta["together_folder"], let couple = meta["together_couple"],
              let key = meta["together_key"].flatMap({ Data(base64Encoded: $0) })
        else { return nil }
        return SharingSettings(
            folder: folder, couple: couple, key: key, nextSequence: meta["together_sequence"].flatMap(UInt64.init) ?? 1,
            publishedThrough: meta["together_published"].flatMap(Int64.init) ?? 0)
    }

    static func setMeta(_ key: String, _ value: String, _ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO tandem_meta (key, value) VALUES (?, ?)", arguments: [key, value])
    }

    /// Starts sharing through a folder: stores the settings, forgets what
    /// was read from any folder before, and sets this device's id (and, for
    /// another device of a member already in the folder, the member id).
    /// Every shareable entry of mine is then published by the next
    /// ``pendingSharedEvents()``.
    ///
    /// - Throws: ``CommandFailure`` (exit code 1) when `author` is another
    ///   member's id and this journal already has entries of its own.
    public func startSharing(_ settings: SharingSettings, device: String, author newAuthor: String? = nil) throws {
        try write { db in
            if let newAuthor, newAuthor != author {
                let own = try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE author = ?", arguments: [author]) ?? 0
                guard own == 0 else {
                    throw CommandFailure(
                        "this journal already has \(own) entries of its own, so it cannot become another member's device; "
                            + "join from a new, empty TANDEM_HOME instead (nothing was written)", exitCode: ExitStatus.refused)
                }
                try Self.setMeta("author_id", newAuthor, db)
            }
            try Self.setMeta("device_id", device, db)
            try Self.setMeta("together_folder", settings.folder, db)
            try Self.setMeta("together_couple", settings.couple, db)
            try Self.setMeta("together_key", settings.key.base64EncodedString(), db)
            try Self.setMeta("together_sequence", String(settings.nextSequence), db)
            try Self.setMeta("together_published", String(settings.publishedThrough), db)
            for table in ["folder_offset", "own_log", "folder_device", "shared_event"] {
                try db.execute(sql: "DELETE FROM \(table)")
            }
        }
        identity.withLock { identity in
            identity.device = device
            if let newAuthor { identity.author = newAuthor }
        }
    }

    /// Stops sharing: forgets the folder and its key. The partner's entries
    /// read so far stay in this journal; what was shared stays in the folder.
    public func stopSharing() throws {
        try write { db in
            for key in Self.sharingKeys { try db.execute(sql: "DELETE FROM tandem_meta WHERE key = ?", arguments: [key]) }
            for table in ["folder_offset", "own_log", "folder_device", "shared_event"] {
                try db.execute(sql: "DELETE FROM \(table)")
            }
        }
    }

    /// Gives this journal a new device id, after its home turned out to be a
    /// copy of another machine's: everything of mine is published again
    /// under the new id (the readers' union by event id makes the repeats
    /// harmless).
    public func mintDevice(_ device: String) throws {
        try write { db in
            try Self.setMeta("device_id", device, db)
            try Self.setMeta("together_sequence", "1", db)
            try Self.setMeta("together_published", "0", db)
            try db.execute(sql: "DELETE FROM own_log")
            try db.execute(sql: "DELETE FROM shared_event")
        }
        identity.withLock { $0.device = device }
    }

    /// My entries not yet in the shared folder, oldest first, and the last
    /// journal sequence looked at (pass it to ``didPublish(_:through:nextSequence:ownLog:)``).
    /// Private entries are never among them.
    public func pendingSharedEvents(after published: Int64) throws -> (events: [JournalEvent], through: Int64) {
        let me = author
        return try read { db in
            var events: [JournalEvent] = []
            var through = published
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT seq, \(Self.eventColumns) FROM event
                    WHERE seq > ? AND author = ? AND NOT EXISTS (SELECT 1 FROM shared_event s WHERE s.id = event.id)
                    ORDER BY seq
                    """,
                arguments: [published, me])
            while let row = try rows.next() {
                through = row["seq"]
                if let event = Self.event(from: row), Self.isShared(event) { events.append(event) }
            }
            if through == published {
                through = try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM event") ?? published
            }
            return (events, max(through, published))
        }
    }

    /// Remembers a publish: the journal sequence it reached, this device's
    /// next line number, and the size of each of its own log files (a file
    /// that grows behind its back means a copied home).
    public func didPublish(through: Int64, nextSequence: UInt64, ownLog: [String: UInt64]) throws {
        try write { db in
            try Self.setMeta("together_published", String(through), db)
            try Self.setMeta("together_sequence", String(nextSequence), db)
            for (path, size) in ownLog {
                try db.execute(sql: "INSERT OR REPLACE INTO own_log (path, size) VALUES (?, ?)", arguments: [path, Int64(size)])
            }
        }
    }

    /// The sizes this device remembers its own log files having.
    public func ownLogSizes() throws -> [String: UInt64] {
        try read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT path, size FROM own_log").map {
                ($0["path"] as String, UInt64(max(0, $0["size"] as Int64)))
            })
        }
    }

    /// Where reading each of the other devices' files stopped.
    public func folderOffsets() throws -> [String: UInt64] {
        try read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT path, offset FROM folder_offset").map {
                ($0["path"] as String, UInt64(max(0, $0["offset"] as Int64)))
            })
        }
    }

    /// The devices heard from, newest first.
    public func folderDevices() throws -> [FolderDevice] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT device, author, last_heard, lines FROM folder_device ORDER BY last_heard DESC").map {
                FolderDevice(
                    device: $0["device"], author: $0["author"],
                    lastHeard: Timestamp.parse($0["last_heard"]) ?? Date(timeIntervalSince1970: 0), lines: $0["lines"])
            }
        }
    }

    /// Adds the entries read from the shared folder, checked as an import
    /// checks them, and remembers where each file's reading stopped, all in
    /// one transaction: a reader killed halfway reads the same lines again.
    /// An entry whose id this journal holds with other content is refused
    /// (and named in the summary); the rest still go in.
    ///
    /// - Parameter checked: the entries were checked already (read with
    ///   ``JournalEvent/init(sharedJSON:today:)``), so they are not again.
    @discardableResult
    public func ingest(_ received: [ReceivedEvent], offsets: [String: UInt64], checked alreadyChecked: Bool = false) throws -> IngestSummary {
        let today = self.today
        let me = author
        var summary = IngestSummary()
        var checked: [JournalEvent] = []
        var heard: [String: (author: String, last: Date, lines: Int)] = [:]
        for item in received {
            let event = item.event
            do {
                if !alreadyChecked { try EventValidation.check(event, today: today) }
            } catch let failure as CommandFailure {
                summary.refused.append("an entry from device \(item.device.prefix(8)) (\(event.kind), \(event.date)): \(failure.message)")
                continue
            }
            var entry = heard[item.device] ?? (event.author, event.createdAt, 0)
            entry.lines += 1
            entry.last = max(entry.last, event.createdAt)
            entry.author = event.author
            heard[item.device] = entry
            checked.append(event)
        }
        try write { db in
            // Unlike an import (all or nothing), each entry stands alone: one
            // already here is looked at only when its insert finds it.
            var fresh: [JournalEvent] = []
            var seen = Set<UUID>()
            for event in checked where seen.insert(event.id).inserted {
                if try Self.insert(event, into: db) {
                    fresh.append(event)
                } else if try Self.event(id: event.id, db) != event {
                    summary.refused.append("an entry (\(event.kind), \(event.date)) has the id of another entry in this journal; it was left out")
                } else {
                    summary.known += 1
                }
            }
            try Self.rebuildProjections(after: fresh, db)
            summary.added = fresh.count
            for event in checked where event.author == me {
                try db.execute(sql: "INSERT OR IGNORE INTO shared_event (id) VALUES (?)", arguments: [event.id.uuidString.lowercased()])
            }
            for (path, offset) in offsets {
                try db.execute(sql: "INSERT OR REPLACE INTO folder_offset (path, offset) VALUES (?, ?)", arguments: [path, Int64(offset)])
            }
            for (device, entry) in heard {
                let old = try Row.fetchOne(db, sql: "SELECT last_heard, lines FROM folder_device WHERE device = ?", arguments: [device])
                let previous = (old?["last_heard"] as String?).flatMap(Timestamp.parse) ?? entry.last
                try db.execute(
                    sql: "INSERT OR REPLACE INTO folder_device (device, author, last_heard, lines) VALUES (?, ?, ?, ?)",
                    arguments: [device, entry.author, Timestamp.format(max(previous, entry.last)), (old?["lines"] as Int? ?? 0) + entry.lines])
            }
        }
        return summary
    }

    /// How many entries of my own the journal holds.
    public func ownEventCount() throws -> Int {
        let me = author
        return try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE author = ?", arguments: [me]) ?? 0 }
    }

    /// Makes this journal continue as `author` (a restore of my own backup
    /// into a new home): allowed only while it has no entries of its own.
    ///
    /// - Throws: ``CommandFailure`` (exit code 1) when it has.
    public func continueAs(author newAuthor: String) throws {
        try write { db in
            let own = try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE author = ?", arguments: [author]) ?? 0
            guard own == 0 || newAuthor == author else {
                throw CommandFailure(
                    "--restore makes the entries of a backup your own, so it needs a journal with none of its own yet; "
                        + "this one has \(own). Restore into a new TANDEM_HOME (nothing was written).", exitCode: ExitStatus.refused)
            }
            try Self.setMeta("author_id", newAuthor, db)
        }
        identity.withLock { $0.author = newAuthor }
    }
}

extension JournalEvent {
    /// The entry as one line of the shared folder: the same JSON object an
    /// export holds for it.
    public var sharedJSON: Data { Data(JSONText.write(Journal.exportedObject(self)).utf8) }

    /// Reads an entry from its ``sharedJSON``.
    ///
    /// - Throws: ``CommandFailure`` when it is not an entry.
    public init(sharedJSON data: Data, today: LocalDay) throws {
        let value: JSONValue
        do { value = try JSONText.parse([UInt8](data)) } catch { throw CommandFailure("not an entry: \(error)") }
        self = try Journal.exportedEvent(value, label: "the entry", today: today)
    }
}
