import Foundation
import Testing

/// The `tandem` REPL in a real terminal: tmux runs the built binary, the test
/// types with `send-keys` and reads the screen with `capture-pane`. Every wait
/// polls the screen for what should appear (no fixed sleeps), up to 10 s.
@Suite("REPL in a terminal (tmux)", .serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed (scripts/test installs it)"))
struct REPLTerminalTests {
    @Test("Tab completes a practice id")
    func completion() throws {
        try Tmux.withHome { home in
            try Tmux.session(home: home) { terminal in
                terminal.type("practice daily.gr")
                terminal.press("Tab")
                try terminal.waitFor { $0.contains("tandem> practice daily.gratitude") }
                terminal.press("C-u")
                terminal.type(":pra")
                terminal.press("Tab")
                try terminal.waitFor { $0.contains("tandem> :practices") }
            }
        }
    }

    @Test("Tab completes a map's keys; the echo shows the map")
    func mapKeyCompletion() throws {
        try Tmux.withHome { home in
            try Tmux.session(home: home) { terminal in
                terminal.line("let tally = {\"walk\": 3, \"cook\": 1}")
                try terminal.waitForPrompt(count: 2)
                terminal.type("tally[\"wa")
                terminal.press("Tab")
                try terminal.waitFor { $0.contains("tandem> tally[\"walk\"]") }
                terminal.press("Enter")
                try terminal.waitFor { $0.contains("\n3\n") }
                terminal.line("tally")
                try terminal.waitFor { $0.contains("\n{\"walk\": 3, \"cook\": 1}\n") }
            }
        }
    }

    @Test("a multi-line routine is defined, then called")
    func multiLine() throws {
        try Tmux.withHome { home in
            try Tmux.session(home: home) { terminal in
                terminal.line("routine evening(partner = \"Sam\") {")
                try terminal.waitFor { $0.contains("   ...>") }
                terminal.line("say \"Good evening, {partner}.\"")
                terminal.line("}")
                try terminal.waitForPrompt(count: 2)
                terminal.line("evening()")
                try terminal.waitFor { $0.contains("Good evening, Sam.") }
                terminal.line("evening(\"Alex\")")
                try terminal.waitFor { $0.contains("Good evening, Alex.") }
            }
        }
    }

    @Test(":save, then :run from a new session")
    func saveAndRun() throws {
        try Tmux.withHome { home in
            try Tmux.session(home: home) { terminal in
                terminal.line("routine evening() {")
                terminal.line("  say \"Time to reconnect.\"")
                terminal.line("}")
                terminal.line(":save evening")
                try terminal.waitFor { $0.contains("Saved evening") }
                try terminal.leave()
            }
            let saved = try String(contentsOf: home.appendingPathComponent("routines/evening.routine"), encoding: .utf8)
            #expect(saved == "routine evening() {\n  say \"Time to reconnect.\"\n}\n")
            try Tmux.session(home: home) { terminal in
                terminal.line(":run evening")
                try terminal.waitFor { $0.contains("Time to reconnect.") }
            }
        }
    }

    @Test("↑ recalls the history after a restart, a multi-line entry whole")
    func historyAfterRestart() throws {
        try Tmux.withHome { home in
            try Tmux.session(home: home) { terminal in
                terminal.line("routine twice(x) {")
                terminal.line("  return x * 2")
                terminal.line("}")
                terminal.line("say \"remember me\"")
                try terminal.waitFor { $0.contains("\nremember me") }
                try terminal.leave()
            }
            try Tmux.session(home: home) { terminal in
                terminal.press("Up")
                try terminal.waitFor { $0.contains("tandem> say \"remember me\"") }
                terminal.press("Up")
                try terminal.waitFor { $0.contains("tandem> routine twice(x) {\n  return x * 2\n}") }
                terminal.press("Enter")
                try terminal.waitForPrompt(count: 2)
                terminal.line("twice(21)")
                try terminal.waitFor { $0.contains("\n42\n") }
            }
        }
    }

    @Test("Ctrl-C stops `while true { }` and the session goes on; Ctrl-C at the prompt abandons the line")
    func interrupt() throws {
        try Tmux.withHome { home in
            try Tmux.session(home: home) { terminal in
                terminal.line("let kept = 7")
                try terminal.waitForPrompt(count: 2)
                terminal.line("while true { }")
                try terminal.waitFor { $0.contains("tandem> while true { }") }
                // The first Ctrl-C may land before the loop starts; press until it stops.
                try terminal.waitFor(pressing: "C-c") { $0.contains("interrupted") }
                try terminal.waitForPrompt(count: 3)
                terminal.line("say kept + 1")
                try terminal.waitFor { $0.contains("\n8\n") }
                terminal.type("routine half_typed() {")
                terminal.press("Enter")
                terminal.type("say 1")
                terminal.press("C-c")
                try terminal.waitForPrompt(count: 5)
                terminal.line("say \"still here\"")
                try terminal.waitFor { $0.contains("\nstill here") }
            }
        }
    }

    @Test("Ctrl-D deletes under the cursor, and on an empty line leaves with exit code 0")
    func endOfInput() throws {
        try Tmux.withHome { home in
            try Tmux.session(home: home) { terminal in
                terminal.type("say 1 + 23")
                terminal.press("Left")
                terminal.press("C-d")
                terminal.press("Enter")
                try terminal.waitFor { $0.contains("\n3\n") }
                try terminal.leave()
                #expect(!terminal.screen().contains("^D"))
            }
            let history = try String(contentsOf: home.appendingPathComponent("history"), encoding: .utf8)
            #expect(history == "say 1 + 2\n")
            let mode = try FileManager.default.attributesOfItem(atPath: home.appendingPathComponent("history").path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
    }

    @Test("joining a shared folder asks for the pairing code without showing it")
    func pairingCodeIsNotEchoed() throws {
        try Tmux.withHome { home in
            let sam = home.appendingPathComponent("sam"), folder = home.appendingPathComponent("shared")
            let codeFile = home.appendingPathComponent("code")
            let made = runTandem(["together", "init", folder.path, "--name", "Sam", "--code-file", codeFile.path], home: sam)
            #expect(made.status == 0, "\(made.stderr)")
            let code = try String(contentsOf: codeFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            try Tmux.session(home: home.appendingPathComponent("alex")) { terminal in
                terminal.line(":together join \(folder.path) --name Alex")
                try terminal.waitFor { $0.contains("Pairing code (from your partner's tandem together init):") }
                terminal.line(code)
                try terminal.waitFor { $0.contains("Joined the shared folder with Sam") }
                #expect(!terminal.screen().contains(code), "the code was shown as it was typed")
                #expect(!terminal.screen().contains(String(code.prefix(5))))
            }
        }
    }
}

@Suite("REPL reading a pipe")
struct REPLPipeTests {
    @Test("echo 'say 1 + 2' | tandem prints 3")
    func say() {
        let run = runTandem([], stdin: "say 1 + 2\n", home: makeTemporaryHome())
        #expect(run.status == 0)
        #expect(run.stdout == "3\n")
        #expect(run.stderr.isEmpty)
    }

    @Test("a script goes on after an error and exits with the first error's status")
    func firstError() {
        let script = """
            let n = 2
            routine twice(x) {
              return x * n
            }
            say nope
            say twice(21)
            1 / 0
            :show daily.gratitud
            """
        let run = runTandem([], stdin: script + "\n", home: makeTemporaryHome())
        #expect(run.status == 2)
        #expect(run.stdout == "42\n")
        #expect(run.stderr.contains("undefined variable 'nope'"))
        #expect(run.stderr.contains("    say nope\n        ^~~~"))
        #expect(run.stderr.contains("division by zero"))
        #expect(run.stderr.contains("did you mean 'daily.gratitude'"))
    }

    @Test("ask reads the next line of the script")
    func ask() {
        let run = runTandem([], stdin: "let a = ask number \"How close?\" in 1..10\n7\nsay a * 2\n", home: makeTemporaryHome())
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix("14\n"))
    }
}

/// A tmux server of its own (`tmux -L`) running `tandem` in one pane.
final class Tmux {
    static let isAvailable: Bool = (try? spawn(["tmux", "-V"], capture: true))?.hasPrefix("tmux") ?? false

    let socket = "tandem-test-\(UUID().uuidString.prefix(8))"
    let home: URL

    /// Starts `tandem` in a 100×40 terminal; after it exits the pane shows `[exit N]`.
    /// With `asHome`, `home` is `HOME` and Tandem keeps its files where it
    /// does for a user (`~/.local/share/tandem`), not in `TANDEM_HOME`.
    init(home: URL, arguments: [String] = [], asHome: Bool = false) throws {
        self.home = home
        var variables = [
            "TANDEM_HOME": home.path, "TANDEM_NOW": "2026-11-20T21:30:00", "NO_COLOR": "1", "TZ": "UTC",
            "LANG": "C.UTF-8", "TERM": "xterm-256color",
        ]
        if asHome {
            variables["TANDEM_HOME"] = nil
            variables["HOME"] = home.path
        }
        if let path = ProcessInfo.processInfo.environment["PATH"] { variables["PATH"] = path }
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let unset = asHome ? "-u TANDEM_HOME -u XDG_DATA_HOME -u XDG_STATE_HOME " : ""
        let command = "env \(unset)\(assignments) \(Self.quote(tandemBinaryURL().path)) \(arguments.map(Self.quote).joined(separator: " ")); echo \"[exit $?]\"; sleep 600"
        try run(["new-session", "-d", "-x", "100", "-y", "40", command])
    }

    /// Runs `body` with a fresh TANDEM_HOME, removed afterwards.
    static func withHome(_ body: (URL) throws -> Void) throws {
        let home = makeTemporaryHome("tandem-repl")
        defer { try? FileManager.default.removeItem(at: home) }
        try body(home)
    }

    /// Starts `tandem` on `home`, waits for its first prompt, runs `body`,
    /// then shuts the terminal down.
    static func session(home: URL, asHome: Bool = false, _ body: (Tmux) throws -> Void) throws {
        let terminal = try Tmux(home: home, asHome: asHome)
        defer { terminal.shutDown() }
        try terminal.waitForPrompt()
        try body(terminal)
    }

    /// Presses Ctrl-D at an empty prompt and waits for `tandem` to exit 0.
    func leave() throws {
        press("C-d")
        try waitFor { $0.contains("[exit 0]") }
    }

    /// Types text literally.
    func type(_ text: String) { _ = try? run(["send-keys", "-t", "0", "-l", text]) }
    /// Presses a key by its tmux name: `Enter`, `Tab`, `Up`, `C-c`, `C-d`.
    func press(_ key: String) { _ = try? run(["send-keys", "-t", "0", key]) }
    /// Types a line and presses Enter.
    func line(_ text: String) {
        type(text)
        press("Enter")
    }

    /// The visible screen, trailing blank lines removed.
    func screen() -> String {
        let text = (try? run(["capture-pane", "-p", "-t", "0"])) ?? ""
        return text.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
    }

    /// Waits until the screen satisfies `condition`.
    @discardableResult
    func waitFor(timeout: Duration = .seconds(10), _ condition: (String) -> Bool) throws -> String {
        try waitFor(pressing: nil, timeout: timeout, condition)
    }

    /// Waits until the screen satisfies `condition`, pressing `key` every
    /// 1.5 s while it does not.
    @discardableResult
    func waitFor(pressing key: String?, timeout: Duration = .seconds(10), _ condition: (String) -> Bool) throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var lastPress = clock.now - .seconds(10)
        while true {
            let text = screen()
            if condition(text) { return text }
            if clock.now > deadline { throw TerminalTimeout(screen: text) }
            // Look before pressing again, and press seldom, so that a press
            // rarely lands after what it was for has already happened.
            if let key, clock.now - lastPress >= .milliseconds(1500) {
                press(key)
                lastPress = clock.now
            }
            usleep(20_000)
        }
    }

    /// Waits until at least `count` prompts are on the screen and the last line is an empty prompt.
    func waitForPrompt(count: Int = 1) throws {
        try waitFor { screen in
            screen.split(separator: "\n").filter { $0.hasPrefix("tandem>") }.count >= count && screen.hasSuffix("tandem>\n")
        }
    }

    func shutDown() {
        _ = try? run(["kill-server"])
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        try Self.spawn(["tmux", "-L", socket] + arguments, capture: arguments.first == "capture-pane")
    }

    /// Runs a program found on PATH and waits for it, with every signal
    /// unblocked and at its default (a test runner's threads block some,
    /// and tmux would pass that on to `tandem`). Only when `capture` is set is
    /// standard output read: a command that starts the tmux server would
    /// hand it the pipe, which then never reaches its end.
    static func spawn(_ arguments: [String], capture: Bool) throws -> String {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD, SIGWINCH] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { throw TerminalTimeout(screen: "pipe failed") }
        defer { close(pipeEnds[0]) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])

        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
        close(pipeEnds[1])
        guard result == 0 else { throw TerminalTimeout(screen: "could not start \(arguments[0]): \(result)") }
        var data = [UInt8]()
        if capture {
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                data += chunk[..<count]
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return String(decoding: data, as: UTF8.self)
    }

    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

/// What the screen showed when an expected text did not appear in time.
struct TerminalTimeout: Error, CustomStringConvertible {
    let screen: String
    var description: String { "timed out; the screen shows:\n" + screen }
}
