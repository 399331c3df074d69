import ArgumentParser

struct PracticesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practices",
        abstract: "List the practices of one module, or of all.",
        discussion: "Practice ids such as daily.gratitude are what `tandem show`, `tandem adopt` and routines take.")

    @Argument(help: "A module id, such as daily. Leave out for every module.")
    var module: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let modules = try module.map { [try App.registry.requireModule($0)] } ?? App.registry.modules
        let renderer = BrowseCommands.renderer
        print(try output.json ? renderer.practicesJSON(of: modules) : renderer.practices(of: modules), terminator: "")
    }
}
