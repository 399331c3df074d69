import Foundation

/// The couple's shared folder, as a sync engine (Syncthing, git, any synced
/// folder) carries it between the two machines:
///
/// ```
/// FOLDER/couple.json                 written once: the couple id and the wrapped key
/// FOLDER/logs/DEVICE/YYYY-MM.jsonl   one writer each: a device appends to its own files only
/// ```
///
/// No file is ever rewritten by two devices, so a sync engine never has to
/// merge. File names carry random ids and months, nothing personal.
public struct SharedFolder: Sendable {
    /// The folder.
    public let root: URL

    /// The folder at `root`.
    public init(root: URL) { self.root = root }

    /// What `couple.json` holds.
    public struct Manifest: Sendable, Codable, Hashable {
        /// Always `tandem-shared-folder`.
        public var format: String
        /// The layout's version.
        public var version: Int
        /// A random id for the couple (the daily question is chosen from it).
        public var couple: String
        /// The couple key, wrapped with the pairing code.
        public var key: WrappedCoupleKey
    }

    /// The manifest file.
    public var manifestURL: URL { root.appendingPathComponent("couple.json") }
    /// The folder of every device's logs.
    public var logsURL: URL { root.appendingPathComponent("logs", isDirectory: true) }

    /// Sets the folder up for a new couple: a random couple id and key, the
    /// key wrapped with `code`. Refuses a folder that already has a couple.
    public func create(code: PairingCode, cost: CoupleKey.Cost = .standard) throws -> (manifest: Manifest, key: CoupleKey) {
        if FileManager.default.fileExists(atPath: manifestURL.path) {
            throw TogetherError.notASharedFolder("\(root.path) is already a shared folder (join it with tandem together join)")
        }
        let key = CoupleKey.generate()
        let manifest = Manifest(
            format: "tandem-shared-folder", version: 1, couple: UUID().uuidString.lowercased(),
            key: try key.wrapped(with: code, cost: cost))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard access(root.path, W_OK) == 0 else {
            throw TogetherError.cannotWrite("cannot write in \(root.path): \(String(cString: strerror(errno))); nothing was written")
        }
        do {
            try FileManager.default.createDirectory(at: logsURL, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw TogetherError.cannotWrite("cannot create \(logsURL.path); nothing was written")
        }
        try LogFile.writeOnce(try encoder.encode(manifest) + Data("\n".utf8), to: manifestURL)
        return (manifest, key)
    }

    /// The folder's manifest.
    public func manifest() throws -> Manifest {
        guard let data = FileManager.default.contents(atPath: manifestURL.path) else {
            throw TogetherError.notASharedFolder("\(root.path) is not a Tandem shared folder (it has no couple.json)")
        }
        guard let manifest = try? JSONDecoder().decode(Manifest.self, from: data), manifest.format == "tandem-shared-folder" else {
            throw TogetherError.notASharedFolder("\(manifestURL.path) is not a Tandem shared folder's couple.json")
        }
        guard manifest.version == 1 else {
            throw TogetherError.notASharedFolder("\(root.path) was set up by a newer Tandem (layout \(manifest.version)); update Tandem to join it")
        }
        return manifest
    }

    /// Opens the folder with the pairing code: its manifest and the couple key.
    public func join(code: PairingCode) throws -> (manifest: Manifest, key: CoupleKey) {
        let manifest = try manifest()
        return (manifest, try manifest.key.unwrap(with: code))
    }

    /// The folder of one device's logs.
    public func deviceFolder(_ device: String) -> URL { logsURL.appendingPathComponent(device, isDirectory: true) }

    /// Appends sealed payloads to `device`'s log for the month of `date`
    /// (UTC), numbered from `firstSequence`, in one write, and syncs it to
    /// disk; returns the next sequence number.
    @discardableResult
    public func append(_ payloads: [Data], device: String, firstSequence: UInt64, key: CoupleKey, at date: Date) throws -> UInt64 {
        guard !payloads.isEmpty else { return firstSequence }
        guard DeviceID.isValid(device) else { throw TogetherError.cannotWrite("'\(device)' is not a device id") }
        var bytes = Data()
        var sequence = firstSequence
        for payload in payloads {
            bytes.append(try SealedLine.seal(payload, device: device, sequence: sequence, key: key).encoded)
            sequence += 1
        }
        let folder = deviceFolder(device)
        // Only below an existing logs folder: an unmounted shared folder is not recreated here.
        guard FileManager.default.fileExists(atPath: logsURL.path) else {
            throw TogetherError.cannotWrite("\(logsURL.path) is missing (is the shared folder there?)")
        }
        if !FileManager.default.fileExists(atPath: folder.path) {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        }
        try LogFile.append(bytes, to: folder.appendingPathComponent(Self.monthFileName(for: date)))
        return sequence
    }

    /// `2026-11.jsonl` for a date in November 2026 (UTC).
    static func monthFileName(for date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month], from: date)
        return String(format: "%04d-%02d.jsonl", parts.year!, parts.month!)
    }

    /// The log files to read, as paths relative to the folder: every device's
    /// `*.jsonl`, Syncthing's conflict copies among them, but not a sync
    /// engine's temporary files; `excluding` leaves one device out.
    public func logFiles(excluding device: String? = nil) -> [(device: String, path: String)] {
        let manager = FileManager.default
        let devices = ((try? manager.contentsOfDirectory(atPath: logsURL.path)) ?? []).filter { DeviceID.isValid($0) && $0 != device }
        var files: [(String, String)] = []
        for device in devices.sorted() {
            let names = (try? manager.contentsOfDirectory(atPath: deviceFolder(device).path)) ?? []
            for name in names.sorted() where Self.isLogFileName(name) {
                files.append((device, "logs/\(device)/\(name)"))
            }
        }
        return files
    }

    /// Whether a file name is a log (or a conflict copy of one), not a
    /// temporary file of Syncthing (`.syncthing.NAME.tmp`, `~syncthing~NAME.tmp`)
    /// or of an editor.
    static func isLogFileName(_ name: String) -> Bool {
        !name.hasPrefix(".") && !name.hasPrefix("~") && !name.hasSuffix(".tmp") && name.hasSuffix(".jsonl")
    }
}

/// Device ids: random lowercase UUIDs, the name of each device's log folder.
public enum DeviceID {
    /// A new id.
    public static func generate() -> String { UUID().uuidString.lowercased() }

    /// Whether `text` is a device id (so a folder name cannot smuggle in a path).
    public static func isValid(_ text: String) -> Bool {
        text.count == 36 && UUID(uuidString: text) != nil && text == text.lowercased()
    }
}

extension SharedFolder {
    /// The size of each of `device`'s own log files, by relative path.
    public func logSizes(of device: String) -> [String: UInt64] {
        var sizes: [String: UInt64] = [:]
        let folder = deviceFolder(device)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where Self.isLogFileName(name) {
            var info = stat()
            if lstat(folder.appendingPathComponent(name).path, &info) == 0 { sizes["logs/\(device)/\(name)"] = UInt64(info.st_size) }
        }
        return sizes
    }

    /// The lines of one file from `offset` on, opened as `device`'s.
    public func lines(of path: String, device: String, key: CoupleKey, from offset: UInt64) -> [ReceivedLine] {
        guard let handle = FileHandle(forReadingAtPath: root.appendingPathComponent(path).path) else { return [] }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: offset)) != nil, let data = try? handle.readToEnd() else { return [] }
        return data.split(separator: 0x0A).compactMap { line in
            guard let sealed = try? SealedLine(decoding: line), let payload = try? sealed.open(device: device, key: key) else { return nil }
            return ReceivedLine(device: device, sequence: sealed.sequence, payload: payload)
        }
    }
}

extension SharedFolder {
    /// The first line that opens in each device's logs (its oldest file first).
    public func firstLines(key: CoupleKey) -> [ReceivedLine] {
        var firsts: [String: ReceivedLine] = [:]
        for (device, path) in logFiles() where firsts[device] == nil {
            guard let handle = FileHandle(forReadingAtPath: root.appendingPathComponent(path).path) else { continue }
            defer { try? handle.close() }
            // A line is a few hundred bytes; 64 KiB holds the first whole one.
            guard let data = try? handle.read(upToCount: 1 << 16) else { continue }
            for line in data.split(separator: 0x0A) {
                guard let sealed = try? SealedLine(decoding: line), let payload = try? sealed.open(device: device, key: key) else { continue }
                firsts[device] = ReceivedLine(device: device, sequence: sealed.sequence, payload: payload)
                break
            }
        }
        return Array(firsts.values)
    }
}
