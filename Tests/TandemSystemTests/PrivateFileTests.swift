import Foundation
import TandemKit
import TandemSystem
import Testing

/// A fresh folder for one test.
func scratchFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-system-\(UUID().uuidString)", isDirectory: true)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func mode(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_mode & 0o7777) : -1
}

/// A tiny tmpfs (root only): the place to see what a full disk does.
/// `nil` when this machine refuses to mount one.
func mountTinyDisk(kilobytes: Int = 64) -> URL? {
    let folder = scratchFolder()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/mount")
    process.arguments = ["-t", "tmpfs", "-o", "size=\(kilobytes)k,mode=0755", "tmpfs", folder.path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    process.waitUntilExit()
    return process.terminationStatus == 0 ? folder : nil
}

func unmount(_ folder: URL) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/umount")
    process.arguments = [folder.path]
    try? process.run()
    process.waitUntilExit()
    try? FileManager.default.removeItem(at: folder)
}

/// Fills a disk to the last byte.
func fill(_ folder: URL) {
    let descriptor = open(folder.appendingPathComponent("filler").path, O_WRONLY | O_CREAT, 0o600)
    let block = [UInt8](repeating: 0, count: 4096)
    while block.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) > 0 {}
    close(descriptor)
}

let canMount: Bool = {
    guard let disk = mountTinyDisk() else { return false }
    unmount(disk)
    return true
}()

@Suite struct PrivateFileTests {
    @Test func writesAtomicallyWithMode0600AndLeavesNoTemporaryFile() throws {
        let folder = scratchFolder()
        let url = folder.appendingPathComponent("export.json")
        try PrivateFile.write(Data("{}".utf8), to: url, replacing: false)
        #expect(mode(url.path) == 0o600)
        #expect(try Data(contentsOf: url) == Data("{}".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["export.json"])
    }

    @Test func replacesAnExistingFileOnlyWhenAskedAndMakesIt0600() throws {
        let folder = scratchFolder()
        let url = folder.appendingPathComponent("evening.routine")
        try Data("old".utf8).write(to: url)
        chmod(url.path, 0o644)
        #expect(throws: PrivateFileError(path: url.path, problem: .exists)) {
            try PrivateFile.write(Data("new".utf8), to: url, replacing: false)
        }
        #expect(try Data(contentsOf: url) == Data("old".utf8))
        try PrivateFile.write(Data("new".utf8), to: url, replacing: true)
        #expect(try Data(contentsOf: url) == Data("new".utf8))
        #expect(mode(url.path) == 0o600)
    }

    @Test func neverWritesThroughASymbolicLinkOrOntoADeviceOrFolder() throws {
        let folder = scratchFolder()
        let outside = folder.appendingPathComponent("outside.txt")
        try Data("theirs".utf8).write(to: outside)
        let link = folder.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: outside.path)
        let dangling = folder.appendingPathComponent("dangling")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: folder.appendingPathComponent("nowhere").path)
        // A device node of the test's own: a wrong write replaces it, never /dev/null.
        let node = folder.appendingPathComponent("node")
        if mknod(node.path, S_IFCHR | 0o666, 0x103) != 0 { mkfifo(node.path, 0o666) }
        let device = folder.appendingPathComponent("null")
        try FileManager.default.createSymbolicLink(atPath: device.path, withDestinationPath: node.path)
        for (url, replacing) in [(link, true), (link, false), (dangling, true), (device, true)] {
            #expect(throws: PrivateFileError(path: url.path, problem: .symbolicLink)) {
                try PrivateFile.write(Data("mine".utf8), to: url, replacing: replacing)
            }
        }
        #expect(try Data(contentsOf: outside) == Data("theirs".utf8))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("nowhere").path))
        #expect(PrivateFile.kind(at: link.path) == .symbolicLink)
        #expect(throws: PrivateFileError(path: node.path, problem: .special)) {
            try PrivateFile.write(Data("mine".utf8), to: node, replacing: true)
        }
        #expect(PrivateFile.kind(at: node.path) == .special)
        #expect(throws: PrivateFileError(path: folder.path, problem: .folder)) {
            try PrivateFile.write(Data("mine".utf8), to: folder, replacing: true)
        }
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == ["outside.txt", "link", "dangling", "null", "node"])
    }

    @Test(.enabled(if: canMount, "needs root to mount a tiny tmpfs"))
    func aFullDiskLeavesTheOldFileAndSaysWhy() throws {
        let disk = try #require(mountTinyDisk())
        defer { unmount(disk) }
        let url = disk.appendingPathComponent("evening.routine")
        try Data("routine evening() {}\n".utf8).write(to: url)
        fill(disk)
        let error = #expect(throws: PrivateFileError.self) {
            try PrivateFile.write(Data(repeating: 65, count: 200_000), to: url, replacing: true)
        }
        #expect(error?.problem == .system(ENOSPC))
        #expect(error?.description.contains("the disk is full") == true)
        #expect(error?.description.contains("left as it was") == true)
        #expect(try Data(contentsOf: url) == Data("routine evening() {}\n".utf8))
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: disk.path)) == ["evening.routine", "filler"])
    }
}

@Suite struct PrivateFolderTests {
    @Test func createsMissingFoldersWithMode0700() throws {
        let root = scratchFolder()
        let folder = root.appendingPathComponent("a/b/tandem", isDirectory: true)
        try PrivateFolder.make(folder)
        #expect(mode(folder.path) == 0o700)
        #expect(mode(root.appendingPathComponent("a").path) == 0o700)
    }

    @Test func neverChangesTheModeOfAFolderItDidNotCreate() throws {
        let folder = scratchFolder()
        chmod(folder.path, 0o755)
        try PrivateFolder.make(folder)
        #expect(mode(folder.path) == 0o755)
    }

    @Test func refusesAFolderOthersCanWriteAndLeavesItAlone() throws {
        let folder = scratchFolder()
        chmod(folder.path, 0o1777)
        let error = #expect(throws: CommandFailure.self) { try PrivateFolder.make(folder) }
        #expect(error?.message.contains("can be written by other users (mode 1777)") == true)
        #expect(error?.message.contains("TANDEM_HOME") == true)
        #expect(mode(folder.path) == 0o1777)
        chmod(folder.path, 0o775)
        #expect(throws: CommandFailure.self) { try PrivateFolder.make(folder) }
        #expect(mode(folder.path) == 0o775)
    }

    @Test func aDanglingOrLoopingLinkIsExplainedAndNothingIsCreated() throws {
        let root = scratchFolder()
        let dangling = root.appendingPathComponent("home")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: root.appendingPathComponent("gone").path)
        let error = #expect(throws: CommandFailure.self) { try PrivateFolder.make(dangling) }
        #expect(error?.message.contains("is a symbolic link to \(root.path)/gone, which does not exist") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("nothing was lost") == true)
        let loop = root.appendingPathComponent("loop")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: loop.path)
        let looping = #expect(throws: CommandFailure.self) { try PrivateFolder.make(loop) }
        #expect(looping?.message.contains("a loop of symbolic links") == true, "\(looping?.message ?? "")")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: root.path)) == ["home", "loop"])
    }
}
