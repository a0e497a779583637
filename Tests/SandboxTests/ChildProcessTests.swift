import Foundation
import Testing
@testable import Sandbox

@Suite struct ChildProcessTests {
    @Test func capturesOutputAndExitStatus() throws {
        let child = try ChildProcess(arguments: ["/bin/sh", "-c", "echo out; echo err >&2; exit 3"], environment: [], outputLimit: 1024)
        #expect(child.wait(timeout: .seconds(10)))
        child.drainRemaining()
        #expect(child.status == .exited(3))
        #expect(child.standardOutput.text == "out\n")
        #expect(child.standardError.text == "err\n")
    }

    @Test func keepsOnlyTheFirstBytesOfAFlood() throws {
        let child = try ChildProcess(arguments: ["/usr/bin/head", "-c", "1000000", "/dev/zero"], environment: [], outputLimit: 4096)
        #expect(child.wait(timeout: .seconds(10)))
        child.drainRemaining()
        #expect(child.standardOutput.bytes.count == 4096)
        #expect(child.standardOutput.totalBytes == 1_000_000)
        #expect(child.standardOutput.truncated)
    }

    @Test func waitReturnsAtTheDeadlineAndKillEnds() throws {
        let child = try ChildProcess(arguments: ["/bin/sleep", "30"], environment: [], outputLimit: 64)
        let started = ContinuousClock.now
        #expect(!child.wait(timeout: .milliseconds(100)))
        #expect(ContinuousClock.now - started < .seconds(5))
        child.kill()
        #expect(child.status == .signaled(SIGKILL))
    }

    @Test func invalidUTF8DoesNotBreakTheText() throws {
        let child = try ChildProcess(arguments: ["/usr/bin/printf", "a\\377b"], environment: [], outputLimit: 64)
        #expect(child.wait(timeout: .seconds(10)))
        child.drainRemaining()
        #expect(child.standardOutput.bytes == [0x61, 0xFF, 0x62])
        #expect(child.standardOutput.text == "a\u{FFFD}b")
    }

    @Test func environmentIsExactlyWhatWasGiven() throws {
        let child = try ChildProcess(arguments: ["/usr/bin/env"], environment: ["ONLY=this"], outputLimit: 1024)
        #expect(child.wait(timeout: .seconds(10)))
        child.drainRemaining()
        #expect(child.standardOutput.text == "ONLY=this\n")
    }

    @Test func missingProgramIsAnError() {
        #expect(throws: SandboxError.self) {
            try ChildProcess(arguments: ["/nonexistent/program"], environment: [], outputLimit: 64)
        }
    }
}
