import CLineEditor
import Foundation
import TandemCatalog
import TandemRuntime
import TandemKit
import TandemModules
import TandemRoutine
import Testing
@testable import TandemREPL

/// A language that records what it was asked to run.
final class FakeLanguage: REPLLanguage {
    var executed: [String] = []
    var files: [String] = []
    var routines: [String] = []
    var outcomes: [String: REPLOutcome] = [:]
    var interrupts = 0

    func isIncomplete(_ source: String) -> Bool? { nil }
    func execute(_ source: String) -> REPLOutcome {
        executed.append(source)
        if let name = InputScanner.routineDefinition(named: "evening", in: source).map({ _ in "evening" }) { routines.append(name) }
        return outcomes[source] ?? .success
    }
    func runFile(_ url: URL) -> REPLOutcome {
        files.append("run " + url.lastPathComponent)
        return .success
    }
    func loadFile(_ url: URL) -> REPLOutcome {
        files.append("load " + url.lastPathComponent)
        return .success
    }
    var routineNames: [String] { routines }
    var variableNames: [String] { [] }
    func routineSource(named name: String) -> String? { nil }
    func requestInterrupt() { interrupts += 1 }
}

struct Session {
    let home: URL
    let reader: ScriptedLineReader
    let output = CapturedOutput()
    let errors = CapturedOutput()
    let language = FakeLanguage()
    let repl: REPL

    init(_ results: [LineReadResult], interactive: Bool = true, home: URL? = nil, dueToday: Int? = nil, notice: String? = nil) {
        let home = home ?? FileManager.default.temporaryDirectory.appendingPathComponent("tandem-repl-\(UUID().uuidString)")
        self.home = home
        reader = ScriptedLineReader(results, isInteractive: interactive)
        let environment = TandemEnvironment(dataDirectory: home, stateDirectory: home, now: Date(timeIntervalSince1970: 1_795_000_000), timeZone: TimeZone(identifier: "UTC")!)
        var configuration = REPLConfiguration(
            version: "0.1.0", registry: ModuleRegistry(moduleTypes: allModuleTypes), environment: environment,
            dueToday: { dueToday },
            hostCommands: [("today", "What is due today.")],
            runHostCommand: { name, arguments in name == "today" && arguments.isEmpty ? 0 : 3 })
        configuration.partnerNotice = { notice }
        repl = REPL(configuration: configuration, reader: reader, output: output, errors: errors, language: language)
    }

    init(lines: [String], interactive: Bool = true, home: URL? = nil) {
        self.init(lines.map { .line($0) }, interactive: interactive, home: home)
    }
}

@Suite("REPL loop and meta commands")
struct REPLTests {
    @Test("banner with and without the journal's count")
    func banner() {
        let session = Session([], dueToday: 3)
        #expect(session.repl.run() == 0)
        #expect(session.output.text == "Tandem 0.1.0: 11 coaching modules, 3 practices due today (:today). Type :help.\n")
        #expect(Session([]).repl.banner == "Tandem 0.1.0: 11 coaching modules. Type :help.")
        #expect(Session([], dueToday: 1).repl.banner.contains("1 practice due today"))
        // The partner answered today's question and I have not: the banner says so, escaped.
        let banner = Session([], notice: "Sam\u{1B}[2J answered today's question (:question)").repl.banner
        #expect(banner.hasSuffix("\nSam^[[2J answered today's question (:question)."), "\(banner)")
    }

    @Test("multi-line input continues at the ...> prompt and is one history entry")
    func multiLine() {
        let session = Session(lines: ["routine evening() {", "  say \"{1 +", "2}\"", "}", "evening()"])
        #expect(session.repl.run() == 0)
        #expect(session.language.executed == ["routine evening() {\n  say \"{1 +\n2}\"\n}", "evening()"])
        #expect(session.reader.prompts == [REPL.prompt, REPL.continuationPrompt, REPL.continuationPrompt, REPL.continuationPrompt, REPL.prompt, REPL.prompt])
        #expect(session.reader.history == ["routine evening() {\n  say \"{1 +\n2}\"\n}", "evening()"])
    }

    @Test("Ctrl-C abandons a multi-line input; the session goes on")
    func interruptAtPrompt() {
        let session = Session([.line("routine f() {"), .line("say 1"), .interrupted, .line("say 2")])
        #expect(session.repl.run() == 0)
        #expect(session.language.executed == ["say 2"])
        #expect(session.reader.prompts.last == REPL.prompt)
    }

    @Test("from a pipe: no banner, the status of the first error, and the session goes on")
    func pipe() {
        let session = Session(lines: ["say 1", "bad", "also bad", ":nosuch", "say 2"], interactive: false)
        session.language.outcomes = ["bad": .failure(exitCode: 1), "also bad": .failure(exitCode: 2)]
        #expect(session.repl.run() == 1)
        #expect(session.output.text.isEmpty)
        #expect(session.language.executed == ["say 1", "bad", "also bad", "say 2"])
        #expect(session.errors.text.contains("unknown command ':nosuch'"))
    }

    @Test("an unfinished input at the end of a pipe goes to the language")
    func unfinishedPipe() {
        let session = Session(lines: ["routine f() {"], interactive: false)
        _ = session.repl.run()
        #expect(session.language.executed == ["routine f() {"])
    }

    @Test(":help lists every command within the width, and topics")
    func help() {
        let session = Session(lines: [":help", ":help keys", ":help save", ":help overlap", ":help nonsense"])
        _ = session.repl.run()
        let text = session.output.text
        for command in [":modules", ":practices [MODULE]", ":save[!] NAME", ":quit", ":today", ":overlap", ":feelings"] {
            #expect(text.contains(command), "missing \(command)")
        }
        #expect(text.contains("Ctrl-C"))
        #expect(text.contains("USAGE") || text.contains("Usage"))
        for line in text.split(separator: "\n") where !line.contains("USAGE") { #expect(line.count <= 100) }
        #expect(session.errors.text.contains("no help on 'nonsense'"))
    }

    @Test(":help MODULE lists the module's commands and routine functions with their signatures")
    func moduleHelp() {
        let session = Session(lines: [":help trust", ":help longdistance", ":help daily", ":help trsut"])
        _ = session.repl.run()
        let text = session.output.text
        #expect(text.contains("trust.open_promises()"))
        #expect(text.contains(":promise"))
        #expect(text.contains("longdistance.overlap(myZone, myHours, partnerZone, partnerHours)"))
        #expect(text.contains(":overlap"))
        #expect(text.contains("Routine functions: none"))
        #expect(session.errors.text.contains("did you mean 'trust'?"))
    }

    @Test(":modules, :practices and :show")
    func content() {
        let session = Session(lines: [":modules", ":practices daily", ":show daily.gratitude", ":show daily.gratitud", ":practices nope"])
        _ = session.repl.run()
        #expect(session.output.text.contains("longdistance"))
        #expect(session.output.text.contains("daily.no_tech_time"))
        #expect(session.output.text.contains("Say one specific thank-you"))
        #expect(session.errors.text.contains("did you mean 'daily.gratitude'"))
        #expect(session.errors.text.contains("unknown module 'nope'"))
    }

    @Test(":save writes the routine as typed, refuses to overwrite without !")
    func save() throws {
        let session = Session(lines: [
            "let n = 1", "routine evening() {", "  say \"hi\"", "}", ":save evening", ":save evening", ":save! evening", ":save morning", ":routines",
        ])
        _ = session.repl.run()
        let url = session.home.appendingPathComponent("routines/evening.routine")
        #expect(try String(contentsOf: url, encoding: .utf8) == "routine evening() {\n  say \"hi\"\n}\n")
        #expect(session.errors.text.contains("use :save! evening to overwrite it"))
        #expect(session.errors.text.contains("no routine named 'morning'"))
        #expect(session.output.text.components(separatedBy: "Saved evening").count == 3)
        #expect(session.output.text.contains("In this session:\n  evening"))
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test(":save! never follows a symbolic link, and makes the file 0600")
    func saveRefusesLinks() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-repl-\(UUID().uuidString)")
        let routines = home.appendingPathComponent("routines")
        try FileManager.default.createDirectory(at: routines, withIntermediateDirectories: true)
        let outside = home.appendingPathComponent("outside.txt")
        try Data("not yours\n".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(atPath: routines.appendingPathComponent("evening.routine").path, withDestinationPath: outside.path)
        let morning = routines.appendingPathComponent("morning.routine")
        try Data("old\n".utf8).write(to: morning)
        chmod(morning.path, 0o644)
        let session = Session(lines: [
            "routine evening() {", "  say \"hi\"", "}", "routine morning() {", "  say \"up\"", "}", ":save! evening", ":save! morning",
        ], home: home)
        _ = session.repl.run()
        #expect(try String(contentsOf: outside, encoding: .utf8) == "not yours\n")
        #expect(session.errors.text.contains("evening.routine is a symbolic link; Tandem writes only to a real file"), "\(session.errors.text)")
        #expect(try String(contentsOf: morning, encoding: .utf8) == "routine morning() {\n  say \"up\"\n}\n")
        let mode = try FileManager.default.attributesOfItem(atPath: morning.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test(":save! on a full disk keeps the old routine and says why", .enabled(if: getuid() == 0, "needs root to mount a tmpfs"))
    func saveOnAFullDisk() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-repl-disk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        func tool(_ path: String, _ args: [String]) -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = args
            guard (try? process.run()) != nil else { return -1 }
            process.waitUntilExit()
            return process.terminationStatus
        }
        try #require(tool("/bin/mount", ["-t", "tmpfs", "-o", "size=64k,mode=0755", "tmpfs", home.path]) == 0)
        defer { _ = tool("/bin/umount", [home.path]); try? FileManager.default.removeItem(at: home) }
        let routines = home.appendingPathComponent("routines")
        try FileManager.default.createDirectory(at: routines, withIntermediateDirectories: true)
        chmod(home.path, 0o700)
        chmod(routines.path, 0o700)
        let saved = routines.appendingPathComponent("evening.routine")
        try Data("routine evening() {}\n".utf8).write(to: saved)
        let filler = open(home.appendingPathComponent("filler").path, O_WRONLY | O_CREAT, 0o600)
        let block = [UInt8](repeating: 0, count: 4096)
        while block.withUnsafeBytes({ write(filler, $0.baseAddress, $0.count) }) > 0 {}
        close(filler)
        let body = (0..<20).map { "  say \"line \($0) of a long evening\"" }
        let session = Session(lines: ["routine evening() {"] + body + ["}", ":save! evening"], home: home)
        _ = session.repl.run()
        #expect(try String(contentsOf: saved, encoding: .utf8) == "routine evening() {}\n")
        #expect(session.errors.text.contains("the disk is full"), "\(session.errors.text)")
        #expect(session.errors.text.contains("evening was not saved"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: routines.path) == ["evening.routine"])
    }

    @Test(":run and :load find saved routines, files and session routines")
    func run() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("routines"), withIntermediateDirectories: true)
        try "say 1\n".write(to: home.appendingPathComponent("routines/morning.routine"), atomically: true, encoding: .utf8)
        let session = Session(lines: [
            ":run morning", ":load \(home.path)/routines/morning.routine", "routine evening() { }", ":run evening", ":run nope", ":load nope.routine",
        ], home: home)
        _ = session.repl.run()
        #expect(session.language.files == ["run morning.routine", "load morning.routine"])
        #expect(session.language.executed == ["routine evening() { }", "evening()"])
        #expect(session.errors.text.contains("no routine or file named 'nope': looked for ./nope, ./nope.routine and \(home.path)/routines/nope.routine"))
        #expect(session.errors.text.contains("no routine file 'nope.routine': looked for ./nope.routine and \(home.path)/routines/nope.routine"))
    }

    @Test("a line ending in an operator or a backslash continues at the ...> prompt")
    func continuation() {
        let session = Session(lines: ["let x = 1 +", "2", "say x \\", "+ 1", "say 1"])
        _ = session.repl.run()
        #expect(session.language.executed == ["let x = 1 +\n2", "say x \\\n+ 1", "say 1"])
        #expect(session.reader.prompts.filter { $0 == REPL.continuationPrompt }.count == 2)
    }

    @Test(":run and :load look where tandem run does")
    func lookup() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("work"), withIntermediateDirectories: true)
        try "say 1\n".write(to: home.appendingPathComponent("work/evening.routine"), atomically: true, encoding: .utf8)
        let routines = home.appendingPathComponent("routines")
        #expect(RoutineFileLookup.candidates(for: "evening", routinesDirectory: routines) == ["evening", "evening.routine", routines.path + "/evening.routine"])
        #expect(RoutineFileLookup.candidates(for: "work/evening", routinesDirectory: routines) == ["work/evening", "work/evening.routine"])
        // A path without .routine finds the file with it, in :load as in :run.
        let session = Session(lines: [":load \(home.path)/work/evening", ":run \(home.path)/work/evening"], home: home)
        _ = session.repl.run()
        #expect(session.language.files == ["load evening.routine", "run evening.routine"])
    }

    @Test("host and module commands run as :name")
    func commands() {
        let session = Session(lines: [":today", ":today --bad", ":overlap --help", ":overlap --no-such-flag", ":quit", "say never"], interactive: false)
        #expect(session.repl.run() == 3)
        #expect(session.output.text.contains("overlap"))
        #expect(session.errors.text.contains("no-such-flag"))
        #expect(session.language.executed.isEmpty)
    }

    @Test(":history lists entries, multi-line ones indented")
    func history() {
        let session = Session(lines: ["say 1", "routine f() {", "}", ":history"])
        _ = session.repl.run()
        #expect(session.output.text.hasSuffix("1  say 1\n2  routine f() {\n   }\n3  :history\n"))
    }

    @Test("meta command lines split like a shell")
    func split() {
        #expect(MetaCommandLine(":overlap --mine \"9-17\" 'New York' a\\ b")?.arguments == ["--mine", "9-17", "New York", "a b"])
        #expect(MetaCommandLine(":save! evening")?.force == true)
        #expect(MetaCommandLine(":save! evening")?.name == "save")
        #expect(MetaCommandLine("say 1") == nil)
        #expect(MetaCommandLine(":") == nil)
        #expect(MetaCommandLine(":x \"\"")?.arguments == [""])
    }
}

@Suite("Line readers")
struct LineReaderTests {
    @Test("a pipe gives its lines, then the end")
    func stream() throws {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data("say 1\r\nsay \"é\"\n\nlast".utf8))
        try pipe.fileHandleForWriting.close()
        let reader = StreamLineReader(descriptor: pipe.fileHandleForReading.fileDescriptor)
        #expect(!reader.isInteractive)
        #expect(reader.readLine(prompt: "x> ") == .line("say 1"))
        #expect(reader.readLine(prompt: "x> ") == .line("say \"é\""))
        #expect(reader.readLine(prompt: "x> ") == .line(""))
        #expect(reader.readLine(prompt: "x> ") == .line("last"))
        #expect(reader.readLine(prompt: "x> ") == .endOfInput)
    }

    @Test("ask and practice read through the reader")
    func lineInput() {
        let reader = ScriptedLineReader([.line("7"), .interrupted])
        let interrupted = CapturedOutput()
        let input = ReaderLineInput(reader) { interrupted.write("stop") }
        #expect(input.isInteractive)
        #expect(input.readLine(prompt: "How? ") == "7")
        #expect(input.readLine(prompt: "How? ") == nil)
        #expect(interrupted.text == "stop")
        #expect(reader.history.isEmpty)
    }
}

@Suite("libedit wrappers")
struct LibEditWrapperTests {
    @Test("history: bounded, unique, newest first, saved and loaded")
    func history() throws {
        let history = try #require(tandem_history_init(3))
        defer { tandem_history_end(history) }
        for line in ["a", "b", "b", "c\nd", "e"] { tandem_history_enter(history, line) }
        #expect(tandem_history_count(history) == 3)
        var entries: [String] = []
        var entry = tandem_history_first(history)
        while let current = entry {
            entries.append(String(cString: current))
            entry = tandem_history_next(history)
        }
        #expect(entries == ["e", "c\nd", "b"])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-libedit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(tandem_history_save(history, url.path) >= 0)
        tandem_history_clear(history)
        #expect(tandem_history_count(history) == 0)
        #expect(tandem_history_load(history, url.path) >= 0)
        #expect(tandem_history_first(history).map { String(cString: $0) } == "e")
    }

    @Test("interrupts are counted until taken")
    func interrupts() {
        _ = tandem_take_interrupts()
        tandem_install_signal_handlers(nil)
        defer { tandem_restore_signal_handlers() }
        // The handlers unblock SIGINT on this thread; raise() delivers to it before returning.
        raise(SIGINT)
        raise(SIGINT)
        #expect(tandem_pending_interrupts() == 2)
        #expect(tandem_take_interrupts() == 2)
        #expect(tandem_take_interrupts() == 0)
    }
}
