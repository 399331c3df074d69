import Foundation

/// Writing the shared folder's files: appended or created once, never
/// rewritten, never through a symlink, readable by the owner only, and on
/// disk before the call returns.
enum LogFile {
    /// Appends `bytes` to the file (creating it 0600) in one write and syncs it.
    static func append(_ bytes: Data, to url: URL) throws {
        try write(bytes, to: url, flags: O_WRONLY | O_APPEND | O_CREAT)
    }

    /// Creates the file with `bytes`; refuses one that exists.
    static func writeOnce(_ bytes: Data, to url: URL) throws {
        try write(bytes, to: url, flags: O_WRONLY | O_CREAT | O_EXCL)
    }

    private static func write(_ bytes: Data, to url: URL, flags: Int32) throws {
        let descriptor = open(url.path, flags | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("cannot open \(url.path)") }
        defer { close(descriptor) }
        try bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + done, buffer.count - done)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { throw failure("cannot write \(url.path)") }
                done += count
            }
        }
        guard fsync(descriptor) == 0 else { throw failure("cannot save \(url.path) to disk") }
    }

    private static func failure(_ what: String) -> TogetherError {
        .cannotWrite("\(what): \(String(cString: strerror(errno)))")
    }
}
