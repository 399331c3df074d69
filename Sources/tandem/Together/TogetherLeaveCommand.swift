import ArgumentParser
import Foundation
import TandemJournal
import TandemKit
import TandemRuntime

/// `tandem together leave`
struct TogetherLeaveCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "leave",
        abstract: "Stop sharing: new entries stay on this machine.",
        discussion: """
            What you shared stays in the folder and with your partner: leaving cannot take it back.
            Your partner's entries read so far stay in your journal. The folder itself is left as it is.
            """)

    func run(on runtime: Runtime) throws {
        guard let journal = try runtime.existingJournal(), let settings = try journal.sharingSettings() else {
            throw CommandFailure("this journal is not sharing a folder, so there is nothing to leave")
        }
        // What is still unshared goes out first: leaving is not a way to lose entries already reported saved.
        _ = try? runtime.syncNow()
        try journal.stopSharing()
        let partner = (try journal.profile().partnerName ?? "your partner").terminalSafe
        runtime.environment.output.write(TextLayout.paragraph(
            "Stopped sharing \(settings.folder.terminalSafe). What you shared stays in that folder and with \(partner); "
                + "\(partner)'s entries read so far stay in your journal. New entries stay on this machine.",
            width: runtime.environment.readingWidth))
    }
}
