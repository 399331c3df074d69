import ArgumentParser
import Foundation
import TandemCatalog
import TandemKit
import TandemRoutine
import TandemRuntime
import TandemSystem

/// A `:command` line split into its name, its `!` and its arguments.
public struct MetaCommandLine: Sendable, Hashable {
    /// The name without the colon or the bang: `save` in `:save! evening`.
    public var name: String
    /// Whether the name ended in `!` (force).
    public var force: Bool
    /// The arguments, split at spaces; `"…"` and `'…'` quote, `\` escapes.
    public var arguments: [String]

    /// Parses a line that starts with `:`; `nil` when it does not.
    public init?(_ line: String) {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix(":") else { return nil }
        var words = Self.split(String(text.dropFirst()))
        guard !words.isEmpty else { return nil }
        var name = words.removeFirst()
        force = name.hasSuffix("!")
        if force { name.removeLast() }
        self.name = name
        arguments = words
    }

    /// Splits a command line into words as a shell does, for quotes and backslashes.
    public static func split(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" && quote != "'" {
                escaped = true
                inWord = true
            } else if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character == " " || character == "\t" || character == "\n" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}

/// The REPL's own meta commands, in the order `:help` lists them.
enum MetaCommand: String, CaseIterable {
    case help, modules, practices, show, routines, run, load, save, today, stats, history, quit

    var usage: String {
        switch self {
        case .help: ":help [TOPIC|MODULE]"
        case .modules: ":modules"
        case .practices: ":practices [MODULE]"
        case .show: ":show PRACTICE"
        case .routines: ":routines"
        case .run: ":run NAME|FILE"
        case .load: ":load FILE"
        case .save: ":save[!] NAME"
        case .today: ":today"
        case .stats: ":stats"
        case .history: ":history"
        case .quit: ":quit"
        }
    }

    var abstract: String {
        switch self {
        case .help: "Show this help, or help on a topic or a module (its commands and functions)."
        case .modules: "List the coaching modules."
        case .practices: "List the practices, of one module or all."
        case .show: "Show a practice: why, steps, what to try today."
        case .routines: "List the routines of this session and the saved ones."
        case .run: "Run a saved routine, a .routine file, or a routine of this session."
        case .load: "Bring a file's routines into this session."
        case .save: "Save a routine of this session as NAME.routine (! overwrites)."
        case .today: "What is due today."
        case .stats: "Streaks and completion."
        case .history: "The inputs of this and earlier sessions."
        case .quit: "Leave (Ctrl-D does too)."
        }
    }
}

extension REPL {
    /// Every `:` command name: the REPL's own, the host's and the modules'.
    var metaCommandNames: [String] {
        var names = MetaCommand.allCases.map(\.rawValue)
        names += configuration.hostCommands.map(\.name).filter { !names.contains($0) }
        names += configuration.registry.allCommands.compactMap { $0.command.configuration.commandName }
        names.append("exit")
        return names
    }

    /// Help topics beyond the command names.
    static let helpTopics: [String: String] = [
        "language": """
            The prompt takes any statement or expression of the routine language; an
            expression's value is printed. Definitions and variables last for the session.
              let n = 3            say "Hello {n}"       1 + 2
              routine evening(partner = "Sam") { say "Hi {partner}" }
              if n > 2 { say "big" } else { say "small" }
              for i in 1..3 { say i }     repeat 2 { say "again" }
            See docs/routine-language.md for the whole language.
            """,
        "keys": """
            Tab        complete keywords, commands, module and practice ids, names, files
            ↑ ↓        earlier inputs (a multi-line input comes back whole); Ctrl-R searches
            Ctrl-C     abandon the line, or stop what is running
            Ctrl-D     leave (on an empty line); the history is saved
            A line that leaves { ( [ or a string open, or ends in a binary operator
            (+ - * / // % == < and or …) or a \\, continues at the ...> prompt.
            """,
        "coaching": """
            practice daily.gratitude      present a practice and record whether it was done
            ask "…"  ask number "…" in 1..10  ask yesno "…"  ask choice "…" from [..]
            note "…"   checkin   tip daily   card trust   timer 20m "No-tech time"
            """,
        "files": """
            :save NAME writes a routine typed here to NAME.routine in the routines folder,
            with the routines it calls and the variables it uses, so that the file runs
            on its own (:save! overwrites). :run NAME runs a saved routine, :run FILE a file,
            :load FILE brings a file's routines into the session.
            """,
    ]

    func runMeta(_ line: String) {
        guard let command = MetaCommandLine(line) else {
            fail("empty command", hint: "type :help for the commands")
            return
        }
        let arguments = command.arguments
        if command.force, command.name != "save" {
            fail("':\(command.name)!' takes no '!'")
            return
        }
        switch MetaCommand(rawValue: command.name) {
        case .help: showHelp(arguments.first)
        case .modules: showModules()
        case .practices: showPractices(arguments)
        case .show: showPractice(arguments)
        case .routines: showRoutines()
        case .run: runRoutine(arguments)
        case .load: load(arguments)
        case .save: save(arguments, force: command.force)
        case .history: showHistory()
        case .quit: finished = true
        case .today, .stats: runHost(command.name, arguments)
        case nil:
            if command.name == "exit" {
                finished = true
            } else if configuration.registry.command(named: command.name) != nil {
                runModuleCommand(command.name, arguments)
            } else if configuration.hostCommands.contains(where: { $0.name == command.name }) {
                runHost(command.name, arguments)
            } else {
                let suggestions = Suggestions.closest(to: command.name, in: metaCommandNames)
                fail(
                    "unknown command ':\(command.name)'",
                    hint: suggestions.isEmpty ? "type :help for the commands" : "did you mean " + suggestions.map { "':\($0)'" }.joined(separator: " or ") + "?")
            }
        }
    }

    // MARK: Help

    func showHelp(_ topic: String?) {
        let style = configuration.style
        if let topic = topic.map({ $0.hasPrefix(":") ? String($0.dropFirst()) : $0 }) {
            if let text = Self.helpTopics[topic] {
                output.write(text + "\n")
            } else if let meta = MetaCommand(rawValue: topic) {
                output.write(style.bold(meta.usage) + "\n  " + meta.abstract + "\n")
            } else if let found = configuration.registry.command(named: topic) {
                output.write(found.command.helpMessage(columns: reader.width) + "\n")
            } else if let host = configuration.hostCommands.first(where: { $0.name == topic }) {
                output.write(style.bold(":" + host.name) + "\n  " + host.abstract + "\n")
            } else if let module = configuration.registry.module(id: topic) {
                showModuleHelp(module)
            } else {
                let topics = Array(Self.helpTopics.keys) + metaCommandNames + configuration.registry.moduleIDs
                fail("no help on '\(topic)'", hint: Suggestions.closest(to: topic, in: topics).first.map { "did you mean '\($0)'?" } ?? "topics: " + Self.helpTopics.keys.sorted().joined(separator: ", "))
            }
            return
        }
        var rows: [(String, String)] = MetaCommand.allCases.map { ($0.usage, $0.abstract) }
        for host in configuration.hostCommands where MetaCommand(rawValue: host.name) == nil {
            rows.append((":" + host.name, host.abstract))
        }
        for (module, command) in configuration.registry.allCommands {
            guard let name = command.configuration.commandName else { continue }
            rows.append((":" + name, command.configuration.abstract + " (\(module.id))"))
        }
        var text = "Type routine-language statements and expressions (try: say 1 + 2), or a command:\n"
        text += table(rows)
        text += "Topics: " + Self.helpTopics.keys.sorted().map { ":help \($0)" }.joined(separator: ", ") + "\n"
        text += ":help MODULE (such as :help trust) shows a module's commands and routine functions.\n"
        output.write(text)
    }

    /// `:help MODULE`: the module's commands and routine functions.
    func showModuleHelp(_ module: LoadedModule) {
        let style = configuration.style
        var text = style.bold(module.manifest.displayName) + " (\(module.id)): " + module.manifest.summary + "\n"
        let commands: [(String, String)] = module.commands.compactMap { command in
            command.configuration.commandName.map { (":" + $0, command.configuration.abstract) }
        }
        text += style.bold("Commands:") + (commands.isEmpty ? " none\n" : "\n" + table(commands))
        let functions = module.functions.map { ($0.signature(module: module.id), $0.summary) }
        text += style.bold("Routine functions:") + (functions.isEmpty ? " none\n" : "\n" + table(functions))
        text += "Practices: :practices \(module.id)\n"
        output.write(text)
    }

    /// Two columns, the second wrapped to the terminal's width.
    func table(_ rows: [(String, String)]) -> String {
        let style = configuration.style
        let left = min(rows.map(\.0.count).max() ?? 0, 28)
        let width = max(40, reader.width)
        var text = ""
        for (name, description) in rows {
            let pad = String(repeating: " ", count: max(1, left - name.count + 2))
            let lines = TextLayout.wrap(description, width: max(20, width - left - 4))
            text += "  " + style.color(name, .cyan) + pad + (lines.first ?? "") + "\n"
            for more in lines.dropFirst() { text += String(repeating: " ", count: left + 4) + more + "\n" }
        }
        return text
    }

    // MARK: Content

    var renderer: ContentRenderer {
        ContentRenderer(registry: configuration.registry, style: configuration.style, width: min(reader.width, 100))
    }

    func showModules() {
        output.write(renderer.modules())
    }

    func showPractices(_ arguments: [String]) {
        do {
            let modules = try arguments.first.map { [try configuration.registry.requireModule($0)] } ?? configuration.registry.modules
            output.write(renderer.practices(of: modules))
        } catch {
            fail("\(error)")
        }
    }

    func showPractice(_ arguments: [String]) {
        guard let id = arguments.first else {
            fail("which practice?", hint: ":show daily.gratitude")
            return
        }
        do {
            output.write(renderer.practice(try configuration.registry.requirePractice(id)))
        } catch {
            fail("\(error)")
        }
    }

    func showHistory() {
        let entries = reader.history
        let digits = String(entries.count).count
        var text = ""
        for (index, entry) in entries.enumerated() {
            let number = String(index + 1)
            let prefix = String(repeating: " ", count: digits - number.count) + number + "  "
            let lines = entry.terminalSafeLines.split(separator: "\n", omittingEmptySubsequences: false)
            text += prefix + (lines.first.map(String.init) ?? "") + "\n"
            for more in lines.dropFirst() { text += String(repeating: " ", count: prefix.count) + more + "\n" }
        }
        output.write(text)
    }

    // MARK: Routines

    var routinesDirectory: URL { configuration.environment.routinesDirectory }

    /// The names of the `.routine` files in the routines folder.
    var savedRoutineNames: [String] { RoutineFileLookup.savedNames(in: routinesDirectory) }

    func showRoutines() {
        let style = configuration.style
        let session = language.routineNames.sorted().map(\.terminalSafe)
        let saved = savedRoutineNames.map(\.terminalSafe)
        var text = ""
        text += style.bold("In this session:") + (session.isEmpty ? " none\n" : "\n" + indent(ColumnLayout.render(session, width: reader.width - 2)))
        text += style.bold("Saved in \(routinesDirectory.path.terminalSafe):") + (saved.isEmpty ? " none\n" : "\n" + indent(ColumnLayout.render(saved, width: reader.width - 2)))
        output.write(text)
    }

    private func indent(_ text: String) -> String {
        text.split(separator: "\n").map { "  " + $0 + "\n" }.joined()
    }

    /// A file named on the command line: a path, a file in the current
    /// folder, or a saved routine's name, looked for as `tandem run` does.
    func resolveRoutineFile(_ argument: String) -> Result<URL, CommandFailure> {
        Result { () throws(CommandFailure) in
            URL(fileURLWithPath: try RoutineFileLookup.resolve(argument, routinesDirectory: routinesDirectory))
        }
    }

    func runRoutine(_ arguments: [String]) {
        guard let name = arguments.first else {
            fail("which routine?", hint: ":run evening (a saved routine) or :run path/to/file.routine")
            return
        }
        if case .success(let url) = resolveRoutineFile(name) {
            record(language.runFile(url))
        } else if language.routineNames.contains(name) {
            record(language.execute("\(name)()"))
        } else {
            let candidates = savedRoutineNames + language.routineNames
            fail(
                "no routine or file named '\(name)': " + RoutineFileLookup.placesLooked(for: name, routinesDirectory: routinesDirectory),
                hint: Suggestions.closest(to: name, in: candidates).first.map { "did you mean '\($0)'?" } ?? "saved routines live in \(routinesDirectory.path)")
        }
    }

    func load(_ arguments: [String]) {
        guard let name = arguments.first else {
            fail("which file?", hint: ":load path/to/file.routine")
            return
        }
        switch resolveRoutineFile(name) {
        case .success(let url): record(language.loadFile(url))
        case .failure(let failure): fail(failure.message)
        }
    }

    /// The source of routine `name` as typed in this session: the language's
    /// copy, else the newest chunk that defines it.
    func routineSource(_ name: String) -> String? {
        if let source = language.routineSource(named: name) { return source }
        for chunk in sessionSources.reversed() {
            if let source = InputScanner.routineDefinition(named: name, in: chunk) { return source }
        }
        return nil
    }

    func save(_ arguments: [String], force: Bool) {
        guard arguments.count == 1, let name = arguments.first else {
            fail("which routine?", hint: ":save NAME saves the routine NAME defined in this session")
            return
        }
        let source: String?
        switch language.fileText(forRoutine: name) {
        case .success(let text): source = text
        case .failure(let failure):
            fail(failure.message, hint: "define what it needs in this session, or write the file by hand")
            return
        case nil: source = routineSource(name)
        }
        guard let source else {
            let known = language.routineNames
            fail(
                "no routine named '\(name)' in this session",
                hint: Suggestions.closest(to: name, in: known).first.map { "did you mean '\($0)'?" } ?? "define it first: routine \(name)() { … }")
            return
        }
        let url = routinesDirectory.appendingPathComponent(name + ".routine")
        do {
            try PrivateFolder.make(configuration.environment.dataDirectory)
            try PrivateFolder.make(routinesDirectory)
            let text = source.hasSuffix("\n") ? source : source + "\n"
            try PrivateFile.write(Data(text.utf8), to: url, replacing: force)
            output.write("Saved \(name) to \(url.path.terminalSafe)\n")
        } catch let error as PrivateFileError {
            switch error.problem {
            case .exists: fail("\(url.path) exists", hint: "use :save! \(name) to overwrite it")
            case .symbolicLink, .folder, .special:
                fail("\(error); nothing was saved", hint: "move it away, or save under another name")
            case .system: fail("\(error); \(name) was not saved", exitCode: ExitStatus.runtimeError)
            }
        } catch {
            fail("\(error)", exitCode: ExitStatus.runtimeError)
        }
    }

    // MARK: Runtime and module commands

    func runHost(_ name: String, _ arguments: [String]) {
        guard configuration.hostCommands.contains(where: { $0.name == name }) else {
            fail(":\(name) needs the journal, which this build does not have", exitCode: ExitStatus.runtimeError)
            return
        }
        let status = configuration.runHostCommand(name, arguments)
        fflush(nil)
        if status != 0, firstFailure == nil { firstFailure = status }
    }

    func runModuleCommand(_ name: String, _ arguments: [String]) {
        guard let (module, type) = configuration.registry.command(named: name) else { return }
        let context = configuration.moduleContext(module.id, ReaderLineInput(reader), output, errors)
        if arguments.contains("--help") || arguments.contains("-h") || arguments.first == "help" {
            output.write(type.helpMessage(columns: reader.width) + "\n")
            return
        }
        do {
            let parsed = try type.parseAsRoot(arguments)
            if var command = parsed as? any ModuleCommand {
                try command.run(in: context)
            } else {
                var other = parsed
                try other.run()  // ArgumentParser's own, such as a help request
            }
        } catch {
            report(FailureReport(error, command: type, colored: configuration.errorStyle.isEnabled, columns: reader.width, width: reader.width))
        }
        fflush(nil)
    }

    /// Shows a failure the way every front end classifies it.
    func report(_ failure: FailureReport) {
        if failure.isHelp {
            output.write(failure.rendered(prefix: ""))
            return
        }
        switch failure.body {
        case .message(let message): fail(message, exitCode: failure.exitCode)
        case .text(let text):
            errors.write(text)
            if firstFailure == nil { firstFailure = failure.exitCode }
        }
    }
}
