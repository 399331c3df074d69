import Foundation
import TandemCatalog
import TandemKit
@testable import TandemRoutine
import Testing

/// docs/routine-language.md stays true to the registry.
@Suite struct DocumentationTests {
    static let document = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/routine-language.md")

    /// The rows of the "Module functions" table: `| `signature` | summary |`.
    static func documentedFunctions() throws -> [String] {
        let text = try String(contentsOf: document, encoding: .utf8)
        guard let start = text.range(of: "\n## Module functions\n") else { return [] }
        let section = text[start.upperBound...].prefix { _ in true }
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        return section[..<end].split(separator: "\n").filter { $0.hasPrefix("| `") }.map(String.init)
    }

    @Test func everyModuleFunctionIsDocumentedWithItsParametersAndSummary() throws {
        let expected = registry.modules.flatMap { module in
            module.functions.map { "| `\($0.signature(module: module.id))` | \($0.summary) |" }
        }
        let documented = try Self.documentedFunctions()
        #expect(!expected.isEmpty)
        #expect(documented == expected, "the table should be:\n\(expected.joined(separator: "\n"))")
    }

    /// A section of the document, from its heading to the next.
    static func section(_ heading: String) throws -> Substring {
        let text = try String(contentsOf: document, encoding: .utf8)
        guard let start = text.range(of: "\n## \(heading)\n") else { return "" }
        let rest = text[start.upperBound...]
        return rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)]
    }

    @Test func everyBuiltInIsDocumented() throws {
        let documented = try Self.section("Built-in functions") + Self.section("Reading the journal")
        for builtin in Builtin.allCases {
            #expect(documented.contains("`\(builtin.rawValue)("), "\(builtin.rawValue) is not in the built-in tables")
        }
    }

    @Test func everyFieldOfTheJournalMapsIsDocumented() throws {
        let documented = try Self.section("Reading the journal")
        for map in JournalMap.allCases {
            for field in map.fields {
                #expect(documented.contains("`\(field)`"), "\(map): \(field) is not documented")
            }
        }
    }
}
