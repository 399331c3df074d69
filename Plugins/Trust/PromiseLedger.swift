import Foundation
import TandemKit

/// What became of a promise.
public enum PromiseStatus: Sendable, Hashable {
    /// Not yet kept or broken.
    case open
    /// Kept, on the given local day.
    case kept(on: LocalDay)
    /// Broken, on the given local day, with what the person will do to make it right.
    case broken(on: LocalDay, repair: String?)

    /// `open`, `kept` or `broken`.
    public var name: String {
        switch self {
        case .open: "open"
        case .kept: "kept"
        case .broken: "broken"
        }
    }
}

/// One promise in the ledger, with its outcome.
public struct Promise: Sendable, Hashable, Identifiable {
    /// The id of the record that made the promise.
    public var id: UUID
    /// The short number people type: 1 for the first promise ever made, and so on.
    public var number: Int
    /// What was promised.
    public var text: String
    /// The local day it is due, if one was given.
    public var due: LocalDay?
    /// The local day it was made.
    public var made: LocalDay
    /// What became of it.
    public var status: PromiseStatus

    /// Whether it is still open.
    public var isOpen: Bool { status == .open }

    /// Whether it is open and its due day is before `today`.
    public func isOverdue(today: LocalDay) -> Bool {
        guard isOpen, let due else { return false }
        return due < today
    }
}

/// The record kinds the ledger writes.
public enum PromiseRecordKind {
    /// A promise made; fields `text` and, optionally, `due`.
    public static let promise = "promise"
    /// A promise kept; refers to the promise.
    public static let kept = "kept"
    /// A promise broken; refers to the promise, optional field `repair`.
    public static let broken = "broken"
}

/// The promises folded from the module's append-only records.
///
/// Pure: build it from records, ask it questions, and ask it for the records
/// to append; it never writes anything itself.
public struct PromiseLedger: Sendable {
    /// Every promise, in the order made.
    public let promises: [Promise]

    /// Folds the records: `promise` records make promises, and the first
    /// `kept` or `broken` record that refers to a promise settles it.
    public init(records: [ModuleRecord]) {
        var promises: [Promise] = []
        var index: [UUID: Int] = [:]
        for record in records where record.kind == PromiseRecordKind.promise {
            index[record.id] = promises.count
            promises.append(Promise(
                id: record.id, number: promises.count + 1, text: record.fields["text"] ?? "",
                due: record.fields["due"].flatMap { LocalDay(parsing: $0) }, made: record.date, status: .open))
        }
        for record in records {
            guard let target = record.refersTo, let position = index[target], promises[position].isOpen else { continue }
            switch record.kind {
            case PromiseRecordKind.kept:
                promises[position].status = .kept(on: record.date)
            case PromiseRecordKind.broken:
                promises[position].status = .broken(on: record.date, repair: record.fields["repair"].flatMap { $0.isEmpty ? nil : $0 })
            default:
                break
            }
        }
        self.promises = promises
    }

    /// Reads the ledger from a record store.
    public init(store: any ModuleRecordStore) throws {
        self.init(records: try store.records(kind: nil))
    }

    /// The promises still open.
    public var open: [Promise] { promises.filter(\.isOpen) }

    /// How many promises were kept.
    public var keptCount: Int { promises.filter { if case .kept = $0.status { true } else { false } }.count }

    /// How many promises were broken.
    public var brokenCount: Int { promises.filter { if case .broken = $0.status { true } else { false } }.count }

    /// Kept ÷ (kept + broken), or `nil` when nothing is settled yet.
    public var keepRate: Double? {
        let settled = keptCount + brokenCount
        return settled == 0 ? nil : Double(keptCount) / Double(settled)
    }

    /// The promise an id names: its number (`3` or `#3`) or a prefix of its
    /// UUID (at least 4 characters).
    ///
    /// - Throws: ``PromiseError`` for an id that names no promise or more than one,
    ///   listing the open ids.
    public func promise(matching id: String) throws(PromiseError) -> Promise {
        let text = id.trimmingCharacters(in: .whitespaces)
        let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
        if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(digits),
           let found = promises.first(where: { $0.number == number }) {
            return found
        }
        if text.count >= 4 {
            let prefix = text.lowercased()
            let matches = promises.filter { $0.id.uuidString.lowercased().hasPrefix(prefix) }
            if matches.count == 1 { return matches[0] }
            if matches.count > 1 {
                throw PromiseError("'\(id)' matches \(matches.count) promises (\(matches.map { "#\($0.number)" }.joined(separator: ", "))); give more of the id")
            }
        }
        throw PromiseError("no promise '\(id)'; \(openIDsDescription)")
    }

    /// "open promises: 1, 3" or a nudge to add one.
    public var openIDsDescription: String {
        let ids = open.map { String($0.number) }
        return ids.isEmpty
            ? "there are no open promises (add one with `tandem promise add \"…\"`)"
            : "open promise\(ids.count == 1 ? "" : "s"): " + ids.joined(separator: ", ")
    }

    /// The record that makes a new promise.
    ///
    /// - Throws: ``PromiseError`` when the text is empty or `due` is not
    ///   `today`, `tomorrow` or a real `YYYY-MM-DD` date.
    public static func makeRecord(text: String, due: String?, today: LocalDay, at now: Date) throws(PromiseError) -> ModuleRecord {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw PromiseError("say what you promise, such as `tandem promise add \"call your mother on Sunday\"`") }
        var fields = ["text": trimmed]
        if let due { fields["due"] = try LocalDate.day(due, today: today, what: "due date").description }
        return ModuleRecord(kind: PromiseRecordKind.promise, date: today, createdAt: now, fields: fields)
    }

    /// The record that settles a promise as kept or broken.
    ///
    /// - Throws: ``PromiseError`` when the promise is already settled.
    public func settleRecord(_ promise: Promise, kept: Bool, repair: String?, today: LocalDay, at now: Date) throws(PromiseError) -> ModuleRecord {
        switch promise.status {
        case .open: break
        case .kept(let on): throw PromiseError("promise #\(promise.number) was already marked kept on \(on.description); \(openIDsDescription)")
        case .broken(let on, _): throw PromiseError("promise #\(promise.number) was already marked broken on \(on); \(openIDsDescription)")
        }
        var fields: [String: String] = [:]
        if let repair = repair?.trimmingCharacters(in: .whitespacesAndNewlines), !repair.isEmpty { fields["repair"] = repair }
        return ModuleRecord(
            kind: kept ? PromiseRecordKind.kept : PromiseRecordKind.broken, date: today, createdAt: now,
            refersTo: promise.id, fields: fields)
    }
}

/// A problem with a promise command's input.
public struct PromiseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in plain words.
    public var message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

/// Reading the days people type for a promise.
public enum LocalDate {
    /// The day that `today`, `tomorrow` or a real `YYYY-MM-DD` date names,
    /// counted from `today`.
    ///
    /// - Throws: ``PromiseError`` naming `what` and the forms it takes.
    public static func day(_ text: String, today: LocalDay, what: String) throws(PromiseError) -> LocalDay {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        let day: LocalDay?
        switch word {
        case "today": day = today
        case "tomorrow": day = today.adding(days: 1)
        default: day = LocalDay(parsing: word)
        }
        guard let day else {
            throw PromiseError("bad \(what) '\(text)': use today, tomorrow or a date as YYYY-MM-DD from \(LocalDay.supportedRange), such as 2026-03-29")
        }
        return day
    }
}
