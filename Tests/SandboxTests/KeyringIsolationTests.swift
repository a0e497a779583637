import Foundation
import Testing
@testable import Sandbox

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

    /// The grader is started in a session keyring holding an instructor's key;
    /// the program is told the key's serial and still can neither read nor see it.
    @Test func theGradersSessionKeyIsNeitherReadableNorListed() throws {
        let secret = "instructor-secret-\(UUID().uuidString)"
        let plant = #"KEY_ID=$(/usr/bin/keyctl add user sockgrade-instructor "$1" @s) || exit 99; export KEY_ID; shift; exec "$@""#
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
        let filter = try SeccompFilter.sandbox().makeDescriptor()
        defer { close(filter) }
        let arguments = ["/usr/bin/keyctl", "session", "-", "/bin/sh", "-c", plant, "plant", secret]
            + jail.commandLine(for: ["/usr/bin/python3", "-c", program])
        let child = try ChildProcess(arguments: arguments, environment: jail.environment, outputLimit: 8192, inheriting: filter)
        finish(child)
        let said = child.standardOutput.text
        #expect(said.hasPrefix("read errno 1\n"), "\(said) \(child.standardError.text)")
        #expect(said.contains("proc keys"))
        #expect(!said.contains(secret))
        #expect(!said.contains("sockgrade-instructor"))
    }

    @Test func clearingEmptiesTheSlotUidsOwnKeyrings() throws {
        let user = SandboxUser.slot(9)
        let tools = try SandboxTools.locate()
        let asUser = [tools.setpriv, "--reuid=\(user.uid)", "--regid=\(user.gid)", "--clear-groups", "--", tools.keyctl]
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

    private func finish(_ child: ChildProcess) {
        #expect(sandbox.finish(child))
    }
}
