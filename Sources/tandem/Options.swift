import ArgumentParser
import TandemKit
import TandemJournal

/// `--json` for commands whose output is data.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false
}

/// `--seed N` for commands that choose at random.
struct SeedOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: "Make the random choice repeatable.", transform: NumberOption.whole)
    var seed: UInt64?
}

/// `--who me|partner|both` for views of the journal.
struct WhoOptions: ParsableArguments {
    @Option(
        name: .long, help: "Whose entries: me, partner or both.",
        transform: { text in
            guard let who = Who(rawValue: text.lowercased()) else {
                throw ValidationError("--who must be me, partner or both, not '\(text.terminalSafe)'")
            }
            return who
        })
    var who: Who?
}

extension Who {
    /// The partner's member id for a view of `self`: refused when the view
    /// needs one and the journal has no partner's entries yet.
    func partner(in journal: Journal?) throws -> String? {
        let partner = try journal?.partnerID()
        if self != .me, partner == nil {
            throw CommandFailure("there are no entries of your partner's yet (share a folder with: tandem together init FOLDER)")
        }
        return partner
    }
}
