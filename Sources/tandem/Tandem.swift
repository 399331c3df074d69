import ArgumentParser
import TandemHost
import TandemKit
import TandemModules

@main
struct Tandem: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tandem", abstract: "A private, offline coach for emotional intimacy.")
    func run() throws {
        let registry = ModuleRegistry(moduleTypes: allModuleTypes)
        for m in registry.modules { print(m.id) }
    }
}
