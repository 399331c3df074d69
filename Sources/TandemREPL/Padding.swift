import TandemCatalog
import TandemKit

/// Synthetic coaching modules that pad a registry to a given number of
/// practices, so that `scripts/bench-repl` can time completion over a large
/// catalogue (`TANDEM_BENCH_PRACTICES=1000`).
public enum RegistryPadding {
    private static let words = ["calm", "walk", "tea", "note", "hug", "plan", "song", "call", "meal", "list"]

    /// `registry`'s modules plus modules `pad0`, `pad1`, … of up to 100
    /// practices each (`pad3.practice_042_tea`), until there are `total` practices.
    public static func padded(_ registry: ModuleRegistry, toPractices total: Int) -> ModuleRegistry {
        var missing = max(0, total - registry.allPractices.count)
        var modules = registry.modules.map(\.module)
        var index = 0
        while missing > 0 {
            let count = min(100, missing)
            modules.append(PaddingModule(id: "pad\(index)", count: count))
            missing -= count
            index += 1
        }
        return ModuleRegistry(modules: modules)
    }

    struct PaddingModule: CoachingModule {
        var manifest = ModuleManifest(id: "pad", displayName: "Padding", summary: "Synthetic practices for benchmarks.")
        var practices: [Practice] = []
        var cards: [ConversationCard] = []

        init() {}

        init(id: String, count: Int) {
            manifest = ModuleManifest(id: id, displayName: "Padding \(id)", summary: "Synthetic practices for benchmarks.")
            practices = (0..<count).map { number in
                let slug = "practice_" + String(repeating: "0", count: 3 - String(number).count) + String(number) + "_" + RegistryPadding.words[number % 10]
                return Practice(
                    id: "\(id).\(slug)", title: "Practice \(number)", why: "Benchmark.", steps: ["Step."],
                    tryToday: "Try.", reflections: ["One?", "Two?", "Three?"])
            }
        }
    }
}
