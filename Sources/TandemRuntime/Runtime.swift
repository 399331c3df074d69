import ArgumentParser
import Foundation
import Synchronization
import TandemCatalog
import TandemJournal
import TandemKit
import TandemSystem

/// The host every front end shares: the environment, the module registry,
/// the journal (opened once, when first needed), each module's records and
/// context, and running commands.
///
/// `tandem` builds one in `main` and runs its command on it; the REPL runs
/// its `:commands` and the routine language on the same one. Like SwiftPM's
/// `SwiftCommandState`, commands stay thin: they ask the host for what they
/// need instead of reading the process environment themselves.
public final class Runtime: Sendable {
    /// Where files live, the clock, the terminal and the streams.
    public let environment: TandemEnvironment
    /// The coaching modules of this run.
    public let registry: ModuleRegistry
    /// The front end's own commands (`today`, `stats`, …), which the REPL
    /// offers as `:name`.
    public let commands: [any ParsableCommand.Type]

    private let shared: Shared

    /// State shared by a host and the copies made with other streams.
    private final class Shared: Sendable {
        let journal: LazyJournal
        let profile = Mutex<Profile?>(nil)
        /// Whether the shared folder was read since the last command ended.
        let ingested = Mutex(false)
        /// Command type → id of the module that contributes it (subcommands included).
        let commandModules: [ObjectIdentifier: String]

        init(journal: LazyJournal, commandModules: [ObjectIdentifier: String]) {
            self.journal = journal
            self.commandModules = commandModules
        }
    }

    /// Creates the host of one run.
    public init(environment: TandemEnvironment, registry: ModuleRegistry, commands: [any ParsableCommand.Type] = []) {
        self.environment = environment
        self.registry = registry
        self.commands = commands
        let url = environment.journalURL, zone = environment.timeZone, folder = environment.dataDirectory
        let clock = environment.clock, errors = environment.errors
        let journal = LazyJournal(exists: { FileManager.default.fileExists(atPath: url.path) }) {
            try PrivateFolder.make(folder)
            return try Journal.open(at: url, timeZone: zone, clock: clock) {
                errors.write("tandem: waiting for another tandem to finish writing the journal (an import?); your entry is kept and will be written…\n")
            }
        }
        var modules: [ObjectIdentifier: String] = [:]
        func index(_ type: any ParsableCommand.Type, _ module: String) {
            modules[ObjectIdentifier(type)] = module
            for sub in type.configuration.subcommands { index(sub, module) }
        }
        for (module, command) in registry.allCommands { index(command, module.id) }
        shared = Shared(journal: journal, commandModules: modules)
    }

    private init(environment: TandemEnvironment, registry: ModuleRegistry, commands: [any ParsableCommand.Type], shared: Shared) {
        self.environment = environment
        self.registry = registry
        self.commands = commands
        self.shared = shared
    }

    /// The same host (journal, registry, commands) on other streams: the
    /// REPL runs commands with its line editor as their input.
    public func with(input: any LineInput, output: (any TextOutput)? = nil, errors: (any TextOutput)? = nil) -> Runtime {
        var environment = environment
        environment.input = input
        if let output { environment.output = output }
        if let errors { environment.errors = errors }
        return Runtime(environment: environment, registry: registry, commands: commands, shared: shared)
    }

    // MARK: The journal

    /// The journal, created (0600, in a 0700 folder) and opened on first use,
    /// then shared by every caller in the process.
    ///
    /// When the journal shares a folder with a partner, what arrived there
    /// is read in first (once per command), so every view is up to date.
    public func journal() throws -> Journal { try readingShared(shared.journal.get()) }

    /// The journal when its file exists; `nil` otherwise, creating nothing
    /// (a first `today` or REPL session leaves no files).
    public func existingJournal() throws -> Journal? { try shared.journal.existing().map(readingShared) }

    private func readingShared(_ journal: Journal) -> Journal {
        let first = shared.ingested.withLock { done in
            defer { done = true }
            return !done
        }
        if first { syncShared(journal, publishing: false) }
        return journal
    }

    /// Reads the shared folder into the journal and (with `publishing`)
    /// appends my new shared entries to it. A folder that cannot be used
    /// never fails the command: the entries are in the journal, and are
    /// shared the next time it works; the person is told why.
    @discardableResult
    func syncShared(_ journal: Journal, publishing: Bool) -> (ingest: IngestSummary, publish: CoupleSync.PublishSummary)? {
        do {
            guard let sync = try CoupleSync(journal: journal) else { return nil }
            guard sync.isReachable else {
                warn("the shared folder \(sync.settings.folder) is not there (not mounted, or not synced yet); "
                    + "your entries are kept here and will be shared when it is back")
                return nil
            }
            let ingest = publishing ? IngestSummary() : try sync.ingest()
            for problem in ingest.refused.prefix(3) { warn("left out of the shared folder's lines: \(problem)") }
            if ingest.refused.count > 3 { warn("and \(ingest.refused.count - 3) more lines left out") }
            let publish = publishing ? try sync.publish() : CoupleSync.PublishSummary()
            if let device = publish.newDevice {
                warn("this home looks copied from another machine (the shared folder has lines from this device that it did not write); "
                    + "it now writes as a new device, \(device.prefix(8))")
            }
            return (ingest, publish)
        } catch {
            warn("could not use the shared folder: \((error as? CommandFailure)?.message ?? "\(error)"); your entries are kept here")
            return nil
        }
    }

    private func warn(_ message: String) {
        environment.errors.write("tandem: " + message.terminalSafeLines + "\n")
    }

    /// Ends a command: my new shared entries go to the shared folder, and
    /// the next command reads it again. `tandem` calls it after each
    /// command, the REPL after each input.
    public func finishCommand() {
        shared.ingested.withLock { $0 = false }
        guard let journal = shared.journal.opened, (try? journal.sharingSettings()) != nil else { return }
        syncShared(journal, publishing: true)
    }

    /// Reads the shared folder and writes to it now (`tandem sync`, `together join`).
    public func syncNow() throws -> (ingest: IngestSummary, publish: CoupleSync.PublishSummary)? {
        let journal = try shared.journal.get()
        shared.ingested.withLock { $0 = true }
        guard let sync = try CoupleSync(journal: journal) else { return nil }
        guard sync.isReachable else {
            throw CommandFailure("the shared folder \(sync.settings.folder) is not there (not mounted, or not synced yet); nothing was shared", exitCode: ExitStatus.runtimeError)
        }
        let ingest = try sync.ingest()
        let publish = try sync.publish()
        return (ingest, publish)
    }

    /// The couple's profile, read once without creating the journal.
    public var profile: Profile {
        shared.profile.withLock { cached in
            if let cached { return cached }
            let read = Journal.readProfile(at: environment.journalURL) ?? Profile()
            cached = read
            return read
        }
    }

    /// Forgets the profile read, after `profile set` changed it.
    public func profileDidChange() { shared.profile.withLock { $0 = nil } }

    /// The practices still to do today, or `nil` when the journal cannot be read.
    public func dueTodayCount() -> Int? {
        do {
            guard let journal = try existingJournal() else { return 0 }
            return try journal.dueToday(asOf: environment.today).filter { $0.isDue && $0.mark == .none }.count
        } catch {
            return nil
        }
    }

    // MARK: Modules

    /// The records of module `moduleID`, kept in the journal under its id
    /// (the journal opens when they are first read or written; reading
    /// records of a journal not yet made creates nothing). A module
    /// never sees another module's records.
    public func records(for moduleID: String) -> any ModuleRecordStore {
        shared.journal.recordStore(moduleID: moduleID)
    }

    /// The id of the module that contributes a command type (or one of its
    /// subcommands); `nil` for the host's own commands.
    public func moduleID(of commandType: any ParsableCommand.Type) -> String? {
        shared.commandModules[ObjectIdentifier(commandType)]
    }

    /// The context module `moduleID` runs in: the clock, the profile, this
    /// host's streams and styling, and the module's own records.
    public func moduleContext(for moduleID: String, seed: UInt64? = nil, records: (any ModuleRecordStore)? = nil) -> ModuleContext {
        ModuleContext(
            now: environment.now, timeZone: environment.timeZone, profile: profile,
            output: environment.output, errors: environment.errors, input: environment.input,
            style: environment.style, seed: seed, records: records ?? self.records(for: moduleID),
            width: environment.width)
    }

    /// A renderer of coaching content for this host's output.
    public var renderer: ContentRenderer {
        ContentRenderer(registry: registry, style: environment.style, width: environment.readingWidth)
    }

    // MARK: Commands

    /// Runs a parsed command: a host command on this host, a module command
    /// in its module's context, anything else (ArgumentParser's own) as is.
    public func run(_ command: any ParsableCommand) throws {
        if var hostCommand = command as? any HostCommand {
            try hostCommand.run(on: self)
        } else if var moduleCommand = command as? any ModuleCommand {
            guard let module = moduleID(of: type(of: moduleCommand)) else {
                throw CommandFailure("no module contributes '\(type(of: moduleCommand).configuration.commandName ?? "this command")'", exitCode: ExitStatus.runtimeError)
            }
            try moduleCommand.run(in: moduleContext(for: module))
        } else {
            var plain = command
            try plain.run()
        }
    }

    /// Parses `arguments` as `root` would, runs the command, and reports a
    /// failure on the error stream: the exit status.
    public func execute(_ root: any ParsableCommand.Type, arguments: [String], messagePrefix: String = "tandem: ") -> Int32 {
        do {
            try Self.checkSubcommand(arguments, of: root)
            defer { finishCommand() }
            try run(try root.parseAsRoot(arguments))
            return 0
        } catch {
            let report = FailureReport(error, command: root, colored: environment.errorStyle.isEnabled, width: environment.width)
            report.write(to: report.isHelp ? environment.output : environment.errors, prefix: messagePrefix)
            return report.exitCode
        }
    }
}

extension Runtime {
    /// Refuses an unknown subcommand (`tandem stat`, `tandem help stat`) with
    /// the closest names, before ArgumentParser reads it as an argument of
    /// the root command or shows the root's help.
    static func checkSubcommand(_ arguments: [String], of root: any ParsableCommand.Type) throws {
        var words = arguments.prefix { !$0.hasPrefix("-") }
        var command = root
        var isHelp = false
        if words.first == "help" {
            isHelp = true
            words.removeFirst()
        }
        var path = [root.configuration.commandName ?? ""]
        for word in words {
            let subcommands = command.configuration.subcommands
            // A command without subcommands takes the rest as its arguments.
            guard !subcommands.isEmpty else { return }
            if let next = subcommands.first(where: { $0.configuration.commandName == word || $0.configuration.aliases.contains(word) }) {
                command = next
                path.append(word)
                continue
            }
            // The root runs the REPL with no subcommand; anything else there is a
            // mistyped subcommand, as is any word after `help`, and a word close
            // to a subcommand's name where a default subcommand would take it
            // (`tandem schedule instal`).
            let names = subcommands.compactMap { $0.configuration.shouldDisplay ? $0.configuration.commandName : nil }
            guard isHelp || command == root || command.configuration.defaultSubcommand == nil
                || !Suggestions.closest(to: word, in: names).isEmpty
            else { return }
            throw CommandFailure(
                "unknown command '\(word)'\(Suggestions.hint(for: word, in: names)); see '\(path.joined(separator: " ")) --help'")
        }
    }
}

/// A command of the host itself (`today`, `run`, `export` …): it runs on the
/// ``Runtime`` instead of reading the process environment.
public protocol HostCommand: ParsableCommand {
    /// Runs the command with what the host provides.
    mutating func run(on host: Runtime) throws
}

extension HostCommand {
    /// Host commands run through ``run(on:)``; ArgumentParser's own `run()`
    /// is never the way in.
    public mutating func run() throws {
        throw CommandFailure("'\(Self.configuration.commandName ?? "this command")' runs on the Tandem host", exitCode: ExitStatus.runtimeError)
    }
}
