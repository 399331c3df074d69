import Foundation
import Testing

/// The benchmark and test helpers are not in the product.
@Suite struct BenchToolsTests {
    @Test func theReleaseBinaryHasNoJournalGenerator() {
        let home = makeTemporaryHome("tandem-bench-tools")
        for command in ["journal-generate", "journal-stress"] {
            let result = runTandem([command], home: home)
            #expect(result.status == 2, "\(command): \(result.stdout)")
        }
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("journal.sqlite").path))
    }

    @Test func theGeneratorWritesOnlyIntoAnEmptyJournalAndBoundsItsYears() {
        let home = makeTemporaryHome("tandem-bench-tools")
        let environment = ["TANDEM_NOW": "2026-11-20T21:30:00"]
        let huge = runTandem(["journal-generate", "--years", "100000000"], environment: environment, home: home, binary: benchToolsBinaryURL())
        #expect(huge.status == 2, "\(huge.stderr)")
        #expect(huge.stderr.contains("--years must be 1 to 100"))
        #expect(runTandem(["note", "mine"], environment: environment, home: home).status == 0)
        let refused = runTandem(["journal-generate", "--years", "1", "--habits", "1"], environment: environment, home: home, binary: benchToolsBinaryURL())
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("only into an empty journal"), "\(refused.stderr)")
        let fresh = makeTemporaryHome("tandem-bench-tools")
        let written = runTandem(["journal-generate", "--years", "1", "--habits", "2"], environment: environment, home: fresh, binary: benchToolsBinaryURL())
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("Wrote"))
    }
}
