import Foundation
import TandemKit

/// A private file could not be written; whatever was at the path is as it was.
public struct PrivateFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What stood in the way.
    public enum Problem: Sendable, Equatable {
        /// A regular file is there and replacing was not asked for.
        case exists
        /// The path is a symbolic link (Tandem never writes through one).
        case symbolicLink
        /// The path is a folder.
        case folder
        /// The path is a device, a pipe or a socket.
        case special
        /// A system call failed with this `errno`.
        case system(Int32)
    }

    /// The file that was to be written.
    public let path: String
    /// What stood in the way.
    public let problem: Problem

    /// Creates an error about `path`.
    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    /// One sentence: what happened at which path, and that nothing there changed.
    public var description: String {
        switch problem {
        case .exists: "\(path) exists"
        case .symbolicLink: "\(path) is a symbolic link; Tandem writes only to a real file, never through a link"
        case .folder: "\(path) is a folder, not a file"
        case .special: "\(path) is a device or other special file, not a regular file"
        case .system(let code): "could not write \(path): \(PrivateFile.reason(code)); it was left as it was"
        }
    }
}

/// Writing files that hold intimate data: atomically, mode 0600, and never
/// through a symbolic link or onto a device or folder.
///
/// The data goes to a temporary file created beside the target with
/// `O_CREAT|O_EXCL|O_NOFOLLOW` and mode 0600, is flushed with `fsync`, and is
/// renamed over the target; the folder is flushed last. A failure at any step
/// removes the temporary file and leaves the target as it was.
public enum PrivateFile {
    /// What is at a path, without following a final symbolic link.
    public enum Kind: Sendable, Equatable {
        /// Nothing.
        case missing
        /// A regular file.
        case file
        /// A folder.
        case folder
        /// A symbolic link (dangling or not).
        case symbolicLink
        /// A device, pipe or socket.
        case special
    }

    /// What is at `path` (`lstat`: a symbolic link is reported as one).
    public static func kind(at path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .symbolicLink
        default: return .special
        }
    }

    /// Writes `data` to `url` atomically with mode 0600.
    ///
    /// - Parameters:
    ///   - data: the whole content.
    ///   - url: the target; its folder must exist.
    ///   - replacing: whether an existing regular file may be replaced.
    /// - Throws: ``PrivateFileError``: the target is a symbolic link, a folder
    ///   or a device, exists (when not `replacing`), or a system call failed
    ///   (a full disk, a read-only folder). The target is then unchanged.
    public static func write(_ data: Data, to url: URL, replacing: Bool) throws(PrivateFileError) {
        let path = url.path
        func fail(_ problem: PrivateFileError.Problem) -> PrivateFileError { PrivateFileError(path: path, problem: problem) }
        switch kind(at: path) {
        case .missing: break
        case .file: if !replacing { throw fail(.exists) }
        case .folder: throw fail(.folder)
        case .symbolicLink: throw fail(.symbolicLink)
        case .special: throw fail(.special)
        }
        let folder = url.deletingLastPathComponent().path
        let temporary = (folder as NSString).appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw fail(.system(errno)) }
        var failure: Int32 = 0
        if fchmod(descriptor, 0o600) != 0 { failure = errno }
        if failure == 0 { failure = writeAll(data, to: descriptor) }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure == 0 {
            if replacing {
                // rename replaces a symbolic link itself, never its target.
                if rename(temporary, path) != 0 { failure = errno }
            } else if link(temporary, path) != 0 {
                // link refuses an existing path, even one that appeared just now.
                failure = errno
            }
        }
        unlink(temporary)
        if failure == EEXIST { throw fail(.exists) }
        if failure != 0 { throw fail(.system(failure)) }
        syncFolder(folder)
    }

    /// Writes every byte, retrying short writes; the `errno` of a failure, or 0.
    static func writeAll(_ data: Data, to descriptor: Int32) -> Int32 {
        data.withUnsafeBytes { buffer -> Int32 in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if written == 0 { return EIO }
                offset += written
            }
            return 0
        }
    }

    /// Flushes a folder, so a rename in it survives a power cut.
    static func syncFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// A system error in words: "the disk is full (No space left on device)".
    public static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        switch code {
        case ENOSPC, EDQUOT: return "the disk is full (\(text))"
        case EROFS: return "the disk is read-only (\(text))"
        case EACCES, EPERM: return "permission denied (\(text))"
        case ENOENT: return "its folder does not exist (\(text))"
        default: return text
        }
    }
}
