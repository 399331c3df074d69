import ArgumentParser
import Foundation
import TandemJournal
import TandemKit
import TandemRuntime

/// `tandem together status [--json]`
struct TogetherStatusCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Who is paired, this device, and when each of the other devices was last heard from.")

    @OptionGroup var output: OutputOptions

    struct Device: Encodable {
        var device: String
        var member: String
        var name: String
        var lastHeard: String
        var lines: Int
    }

    struct Status: Encodable {
        var sharing: Bool
        var folder: String?
        var reachable: Bool?
        var me: String?
        var partner: String?
        var device: String?
        var devices: [Device]
    }

    func run(on runtime: Runtime) throws {
        let journal = try runtime.existingJournal()
        guard let journal, let settings = try journal.sharingSettings() else {
            if output.json {
                try JournalAccess.printJSON(to: runtime, Status(sharing: false, devices: []))
            } else {
                runtime.environment.output.write(
                    "Not sharing. To share with your partner: tandem together init FOLDER (or join the folder they set up: tandem together join FOLDER)\n")
            }
            return
        }
        let profile = try journal.profile()
        let reachable = FileManager.default.fileExists(atPath: URL(fileURLWithPath: settings.folder).appendingPathComponent("couple.json").path)
        let devices = try journal.folderDevices().map { device in
            Device(
                device: device.device, member: device.author, name: journal.displayName(of: device.author, profile: profile),
                lastHeard: Self.timestamp(device.lastHeard), lines: device.lines)
        }
        if output.json {
            try JournalAccess.printJSON(to: runtime, Status(
                sharing: true, folder: settings.folder, reachable: reachable, me: profile.myName, partner: profile.partnerName,
                device: journal.device, devices: devices))
            return
        }
        let style = runtime.environment.style
        let me = (profile.myName ?? "you").terminalSafe, partner = (profile.partnerName ?? "your partner").terminalSafe
        var out = style.bold("\(me) and \(partner)") + ", sharing " + settings.folder.terminalSafe
            + (reachable ? "" : style.color(" (not there now: not mounted, or not synced yet)", .yellow)) + "\n"
        out += "  this device   \(journal.device.prefix(8)) (\(me)), \(settings.nextSequence - 1) lines written\n"
        if devices.isEmpty {
            out += "  nothing heard from \(partner) yet; once they join and their sync engine runs, their entries appear here\n"
        }
        let now = runtime.environment.now
        for device in devices {
            let heard = try journal.folderDevices().first { $0.device == device.device }?.lastHeard ?? now
            out += "  \(device.device.prefix(8))      \(device.name.terminalSafe), last heard \(Self.ago(heard, now: now)), \(device.lines) lines\n"
        }
        runtime.environment.output.write(out)
    }

    static func timestamp(_ date: Date) -> String { date.formatted(Date.ISO8601FormatStyle()) }

    /// "3 hours ago", "2 days ago", "just now".
    static func ago(_ date: Date, now: Date) -> String {
        let seconds = Int(now.timeIntervalSince(date))
        if seconds < 60 { return "just now" }
        for (unit, size) in [("day", 86_400), ("hour", 3_600), ("minute", 60)] where seconds >= size {
            let count = seconds / size
            return "\(count) \(unit)\(count == 1 ? "" : "s") ago"
        }
        return "just now"
    }
}
