import Foundation
import Testing
@testable import Sandbox

#if canImport(Glibc)
import Glibc
#endif

/// The time a program's first process spends joining its cgroup, which the
/// bench shows as its own phase, measured in a real cgroup the test makes.
@Suite(.enabled(if: geteuid() == 0, "needs root to make a cgroup"))
struct ControlGroupJoinTests {
    @Test func theJoinIsTimedAndTheChildIsInTheGroup() throws {
        let root = try ControlGroupRoot.detect().get()
        let group = try root.makeGroup(named: "join-\(getpid())", memoryBytes: 64 << 20, processes: 16)
        defer {
            _ = group.remove()
            root.removeRunFolders()
        }
        var setup = ChildSetup()
        setup.controlGroupFiles = group.joinFiles
        // The shell's child shows what the program's own children inherit.
        let child = try ChildProcess(arguments: ["/bin/sh", "-c", "/bin/cat /proc/self/cgroup"], environment: [], outputLimit: 8192, setup: setup)
        #expect(child.wait(timeout: .seconds(10)))
        child.drainRemaining()
        #expect(child.controlGroupJoin > .zero)
        #expect(child.controlGroupJoin < .seconds(5))
        let lines = child.standardOutput.text.split(separator: "\n")
        // In every hierarchy of the group: memory and pids on v1, the one tree on v2.
        let tail = "/run-\(getpid())/join-\(getpid())"
        #expect(group.folders.allSatisfy { $0.hasSuffix(tail) }, "\(group.folders)")
        #expect(lines.filter { $0.hasSuffix(tail) }.count == group.folders.count, "\(child.standardOutput.text)")

        let outside = try ChildProcess(arguments: ["/bin/true"], environment: [], outputLimit: 64)
        #expect(outside.wait(timeout: .seconds(10)))
        #expect(outside.controlGroupJoin == .zero)
    }
}
