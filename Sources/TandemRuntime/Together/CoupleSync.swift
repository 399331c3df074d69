import Foundation
import TandemJournal
import TandemKit
import TandemTogether

/// The journal's side of the shared folder: publishing my new shared
/// entries to this device's log and reading my partner's (and my other
/// devices') new lines into the journal.
///
/// The runtime does both around every command, so the folder is up to date
/// without a `tandem sync`: entries written are appended to the log in the
/// same run, and every read first takes in what arrived, reading only what
/// follows the offsets remembered per file.
public struct CoupleSync: Sendable {
    /// The journal.
    public let journal: Journal
    /// How the journal shares.
    public let settings: SharingSettings
    /// The folder.
    public let folder: SharedFolder
    let key: CoupleKey

    /// The sync of a journal that shares; `nil` when it does not.
    public init?(journal: Journal) throws {
        guard let settings = try journal.sharingSettings() else { return nil }
        self.journal = journal
        self.settings = settings
        self.folder = SharedFolder(root: URL(fileURLWithPath: settings.folder, isDirectory: true))
        self.key = CoupleKey(key: .init(data: settings.key))
    }

    /// Whether the folder is there (a synced folder can be unmounted, or not yet created by the sync engine).
    public var isReachable: Bool { FileManager.default.fileExists(atPath: folder.manifestURL.path) }

    /// Reads what the other devices wrote since last time; shares the key of
    /// any answer of mine whose day my partner has now answered too.
    @discardableResult
    public func ingest() throws -> IngestSummary {
        guard isReachable else { return IngestSummary() }
        let offsets = try journal.folderOffsets()
        let read = folder.read(excluding: journal.device, key: key, from: offsets)
        var summary = IngestSummary()
        if !read.lines.isEmpty || read.offsets != offsets {
            let today = journal.today
            var received: [ReceivedEvent] = []
            var refused: [String] = read.problems.map(\.description)
            for line in read.lines {
                do {
                    received.append(ReceivedEvent(device: line.device, event: try JournalEvent(sharedJSON: line.payload, today: today)))
                } catch {
                    refused.append("a line of device \(line.device.prefix(8)) (number \(line.sequence)): \(error)")
                }
            }
            summary = try journal.ingest(received, offsets: read.offsets, checked: true)
            summary.refused = refused + summary.refused
        }
        try journal.writeDueReveals()
        return summary
    }

    /// What a publish did.
    public struct PublishSummary: Sendable, Hashable {
        /// Entries appended to this device's log.
        public var written = 0
        /// Set when this home turned out to be a copy of another machine's:
        /// the new device id it writes as from now on.
        public var newDevice: String?
    }

    /// Appends my shared entries that are not in the folder yet to this
    /// device's log. A log of "this" device that grew with lines this
    /// journal did not write means the home was copied to another machine:
    /// the journal then takes a new device id and writes as that.
    @discardableResult
    public func publish() throws -> PublishSummary {
        guard isReachable else { return PublishSummary() }
        var summary = PublishSummary()
        var settings = self.settings
        if try isCopiedHome() {
            let device = DeviceID.generate()
            try journal.mintDevice(device)
            summary.newDevice = device
            settings = try journal.sharingSettings() ?? settings
        }
        let (events, through) = try journal.pendingSharedEvents(after: settings.publishedThrough)
        var next = settings.nextSequence
        if !events.isEmpty {
            next = try folder.append(events.map(\.sharedJSON), device: journal.device, firstSequence: next, key: key, at: journal.now)
            summary.written = events.count
        }
        if through != settings.publishedThrough || !events.isEmpty {
            try journal.didPublish(through: through, nextSequence: next, ownLog: folder.logSizes(of: journal.device))
        }
        return summary
    }

    /// Whether this device's logs hold lines that this journal did not
    /// write. Lines it wrote but did not get to remember (a run killed
    /// between the append and the journal's commit) are its own: every
    /// entry in them is in the journal, by me.
    func isCopiedHome() throws -> Bool {
        let remembered = try journal.ownLogSizes()
        for (path, size) in folder.logSizes(of: journal.device) {
            let known = remembered[path] ?? 0
            guard size > known else { continue }
            let today = journal.today
            for line in folder.lines(of: path, device: journal.device, key: key, from: known) {
                guard let event = try? JournalEvent(sharedJSON: line.payload, today: today),
                      event.author == journal.author, try journal.contains(eventID: event.id)
                else { return true }
            }
        }
        return false
    }
}
