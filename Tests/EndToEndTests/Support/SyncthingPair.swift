import Foundation

/// Two real Syncthing instances on loopback carrying one folder between two
/// places, driven by `scripts/syncthing-pair` (see its header): discovery,
/// relays, NAT and reporting off, nothing of the real home touched. The pair
/// stops when the test process ends, whatever happens, and after at most
/// 15 minutes; call ``stop()`` when done all the same.
///
/// ```swift
/// let pair = try SyncthingPair.start()      // two fresh temporary folders
/// defer { pair.stop() }
/// try "hello".write(to: pair.folderA.appendingPathComponent("x"), atomically: true, encoding: .utf8)
/// try pair.waitInSync()                     // now folderB holds x too
/// ```
struct SyncthingPair: Sendable {
    /// The script's folder for this pair: both Syncthing homes and their logs
    /// (`a/syncthing.log`, `b/syncthing.log`).
    let state: URL
    /// The shared folder on side A and on side B.
    let folderA: URL, folderB: URL

    /// A failed step of the script, with what it printed (on a timeout: what
    /// was still missing and the end of both logs).
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/syncthing-pair")

    /// Whether Debian's syncthing is installed (`scripts/test` installs it;
    /// the script installs it too when run as root).
    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/syncthing")
    }

    /// Starts a pair on `folderA` and `folderB` (fresh temporary folders when
    /// `nil`; created when missing) and returns once both instances answer.
    static func start(folderA: URL? = nil, folderB: URL? = nil) throws -> SyncthingPair {
        let base = makeTemporaryHome("tandem-syncthing")
        let pair = SyncthingPair(
            state: base.appendingPathComponent("state"),
            folderA: folderA ?? base.appendingPathComponent("A", isDirectory: true),
            folderB: folderB ?? base.appendingPathComponent("B", isDirectory: true))
        try pair.run(["start", pair.state.path, pair.folderA.path, pair.folderB.path], timeout: 300)
        return pair
    }

    /// Rescans both sides and returns once they are in sync: connected, idle,
    /// nothing needed, each has the other's whole index, the same files.
    func waitInSync(timeout seconds: Int = 60) throws {
        try run(["wait", state.path, String(seconds)], timeout: TimeInterval(seconds + 30))
    }

    /// Disconnects the two sides (each pauses the other), so that both can
    /// change the same file without seeing each other's change.
    func pause() throws { try run(["pause", state.path]) }

    /// Connects the two sides again after ``pause()``.
    func resume() throws { try run(["resume", state.path]) }

    /// One REST call to side `a` or `b`; its JSON answer.
    @discardableResult
    func rest(_ side: String, _ method: String, _ path: String) throws -> String {
        try run(["rest", state.path, side, method, path])
    }

    /// Rescans one side now, so that what was just written is in its index.
    func scan(_ side: String) throws {
        try rest(side, "POST", "/rest/db/scan?folder=tandem-shared")
    }

    /// The pair's device ids, A's first.
    func deviceIDs() throws -> (a: String, b: String) {
        var values: [String: String] = [:]
        for line in try run(["info", state.path]).split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { values[parts[0]] = parts[1] }
        }
        guard let a = values["id_a"], let b = values["id_b"] else { throw Failure(description: "no device ids in \(state.path)/pair.env") }
        return (a, b)
    }

    /// Stops both instances; nothing of the pair keeps running.
    func stop() {
        _ = try? run(["stop", state.path])
    }

    @discardableResult
    private func run(_ arguments: [String], timeout: TimeInterval = 60) throws -> String {
        let result = runTandem(arguments, home: state, timeout: timeout, binary: Self.script)
        guard result.status == 0 else {
            throw Failure(
                description: "scripts/syncthing-pair \(arguments.first ?? "") exited with \(result.status):\n\(result.stderr)\(result.stdout)")
        }
        return result.stdout
    }
}
