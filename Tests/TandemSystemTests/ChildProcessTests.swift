import Foundation
import TandemSystem
import Testing

@Suite("Child processes through posix_spawn")
struct ChildProcessTests {
    @Test func inputGoesInAndBothOutputsComeBackWhateverTheirSize() throws {
        // More than a pipe holds, both ways: the poll loop must not stall.
        let text = String(repeating: "0123456789abcdef\n", count: 64 * 1024)
        let result = try ChildProcess.run("/bin/sh", ["-c", "cat; echo done >&2; exit 3"], input: Data(text.utf8))
        #expect(result.status == 3)
        #expect(result.output == Data(text.utf8))
        #expect(result.errorText == "done")
        #expect(!result.timedOut)
    }

    @Test func aChildThatReadsNothingDoesNotKillUs() throws {
        let result = try ChildProcess.run("/bin/true", [], input: Data(repeating: 65, count: 1 << 20))
        #expect(result.status == 0)
    }

    @Test func theEnvironmentIsInheritedWithChangesOnTop() throws {
        // A variable of this test's own: no other test reads it.
        setenv("TANDEM_CHILD_INHERITED", "yes", 1)
        setenv("TANDEM_CHILD_REMOVED", "still here", 1)
        let result = try ChildProcess.run("/bin/sh", ["-c", "echo \"$TANDEM_CHILD_TEST:$TANDEM_CHILD_INHERITED:${TANDEM_CHILD_REMOVED:-none}\""],
                                          environment: ["TANDEM_CHILD_TEST": "set", "TANDEM_CHILD_REMOVED": ""])
        #expect(result.outputText == "set:yes:none\n")
    }

    @Test func aMissingProgramIsAStartFailureAndASlowOneIsKilled() throws {
        #expect(throws: ChildProcess.StartFailure.self) { try ChildProcess.run("/nonexistent/program", []) }
        let slow = try ChildProcess.run("/bin/sleep", ["30"], timeout: 0.5)
        #expect(slow.timedOut)
        #expect(slow.status == 128 + SIGKILL)
    }
}
