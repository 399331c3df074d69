import Foundation
import TandemKit

/// Folders only the user can read: everything Tandem keeps is intimate.
public enum PrivateFolder {
    /// Creates the folder (mode 0700) and its parents when missing, and
    /// tightens the mode of one that exists.
    ///
    /// - Throws: ``CommandFailure`` when something other than a folder is at
    ///   that path, or Foundation's error when it cannot be made.
    public static func make(_ url: URL) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw CommandFailure("\(url.path) exists and is not a folder", exitCode: ExitStatus.runtimeError)
            }
        } else {
            try manager.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: url.path)
    }
}
