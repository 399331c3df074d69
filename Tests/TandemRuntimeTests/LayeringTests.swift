import Foundation
import Testing

/// The package root, found from this file's path.
private let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The targets of Package.swift and the targets of ours each depends on,
/// read from the manifest's text.
struct Manifest {
    var dependencies: [String: Set<String>] = [:]
    var kinds: [String: String] = [:]
    var coachingModules: [String] = []

    init() throws {
        let text = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let list = text.components(separatedBy: "// coaching-modules:begin")[1].components(separatedBy: "// coaching-modules:end")[0]
        coachingModules = list.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        for kind in ["target", "executableTarget", "testTarget", "systemLibrary"] {
            var rest = Substring(text)
            while let start = rest.range(of: ".\(kind)(") {
                rest = rest[start.upperBound...]
                let call = Self.balanced(rest)
                guard let name = Self.firstString(after: "name:", in: call) else { continue }
                var dependencies = Set<String>()
                if let open = call.range(of: "dependencies: [") {
                    let list = call[open.upperBound...].prefix { $0 != "]" }
                    dependencies = Set(list.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) })
                    // Everything after the list (`+ moduleDependencies`) adds the coaching modules.
                    if call[open.upperBound...].drop(while: { $0 != "]" }).prefix(40).contains("moduleDependencies") {
                        dependencies.formUnion(coachingModules)
                    }
                }
                if name == "$0" {
                    for module in coachingModules { self.dependencies[module] = dependencies; kinds[module] = kind }
                } else {
                    self.dependencies[name] = dependencies
                    kinds[name] = kind
                }
            }
        }
    }

    /// The text of a call up to its closing parenthesis.
    static func balanced(_ text: Substring) -> Substring {
        var depth = 1
        for index in text.indices {
            if text[index] == "(" { depth += 1 }
            if text[index] == ")" { depth -= 1; if depth == 0 { return text[..<index] } }
        }
        return text
    }

    static func firstString(after label: String, in text: Substring) -> String? {
        guard let found = text.range(of: label) else { return nil }
        let after = text[found.upperBound...].drop { $0 == " " }
        if after.hasPrefix("$0") { return "$0" }
        guard after.hasPrefix("\"") else { return nil }
        return String(after.dropFirst().prefix { $0 != "\"" })
    }

    /// Every target `name` depends on, directly or not, among ours.
    func closure(of name: String) -> Set<String> {
        var seen = Set<String>(), stack = [name]
        while let next = stack.popLast() {
            for dependency in dependencies[next, default: []] where dependencies[dependency] != nil && seen.insert(dependency).inserted {
                stack.append(dependency)
            }
        }
        return seen
    }
}

@Suite("Layering: who may depend on whom")
struct LayeringTests {
    let manifest: Manifest

    init() throws { manifest = try Manifest() }

    @Test func theManifestIsRead() {
        #expect(manifest.coachingModules.contains("Trust"))
        #expect(manifest.dependencies["TandemRuntime"]?.contains("TandemJournal") == true)
        #expect(manifest.dependencies["tandem"]?.contains("TandemREPL") == true)
    }

    @Test func tandemKitDependsOnNothingOfOurs() {
        #expect(manifest.closure(of: "TandemKit").isEmpty)
    }

    @Test func modulesDependOnlyOnTandemKit() {
        for module in manifest.coachingModules {
            #expect(manifest.closure(of: module) == ["TandemKit"], "\(module)")
        }
    }

    @Test func noLibraryDependsOnAFrontEnd() {
        for (name, kind) in manifest.kinds where kind == "target" && name != "TandemREPL" {
            let closure = manifest.closure(of: name)
            #expect(!closure.contains("tandem") && !closure.contains("TandemREPL"), "\(name) depends on a front end")
        }
    }

    @Test func theRuntimeIsBelowTheFrontEndsAndAboveTheRest() {
        let below = ["TandemKit", "TandemSystem", "TandemCatalog", "TandemJournal", "TandemRoutine", "TandemModules", "TandemTogether"]
        for name in below {
            #expect(!manifest.closure(of: name).contains("TandemRuntime"), "\(name) must not depend on the runtime")
        }
        // The runtime is given its modules by the front end, so tests can give it others.
        #expect(!manifest.closure(of: "TandemRuntime").contains("TandemModules"))
        #expect(manifest.closure(of: "TandemREPL").contains("TandemRuntime"))
        #expect(manifest.closure(of: "tandem").contains("TandemRuntime"))
    }

    /// The lines of Swift sources under `folders` that match `pattern`, as `path:line`.
    func lines(matching pattern: String, in folders: [String]) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        var found: [String] = []
        for folder in folders {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let path as String in walker where path.hasSuffix(".swift") {
                let text = try String(contentsOf: base.appendingPathComponent(path), encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = line.trimmingCharacters(in: .whitespaces)
                    if code.hasPrefix("//") { continue }
                    if regex.firstMatch(in: code, range: NSRange(code.startIndex..., in: code)) != nil {
                        found.append("\(folder)/\(path):\(number + 1)")
                    }
                }
            }
        }
        return found.sorted()
    }

    @Test func onlyTheEnvironmentReadsTheProcess() throws {
        let readers = try lines(matching: #"ProcessInfo\.processInfo"#, in: ["Sources", "Plugins"])
        #expect(readers.allSatisfy { $0.hasPrefix("Sources/TandemRuntime/TandemEnvironment.swift:") }, "\(readers)")
        let arguments = try lines(matching: #"\bCommandLine\."#, in: ["Sources", "Plugins"])
        #expect(arguments.allSatisfy { $0.hasPrefix("Sources/tandem/Tandem.swift:") }, "\(arguments)")
    }

    @Test func onlyMainExits() throws {
        let exits = try lines(matching: #"(^|[^.\w])(Foundation\.)?exit\("#, in: ["Sources", "Plugins"])
        #expect(!exits.isEmpty, "the pattern finds main's exit")
        #expect(exits.allSatisfy { $0.hasPrefix("Sources/tandem/Tandem.swift:") }, "\(exits)")
    }
}
