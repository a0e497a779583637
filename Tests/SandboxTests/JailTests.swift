import Foundation
import Testing
@testable import Sandbox

#if canImport(Glibc)
import Glibc
#endif

/// Runs real commands in the real sandbox: needs root, bubblewrap and util-linux.
@Suite(.enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/bwrap"), "needs root and bubblewrap"))
struct JailTests {
    let sandbox: TestJail

    init() throws {
        sandbox = try TestJail(slot: 7)
    }

    private func run(_ script: String) throws -> ChildProcess {
        let child = try sandbox.jail.launch(["/bin/sh", "-c", script], in: Jail.homeInside, outputLimit: 8192)
        #expect(sandbox.finish(child))
        return child
    }

    @Test func runsAsTheUnprivilegedUserWithoutCapabilities() throws {
        let child = try run("id -u; id -g; grep CapEff /proc/self/status")
        let lines = child.standardOutput.text.split(separator: "\n")
        #expect(lines.first == "61007")
        #expect(lines.dropFirst().first == "61007")
        #expect(lines.last?.hasSuffix("0000000000000000") == true)
    }

    /// sockgrade's own privilege drop (found beside the test binary, where
    /// `make build` puts it) and setpriv, where the helper is not shipped, leave
    /// the same identity: the slot's uid and gid in every slot, no groups, no
    /// capability in any set, and no_new_privs.
    @Test func bothPrivilegeDropsLeaveTheSameIdentity() throws {
        let tools = try SandboxTools.locate()
        #expect(tools.dropPrivileges != nil, "`make build` puts sockgrade-drop-privileges beside the test binary")
        var withSetpriv = tools
        withSetpriv.dropPrivileges = nil
        let script = "grep -E '^(Uid|Gid|Groups|Cap(Inh|Prm|Eff|Bnd|Amb)|NoNewPrivs):' /proc/self/status"
        var seen: [String] = []
        for tools in [tools, withSetpriv] {
            let jail = try TestJail(slot: 7, tools: tools)
            #expect(jail.jail.commandLine(for: ["/bin/true"]).contains(Jail.dropPrivilegesInside) == (tools.dropPrivileges != nil))
            let child = try jail.jail.launch(["/bin/sh", "-c", script], in: Jail.homeInside, outputLimit: 8192)
            #expect(jail.finish(child))
            #expect(child.status == .exited(0), "\(child.standardError.text)")
            seen.append(child.standardOutput.text)
        }
        let expected = """
            Uid:\t61007\t61007\t61007\t61007
            Gid:\t61007\t61007\t61007\t61007
            Groups:\t\u{20}
            CapInh:\t0000000000000000
            CapPrm:\t0000000000000000
            CapEff:\t0000000000000000
            CapBnd:\t0000000000000000
            CapAmb:\t0000000000000000
            NoNewPrivs:\t1

            """
        #expect(seen == [expected, expected])
    }

    /// The helper refuses what it must not do and says why: uid 0, and a
    /// program that is not there (after the drop, as setpriv's 127).
    @Test func thePrivilegeDropNamesTheStepThatFailed() throws {
        let helper = try #require(try SandboxTools.locate().dropPrivileges)
        let asRoot = try ChildProcess(arguments: [helper, "0", "0", "--", "/bin/true"], environment: [], outputLimit: 4096)
        #expect(asRoot.wait(timeout: .seconds(10)))
        asRoot.drainRemaining()
        #expect(asRoot.status == .exited(1))
        #expect(asRoot.standardError.text == "sockgrade-drop-privileges: uid '0' is not a positive number\n")
        let missing = try ChildProcess(arguments: [helper, "61007", "61007", "--", "/nonexistent/program"], environment: [], outputLimit: 4096)
        #expect(missing.wait(timeout: .seconds(10)))
        missing.drainRemaining()
        #expect(missing.status == .exited(127))
        #expect(missing.standardError.text == "sockgrade-drop-privileges: cannot run /nonexistent/program: No such file or directory\n")
    }

    /// The program's first process sets the rlimits (soft CPU below hard) before bubblewrap; the program has them.
    @Test func runsUnderTheProcessLimits() throws {
        let child = try run("grep -E '^Max (cpu time|file size|processes|open files|core file size|data size) ' /proc/self/limits")
        let limits = Dictionary(uniqueKeysWithValues: child.standardOutput.text.split(separator: "\n").map { line in
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            return (words.dropLast(3).joined(separator: " "), Array(words.suffix(3).prefix(2)))
        })
        let defaults = ProcessLimits()
        #expect(limits["Max cpu time"] == ["\(defaults.cpuSeconds)", "\(defaults.cpuSeconds + 1)"], "\(limits)")
        #expect(limits["Max file size"] == ["\(defaults.fileSizeBytes)", "\(defaults.fileSizeBytes)"])
        #expect(limits["Max processes"] == ["\(defaults.processes)", "\(defaults.processes)"])
        #expect(limits["Max open files"] == ["\(defaults.openFiles)", "\(defaults.openFiles)"])
        #expect(limits["Max core file size"] == ["0", "0"])
        #expect(limits["Max data size"] == ["unlimited", "unlimited"])
    }

    /// Student programs yield the CPU to the grader's own work (nice 5), so a
    /// class of spinning programs does not delay the checks of the others.
    @Test func runsBelowTheGradersPriority() throws {
        let child = try run("cut -d' ' -f19 /proc/self/stat")
        #expect(child.standardOutput.text == "5\n", "\(child.standardError.text)")
    }

    @Test func seesOnlyLoopback() throws {
        let child = try run("/usr/bin/python3 -c 'import socket; print(socket.if_nameindex())'")
        #expect(child.standardOutput.text == "[(1, 'lo')]\n")
    }

    @Test func secretsAreHiddenAndTheSystemIsReadOnly() throws {
        let child = try run("""
            grep -q root /etc/shadow 2>/dev/null && echo shadow || echo hidden
            touch /usr/sockgrade-test 2>/dev/null && echo wrote || echo refused
            touch $HOME/ok && echo home
            """)
        #expect(child.standardOutput.text == "hidden\nrefused\nhome\n")
    }

    /// The host's file locks are not listed inside (the kernel shows in
    /// /proc/locks only the locks of the reader's PID namespace), and a program
    /// still locks its own files: go build, SQLite and the JVM need flock/fcntl
    /// locks, so the seccomp filter leaves them allowed (see README, The sandbox).
    @Test func ownFilesLockButTheMachinesLocksAreNotListed() throws {
        let held = open(sandbox.folder.appendingPathComponent("held-by-host").path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        #expect(held >= 0 && flock(held, LOCK_EX) == 0)
        defer { close(held) }
        let hostLocks = (try? String(contentsOfFile: "/proc/locks", encoding: .utf8)) ?? ""
        #expect(!hostLocks.isEmpty)
        let child = try run("""
            /usr/bin/python3 -c '
            import fcntl
            print("listed:", len(open("/proc/locks").read().splitlines()))
            f = open("own", "w")
            fcntl.flock(f, fcntl.LOCK_EX)
            fcntl.lockf(f, fcntl.LOCK_EX)
            print("locked own file")
            '
            """)
        #expect(child.standardOutput.text == "listed: 0\nlocked own file\n", "\(child.standardError.text)")
    }

    /// A toolchain folder the rubric names is on PATH and read-only, even where
    /// the host lets anyone write it; binding it below /tmp leaves the
    /// sandbox's own /tmp sticky and writable.
    @Test func rubricToolchainIsOnPathAndReadOnly() throws {
        let toolchain = FileManager.default.temporaryDirectory.appendingPathComponent("sockgrade-toolchain-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: toolchain) }
        let tool = toolchain.appendingPathComponent("bin/labtool")
        try FileManager.default.createDirectory(at: tool.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "#!/bin/sh\necho labtool ran\n".write(to: tool, atomically: true, encoding: .utf8)
        chmod(tool.path, 0o755)
        chmod(toolchain.path, 0o777)
        var jail = sandbox.jail
        jail.extraToolchainFolders = [toolchain.path]
        let child = try jail.launch(["/bin/sh", "-c", """
            labtool
            echo "${PATH%%:*}"
            touch "$1/written" 2>/dev/null && echo wrote || echo refused
            stat -c %a /tmp
            touch /tmp/mine && echo tmp
            """, "sh", toolchain.path], in: Jail.homeInside, outputLimit: 8192)
        #expect(sandbox.finish(child))
        #expect(child.standardOutput.text == "labtool ran\n\(toolchain.path)/bin\nrefused\n1777\ntmp\n", "\(child.standardError.text)")
        #expect(!FileManager.default.fileExists(atPath: toolchain.appendingPathComponent("written").path))
    }

    @Test func isPidOneInItsOwnNamespace() throws {
        let child = try run("ls /proc | grep -c '^[0-9]'")
        let count = Int(child.standardOutput.text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 99
        #expect(count <= 4)
    }
}
