import Foundation
import GRDB
import Synchronization
import TandemKit
import TandemSystem

/// The couple's journal: habits, marks, check-ins, notes, the profile and the
/// coaching modules' own records, kept as append-only events in one SQLite
/// file.
///
/// Open it with ``open(at:timeZone:clock:)``. Every user action is one
/// `BEGIN IMMEDIATE` transaction, so several `tandem` processes can write at
/// once: each waits for the others (up to ``writerPatience``, saying so after
/// a second) instead of failing.
///
/// ```swift
/// let journal = try Journal.open(at: url)
/// try journal.adopt("daily.gratitude", title: "Say thank you", cadence: .daily)
/// try journal.record(mark: .done, for: "daily.gratitude", date: journal.today)
/// let stats = try journal.stats(asOf: journal.today)
/// ```
public final class Journal: Sendable {
    /// The schema version this build writes; journals with a higher version are refused.
    public static let schemaVersion = 3
    /// SQLite's `application_id` of a Tandem journal ("Tand").
    public static let applicationID: Int32 = 0x5461_6E64

    /// The database file.
    public let url: URL
    /// The time zone local dates are taken in.
    public let timeZone: TimeZone
    /// The member id of this journal's owner, written as every event's author.
    public var author: String { identity.withLock { $0.author } }
    /// This device's id, written on every event.
    public var device: String { identity.withLock { $0.device } }

    let queue: DatabaseQueue
    let clock: @Sendable () -> Date
    /// Changes only when the journal joins a shared folder (a new device
    /// id, or the member id of the person whose other device this is) or
    /// restores a backup.
    let identity: Mutex<(author: String, device: String)>

    private init(url: URL, queue: DatabaseQueue, timeZone: TimeZone, clock: @escaping @Sendable () -> Date, author: String, device: String) {
        self.url = url
        self.queue = queue
        self.timeZone = timeZone
        self.clock = clock
        self.identity = Mutex((author, device))
    }

    /// "Now", from the clock the journal was opened with.
    public var now: Date { clock() }

    /// Today's local date.
    public var today: LocalDay { LocalDay(clock(), in: timeZone) }

    // MARK: Opening

    /// How long a writer waits for another process's write (a long import)
    /// before giving up with nothing written.
    public static let writerPatience: TimeInterval = 600

    /// Opens the journal at `url`, creating it (and its folder, mode 0700)
    /// when missing, and migrating an older schema. Where the file or its
    /// folder cannot be written (a read-only disk) it is opened read-only:
    /// reading works, and every write fails with one sentence.
    ///
    /// - Parameters:
    ///   - url: the `journal.sqlite` file.
    ///   - timeZone: the time zone that local dates are taken in.
    ///   - clock: "now" (`TANDEM_NOW` in the command-line tool).
    ///   - waiting: called once when a write has waited a second for another
    ///     process's (writes wait up to ``writerPatience``).
    /// - Throws: ``CommandFailure`` (exit code 1) when the file is not a
    ///   Tandem journal, was written by a newer schema version, is a symbolic
    ///   link or a device, or cannot be opened; the file is then left exactly
    ///   as it was.
    public static func open(
        at url: URL, timeZone: TimeZone = .current, clock: @escaping @Sendable () -> Date = { Date() },
        waiting: (@Sendable () -> Void)? = nil
    ) throws -> Journal {
        let folder = url.deletingLastPathComponent()
        try PrivateFolder.make(folder)
        try refuseLinks(url)
        let state = try inspect(url)
        let readOnly = access(folder.path, W_OK) != 0 || (state != .missing && access(url.path, W_OK) != 0)
        if state == .missing {
            try createPrivateFile(url)
        }
        // WAL is set once, by the first migration (it is stored in the file):
        // GRDB's `journalMode = .wal` would write to the database at every
        // open, even for commands that only read.
        var configuration = Configuration()
        configuration.busyMode = .callback(BusyWait(patience: writerPatience, waiting: waiting).callback)
        configuration.label = "tandem.journal"
        configuration.readonly = readOnly
        if !readOnly {
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
        }
        do {
            let (queue, ids) = try connect(url, configuration) { queue in (queue, try migrate(queue, url: url)) }
            return Journal(url: url, queue: queue, timeZone: timeZone, clock: clock, author: ids.author, device: ids.device)
        } catch {
            throw failure(error, url: url, doing: "open")
        }
    }

    /// Runs `body` on a new connection to `url`. A read-only connection that
    /// fails is tried once more as immutable: on a read-only disk a WAL
    /// journal opens normally only while its `-shm` file is there, and a
    /// clean close removes it.
    static func connect<T>(_ url: URL, _ configuration: Configuration, _ body: (DatabaseQueue) throws -> T) throws -> T {
        do {
            return try body(DatabaseQueue(path: url.path, configuration: configuration))
        } catch where configuration.readonly {
            let path = url.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? url.path
            return try body(DatabaseQueue(path: "file:\(path)?immutable=1", configuration: configuration))
        }
    }

    /// Refuses a journal, `-wal` or `-shm` path that is a symbolic link (even
    /// a dangling one), a folder or a device: SQLite would follow the link,
    /// create or change the file at its target.
    static func refuseLinks(_ url: URL) throws {
        for suffix in ["", "-wal", "-shm"] {
            let path = url.path + suffix
            let problem: String
            switch PrivateFile.kind(at: path) {
            case .missing, .file: continue
            case .symbolicLink: problem = "is a symbolic link; Tandem opens its journal only as a real file, never through a link"
            case .folder: problem = "is a folder"
            case .special: problem = "is a device or other special file"
            }
            throw CommandFailure(
                "\(path) \(problem); it was left untouched and nothing was written. "
                    + "Move the journal file itself there, or set TANDEM_HOME to the folder that holds it.",
                exitCode: ExitStatus.refused)
        }
    }

    /// The one sentence for a failure of SQLite or the disk while `doing`
    /// ("open", "write", "read") the journal: what happened, and that the
    /// journal is as it was.
    static func failure(_ error: any Error, url: URL, doing action: String) -> CommandFailure {
        if let failure = error as? CommandFailure { return failure }
        let path = url.path
        guard let database = error as? DatabaseError else {
            return CommandFailure("could not \(action) the journal at \(path): \(error)", exitCode: ExitStatus.runtimeError)
        }
        let kept = "nothing was written and nothing in the journal was lost"
        let message: String
        switch database.resultCode {
        case .SQLITE_READONLY:
            message = "the journal at \(path) is read-only here (its disk or folder cannot be written), so \(kept). "
                + "Commands that only read (today, stats, journal, profile, export) still work."
        case .SQLITE_FULL:
            message = "the disk holding \(path) is full, so \(kept). Free some space and try again."
        case .SQLITE_IOERR:
            message = "the disk holding \(path) could not be read or written (disk I/O error: is it full or failing?), so \(kept)."
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            message = "another tandem kept the journal at \(path) busy for over \(Int(writerPatience / 60)) minutes, so \(kept). "
                + "Try again when it has finished."
        case .SQLITE_CANTOPEN:
            message = "could not \(action) the journal at \(path) (\(database.message ?? "unable to open it")); \(kept)."
        default:
            message = "could not \(action) the journal at \(path): \(database.message ?? "\(database)"); \(kept)."
        }
        return CommandFailure(message, exitCode: ExitStatus.runtimeError)
    }

    enum FileState: Equatable { case missing, empty, tandem }

    /// Decides, without writing anything, whether the file at `url` is a
    /// Tandem journal, an empty file, or missing; refuses anything else.
    static func inspect(_ url: URL) throws -> FileState {
        let path = url.path
        guard FileManager.default.fileExists(atPath: path) else { return .missing }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CommandFailure("cannot read \(path); the journal was not opened", exitCode: ExitStatus.runtimeError)
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if header.isEmpty { return .empty }
        let magic = Data("SQLite format 3\0".utf8)
        guard header.count >= 100, header.prefix(16) == magic else {
            throw foreignFile(path, reason: "it is not an SQLite database")
        }
        func bigEndian(_ offset: Int) -> Int32 {
            header[offset..<offset + 4].reduce(0) { ($0 << 8) | Int32($1) }
        }
        var applicationID = bigEndian(68)
        var version = Int(bigEndian(60))
        var tableCount = -1
        if applicationID == 0 {
            // A journal killed before its first checkpoint has its header in
            // the WAL: ask SQLite, read-only.
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(5)
            do {
                let reader = try DatabaseQueue(path: path, configuration: configuration)
                try reader.read { db in
                    applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                    version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                    tableCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                }
                try reader.close()
            } catch {
                throw foreignFile(path, reason: "SQLite could not read it (\(error))")
            }
        }
        if applicationID == 0 && tableCount == 0 {
            // Another program's empty database says so with its own version.
            guard version == 0 else { throw foreignFile(path, reason: "it is an empty SQLite database of another program (user_version \(version))") }
            return .empty
        }
        guard applicationID == Journal.applicationID else {
            throw foreignFile(path, reason: "it is an SQLite database without Tandem's schema")
        }
        if version > schemaVersion { throw newerSchema(path, version: version) }
        return .tandem
    }

    static func foreignFile(_ path: String, reason: String) -> CommandFailure {
        CommandFailure(
            "\(path) is not a Tandem journal (\(reason)); it was left untouched. "
                + "Move it away, or set TANDEM_HOME to another folder.", exitCode: ExitStatus.refused)
    }

    static func newerSchema(_ path: String, version: Int) -> CommandFailure {
        CommandFailure(
            "\(path) was written by a newer Tandem (journal schema \(version); this one knows up to \(schemaVersion)); "
                + "it was left untouched. Update Tandem to use it.", exitCode: ExitStatus.refused)
    }

    /// Creates an empty file with mode 0600, so that SQLite (which gives
    /// `-wal` and `-shm` the database file's mode) never makes a readable one.
    static func createPrivateFile(_ url: URL) throws {
        let descriptor = Foundation.open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        let code = errno
        if descriptor >= 0 {
            fchmod(descriptor, 0o600)
            _ = Foundation.close(descriptor)
        } else if code != EEXIST || PrivateFile.kind(at: url.path) != .file {
            throw CommandFailure(
                "cannot create the journal at \(url.path): \(PrivateFile.reason(code)); nothing was written", exitCode: ExitStatus.runtimeError)
        }
    }

    // MARK: Migrations

    /// The schema, one step per version. Each runs inside the same
    /// `BEGIN IMMEDIATE` transaction that reads the current version, so two
    /// processes opening a new journal at once cannot both migrate it.
    static let migrations: [(version: Int, apply: @Sendable (Database) throws -> Void)] = [
        (1, { db in
            try db.execute(sql: """
                CREATE TABLE tandem_meta (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE event (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE,
                    author TEXT NOT NULL,
                    device TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    date TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    subject TEXT,
                    payload TEXT NOT NULL DEFAULT '{}',
                    refers_to TEXT
                );
                CREATE INDEX event_kind_date ON event(kind, date);
                CREATE INDEX event_subject_date ON event(subject, date, kind);
                CREATE INDEX event_refers_to ON event(refers_to) WHERE refers_to IS NOT NULL;
                CREATE INDEX event_date ON event(date);
                CREATE TRIGGER event_append_only_update BEFORE UPDATE ON event
                    BEGIN SELECT RAISE(ABORT, 'journal events are append-only'); END;
                CREATE TRIGGER event_append_only_delete BEFORE DELETE ON event
                    BEGIN SELECT RAISE(ABORT, 'journal events are append-only'); END;
                CREATE TABLE habit_track (
                    practice TEXT PRIMARY KEY NOT NULL,
                    start TEXT NOT NULL,
                    marks BLOB NOT NULL
                ) WITHOUT ROWID;
                """)
        }),
        (2, { db in
            // Check-in figures read this small projection, never the events.
            try db.execute(sql: """
                CREATE TABLE checkin_point (
                    date TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    connection INTEGER NOT NULL,
                    PRIMARY KEY (date, seq)
                ) WITHOUT ROWID;
                INSERT INTO checkin_point (date, seq, connection)
                    SELECT date, seq, CAST(json_extract(payload, '$.connection') AS INTEGER)
                    FROM event WHERE kind = 'checkin' AND json_extract(payload, '$.connection') IS NOT NULL;
                """)
        }),
        (3, { db in
            // Two partners' entries in one journal: every projection is per
            // member, and the shared folder's bookkeeping lives here too
            // (what was read from each file, what this device wrote).
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS member (author TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;
                INSERT OR IGNORE INTO member (author) SELECT DISTINCT author FROM event;
                CREATE INDEX IF NOT EXISTS event_author_kind ON event(author, kind, date);
                DROP TABLE IF EXISTS habit_track;
                CREATE TABLE habit_track (
                    author TEXT NOT NULL,
                    practice TEXT NOT NULL,
                    start TEXT NOT NULL,
                    marks BLOB NOT NULL,
                    PRIMARY KEY (author, practice)
                ) WITHOUT ROWID;
                DROP TABLE IF EXISTS checkin_point;
                CREATE TABLE checkin_point (
                    author TEXT NOT NULL,
                    date TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    connection INTEGER NOT NULL,
                    PRIMARY KEY (author, date, seq)
                ) WITHOUT ROWID;
                INSERT INTO checkin_point (author, date, seq, connection)
                    SELECT author, date, seq, CAST(json_extract(payload, '$.connection') AS INTEGER)
                    FROM event WHERE kind = 'checkin' AND json_extract(payload, '$.connection') IS NOT NULL;
                CREATE TABLE IF NOT EXISTS folder_offset (path TEXT PRIMARY KEY NOT NULL, offset INTEGER NOT NULL) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS own_log (path TEXT PRIMARY KEY NOT NULL, size INTEGER NOT NULL) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS folder_device (
                    device TEXT PRIMARY KEY NOT NULL,
                    author TEXT NOT NULL,
                    last_heard TEXT NOT NULL,
                    lines INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS shared_event (id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;
                """)
            let pairs = try Row.fetchAll(
                db, sql: "SELECT DISTINCT author, subject FROM event WHERE kind IN ('done', 'skip') AND subject IS NOT NULL")
            for pair in pairs { try rebuildTrack(pair["subject"], author: pair["author"], db) }
        }),
    ]

    /// Brings the schema up to date and returns the journal's author and device ids.
    static func migrate(_ queue: DatabaseQueue, url: URL) throws -> (author: String, device: String) {
        do {
            // The common case, an up-to-date journal, needs no write lock.
            let current = try queue.read { db -> (String, String)? in
                guard try Int32.fetchOne(db, sql: "PRAGMA application_id") == Journal.applicationID,
                      try Int.fetchOne(db, sql: "PRAGMA user_version") == schemaVersion
                else { return nil }
                let meta = try Dictionary(
                    uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM tandem_meta")
                        .map { ($0["key"] as String, $0["value"] as String) })
                return (meta["author_id"] ?? "", meta["device_id"] ?? "")
            }
            if let current { return current }
            return try queue.writeWithoutTransaction { db in
                var ids = ("", "")
                try db.inTransaction(.immediate) {
                    let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                    let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                    if applicationID != Journal.applicationID {
                        let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                        guard applicationID == 0, tables == 0, version == 0 else {
                            throw foreignFile(url.path, reason: "it is an SQLite database without Tandem's schema")
                        }
                    }
                    if version > schemaVersion { throw newerSchema(url.path, version: version) }
                    for migration in migrations where migration.version > version {
                        try migration.apply(db)
                    }
                    if version == 0 {
                        try db.execute(sql: "PRAGMA application_id = \(Journal.applicationID)")
                        let created = Timestamp.format(Date())
                        for (key, value) in [
                            ("format", "tandem-journal"), ("author_id", UUID().uuidString.lowercased()),
                            ("device_id", UUID().uuidString.lowercased()), ("created_at", created),
                        ] {
                            try db.execute(sql: "INSERT OR IGNORE INTO tandem_meta (key, value) VALUES (?, ?)", arguments: [key, value])
                        }
                    }
                    if version < schemaVersion {
                        try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
                    }
                    let meta = try Dictionary(
                        uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM tandem_meta")
                            .map { ($0["key"] as String, $0["value"] as String) })
                    ids = (meta["author_id"] ?? "", meta["device_id"] ?? "")
                    return .commit
                }
                try useWriteAheadLog(db, patience: writerPatience)
                return ids
            }
        } catch {
            throw failure(error, url: url, doing: "open")
        }
    }

    /// Puts the journal in WAL mode, outside any transaction as SQLite
    /// requires; a no-op once set (the mode is stored in the file).
    ///
    /// The switch reads the header and then upgrades to a write lock, and
    /// SQLite fails such an upgrade at once with `SQLITE_BUSY`, without asking
    /// the busy handler (it could be a deadlock), whenever another process
    /// holds the write lock. Two `tandem`s creating one journal together meet
    /// exactly that, so this waits and tries again, as the busy handler would.
    static func useWriteAheadLog(_ db: Database, patience: TimeInterval) throws {
        let started = Date()
        while true {
            do {
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                guard Date().timeIntervalSince(started) < patience else { throw error }
                usleep(2_000)
            }
        }
    }

    // MARK: Transactions

    /// Runs `body` as one `BEGIN IMMEDIATE` transaction: the write lock is
    /// taken before anything is read, so a concurrent writer waits (up to the
    /// busy timeout) instead of failing with "database is locked".
    @discardableResult
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw Self.failure(error, url: url, doing: "write")
        }
    }

    /// Runs `body` while this process holds the journal's write lock, as a
    /// long import does: other writers wait meanwhile (the fault tests).
    public func holdingWriteLock(_ body: () throws -> Void) throws {
        try write { _ in try body() }
    }

    /// Runs `body` in a read transaction.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read { db in try body(db) }
        } catch {
            throw Self.failure(error, url: url, doing: "read")
        }
    }

    /// Closes the database connection. The journal must not be used afterwards.
    public func close() throws {
        try queue.close()
    }

    // MARK: Events

    /// A new event by this journal's author and device, written now.
    func makeEvent(
        _ kind: EventKind, date: LocalDay, subject: String? = nil, payload: [String: JSONValue] = [:], refersTo: UUID? = nil
    ) -> JournalEvent {
        JournalEvent(
            author: author, device: device, createdAt: clock(), date: date, kind: kind, subject: subject,
            payload: payload, refersTo: refersTo)
    }

    /// Checks a new event of this journal's with ``EventValidation`` and
    /// inserts it: every command writes through here.
    func add(_ event: JournalEvent, _ db: Database) throws {
        try EventValidation.check(event, today: today)
        try Self.insert(event, into: db)
    }

    /// Inserts an event; returns false when one with the same id exists.
    @discardableResult
    static func insert(_ event: JournalEvent, into db: Database) throws -> Bool {
        let statement = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO event (id, author, device, created_at, date, kind, subject, payload, refers_to)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(
            arguments: [
                event.id.uuidString.lowercased(), event.author, event.device, Timestamp.format(event.createdAt),
                event.date.description, event.kind.rawValue, event.subject, PayloadCoding.encode(event.payload),
                event.refersTo?.uuidString.lowercased(),
            ])
        guard db.changesCount > 0 else { return false }
        if event.kind == .checkIn, let connection = event.payload["connection"]?.intValue {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO checkin_point (author, date, seq, connection) VALUES (?, ?, ?, ?)")
                .execute(arguments: [event.author, event.date.description, db.lastInsertedRowID, connection])
        }
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO member (author) VALUES (?)").execute(arguments: [event.author])
        return true
    }

    static let eventColumns = "id, author, device, created_at, date, kind, subject, payload, refers_to"

    /// Reads an event from a row selected with ``eventColumns``.
    static func event(from row: Row) -> JournalEvent? {
        guard let id = UUID(uuidString: row["id"]), let date = LocalDay(parsingAnyYear: row["date"]) else { return nil }
        return JournalEvent(
            id: id, author: row["author"], device: row["device"],
            createdAt: Timestamp.parse(row["created_at"]) ?? Date(timeIntervalSince1970: 0),
            date: date, kind: EventKind(rawValue: row["kind"]), subject: row["subject"],
            payload: PayloadCoding.decode(row["payload"]) ?? [:],
            refersTo: (row["refers_to"] as String?).flatMap(UUID.init(uuidString:)))
    }

    /// The number of events in the journal.
    public func eventCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0 }
    }

    /// Whether an event with this id is in the journal.
    public func contains(eventID: UUID) throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM event WHERE id = ?)", arguments: [eventID.uuidString.lowercased()]) ?? false
        }
    }

    /// Runs SQLite's `PRAGMA integrity_check` and returns its report (`ok` when sound).
    public func integrityCheck() throws -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n") }
    }
}

/// SQLite's busy handler for the journal: retries a lock held by another
/// process for up to `patience` seconds, and calls `waiting` once when a
/// wait passes a second, so the person knows why nothing happens yet.
final class BusyWait: Sendable {
    let patience: TimeInterval
    let waiting: (@Sendable () -> Void)?
    private let state = Mutex<(started: Date, announced: Bool)>((Date(), false))

    init(patience: TimeInterval, waiting: (@Sendable () -> Void)?) {
        self.patience = patience
        self.waiting = waiting
    }

    /// Called by SQLite with the number of retries so far for this lock; `true` retries.
    var callback: Database.BusyCallback {
        { [self] tries in
            let now = Date()
            let (elapsed, announce) = state.withLock { state -> (TimeInterval, Bool) in
                if tries == 0 { state.started = now }
                let elapsed = now.timeIntervalSince(state.started)
                let announce = elapsed >= 1 && !state.announced
                if announce { state.announced = true }
                return (elapsed, announce)
            }
            guard elapsed < patience else { return false }
            if announce { waiting?() }
            usleep(tries < 20 ? 2_000 : 20_000)
            return true
        }
    }
}
