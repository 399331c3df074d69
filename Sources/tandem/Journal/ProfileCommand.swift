import ArgumentParser
import Foundation
import TandemJournal
import TandemKit
import TandemRuntime

/// `tandem profile` and `tandem profile set …`
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile", abstract: "Show or set your names and time zones.",
        subcommands: [Show.self, Set.self], defaultSubcommand: Show.self)

    /// `tandem profile [show] [--json]`
    struct Show: HostCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the profile.")

        @OptionGroup var output: OutputOptions

        func run(on runtime: Runtime) throws {
            let profile = try runtime.existingJournal()?.profile() ?? Profile()
            if output.json {
                try JournalAccess.printJSON(to: runtime, profile)
                return
            }
            func shown(_ field: String?) -> String { field?.terminalSafe ?? "(not set)" }
            let sharesNotes = try runtime.existingJournal()?.notesSharedByDefault() ?? false
            runtime.environment.output.write("""
                Me:       \(shown(profile.myName)), time zone \(shown(profile.myTimeZone))
                Partner:  \(shown(profile.partnerName)), time zone \(shown(profile.partnerTimeZone))
                Notes:    \(sharesNotes ? "shared with your partner unless written with --private" : "private unless written with --share")

                """)
        }
    }

    /// `tandem profile set [--my-name N] [--partner-name N] [--my-zone Z] [--partner-zone Z]`
    struct Set: HostCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Set names and time zones (IANA names such as Europe/Berlin).")

        @Option(name: [.customLong("my-name"), .customLong("me-name")], help: "Your name (one line, at most 80 characters).")
        var myName: String?

        @Option(name: .long, help: "Your partner's name (one line, at most 80 characters).")
        var partnerName: String?

        @Option(name: .long, help: "Your time zone, such as Europe/Berlin.")
        var myZone: String?

        @Option(name: .long, help: "Your partner's time zone, such as America/New_York.")
        var partnerZone: String?

        @Option(
            name: .customLong("share-notes"), help: "Share notes with your partner by default: yes or no (default no).",
            transform: { text in
                switch text.lowercased() {
                case "yes", "on", "true": return true
                case "no", "off", "false": return false
                default: throw ValidationError("--share-notes takes yes or no, not '\(text.terminalSafe)'")
                }
            })
        var shareNotes: Bool?

        func run(on runtime: Runtime) throws {
            guard myName != nil || partnerName != nil || myZone != nil || partnerZone != nil || shareNotes != nil else {
                throw CommandFailure("nothing to set: give --my-name, --partner-name, --my-zone, --partner-zone or --share-notes")
            }
            if let shareNotes {
                try runtime.journal().setNotesSharedByDefault(shareNotes)
                runtime.environment.output.write(shareNotes
                    ? "Notes are now shared with your partner unless written with --private.\n"
                    : "Notes are now private unless written with --share.\n")
                guard myName != nil || partnerName != nil || myZone != nil || partnerZone != nil else { return }
            }
            // Check the zones before opening (and perhaps creating) the journal.
            for zone in [myZone, partnerZone].compactMap({ $0 }) { _ = try Journal.validTimeZone(zone) }
            if let myName { _ = try Journal.checkedLine(myName, what: "your name") }
            if let partnerName { _ = try Journal.checkedLine(partnerName, what: "your partner's name") }
            let journal = try runtime.journal()
            let profile = try journal.setProfile(myName: myName, partnerName: partnerName, myTimeZone: myZone, partnerTimeZone: partnerZone)
            runtime.profileDidChange()
            runtime.environment.output.write("Profile saved: \((profile.myName ?? "me").terminalSafe) (\((profile.myTimeZone ?? "zone not set").terminalSafe)) and \((profile.partnerName ?? "partner").terminalSafe) (\((profile.partnerTimeZone ?? "zone not set").terminalSafe)).\n")
        }
    }
}
