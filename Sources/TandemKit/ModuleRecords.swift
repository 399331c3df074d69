import Foundation
import Synchronization

/// One record a module keeps in the journal, such as a promise made.
///
/// Records are append-only: to change or take back a record, append a new one
/// whose ``refersTo`` names it (a promise kept, say, refers to the promise).
public struct ModuleRecord: Sendable, Hashable, Codable, Identifiable {
    /// A unique id, given when the record is made.
    public var id: UUID
    /// What kind of record this is, in the module's own words: `promise`, `kept`.
    public var kind: String
    /// The local day the record is about.
    public var date: LocalDay
    /// When the record was written.
    public var createdAt: Date
    /// The record this one changes or takes back, if any.
    public var refersTo: UUID?
    /// The record's data, as text fields.
    public var fields: [String: String]

    /// Creates a record.
    public init(id: UUID = UUID(), kind: String, date: LocalDay, createdAt: Date = Date(), refersTo: UUID? = nil, fields: [String: String] = [:]) {
        self.id = id
        self.kind = kind
        self.date = date
        self.createdAt = createdAt
        self.refersTo = refersTo
        self.fields = fields
    }
}

/// A module's own records. The host keeps them in the journal, namespaced by
/// the module's id, so a module stores and queries its data without SQL.
public protocol ModuleRecordStore: Sendable {
    /// Stores a record durably before returning.
    func append(_ record: ModuleRecord) throws
    /// The module's records in the order they were written, optionally only
    /// those of one kind.
    func records(kind: String?) throws -> [ModuleRecord]
}

/// Records kept in memory: for tests, and for runs that must not write
/// (`--dry-run`).
public final class InMemoryRecordStore: ModuleRecordStore {
    private let stored = Mutex<[ModuleRecord]>([])
    /// Creates an empty store.
    public init() {}
    /// Keeps the record.
    public func append(_ record: ModuleRecord) throws { stored.withLock { $0.append(record) } }
    /// The records kept, optionally of one kind.
    public func records(kind: String?) throws -> [ModuleRecord] {
        stored.withLock { all in kind.map { kind in all.filter { $0.kind == kind } } ?? all }
    }
}
