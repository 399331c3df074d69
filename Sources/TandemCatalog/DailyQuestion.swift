import TandemKit

/// The question of the day: the same on both partners' machines, because it
/// is chosen from the date and the couple's id alone.
///
/// It comes from the deck of the module with id ``moduleID`` when one is
/// loaded, otherwise from every module's cards. The deck is shuffled once
/// per couple (seeded by the couple id) and walked one card a day, so no
/// question repeats until the whole deck has been asked.
public enum DailyQuestion {
    /// The module whose deck holds the daily questions.
    public static let moduleID = "questions"

    /// The question for `day`; `nil` when no module has cards.
    ///
    /// - Parameter couple: the couple id from the shared folder (`nil`
    ///   before sharing: then the question depends on the date only).
    public static func pick(_ registry: ModuleRegistry, day: LocalDay, couple: String?) -> CardDraw? {
        let decks = registry.modules.filter { $0.id == moduleID && !$0.cards.isEmpty }
        let pool = (decks.isEmpty ? registry.modules : decks).flatMap { module in
            module.cards.indices.map { CardDraw(module: module, index: $0) }
        }
        guard !pool.isEmpty else { return nil }
        var random = SeededRandom(seed: fnv1a(couple ?? "tandem"))
        let order = Array(pool.indices).shuffled(using: &random)
        let position = ((day.ordinal % pool.count) + pool.count) % pool.count
        return pool[order[position]]
    }

    /// FNV-1a, 64 bits: a hash that is the same in every process (Swift's
    /// `Hasher` is seeded per run).
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
