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
            let unset = "(not set)"
            runtime.environment.output.write("""
                Me:       \(profile.myName ?? unset), time zone \(profile.myTimeZone ?? unset)
                Partner:  \(profile.partnerName ?? unset), time zone \(profile.partnerTimeZone ?? unset)

                """)
        }
    }

    /// `tandem profile set [--my-name N] [--partner-name N] [--my-zone Z] [--partner-zone Z]`
    struct Set: HostCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Set names and time zones (IANA names such as Europe/Berlin).")

        @Option(name: [.customLong("my-name"), .customLong("me-name")], help: "Your name.")
        var myName: String?

        @Option(name: .long, help: "Your partner's name.")
        var partnerName: String?

        @Option(name: .long, help: "Your time zone, such as Europe/Berlin.")
        var myZone: String?

        @Option(name: .long, help: "Your partner's time zone, such as America/New_York.")
        var partnerZone: String?

        func run(on runtime: Runtime) throws {
            guard myName != nil || partnerName != nil || myZone != nil || partnerZone != nil else {
                throw CommandFailure("nothing to set: give --my-name, --partner-name, --my-zone or --partner-zone")
            }
            // Check the zones before opening (and perhaps creating) the journal.
            for zone in [myZone, partnerZone].compactMap({ $0 }) { _ = try Journal.validTimeZone(zone) }
            let journal = try runtime.journal()
            let profile = try journal.setProfile(myName: myName, partnerName: partnerName, myTimeZone: myZone, partnerTimeZone: partnerZone)
            runtime.profileDidChange()
            runtime.environment.output.write("Profile saved: \(profile.myName ?? "me") (\(profile.myTimeZone ?? "zone not set")) and \(profile.partnerName ?? "partner") (\(profile.partnerTimeZone ?? "zone not set")).\n")
        }
    }
}
