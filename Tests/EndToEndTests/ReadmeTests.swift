import Foundation
import Testing

/// README.md's examples, run as a new user would run them, in the README's
/// order, in a fresh home (`HOME`, so paths are the default `~/.local/share/tandem`):
///
/// - a block that starts with `$ tandem` is the REPL: typed in tmux, and the
///   screen must show the block (`⇥` is a Tab; the line then starts with what
///   was typed before it);
/// - a block whose first line is `# NAME.routine` is written to that file;
/// - a block of `$ COMMAND` lines is run line by line by bash; the lines
///   after a command, if any, are its whole output (standard output and
///   error), and it exits 0 unless that output shows an `error:`;
/// - a block of `tandem …` lines: each runs and exits 0.
///
/// A note after two spaces and `#` explains a line and is not run. Blocks of
/// `scripts/…` (the set-up itself) and Swift code are not run here.
@Suite("README examples", .serialized)
struct ReadmeTests {
    struct Block {
        var line: Int
        var lines: [String]
    }

    static let readme = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("README.md")

    /// The fenced blocks of the README, with the line each starts on.
    static func blocks() throws -> [Block] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        var blocks: [Block] = []
        var current: Block?
        for (number, line) in text.components(separatedBy: "\n").enumerated() {
            if line.hasPrefix("```") {
                if let open = current {
                    blocks.append(open)
                    current = nil
                } else {
                    current = line == "```" ? Block(line: number + 2, lines: []) : Block(line: -1, lines: [])
                }
            } else if current != nil {
                current!.lines.append(line)
            }
        }
        return blocks.filter { $0.line > 0 && !$0.lines.isEmpty }
    }

    /// The line without a trailing note (`  # …`).
    static func withoutNote(_ line: String) -> String {
        line.replacingOccurrences(of: #"\s{2,}# .*$"#, with: "", options: .regularExpression)
    }

    /// A short folder (a path in the REPL's 100 columns must not wrap).
    static func makeHome() -> URL {
        var template = Array("/tmp/trmXXXXXX".utf8CString)
        let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        return URL(fileURLWithPath: path, isDirectory: true)
    }

    /// Runs one shell line in `home`, standard output and error together.
    static func shell(_ command: String, home: URL, stdin: String = "") -> (status: Int32, output: String) {
        var variables = ProcessInfo.processInfo.environment
        for name in ["TANDEM_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"] { variables[name] = nil }
        variables["HOME"] = home.path
        variables["PATH"] = tandemBinaryURL().deletingLastPathComponent().path + ":" + (variables["PATH"] ?? "/usr/bin:/bin")
        variables["TANDEM_NOW"] = "2026-11-20T21:30:00"
        variables["TZ"] = "UTC"
        variables["NO_COLOR"] = "1"
        variables["COLUMNS"] = "80"
        variables["LANG"] = "C.UTF-8"
        let run = Spawn.run("/bin/bash", ["-c", command], environment: variables, directory: home, stdin: stdin, mergeErrors: true)
        return (run.status, String(decoding: run.stdout, as: UTF8.self))
    }

    @Test("the shell examples do and print what the README says")
    func shellExamples() throws {
        let home = Self.makeHome()
        defer { try? FileManager.default.removeItem(at: home) }
        var ran = 0
        for block in try Self.blocks() {
            let first = block.lines[0]
            if first == "$ tandem" { continue }  // the REPL: see replExample()
            if let name = first.firstMatch(of: /^# (\S+\.routine)(:.*)?$/)?.1 {
                try (block.lines.joined(separator: "\n") + "\n").write(to: home.appendingPathComponent(String(name)), atomically: true, encoding: .utf8)
            } else if first.hasPrefix("$ ") {
                var index = 0
                while index < block.lines.count {
                    let command = Self.withoutNote(String(block.lines[index].dropFirst(2)))
                    var expected: [String] = []
                    index += 1
                    while index < block.lines.count, !block.lines[index].hasPrefix("$ ") {
                        expected.append(block.lines[index])
                        index += 1
                    }
                    let run = Self.shell(command, home: home)
                    let output = run.output.replacingOccurrences(of: home.path, with: "~")
                    ran += 1
                    let failing = expected.contains { $0.contains("error:") }
                    #expect(failing ? run.status != 0 : run.status == 0, "README.md:\(block.line): `\(command)` exited \(run.status):\n\(output)")
                    if !expected.isEmpty {
                        #expect(output == expected.joined(separator: "\n") + "\n", "README.md:\(block.line): `\(command)`")
                    }
                }
            } else if block.lines.allSatisfy({ $0.hasPrefix("tandem ") || $0.isEmpty }) {
                for line in block.lines where !line.isEmpty {
                    let command = Self.withoutNote(line)
                    // Enough answers for a command that asks (assess asks 15).
                    let run = Self.shell(command, home: home, stdin: String(repeating: "3\n", count: 40))
                    ran += 1
                    #expect(run.status == 0, "README.md:\(block.line): `\(command)` exited \(run.status):\n\(run.output)")
                }
            }
        }
        #expect(ran >= 20, "the README's examples were found")
    }

    @Test("the REPL example is what the terminal shows", .enabled(if: Tmux.isAvailable, "tmux is not installed (scripts/test installs it)"))
    func replExample() throws {
        let block = try #require(try Self.blocks().first { $0.lines.first == "$ tandem" })
        let home = Self.makeHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let prompts = ["tandem> ", "   ...> "]
        var screen = ""
        try Tmux.session(home: home, asHome: true) { terminal in
            var previousAsks = false
            for line in block.lines.dropFirst() {
                if let prompt = prompts.first(where: { line.hasPrefix($0) }) {
                    // Typed only once the prompt is there: text typed earlier is echoed by the terminal above it.
                    let shownPrompt = prompt.trimmingCharacters(in: .whitespaces) + "\n"
                    try terminal.waitFor { $0.hasSuffix(shownPrompt) }
                    let input = Self.withoutNote(String(line.dropFirst(prompt.count)))
                    let parts = input.components(separatedBy: "⇥")
                    for (position, part) in parts.enumerated() {
                        terminal.type(part)
                        if position < parts.count - 1 {
                            terminal.press("Tab")
                            usleep(200_000)
                        }
                    }
                    terminal.press("Enter")
                    previousAsks = input.contains("ask ")
                } else if previousAsks, let answer = line.split(separator: " ").last {
                    // "Question? 8": the question is shown, then 8 is typed.
                    let question = line.dropLast(answer.count)
                    // Waited for as the last line: the typed command itself holds the question's text.
                    try terminal.waitFor { $0.hasSuffix(question.trimmingCharacters(in: .whitespaces) + "\n") }
                    terminal.line(String(answer))
                    previousAsks = false
                }
            }
            try terminal.waitFor { $0.hasSuffix("tandem>\n") && $0.contains(block.lines.last!) }
            screen = terminal.screen()
        }
        let shown = screen.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0).replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: home.path, with: "~")
        }.filter { !$0.isEmpty }
        let expected = block.lines.dropFirst().map { Self.withoutNote($0) } + ["tandem>"]
        #expect(shown.count == expected.count, "the screen:\n\(screen)")
        for (got, want) in zip(shown, expected) {
            if let tab = want.firstRange(of: "⇥") {
                #expect(got.hasPrefix(want[..<tab.lowerBound]) && got.count > want.count - 1, "Tab completed: \(got)")
            } else {
                #expect(got == want, "the screen:\n\(screen)")
            }
        }
    }
}
