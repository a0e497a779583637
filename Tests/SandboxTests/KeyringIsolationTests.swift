import Foundation
import Testing
@testable import Sandbox
import CLinux

#if canImport(Glibc)
import Glibc
#endif

/// Kernel keyrings are not namespaced: these run real programs in the real
/// sandbox and check they cannot reach the grader's keys nor keep their own.
@Suite(.enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/bwrap")
                && FileManager.default.isExecutableFile(atPath: "/usr/bin/keyctl"), "needs root, bubblewrap and keyutils"))
struct KeyringIsolationTests {
    let sandbox: TestJail
    var jail: Jail { sandbox.jail }

    init() throws {
        sandbox = try TestJail(slot: 8)
    }

    /// keyutils' tool, which plants and lists keys as a person would.
    static let keyctl = "/usr/bin/keyctl"

    /// Python's view of the keyring syscalls: "name errno" per line, 0 when one succeeded.
    static let probe = """
        import ctypes, os, sys
        libc = ctypes.CDLL(None, use_errno=True)
        def call(name, *args):
            result = libc.syscall(*args)
            print(name, 0 if result >= 0 else ctypes.get_errno(), flush=True)
        call("add_key", 248, b"user", b"sockgrade-student", b"left", 4, -4)   # KEY_SPEC_USER_KEYRING
        call("request_key", 249, b"user", b"sockgrade-instructor", None, 0)
        call("keyctl", 250, 0, -3, 0)                                       # KEYCTL_GET_KEYRING_ID @s
        """

    @Test func theKeyringSyscallsFailWithEPERM() throws {
        let child = try run(["/usr/bin/python3", "-c", Self.probe])
        #expect(child.standardOutput.text == "add_key 1\nrequest_key 1\nkeyctl 1\n", "\(child.standardError.text)")
    }

    /// The grader runs in a session keyring holding an instructor's key (a
    /// thread of its own joins one and plants the key, as a login would);
    /// a plain child of that thread reads the key, and the sandboxed program,
    /// told the key's serial, can neither read nor see it.
    @Test func theGradersSessionKeyIsNeitherReadableNorListed() throws {
        let secret = "instructor-secret-\(UUID().uuidString)"
        let program = """
            import ctypes, os
            libc = ctypes.CDLL(None, use_errno=True)
            buffer = ctypes.create_string_buffer(256)
            result = libc.syscall(250, 11, int(os.environ["KEY_ID"]), buffer, 256)   # KEYCTL_READ
            print("read", buffer.value.decode(errors="replace") if result >= 0 else "errno %d" % ctypes.get_errno())
            try:
                print("proc keys:", open("/proc/keys").read())
            except OSError as error:
                print("proc keys blocked:", error.strerror)
            """
        let keyctl = Self.keyctl
        let (readByGrader, readInNewSession, said) = try InstructorSession.run { () throws -> (String, String, String) in
            let plant = try ChildProcess(
                arguments: [keyctl, "add", "user", "sockgrade-instructor", secret, "@s"], environment: [], outputLimit: 4096)
            waitFor(plant)
            let keyID = plant.standardOutput.text.trimmingCharacters(in: .whitespacesAndNewlines)
            let control = try ChildProcess(arguments: [keyctl, "pipe", keyID], environment: [], outputLimit: 4096)
            waitFor(control)
            // The seccomp filter alone would deny the read below; the jail's
            // new session keyring must hide the key from a child without it.
            let isolated = try ChildProcess(
                arguments: [keyctl, "pipe", keyID], environment: [], outputLimit: 4096, setup: jail.childSetup)
            waitFor(isolated)
            var reader = jail
            reader.environmentOverrides = ["KEY_ID=\(keyID)"]
            let child = try reader.launch(["/usr/bin/python3", "-c", program], in: Jail.homeInside, outputLimit: 8192)
            finish(child)
            return (control.standardOutput.text, isolated.standardOutput.text + isolated.standardError.text,
                    child.standardOutput.text + child.standardError.text)
        }
        #expect(readByGrader == secret, "the key was not planted in the grader's session")
        #expect(!readInNewSession.contains(secret), "\(readInNewSession)")
        #expect(readInNewSession.contains("Permission denied"), "\(readInNewSession)")
        #expect(said.hasPrefix("read errno 1\n"), "\(said)")
        #expect(said.contains("proc keys"))
        #expect(!said.contains(secret))
        #expect(!said.contains("sockgrade-instructor"))
    }

    @Test func clearingEmptiesTheSlotUidsOwnKeyrings() throws {
        let user = SandboxUser.slot(9)
        let tools = try SandboxTools.locate()
        let asUser = [tools.setpriv, "--reuid=\(user.uid)", "--regid=\(user.gid)", "--clear-groups", "--", Self.keyctl]
        let added = try ChildProcess(arguments: asUser + ["add", "user", "left-by-a-student", "x", "@u"], environment: [], outputLimit: 4096)
        finish(added)
        #expect(added.status == .exited(0), "\(added.standardError.text)")
        #expect(try listing(asUser, "@u").contains { $0.hasSuffix(";left-by-a-student") })
        let addedToSession = try ChildProcess(arguments: asUser + ["add", "user", "left-in-us", "y", "@us"], environment: [], outputLimit: 4096)
        finish(addedToSession)
        #expect(addedToSession.status == .exited(0), "\(addedToSession.standardError.text)")

        try user.clearKeyrings()
        #expect(try listing(asUser, "@u").isEmpty)
        // @us keeps only its link to @u, as the kernel made it.
        let sessionLinks = try listing(asUser, "@us")
        #expect(sessionLinks.count == 1 && sessionLinks[0].contains("_uid."), "\(sessionLinks)")
    }

    /// Names of what `keyring` holds, one line each (`keyctl rdescribe` of each `rlist` id).
    private func listing(_ asUser: [String], _ keyring: String) throws -> [String] {
        let child = try ChildProcess(
            arguments: asUser.dropLast() + ["/bin/sh", "-c", #"for id in $("$1" rlist "$2"); do "$1" rdescribe "$id"; done"#, "list", asUser.last ?? "", keyring],
            environment: [], outputLimit: 4096)
        finish(child)
        #expect(child.status == .exited(0), "\(child.standardError.text)")
        return child.standardOutput.text.split(separator: "\n").map(String.init)
    }

    private func run(_ program: [String]) throws -> ChildProcess {
        let child = try jail.launch(program, in: Jail.homeInside, outputLimit: 8192)
        finish(child)
        return child
    }

    /// Waits for a child outside the jail; the jail's home stays.
    private func waitFor(_ child: ChildProcess) {
        #expect(child.wait(timeout: .seconds(20)))
        child.drainRemaining()
    }

    private func finish(_ child: ChildProcess) {
        #expect(sandbox.finish(child))
    }
}

/// A thread of its own in a new session keyring, standing in for the login
/// session a grader is started from: joining one changes only the calling
/// thread's credentials, so no other test sees it.
enum InstructorSession {
    static func run<Result: Sendable>(_ body: @escaping @Sendable () throws -> Result) throws -> Result {
        let outcome = Outcome<Result>()
        let thread = Thread {
            if sockgrade_join_new_session_keyring("sockgrade-test-instructor") < 0 {
                outcome.finish(.failure(SandboxError("keyctl(KEYCTL_JOIN_SESSION_KEYRING)", errno: errno)))
            } else {
                outcome.finish(Swift.Result { try body() })
            }
        }
        thread.start()
        return try outcome.wait().get()
    }

    private final class Outcome<Value: Sendable>: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var result: Swift.Result<Value, any Error>?

        func finish(_ result: Swift.Result<Value, any Error>) {
            self.result = result
            done.signal()
        }

        func wait() -> Swift.Result<Value, any Error> {
            done.wait()
            return result!
        }
    }
}
