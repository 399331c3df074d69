import Foundation
import Testing
import TandemKit
import TandemModules

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The module list is generated, as SwiftLint generates its rule list: these
/// tests fail when a module is left out of Package.swift, Plugins/ or the
/// registry's list.
@Suite struct ModuleListTests {
    func packageModuleNames() throws -> [String] {
        let manifest = try String(contentsOf: packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        let region = try #require(manifest.range(of: "coaching-modules:begin")?.upperBound)
        let end = try #require(manifest.range(of: "coaching-modules:end")?.lowerBound)
        return manifest[region..<end].split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("\"") else { return nil }
            return trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "\",")).description
        }
    }

    @Test func generatedListMatchesPackageSwift() throws {
        #expect(try packageModuleNames() == allModuleTargetNames)
    }

    @Test func everyPluginsFolderIsAModuleInTheList() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Plugins").path)
            .filter { !$0.hasPrefix(".") }
        #expect(Set(folders) == Set(allModuleTargetNames))
    }

    @Test func everyListedTypeLivesInItsTarget() {
        #expect(allModuleTypes.count == allModuleTargetNames.count)
        for (type, target) in zip(allModuleTypes, allModuleTargetNames) {
            #expect(String(reflecting: type).hasPrefix("\(target)."), "\(type) is not in target \(target)")
            #expect(type.init().manifest.id == target.lowercased())
        }
    }

    @Test func everyModuleHasItsTestFile() {
        for target in allModuleTargetNames {
            let path = packageRoot.appendingPathComponent("Tests/ModuleTests/\(target)Tests.swift").path
            #expect(FileManager.default.fileExists(atPath: path), "no \(path)")
        }
    }
}

/// The content standard for the modules Tandem ships: every one of them meets
/// all of it. What is a single module's own (its required practices, cadence
/// choices, commands, functions) is tested in Tests/ModuleTests. The modules
/// come from the generated list, so registering a module holds it to the
/// standard; ``DeckStandardTests`` holds its deck to the rest.
@Suite struct ShippedContentTests {
    static let shipped = allModuleTypes.map { $0.init().manifest.id }

    /// The text the modules were written from, in shared/ beside the package.
    static let seed = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seed/emotional-intimacy.txt")

    /// How many words in a row, taken from the seed text, count as copying.
    static let copiedRunLength = 6

    static func module(_ id: String) throws -> any CoachingModule {
        try #require(allModuleTypes.map { $0.init() }.first { $0.manifest.id == id }, "\(id) is not in the module list")
    }

    static func isBlank(_ text: some StringProtocol) -> Bool { text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

    @Test(arguments: shipped)
    func manifestIsComplete(id: String) throws {
        let manifest = try Self.module(id).manifest
        #expect(!Self.isBlank(manifest.displayName), "\(id) display name")
        #expect(!Self.isBlank(manifest.summary), "\(id) summary")
        #expect(!manifest.summary.contains("\n"), "\(id) summary is more than one line")
        #expect(!manifest.tags.isEmpty, "\(id) has no tags")
        #expect(!manifest.tags.contains(where: Self.isBlank), "\(id) has an empty tag")
    }

    @Test(arguments: shipped)
    func practicesAreComplete(id: String) throws {
        let module = try Self.module(id)
        #expect(module.practices.count >= 4, "\(id) has \(module.practices.count) practices")
        for practice in module.practices {
            #expect(practice.moduleID == id, "\(practice.id) is outside the module")
            #expect(practice.slug.wholeMatch(of: /[a-z][a-z_]*/) != nil, "\(practice.id) slug is not snake_case")
            #expect(practice.cadence.problem == nil, "\(practice.id): \(practice.cadence.problem ?? "")")
            #expect(!Self.isBlank(practice.title), "\(practice.id) title")
            #expect(!Self.isBlank(practice.tryToday), "\(practice.id) try-today")
            let sentences = Self.sentences(practice.why)
            #expect((2...4).contains(sentences.count), "\(practice.id) why has \(sentences.count) sentences")
            #expect(Self.sentencesAreClean(practice.why), "\(practice.id) why has a run that is not a whole sentence")
            #expect((3...6).contains(practice.steps.count), "\(practice.id) has \(practice.steps.count) steps")
            #expect(!practice.steps.contains(where: Self.isBlank), "\(practice.id) has an empty step")
            #expect(Set(practice.steps).count == practice.steps.count, "\(practice.id) repeats a step")
            #expect(practice.reflections.count >= 3, "\(practice.id) has \(practice.reflections.count) reflections")
            #expect(!practice.reflections.contains(where: Self.isBlank), "\(practice.id) has an empty reflection")
            #expect(practice.reflections.allSatisfy { $0.hasSuffix("?") }, "\(practice.id) reflections should be questions")
            #expect(!practice.tags.isEmpty, "\(practice.id) has no tags")
            #expect(!practice.tags.contains(where: Self.isBlank), "\(practice.id) has an empty tag")
        }
    }

    @Test(arguments: shipped)
    func practiceIDsAreUnique(id: String) throws {
        let ids = try Self.module(id).practices.map(\.id)
        #expect(Set(ids).count == ids.count, "\(id) repeats a practice id")
    }

    @Test(arguments: shipped)
    func cardsAreDistinctQuestions(id: String) throws {
        let cards = try Self.module(id).cards
        #expect(cards.count >= DeckStandardTests.minimumDeck, "\(id) has \(cards.count) cards")
        #expect(!cards.contains { Self.isBlank($0.prompt) }, "\(id) has an empty card")
        let prompts = cards.map { $0.prompt.lowercased() }
        #expect(Set(prompts).count == prompts.count, "\(id) repeats a card")
        for card in cards {
            #expect(card.prompt.hasSuffix("?"), "\(id): '\(card.prompt)' is not a question")
        }
        for depth in ["light", "medium", "deep"] {
            #expect(cards.contains { $0.tags.contains(depth) }, "\(id) has no \(depth) cards")
        }
    }

    @Test(arguments: shipped)
    func tipsAreTheModulesOwn(id: String) throws {
        let module = try Self.module(id)
        #expect(module.tips.count >= 10, "\(id) has \(module.tips.count) tips")
        #expect(!module.tips.contains(where: Self.isBlank), "\(id) has an empty tip")
        #expect(Set(module.tips).count == module.tips.count, "\(id) repeats a tip")
        #expect(module.tips != module.practices.map(\.tryToday), "\(id) tips fall back to the try-today lines")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: ShippedContentTests.seed.path), "needs shared/seed beside the package"), arguments: shipped)
    func copiesNoRunOfTheSeedText(id: String) throws {
        let module = try Self.module(id)
        let seedRuns = Set(Self.runs(of: Self.words(try String(contentsOf: Self.seed, encoding: .utf8))))
        #expect(!seedRuns.isEmpty)
        for text in Self.allText(of: module) {
            let copied = Self.runs(of: Self.words(text)).filter(seedRuns.contains)
            #expect(copied.isEmpty, "\(id) copies the seed text: '\(copied.first ?? "")' in '\(text)'")
        }
    }

    // MARK: Helpers

    /// The sentences of a paragraph: the runs between ".", "!" and "?" that have a letter.
    static func sentences(_ text: String) -> [Substring] {
        text.split(whereSeparator: { ".!?".contains($0) }).filter { $0.contains(where: \.isLetter) }
    }

    /// Whether a paragraph is whole sentences, each ending in one ".", "!" or
    /// "?" followed by a space, a closing quote or the end: no "...", "e.g.",
    /// "3.5", run without a letter or unfinished tail. Then every way of
    /// counting (non-blank runs, runs with a letter, marks before a space)
    /// agrees, a closing quote belonging to the sentence it closes.
    static func sentencesAreClean(_ text: String) -> Bool {
        let closingQuotes = "\"”"
        let marks = text.indices.filter { ".!?".contains(text[$0]) }
        let eachMarkEndsASentence = marks.allSatisfy { mark in
            let next = text.index(after: mark)
            return next == text.endIndex || text[next] == " " || closingQuotes.contains(text[next])
        }
        let tail = marks.last.map { text[text.index(after: $0)...] } ?? text[...]
        let endsWithAMark = tail.allSatisfy { closingQuotes.contains($0) }
        return eachMarkEndsASentence && endsWithAMark && marks.count == sentences(text).count
    }

    /// Every string a module shows: manifest, practices, cards and tips.
    static func allText(of module: any CoachingModule) -> [String] {
        let manifest = module.manifest
        return [manifest.displayName, manifest.summary] + manifest.tags
            + module.practices.flatMap { [$0.title, $0.why, $0.tryToday] + $0.steps + $0.reflections + $0.tags }
            + module.cards.flatMap { [$0.prompt] + $0.tags }
            + module.tips
    }

    /// The words of a text, lowercased, with punctuation ignored: apostrophes
    /// join a contraction ("can’t" is "cant"), other marks separate words.
    static func words(_ text: String) -> [Substring] {
        text.lowercased()
            .filter { !"'’‘".contains($0) }
            .split { !$0.isLetter && !$0.isNumber }
    }

    /// Every run of ``copiedRunLength`` consecutive words, joined by spaces.
    static func runs(of words: [Substring]) -> [String] {
        guard words.count >= copiedRunLength else { return [] }
        return (0...(words.count - copiedRunLength)).map { words[$0..<($0 + copiedRunLength)].joined(separator: " ") }
    }
}
