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

/// The quality bar for the modules Tandem ships.
@Suite struct ShippedContentTests {
    static let shipped = ["foundations", "daily", "men", "women", "longdistance", "trust"]

    @Test(arguments: shipped)
    func moduleMeetsTheContentBar(id: String) throws {
        let module = try #require(allModuleTypes.map { $0.init() }.first { $0.manifest.id == id })
        #expect(module.cards.count >= 20, "\(id) has \(module.cards.count) cards")
        #expect(Set(module.cards.map(\.prompt)).count == module.cards.count, "\(id) repeats a card")
        #expect(module.practices.count >= 3)
        for practice in module.practices {
            #expect(practice.reflections.count >= 3, "\(practice.id)")
            #expect(practice.steps.count >= 2, "\(practice.id)")
            #expect(!practice.tags.isEmpty, "\(practice.id)")
        }
    }
}
