import ArgumentParser
import TandemRuntime

struct ModulesCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "modules",
        abstract: "List the coaching modules.")

    @OptionGroup var output: OutputOptions

    func run(on runtime: Runtime) throws {
        let renderer = runtime.renderer
        print(try output.json ? renderer.modulesJSON() : renderer.modules(), terminator: "")
    }
}
