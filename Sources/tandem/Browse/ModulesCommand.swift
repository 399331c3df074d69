import ArgumentParser

struct ModulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "modules",
        abstract: "List the coaching modules.")

    @OptionGroup var output: OutputOptions

    func run() throws {
        let renderer = BrowseCommands.renderer
        print(try output.json ? renderer.modulesJSON() : renderer.modules(), terminator: "")
    }
}
