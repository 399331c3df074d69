import Foundation
import TandemCatalog
import TandemJournal
import TandemKit
import TandemModules
import TandemRoutine
import TandemRuntime
import Testing

@Suite("The runtime: one journal, a record store per module, one routine host")
struct RuntimeTests {
    @Test func theJournalOpensOnceAndIsSharedByCopiesOnOtherStreams() throws {
        let (runtime, _, _) = makeRuntime()
        #expect(try runtime.existingJournal() == nil, "nothing is created before the journal is needed")
        let journal = try runtime.journal()
        #expect(try runtime.journal() === journal)
        #expect(try runtime.with(input: ScriptedInput([])).journal() === journal)
        #expect(try runtime.existingJournal() === journal)
    }

    @Test func aModuleSeesOnlyItsOwnRecords() throws {
        let registry = ModuleRegistry(moduleTypes: [NotebookA.self, NotebookB.self])
        let (runtime, output, _) = makeRuntime(registry: registry)
        let outcome = runRoutine("""
            alpha.keep("written by alpha")
            beta.keep("written by beta")
            say alpha.kept()
            say beta.kept()
            """, on: runtime)
        guard case .success = outcome else {
            Issue.record("the routine failed: \(outcome.diagnostics)")
            return
        }
        #expect(output.text == "[\"written by alpha\"]\n[\"written by beta\"]\n")
        #expect(try runtime.records(for: "alpha").records(kind: nil).map { $0.fields["text"] } == ["written by alpha"])
        #expect(try runtime.records(for: "beta").records(kind: nil).map { $0.fields["text"] } == ["written by beta"])
        #expect(try runtime.records(for: "gamma").records(kind: nil).isEmpty)
    }

    @Test func aModuleCommandGetsItsModulesRecordsWhateverTheArguments() throws {
        let (runtime, output, _) = makeRuntime()
        #expect(runtime.moduleID(of: PromiseProbe.addType) == "trust", "subcommands belong to their module")
        #expect(runtime.execute(PromiseProbe.rootType, arguments: ["add", "call your mother on Sunday"]) == 0)
        #expect(output.text.contains("Promise #1"))
        #expect(try runtime.records(for: "trust").records(kind: "promise").count == 1)
        #expect(try runtime.records(for: "tandem").records(kind: nil).isEmpty)
    }

    @Test func aPromiseWrittenByARoutineIsTheLedgersNextNumber() throws {
        let (runtime, output, _) = makeRuntime()
        #expect(runtime.execute(PromiseProbe.rootType, arguments: ["add", "first"]) == 0)
        let outcome = runRoutine("say trust.promise(\"second\")\nsay trust.open_promises()", on: runtime)
        #expect(outcome.exitCode == 0, "\(outcome.diagnostics)")
        #expect(output.text.hasSuffix("2\n[\"first\", \"second\"]\n"))
    }

    @Test func aDryRunReadsTheJournalAndWritesNothing() throws {
        let (runtime, output, _) = makeRuntime()
        #expect(runtime.execute(PromiseProbe.rootType, arguments: ["add", "first"]) == 0)
        let outcome = runRoutine("""
            say trust.promise("only in memory")
            say trust.open_promises()
            note "not written"
            """, on: runtime, dryRun: true)
        #expect(outcome.exitCode == 0, "\(outcome.diagnostics)")
        #expect(output.text.contains("2\n[\"first\", \"only in memory\"]\n"))
        #expect(try runtime.records(for: "trust").records(kind: "promise").count == 1)
        #expect(try runtime.journal().events(matching: EventFilter()).filter { $0.kind == .note }.isEmpty)
    }

    @Test func aPracticeNeverAdoptsAHabit() throws {
        let (runtime, output, _) = makeRuntime(answers: ["skip", "done"])
        let outcome = runRoutine("practice daily.gratitude\npractice daily.gratitude", on: runtime)
        #expect(outcome.exitCode == 0, "\(outcome.diagnostics)")
        let journal = try runtime.journal()
        #expect(try journal.habits().isEmpty, "neither answer adopts the practice")
        let notes = try journal.events(matching: EventFilter()).filter { $0.kind == .note }
        #expect(notes.count == 1, "done is kept as a note; skip records nothing")
        #expect(output.text.contains("tandem adopt daily.gratitude"))
    }

    @Test func aPracticeMarksTheHabitWhenItIsAdopted() throws {
        let (runtime, _, _) = makeRuntime(answers: ["done"])
        let journal = try runtime.journal()
        try journal.adopt("daily.gratitude", title: "Gratitude", cadence: .daily)
        #expect(runRoutine("practice daily.gratitude", on: runtime).exitCode == 0)
        #expect(try journal.dueToday(asOf: runtime.environment.today).first?.mark == .done)
    }

    @Test func cardDrawsAreRememberedByIdentityAndAvoided() throws {
        let registry = ModuleRegistry(moduleTypes: allModuleTypes)
        // The journal remembers the last 30 draws of a deck: 31 in a row repeat nothing.
        let draws = Journal.drawMemory + 1
        #expect(try #require(registry.module(id: "daily")).cards.count >= draws)
        let (runtime, output, _) = makeRuntime(registry: registry)
        let outcome = runRoutine("repeat \(draws) { card daily }", on: runtime)
        #expect(outcome.exitCode == 0, "\(outcome.diagnostics)")
        let shown = output.text.split(separator: "\n").filter { $0.hasPrefix("🃏") }
        #expect(shown.count == draws)
        #expect(Set(shown).count == draws, "no card repeats within the remembered draws")
        let ids = try runtime.journal().recentCardIDs(limit: 100)
        #expect(ids.allSatisfy { $0.hasPrefix("daily#") })
        #expect(Set(ids).count == draws)
    }

    @Test func theProfileIsReadAgainAfterItChanges() throws {
        let (runtime, _, _) = makeRuntime()
        #expect(runtime.profile.myName == nil)
        _ = try runtime.journal().setProfile(myName: "Sam", partnerName: "Alex", myTimeZone: nil, partnerTimeZone: nil)
        runtime.profileDidChange()
        #expect(runtime.profile.partnerName == "Alex")
        #expect(runtime.moduleContext(for: "trust").profile.myName == "Sam")
    }
}

/// The Trust module's `promise` command, found through the registry as the
/// front ends find it.
enum PromiseProbe {
    static let registry = ModuleRegistry(moduleTypes: allModuleTypes)
    static var rootType: any ParsableCommand.Type { registry.command(named: "promise")!.command }
    static var addType: any ParsableCommand.Type {
        rootType.configuration.subcommands.first { $0.configuration.commandName == "add" }!
    }
}
