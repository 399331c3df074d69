import ArgumentParser
import TandemRuntime

struct PracticesCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "practices",
        abstract: "List the practices of one module, or of all.",
        discussion: "Practice ids such as daily.gratitude are what `tandem show`, `tandem adopt` and routines take.")

    @Argument(help: "A module id, such as daily. Leave out for every module.")
    var module: String?

    @OptionGroup var output: OutputOptions

    func run(on runtime: Runtime) throws {
        let modules = try module.map { [try runtime.registry.requireModule($0)] } ?? runtime.registry.modules
        let renderer = runtime.renderer
        print(try output.json ? renderer.practicesJSON(of: modules) : renderer.practices(of: modules), terminator: "")
    }
}
