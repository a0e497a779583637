import Testing
@testable import Sandbox

/// Wait statuses as Linux encodes them (exit code in bits 8–15, the signal in
/// bits 0–6, the core-dump flag in bit 7), and the sandbox's 128+N rule.
struct ExitStatusTests {
    /// Swift Testing has an `ExitStatus` of its own.
    typealias Status = Sandbox.ExitStatus

    @Test(arguments: [
        (Int32(0x0000), Status.exited(0)),
        (0x0300, .exited(3)),
        (0xff00, .exited(255)),
        (0x0009, .signaled(9)),
        (0x008b, .signaled(11)),  // SIGSEGV with a core dump
        (0x000f, .signaled(15)),
    ])
    func decodesWaitStatus(_ raw: Int32, _ expected: Status) {
        #expect(Status(waitStatus: raw) == expected)
    }

    @Test(arguments: [
        (Status.exited(137), Status.signaled(9)),
        (.exited(139), .signaled(11)),
        (.exited(128), .exited(128)),
        (.exited(160), .exited(160)),
        (.exited(1), .exited(1)),
        (.signaled(6), .signaled(6)),
    ])
    func readsTheSandboxs128PlusN(_ status: Status, _ expected: Status) {
        #expect(status.throughSandbox == expected)
    }

    @Test func aRealChildIsDecoded() throws {
        let child = try ChildProcess(arguments: ["/bin/sh", "-c", "kill -SEGV $$"], environment: [], outputLimit: 64)
        #expect(child.wait(timeout: .seconds(10)))
        #expect(child.status == .signaled(11))
    }
}
