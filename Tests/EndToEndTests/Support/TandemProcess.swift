import Foundation

/// The result of one run of the `tandem` binary.
struct TandemRun: Sendable {
    /// The exit status (or the signal number when the process was killed).
    var status: Int32
    /// Everything written to standard output.
    var stdout: String
    /// Everything written to standard error.
    var stderr: String
}

/// The built `tandem` binary: `$TANDEM_BINARY` when set, else
/// `<package root>/.build/debug/tandem`, found from this file's path.
func tandemBinaryURL() -> URL {
    if let path = ProcessInfo.processInfo.environment["TANDEM_BINARY"], !path.isEmpty {
        return URL(fileURLWithPath: path)
    }
    let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // EndToEndTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
    return root.appendingPathComponent(".build/debug/tandem")
}

/// The test helpers' binary, `tandem-bench-tools`, built beside `tandem`
/// (`swift build --build-tests` builds it; it is not part of the product).
func benchToolsBinaryURL() -> URL {
    tandemBinaryURL().deletingLastPathComponent().appendingPathComponent("tandem-bench-tools")
}

/// A fresh, empty temporary folder to use as `TANDEM_HOME`.
func makeTemporaryHome(_ label: String = "tandem-e2e") -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The environment a test run gets: the inherited one without colour, with
/// `TANDEM_HOME` set to `home`, `TANDEM_NOW` set to a fixed instant unless
/// `environment` gives one, and `environment` applied last.
func tandemEnvironment(home: URL, _ environment: [String: String] = [:]) -> [String: String] {
    var variables = ProcessInfo.processInfo.environment
    variables["TANDEM_HOME"] = home.path
    variables["TANDEM_NOW"] = "2026-11-20T21:30:00"
    variables["NO_COLOR"] = "1"
    variables["TZ"] = variables["TZ"] ?? "UTC"
    for (key, value) in environment { variables[key] = value }
    return variables
}

/// Runs `tandem ARGS` to completion and returns its status and output.
///
/// - Parameters:
///   - args: the arguments after `tandem`.
///   - stdin: text piped to standard input (`nil`: an empty, closed input).
///   - environment: variables to add or override (`TANDEM_NOW`, `TZ`, …).
///   - home: the `TANDEM_HOME` folder; use ``makeTemporaryHome(_:)``.
///   - timeout: seconds after which the process is killed (SIGKILL) and the
///     run reported as timed out, so a hung binary fails its test instead of
///     hanging the whole suite.
///   - directory: the current folder of the process (`nil`: the test's).
///   - binary: the program to run (``benchToolsBinaryURL()`` for the test helpers).
@discardableResult
func runTandem(
    _ args: [String], stdin: String? = nil, environment: [String: String] = [:], home: URL, timeout: TimeInterval = 60,
    directory: URL? = nil, binary: URL = tandemBinaryURL()
) -> TandemRun {
    let run = Spawn.run(
        binary.path, args, environment: tandemEnvironment(home: home, environment), directory: directory, stdin: stdin ?? "",
        timeout: timeout)
    var stderr = String(decoding: run.stderr, as: UTF8.self)
    if run.timedOut {
        stderr += "\n[killed by the test after \(Int(timeout)) s: tandem \(args.joined(separator: " ")) did not finish]"
    }
    return TandemRun(status: run.status, stdout: String(decoding: run.stdout, as: UTF8.self), stderr: stderr)
}

/// Starts `tandem ARGS` without waiting, with standard output on a pipe, for
/// tests that watch or kill a running process.
func startTandem(
    _ args: [String], environment: [String: String] = [:], home: URL, binary: URL = tandemBinaryURL()
) throws -> (process: Process, stdout: Pipe) {
    let process = Process()
    process.executableURL = binary
    process.arguments = args
    process.environment = tandemEnvironment(home: home, environment)
    let output = Pipe()
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    return (process, output)
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
}

/// Runs a system tool (mount, umount, sqlite3) and returns its exit status.
@discardableResult
func runTool(_ path: String, _ args: [String]) -> Int32 {
    Spawn.run(path, args, environment: ProcessInfo.processInfo.environment).status
}

/// A tiny tmpfs mounted on a new temporary folder (mode 0755): a disk to
/// fill or make read-only. `nil` where mounting is refused (not root).
func mountTinyDisk(kilobytes: Int = 1024) -> URL? {
    let folder = makeTemporaryHome("tandem-disk")
    guard runTool("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k,mode=0755", "tmpfs", folder.path]) == 0 else { return nil }
    return folder
}

/// Unmounts a disk from ``mountTinyDisk(kilobytes:)`` and removes its folder.
func unmountTinyDisk(_ folder: URL) {
    runTool("/bin/umount", [folder.path])
    try? FileManager.default.removeItem(at: folder)
}

/// Whether this machine lets the tests mount a tmpfs.
let canMountTinyDisk: Bool = {
    guard let disk = mountTinyDisk(kilobytes: 64) else { return false }
    unmountTinyDisk(disk)
    return true
}()

/// A character device of the test's own (a copy of /dev/null's node, or a
/// FIFO where mknod is refused) inside `folder`: a binary that wrongly
/// changes a device's mode changes this one, never the real /dev/null.
func makePrivateDevice(in folder: URL, name: String = "mynull") -> URL {
    let url = folder.appendingPathComponent(name)
    if mknod(url.path, S_IFCHR | 0o666, 0x103) != 0 { mkfifo(url.path, 0o666) }
    return url
}
