import Foundation

/// Runs a program with posix_spawn and pipes, not Foundation's `Process`:
/// on Linux, `Process.run()` of Swift 6.3.1 over-reads a `dirent` while it
/// walks /proc/self/fd and crashes now and then (swift-corelibs-foundation
/// #5472); a suite that starts thousands of processes hit it in CI.
enum Spawn {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: Data
        /// Killed by the watchdog after `timeout`.
        var timedOut: Bool
    }

    /// Runs `path` with `arguments` in `directory`, writes `stdin` (then
    /// closes it), and collects both outputs; `mergeErrors` sends standard
    /// error into standard output. Killed (SIGKILL) after `timeout` seconds.
    static func run(
        _ path: String, _ arguments: [String], environment: [String: String], directory: URL? = nil,
        stdin: String? = nil, mergeErrors: Bool = false, timeout: TimeInterval = 60
    ) -> Result {
        var input: [Int32] = [-1, -1], output: [Int32] = [-1, -1], errors: [Int32] = [-1, -1]
        // Close-on-exec, so that no other child started meanwhile holds these pipes open.
        guard pipe(&input) == 0, pipe(&output) == 0, pipe(&errors) == 0 else {
            return Result(status: -1, stdout: Data(), stderr: Data("pipe failed".utf8), timedOut: false)
        }
        for fd in input + output + errors { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, mergeErrors ? output[1] : errors[1], 2)
        for fd in input + output + errors { posix_spawn_file_actions_addclose(&actions, fd) }
        // The folder to start in, through env -C (coreutils): posix_spawn has no portable chdir.
        let program = directory == nil ? path : "/usr/bin/env"
        let argv0 = directory.map { ["/usr/bin/env", "-C", $0.path, path] } ?? [path]
        let argv = (argv0 + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, envp)
        close(input[0]); close(output[1]); close(errors[1])
        guard spawned == 0 else {
            close(input[1]); close(output[0]); close(errors[0])
            return Result(status: -1, stdout: Data(), stderr: Data("could not start \(path): \(String(cString: strerror(spawned)))".utf8), timedOut: false)
        }
        let collected = Collected()
        let group = DispatchGroup()
        for (fd, isOutput) in [(output[0], true), (errors[0], false)] {
            group.enter()
            DispatchQueue.global().async {
                let data = readAll(fd)
                close(fd)
                collected.set(data, output: isOutput)
                group.leave()
            }
        }
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL); collected.markTimedOut() }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        if let stdin {
            // A child that exits without reading must not kill us with SIGPIPE.
            signal(SIGPIPE, SIG_IGN)
            let bytes = Array(stdin.utf8)
            var done = 0
            while done < bytes.count {
                let count = bytes[done...].withUnsafeBufferPointer { write(input[1], $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                done += count
            }
        }
        close(input[1])
        group.wait()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        watchdog.cancel()
        let exited = (status & 0x7F) == 0
        let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(status: code, stdout: collected.stdout, stderr: collected.stderr, timedOut: collected.timedOut)
    }

    static func readAll(_ fd: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBufferPointer { read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
    }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var out = Data(), err = Data(), killed = false
        func set(_ data: Data, output: Bool) { lock.withLock { if output { out = data } else { err = data } } }
        func markTimedOut() { lock.withLock { killed = true } }
        var stdout: Data { lock.withLock { out } }
        var stderr: Data { lock.withLock { err } }
        var timedOut: Bool { lock.withLock { killed } }
    }
}
