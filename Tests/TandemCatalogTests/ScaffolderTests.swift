import Foundation
import Testing
import TandemModules

/// Runs scripts/new-module in a scratch copy of the package.
@Suite struct ScaffolderTests {
    func scratchCopy() throws -> URL {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-scaffold-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: scratch.appendingPathComponent("Sources"), withIntermediateDirectories: true)
        try manager.createDirectory(at: scratch.appendingPathComponent("Tests"), withIntermediateDirectories: true)
        for item in ["Package.swift", "scripts", "Plugins", "Sources/TandemModules", "Tests/ModuleTests"] {
            try manager.copyItem(at: packageRoot.appendingPathComponent(item), to: scratch.appendingPathComponent(item))
        }
        return scratch
    }

    func run(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = folder.appendingPathComponent("scripts/new-module")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func createsAndRegistersAModule() throws {
        let scratch = try scratchCopy()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try run(["Gardening"], in: scratch)
        #expect(result.status == 0, "\(result.output)")

        let source = try String(contentsOf: scratch.appendingPathComponent("Plugins/Gardening/Gardening.swift"), encoding: .utf8)
        #expect(source.contains("public struct GardeningModule: CoachingModule"))
        #expect(source.contains("id: \"gardening\""))
        #expect(source.contains("id: \"gardening.first_step\""))
        let test = try String(contentsOf: scratch.appendingPathComponent("Tests/ModuleTests/GardeningTests.swift"), encoding: .utf8)
        #expect(test.contains("import Gardening"))

        let manifest = try String(contentsOf: scratch.appendingPathComponent("Package.swift"), encoding: .utf8)
        let last = try #require(allModuleTargetNames.last)
        #expect(manifest.contains("    \"\(last)\",\n    \"Gardening\",\n    // coaching-modules:end"))
        let list = try String(contentsOf: scratch.appendingPathComponent("Sources/TandemModules/AllModules.swift"), encoding: .utf8)
        #expect(list.contains("import Gardening\n"))
        #expect(list.contains("    GardeningModule.self,\n]"))
        #expect(list.contains("    \"Gardening\",\n]"))
    }

    @Test func refusesBadNamesAndExistingModules() throws {
        let scratch = try scratchCopy()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let before = try String(contentsOf: scratch.appendingPathComponent("Package.swift"), encoding: .utf8)
        for name in ["gardening", "Gar-dening", "Daily", "DAILY"] {
            let result = try run([name], in: scratch)
            #expect(result.status != 0, "\(name) was accepted")
            #expect(result.output.contains("new-module:"), "\(result.output)")
        }
        #expect(try String(contentsOf: scratch.appendingPathComponent("Package.swift"), encoding: .utf8) == before)
    }
}
