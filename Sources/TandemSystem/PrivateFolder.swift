import Foundation
import TandemKit

/// Folders only the user can read: everything Tandem keeps is intimate.
public enum PrivateFolder {
    /// Creates the folder and its missing parents with mode 0700; a folder
    /// that exists is used as it is, its mode never changed (it may be shared
    /// with others, who would lose their access).
    ///
    /// - Throws: ``CommandFailure`` when something other than a folder is at
    ///   that path, when it is a symbolic link to nothing or a loop, when
    ///   other users can write in it (private data must not live where they
    ///   could replace or remove it), or when it cannot be made. Nothing has
    ///   then been written.
    public static func make(_ url: URL) throws {
        let path = url.standardizedFileURL.path
        var info = stat()
        if stat(path, &info) == 0 {
            try check(path, info)
            return
        }
        let missing = errno
        if missing != ENOENT || PrivateFile.kind(at: path) == .symbolicLink {
            throw problem(path, code: missing)
        }
        // Create each missing folder from the top down; only those get a mode set.
        var created: [String] = []
        var ancestor = path
        while !ancestor.isEmpty, ancestor != "/", stat(ancestor, &info) != 0 {
            if errno != ENOENT || PrivateFile.kind(at: ancestor) == .symbolicLink { throw problem(ancestor, code: errno) }
            created.insert(ancestor, at: 0)
            ancestor = (ancestor as NSString).deletingLastPathComponent
        }
        if stat(ancestor, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
            throw CommandFailure("\(ancestor) is not a folder, so \(path) cannot be made; nothing was written", exitCode: ExitStatus.runtimeError)
        }
        for folder in created {
            if mkdir(folder, 0o700) != 0 {
                let code = errno
                // Another process made it just now: use it as it is.
                if code == EEXIST, stat(folder, &info) == 0 {
                    try check(folder, info)
                    continue
                }
                throw CommandFailure("cannot create the folder \(folder): \(PrivateFile.reason(code)); nothing was written", exitCode: ExitStatus.runtimeError)
            }
            chmod(folder, 0o700)
        }
    }

    /// Refuses an existing path that is not a folder, or a folder others can write.
    static func check(_ path: String, _ info: stat) throws {
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw CommandFailure("\(path) exists and is not a folder", exitCode: ExitStatus.runtimeError)
        }
        let mode = info.st_mode & 0o7777
        guard mode & 0o022 == 0 else {
            throw CommandFailure(
                "\(path) can be written by other users (mode \(String(mode, radix: 8))), so Tandem will not keep private data in it; "
                    + "nothing was written. Set TANDEM_HOME to a folder of your own (Tandem creates a missing one with mode 0700), "
                    + "or, if the folder is yours alone, run: chmod go-w \(path)",
                exitCode: ExitStatus.refused)
        }
    }

    /// A folder path that cannot be used: a dangling or looping symbolic link, or another failure.
    static func problem(_ path: String, code: Int32) -> CommandFailure {
        if PrivateFile.kind(at: path) == .symbolicLink {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            let what = code == ELOOP ? "a loop of symbolic links" : "a symbolic link to \(target), which does not exist"
            return CommandFailure(
                "the folder \(path) is \(what); nothing was written and nothing was lost. "
                    + "Create the folder it should point to, or set TANDEM_HOME to a real folder.",
                exitCode: ExitStatus.runtimeError)
        }
        return CommandFailure("cannot use the folder \(path): \(PrivateFile.reason(code)); nothing was written", exitCode: ExitStatus.runtimeError)
    }
}
