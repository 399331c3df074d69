import ArgumentParser
import Foundation
import TandemJournal
import TandemKit
import TandemRuntime
import TandemSystem
import TandemTogether

/// `tandem together init FOLDER [--name ME] [--partner-name NAME]`
struct TogetherInitCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make FOLDER the couple's shared folder and show the pairing code for your partner.",
        discussion: """
            FOLDER is a folder your sync engine carries to your partner's machine (a Syncthing
            folder, a git work tree, any synced folder); it is created when missing. The pairing
            code is shown once and saved nowhere: read it to your partner, who types it into
            'tandem together join'. \(Together.sharedSummary)
            """)

    @Argument(help: "The folder to share (created when missing).")
    var folder: String

    @Option(name: .long, help: "Your name, as your partner will see it.")
    var name: String?

    @Option(name: .customLong("partner-name"), help: "Your partner's name, until they set their own.")
    var partnerName: String?

    @Option(name: .customLong("code-file"), help: "Also write the pairing code to this file (0600, never inside FOLDER), for scripts.")
    var codeFile: String?

    func run(on runtime: Runtime) throws {
        let url = Together.folderURL(folder, runtime)
        if let partnerName { _ = try Journal.checkedLine(partnerName, what: "your partner's name") }
        let journal = try runtime.journal()
        try Together.refuseIfSharing(journal)
        let me = try Together.myName(name, journal)
        let shared = SharedFolder(root: url)
        if FileManager.default.fileExists(atPath: shared.manifestURL.path) {
            throw CommandFailure(
                "\(url.path.terminalSafe) is a shared folder already; to use it from this machine: tandem together join \(folder.terminalSafe)",
                exitCode: ExitStatus.refused)
        }
        let codeURL = codeFile.map { Together.folderURL($0, runtime) }
        if let codeURL, codeURL.path.hasPrefix(url.path + "/") {
            throw CommandFailure("--code-file \(codeFile!.terminalSafe) is inside the shared folder; the code must never travel with it")
        }
        switch PrivateFile.kind(at: url.path) {
        case .missing: try PrivateFolder.make(url)
        case .folder: break
        case .file, .special: throw CommandFailure("\(url.path.terminalSafe) is a file, not a folder; nothing was written")
        case .symbolicLink:
            // The sync engine's folder may well be reached through a link; it must lead to a folder.
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
                throw CommandFailure("\(url.path.terminalSafe) is a link that does not lead to a folder; nothing was written")
            }
        }
        let code = PairingCode.generate()
        if let codeURL { try PrivateFile.write(Data((code.description + "\n").utf8), to: codeURL, replacing: true) }
        let (manifest, key) = try shared.create(code: code)
        try journal.startSharing(
            SharingSettings(folder: url.path, couple: manifest.couple, key: key.key.withUnsafeBytes { Data($0) }), device: journal.device)
        let profile = try journal.profile()
        if profile.myName != me || (partnerName != nil && profile.partnerName != partnerName) {
            try journal.setProfile(myName: me, partnerName: partnerName)
        } else {
            // My name goes into the folder even when unchanged, so my partner learns it.
            try journal.setProfile(myName: me)
        }
        runtime.profileDidChange()
        let result = try runtime.syncNow()
        let partner = (partnerName ?? profile.partnerName ?? "your partner").terminalSafe
        let style = runtime.environment.style
        var out = "Shared folder ready: \(url.path.terminalSafe)\n"
        out += "Pairing code for \(partner) (shown once, saved nowhere; read it to them):\n\n"
        out += "    " + style.bold(code.description) + "\n\n"
        out += "On \(partner)'s machine, once the folder has arrived there: tandem together join FOLDER\n"
        out += TextLayout.paragraph(Together.sharedSummary, width: runtime.environment.readingWidth)
        out += Together.report(result, partner: partner)
        runtime.environment.output.write(out)
    }
}
