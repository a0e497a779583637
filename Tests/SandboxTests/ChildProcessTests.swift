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

    @Test func missingProgramIsAnErrorNamingIt() throws {
        let error = #expect(throws: SandboxError.self) {
            try ChildProcess(arguments: ["/nonexistent/program"], environment: [], outputLimit: 64)
        }
        #expect(error?.description == "starting /nonexistent/program (exec) failed: No such file or directory (errno 2)")
    }

    /// A step of the child's set-up that fails stops it before exec, and
    /// the error names the step.
    @Test func aFailedSetUpStepIsAnErrorNamingTheStep() throws {
        var setup = ChildSetup()
        setup.controlGroupFiles = ["/nonexistent/cgroup.procs"]
        let error = #expect(throws: SandboxError.self) {
            try ChildProcess(arguments: ["/bin/true"], environment: [], outputLimit: 64, setup: setup)
        }
        #expect(error?.description.hasPrefix("starting /bin/true (joining the student's cgroup) failed: No such file") == true)
    }

    /// The limits are set in the child, soft and hard apart, and the nice value too.
    @Test func theChildStartsUnderItsLimitsAndNiceValue() throws {
        var setup = ChildSetup()
        setup.limits = [ResourceLimit(RLIMIT_CPU, soft: 7, hard: 8), ResourceLimit(RLIMIT_NOFILE, 33)]
        setup.niceness = 5
        let child = try ChildProcess(
            arguments: ["/bin/sh", "-c", "ulimit -S -t; ulimit -H -t; ulimit -n; cut -d' ' -f19 /proc/self/stat"],
            environment: ["PATH=/usr/bin:/bin"], outputLimit: 256, setup: setup)
        #expect(child.wait(timeout: .seconds(10)))
        child.drainRemaining()
        #expect(child.standardOutput.text == "7\n8\n33\n5\n", "\(child.standardError.text)")
    }

    /// The child keeps no descriptor of the grader beyond 0-2 and the one it
    /// inherits (as 3), not even one opened without O_CLOEXEC, and starts with
    /// no signal ignored or blocked although the grader ignores SIGPIPE.
    @Test func theChildGetsOnlyItsDescriptorsAndDefaultSignals() throws {
        let leaked = open("/dev/null", O_RDONLY)  // no O_CLOEXEC, on purpose
        defer { close(leaked) }
        let handed = open("/dev/zero", O_RDONLY | O_CLOEXEC)
        defer { close(handed) }
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        // The shell's descriptors, read by its child ls (no pipeline: the
        // shell's own ends of a pipe would be listed too).
        let descriptors = try ChildProcess(
            arguments: ["/bin/sh", "-c", "ls /proc/$$/fd; readlink /proc/$$/fd/3"],
            environment: ["PATH=/usr/bin:/bin"], outputLimit: 1024, inheriting: handed)
        // The signals of the started program itself: a shell blocks them
        // while it waits for its children.
        let signals = try ChildProcess(
            arguments: ["/usr/bin/grep", "-E", "^Sig(Ign|Blk)", "/proc/self/status"], environment: [], outputLimit: 1024)
        for child in [descriptors, signals] {
            #expect(child.wait(timeout: .seconds(10)))
            child.drainRemaining()
        }
        #expect(descriptors.standardOutput.text == "0\n1\n2\n3\n/dev/zero\n", "\(descriptors.standardError.text)")
        #expect(signals.standardOutput.text == "SigBlk:\t0000000000000000\nSigIgn:\t0000000000000000\n", "\(signals.standardError.text)")
    }
}
