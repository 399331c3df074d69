import ArgumentParser
import TandemRuntime

struct ShowCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a practice: why it matters, its steps, what to try today, what to reflect on.")

    @Argument(help: "A practice id, such as daily.gratitude.")
    var practice: String

    @OptionGroup var output: OutputOptions

    func run(on runtime: Runtime) throws {
        let found = try runtime.registry.requirePractice(practice)
        let renderer = runtime.renderer
        print(try output.json ? renderer.practiceJSON(found) : renderer.practice(found), terminator: "")
    }
}
