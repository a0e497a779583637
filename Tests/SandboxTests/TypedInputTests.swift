import Testing
@testable import Sandbox

/// A child's stdin as a terminal the grader types into: the text is there to
/// read, the input stays open until the grader ends it, then reads see EOF.
struct TypedInputTests {
    @Test func theChildReadsTheTextThenWaitsUntilTheInputEnds() throws {
        // Reads one line, says so, then reads to the end of input.
        let script = "read line; echo \"got $line\"; cat >/dev/null; echo eof"
        let child = try ChildProcess(
            arguments: ["/bin/sh", "-c", script], environment: [], outputLimit: 1024, standardInput: Array("alice\n".utf8))
        #expect(child.awaitOutput(containing: "got alice", within: .seconds(10)))
        #expect(child.unreadInputBytes == 0)
        // The pipe is still open: the child waits, as at a terminal nobody types into.
        #expect(!child.wait(timeout: .milliseconds(200)))
        child.closeStandardInput()
        #expect(child.standardInputClosedAt != nil)
        #expect(child.wait(timeout: .seconds(10)))
        #expect(child.standardOutput.text == "got alice\neof\n")
    }

    @Test func textNotYetReadIsCounted() throws {
        let child = try ChildProcess(
            arguments: ["/bin/sleep", "5"], environment: [], outputLimit: 64, standardInput: Array("bob\n".utf8))
        #expect(child.unreadInputBytes == 4)
        child.kill()
    }

    @Test func withoutTextStdinIsEmpty() throws {
        let child = try ChildProcess(arguments: ["/bin/sh", "-c", "cat; echo done"], environment: [], outputLimit: 64)
        #expect(child.wait(timeout: .seconds(10)))
        #expect(child.standardOutput.text == "done\n")
        #expect(!child.hasOpenStandardInput)
    }
}
