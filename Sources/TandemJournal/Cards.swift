import Foundation
import GRDB
import TandemKit

extension EventKind {
    /// A tip shown by `tandem tip`. Subject: the tip id, `module#index`.
    public static let tip = EventKind(rawValue: "tip")
    /// A conversation card kept as a favourite. Subject: the card id,
    /// `module#index`; payload `prompt`: the card's text when it was kept,
    /// so a favourite still reads right if the deck is reordered.
    public static let favourite = EventKind(rawValue: "favourite")
}

/// A card kept with `tandem card --keep`.
public struct FavouriteCard: Sendable, Hashable {
    /// The card id, `module#index`, when it was kept.
    public var cardID: String
    /// The card's text when it was kept.
    public var prompt: String
    /// The day it was kept.
    public var date: LocalDay

    /// The module the card came from: the part of ``cardID`` before `#`.
    public var moduleID: String { Journal.deck(of: cardID) }
}

/// Draws and favourites. Card and tip events stay on this device (they say
/// what was shown here), so they are read whoever wrote them.
extension Journal {
    /// How many draws per deck `card` and `tip` avoid repeating.
    public static let drawMemory = 30

    /// The deck a card or tip id belongs to: the module id before its `#`.
    public static func deck(of id: String) -> String {
        id.firstIndex(of: "#").map { String(id[..<$0]) } ?? id
    }

    /// The ids last shown of `kind` (``EventKind/card`` or ``EventKind/tip``),
    /// per deck, newest first, without repeats, at most `limit` per deck.
    public func recentDraws(_ kind: EventKind, limit: Int = drawMemory) throws -> [String: [String]] {
        let ids = try read { db in
            try String.fetchAll(
                db, sql: "SELECT subject FROM event WHERE kind = ? AND subject IS NOT NULL GROUP BY subject ORDER BY max(seq) DESC",
                arguments: [kind.rawValue])
        }
        var decks: [String: [String]] = [:]
        for id in ids {
            let deck = Self.deck(of: id)
            if decks[deck, default: []].count < limit { decks[deck, default: []].append(id) }
        }
        return decks
    }

    /// Records that a tip was shown today.
    ///
    /// - Parameter tipID: a stable id for the tip, such as `daily#3`.
    @discardableResult
    public func recordTipShown(_ tipID: String) throws -> JournalEvent {
        let event = makeEvent(.tip, date: today, subject: tipID)
        try write { db in try add(event, db) }
        return event
    }

    /// The id of the card shown most recently, if any.
    public func lastCardShown() throws -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT subject FROM event WHERE kind = 'card' ORDER BY seq DESC LIMIT 1")
        }
    }

    /// Keeps a card as a favourite; returns false, writing nothing, when it
    /// is one already.
    ///
    /// - Throws: ``CommandFailure`` (exit code 2) when the prompt is not one
    ///   line of text.
    @discardableResult
    public func keepFavourite(cardID: String, prompt: String) throws -> Bool {
        let event = makeEvent(.favourite, date: today, subject: cardID, payload: ["prompt": .string(prompt)])
        return try write { db in
            let kept = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM event WHERE kind = 'favourite' AND subject = ?)", arguments: [cardID]) ?? false
            if kept { return false }
            try add(event, db)
            return true
        }
    }

    /// The favourite cards, in the order they were kept.
    public func favourites() throws -> [FavouriteCard] {
        try read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT \(Self.eventColumns) FROM event WHERE kind = 'favourite' ORDER BY seq")
            var seen = Set<String>()
            return rows.compactMap { row in
                guard let event = Self.event(from: row), let id = event.subject, let prompt = event.text("prompt"),
                    seen.insert(id).inserted
                else { return nil }
                return FavouriteCard(cardID: id, prompt: prompt, date: event.date)
            }
        }
    }
}
