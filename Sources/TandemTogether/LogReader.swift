import Foundation

/// One line read from the shared folder, opened.
public struct ReceivedLine: Sendable, Hashable {
    /// The device that wrote it.
    public var device: String
    /// Its sequence number in that device's log.
    public var sequence: UInt64
    /// What it carried.
    public var payload: Data
}

/// What a read of the shared folder found.
public struct FolderRead: Sendable {
    /// The new lines, in file order.
    public var lines: [ReceivedLine] = []
    /// Where to start next time, per file (relative path → byte offset just
    /// after the last whole line read).
    public var offsets: [String: UInt64] = [:]
    /// Lines that did not open (changed, or sealed with another key); a line
    /// still being synced is not one of them, it is read next time.
    public var problems: [TogetherError] = []
}

extension SharedFolder {
    /// Reads what the other devices wrote since `offsets`: whole lines only
    /// (a last line without its newline is a sync in progress, read next
    /// time), opened with the couple key.
    public func read(excluding device: String?, key: CoupleKey, from offsets: [String: UInt64] = [:]) -> FolderRead {
        var result = FolderRead()
        result.offsets = offsets
        for (writer, path) in logFiles(excluding: device) {
            let start = offsets[path] ?? 0
            // Most reads find nothing new: a stat, not an open, per file. A
            // link or anything but a plain file is not a log.
            var info = stat()
            guard lstat(root.appendingPathComponent(path).path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
                  UInt64(info.st_size) != start
            else { continue }
            guard let handle = FileHandle(forReadingAtPath: root.appendingPathComponent(path).path) else { continue }
            defer { try? handle.close() }
            let size = (try? handle.seekToEnd()) ?? 0
            // A file that shrank was replaced (a sync engine's rewrite): read it all again.
            let from = start <= size ? start : 0
            guard size > from, (try? handle.seek(toOffset: from)) != nil, let data = try? handle.readToEnd() else { continue }
            guard let lastNewline = data.lastIndex(of: 0x0A) else { continue }
            // Line ends found on raw bytes: Data's per-byte subscript is slow on 40 MB.
            let ends = data.withUnsafeBytes { raw in
                raw.bindMemory(to: UInt8.self).indices.filter { raw[$0] == 0x0A }.map { data.startIndex + $0 }
            }
            var lineStart = data.startIndex
            for index in ends where index <= lastNewline {
                let line = data[lineStart..<index]
                let offset = from + UInt64(lineStart - data.startIndex)
                lineStart = index + 1
                if line.isEmpty { continue }
                do {
                    let sealed = try SealedLine(decoding: line)
                    let payload = try sealed.open(device: writer, key: key)
                    result.lines.append(ReceivedLine(device: writer, sequence: sealed.sequence, payload: payload))
                } catch {
                    result.problems.append(.unreadableLine(file: path, offset: offset, reason: "it does not open with the couple key (changed, or not from this couple)"))
                }
            }
            result.offsets[path] = from + UInt64(lastNewline - data.startIndex + 1)
        }
        return result
    }

    /// The highest sequence number in `device`'s own logs: more than the
    /// device remembers writing means its home was copied to another machine.
    public func highestSequence(of device: String, key: CoupleKey) -> UInt64 {
        var highest: UInt64 = 0
        let folder = deviceFolder(device)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where Self.isLogFileName(name) {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { continue }
            for line in data.split(separator: 0x0A) {
                if let sealed = try? SealedLine(decoding: line), (try? sealed.open(device: device, key: key)) != nil {
                    highest = max(highest, sealed.sequence)
                }
            }
        }
        return highest
    }
}
