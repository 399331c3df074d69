import ArgumentParser
import Foundation
import TandemJournal
import TandemKit
import TandemRuntime
import TandemSystem
import TandemTogether

/// `tandem together join FOLDER [--name ME] [--as NAME] [--code-file F]`
struct TogetherJoinCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Join the shared folder your partner set up, with the pairing code they read to you.",
        discussion: """
            Asks for the code (not shown as you type); from a pipe it reads one line. With --as NAME
            this machine becomes another device of NAME, a member already in the folder (it needs
            a journal with no entries of its own yet). \(Together.sharedSummary)
            """)

    @Argument(help: "Your copy of the shared folder.")
    var folder: String

    @Option(name: .long, help: "Your name, as your partner will see it.")
    var name: String?

    @Option(name: .customLong("as"), help: "Join as another device of this member (a name already in the folder).")
    var member: String?

    @Option(name: .customLong("code-file"), help: "Read the pairing code from this file instead of asking.")
    var codeFile: String?

    func run(on runtime: Runtime) throws {
        let url = Together.folderURL(folder, runtime)
        let shared = SharedFolder(root: url)
        _ = try shared.manifest()
        let code = try readCode(runtime)
        let (manifest, key) = try shared.join(code: code)
        let journal = try runtime.journal()
        try Together.refuseIfSharing(journal)
        var author: String?
        if let member {
            let members = Self.members(in: shared, key: key, today: journal.today)
            guard let found = members.first(where: { $0.name?.caseInsensitiveCompare(member) == .orderedSame }) else {
                let names = members.compactMap(\.name)
                throw CommandFailure(
                    "no member called '\(member.terminalSafe)' has written to this folder yet"
                        + (names.isEmpty ? "" : " (it has \(names.map(\.terminalSafe).joined(separator: " and ")))") + "; nothing was written",
                    exitCode: ExitStatus.refused)
            }
            author = found.id
        } else {
            let others = Self.authors(in: shared, key: key, today: journal.today).subtracting([journal.author])
            if others.count >= 2 {
                let names = Self.members(in: shared, key: key, today: journal.today).filter { others.contains($0.id) }
                throw CommandFailure(
                    "this folder has two members already (\(names.map { ($0.name ?? "unnamed").terminalSafe }.joined(separator: " and "))); "
                        + "to add another device of one of them, join with --as NAME; nothing was written", exitCode: ExitStatus.refused)
            }
        }
        let me = author == nil ? try Together.myName(name, journal) : nil
        try journal.startSharing(
            SharingSettings(folder: url.path, couple: manifest.couple, key: key.key.withUnsafeBytes { Data($0) }),
            device: DeviceID.generate(), author: author)
        if let me { try journal.setProfile(myName: me) }
        runtime.profileDidChange()
        let result = try runtime.syncNow()
        let profile = try journal.profile()
        let partner = (profile.partnerName ?? "your partner").terminalSafe
        var out = author == nil
            ? "Joined the shared folder with \(partner): \(url.path.terminalSafe)\n"
            : "This machine is now another device of \((profile.myName ?? "yours").terminalSafe), sharing with \(partner).\n"
        out += TextLayout.paragraph(Together.sharedSummary, width: runtime.environment.readingWidth)
        out += Together.report(result, partner: partner)
        runtime.environment.output.write(out)
    }

    func readCode(_ runtime: Runtime) throws -> PairingCode {
        let text: String
        if let codeFile {
            let path = Together.folderURL(codeFile, runtime).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CommandFailure("cannot read the pairing code from \(codeFile.terminalSafe)")
            }
            text = String(decoding: data, as: UTF8.self)
        } else if runtime.environment.input.isInteractive {
            guard let typed = Terminal.readHiddenLine(prompt: "Pairing code (from your partner's tandem together init): ") else {
                throw CommandFailure("no pairing code given; nothing was written")
            }
            text = typed
        } else {
            guard let line = runtime.environment.input.readLine(prompt: "") else {
                throw CommandFailure("no pairing code on standard input (give it as one line, or use --code-file F); nothing was written")
            }
            text = line
        }
        do { return try PairingCode(parsing: text) } catch { throw CommandFailure("\(error); nothing was written") }
    }

    /// The members who wrote to the folder: a device writes for one member
    /// only, so the first line of each device's log is enough.
    static func authors(in folder: SharedFolder, key: CoupleKey, today: LocalDay) -> Set<String> {
        Set(folder.firstLines(key: key).compactMap { try? JournalEvent(sharedJSON: $0.payload, today: today).author })
    }

    /// The members who wrote to the folder, with the name each gave
    /// themselves (reads every line: for `--as` and messages only).
    static func members(in folder: SharedFolder, key: CoupleKey, today: LocalDay) -> [(id: String, name: String?)] {
        var order: [String] = []
        var names: [String: String] = [:]
        for line in folder.read(excluding: nil, key: key).lines {
            guard let event = try? JournalEvent(sharedJSON: line.payload, today: today) else { continue }
            if !order.contains(event.author) { order.append(event.author) }
            if event.kind == .profile, let name = event.text("myName") { names[event.author] = name }
        }
        return order.map { ($0, names[$0]) }
    }
}
