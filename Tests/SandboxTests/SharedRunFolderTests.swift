import Foundation
import Testing
@testable import Sandbox

#if canImport(Glibc)
import Glibc
#endif

/// Batches in one process share the run folder, and each removes it when
/// done: a group made meanwhile must not fail because the folder went away
/// between its mkdir and the group's.
@Suite(.enabled(if: geteuid() == 0, "needs root to make a cgroup"))
struct SharedRunFolderTests {
    @Test func groupsAreMadeWhileAnotherBatchRemovesTheRunFolder() throws {
        let root = try ControlGroupRoot.detect().get()
        let rounds = 400
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            for round in 0..<rounds {
                do {
                    let group = try root.makeGroup(named: "race-\(side)-\(round)", memoryBytes: 16 << 20, processes: 4)
                    _ = group.remove()
                } catch {
                    failures.add("\(error)")
                }
                root.removeRunFolders()
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.prefix(3))")
    }

    private final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var errors: [String] = []
        func add(_ error: String) { lock.withLock { errors.append(error) } }
        var all: [String] { lock.withLock { errors } }
    }
}
