import Foundation
import TandemKit

/// Runs another program (`crontab`, `systemctl`, `notify-send`) to its end
/// with posix_spawn and pipes, not Foundation's `Process`: on Linux,
/// `Process.run()` of Swift 6.3.1 over-reads a `dirent` while it walks
/// /proc/self/fd and crashes now and then (swift-corelibs-foundation #5472).
public enum ChildProcess {
    /// How a run ended and what it printed.
    public struct Result: Sendable, Equatable {
        /// The exit status; 128 + the signal number when killed.
        public var status: Int32
        /// Standard output.
        public var output: Data
        /// Standard error.
        public var errors: Data
        /// Whether it was killed for running past its time.
        public var timedOut: Bool

        /// Standard output as text.
        public var outputText: String { String(decoding: output, as: UTF8.self) }
        /// Standard error as text, trimmed.
        public var errorText: String { String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// The program could not be started at all.
    public struct StartFailure: Error, Sendable, CustomStringConvertible {
        /// The program.
        public var path: String
        /// `errno` of posix_spawn.
        public var code: Int32
        /// "could not start PATH: REASON".
        public var description: String { "could not start \(path): \(String(cString: strerror(code)))" }
    }

    /// Runs `path` with `arguments`, writes `input` to its standard input
    /// (then closes it), and collects both outputs. It inherits this
    /// process's environment, with `environment` applied over it (an empty
    /// value removes a variable). Killed (SIGKILL) after `timeout` seconds.
    ///
    /// - Throws: ``StartFailure`` when it cannot be started.
    public static func run(
        _ path: String, _ arguments: [String], input: Data = Data(), environment: [String: String] = [:], timeout: TimeInterval = 60
    ) throws(StartFailure) -> Result {
        var inputPipe: [Int32] = [-1, -1], outputPipe: [Int32] = [-1, -1], errorPipe: [Int32] = [-1, -1]
        guard pipe(&inputPipe) == 0 else { throw StartFailure(path: path, code: errno) }
        guard pipe(&outputPipe) == 0 else {
            let code = errno
            closeAll(inputPipe)
            throw StartFailure(path: path, code: code)
        }
        guard pipe(&errorPipe) == 0 else {
            let code = errno
            closeAll(inputPipe + outputPipe)
            throw StartFailure(path: path, code: code)
        }
        // Close-on-exec, so that no other child started meanwhile holds these pipes open.
        for fd in inputPipe + outputPipe + errorPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inputPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
        // The child inherits the environment as any child does (`environ`,
        // not a reading of the configuration: TandemEnvironment alone does
        // that), with the caller's changes applied.
        var inherited: [String] = []
        var cursor = environ
        while let entry = cursor.pointee {
            let text = String(cString: entry)
            let key = text.split(separator: "=", maxSplits: 1).first.map(String.init) ?? text
            if environment[key] == nil { inherited.append(text) }
            cursor += 1
        }
        let changes = environment.filter { !$0.value.isEmpty }.map { "\($0.key)=\($0.value)" }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = (inherited + changes).map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        close(inputPipe[0]); close(outputPipe[1]); close(errorPipe[1])
        guard spawned == 0 else {
            closeAll([inputPipe[1], outputPipe[0], errorPipe[0]])
            throw StartFailure(path: path, code: spawned)
        }
        let (output, errors, timedOut) = withoutSIGPIPE {
            exchange(pid: pid, input: input, inputFD: inputPipe[1], outputFD: outputPipe[0], errorFD: errorPipe[0], timeout: timeout)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let exited = (status & 0x7F) == 0
        return Result(
            status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), output: output, errors: errors, timedOut: timedOut)
    }

    /// Writes the input and reads both outputs in one `poll` loop, so a child
    /// that writes a lot before reading cannot stall either side.
    private static func exchange(
        pid: pid_t, input: Data, inputFD: Int32, outputFD: Int32, errorFD: Int32, timeout: TimeInterval
    ) -> (Data, Data, Bool) {
        var output = Data(), errors = Data()
        var pending = [UInt8](input)
        var written = 0
        var writer: Int32 = inputFD
        if pending.isEmpty {
            close(writer)
            writer = -1
        } else {
            _ = fcntl(writer, F_SETFL, fcntl(writer, F_GETFL) | O_NONBLOCK)
        }
        var readers: [Int32] = [outputFD, errorFD]
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !readers.isEmpty || writer >= 0 {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 {
                kill(pid, SIGKILL)
                timedOut = true
                break
            }
            var fds = readers.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if writer >= 0 { fds.append(pollfd(fd: writer, events: Int16(POLLOUT), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(left, 1) * 1000))
            if ready < 0, errno != EINTR { break }
            guard ready > 0 else { continue }
            for entry in fds where entry.revents != 0 {
                if entry.fd == writer {
                    let count = pending[written...].withUnsafeBufferPointer { write(writer, $0.baseAddress, $0.count) }
                    if count > 0 { written += count }
                    // Done, or the child closed its input (EPIPE): no more to write.
                    if written == pending.count || (count < 0 && errno != EAGAIN && errno != EINTR) {
                        close(writer)
                        writer = -1
                        pending = []
                        written = 0
                    }
                    continue
                }
                let count = buffer.withUnsafeMutableBufferPointer { read(entry.fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    if entry.fd == outputFD { output.append(contentsOf: buffer[0..<count]) } else { errors.append(contentsOf: buffer[0..<count]) }
                } else if count == 0 || errno != EINTR {
                    close(entry.fd)
                    readers.removeAll { $0 == entry.fd }
                }
            }
        }
        if writer >= 0 { close(writer) }
        closeAll(readers)
        return (output, errors, timedOut)
    }

    /// Runs `body` with SIGPIPE blocked on this thread, so that writing to a
    /// child that exited fails with EPIPE instead of killing Tandem; a
    /// SIGPIPE raised meanwhile is taken off before the mask is restored.
    /// (Ignoring SIGPIPE for the whole process would change how Tandem's own
    /// output to a closed pipe ends.)
    private static func withoutSIGPIPE<T>(_ body: () -> T) -> T {
        var pipeSignal = sigset_t(), previous = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        let result = body()
        var pending = sigset_t()
        sigpending(&pending)
        if sigismember(&pending, SIGPIPE) == 1 {
            var none = timespec(tv_sec: 0, tv_nsec: 0)
            _ = sigtimedwait(&pipeSignal, nil, &none)
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        return result
    }

    private static func closeAll(_ fds: [Int32]) {
        for fd in fds where fd >= 0 { close(fd) }
    }
}
