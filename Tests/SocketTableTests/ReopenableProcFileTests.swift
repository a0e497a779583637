import Foundation
import Glibc
import SocketTable
import Testing

@Suite struct ReopenableProcFileTests {
    @Test func rereadShowsSocketsOpenedAndClosedSinceTheOpen() throws {
        let file = try ReopenableProcFile(path: "/proc/self/net/tcp")
        var listener: LoopbackSocket? = try LoopbackSocket.listener()
        let port = try #require(listener?.port)
        #expect(try ProcNetTCP.read(file, ipv6: false).contains { $0.local.port == port && $0.state == .listen })
        listener = nil
        #expect(try !ProcNetTCP.read(file, ipv6: false).contains { $0.local.port == port })
        let second = try LoopbackSocket.listener()
        #expect(try ProcNetTCP.read(file, ipv6: false).contains { $0.local.port == second.port })
    }

    @Test func rereadOfARewrittenFileGivesTheNewContent() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sockgrade-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "first".write(toFile: path, atomically: false, encoding: .utf8)
        let file = try ReopenableProcFile(path: path)
        #expect(try file.read() == Array("first".utf8))
        // Rewritten in place (same inode), as the kernel regenerates a /proc file.
        try "second, longer".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(try file.read() == Array("second, longer".utf8))
    }

    @Test func fileLargerThanOneReadArrivesWhole() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sockgrade-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let content = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        try Data(content).write(to: URL(fileURLWithPath: path))
        let file = try ReopenableProcFile(path: path)
        #expect(try file.read() == content)
        var buffer: [UInt8] = Array(repeating: 9, count: 5)
        try file.read(into: &buffer)
        #expect(buffer == content)
    }

    @Test func missingFileNamesPathAndErrno() {
        let error = #expect(throws: SocketTableError.self) { try ReopenableProcFile(path: "/proc/self/net/no-such-table") }
        #expect(error?.errno == ENOENT)
        #expect(error?.description == "open /proc/self/net/no-such-table failed: No such file or directory (errno 2)")
    }

    @Test func concurrentReadsEachGetAWholeTable() async throws {
        let file = try ReopenableProcFile(path: "/proc/self/net/tcp")
        let listener = try LoopbackSocket.listener()
        let port = listener.port
        let found = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var seen = true
                    for _ in 0..<50 {
                        seen = try ProcNetTCP.read(file, ipv6: false).contains { $0.local.port == port } && seen
                    }
                    return seen
                }
            }
            return try await group.reduce(true) { $0 && $1 }
        }
        #expect(found)
        withExtendedLifetime(listener) {}
    }

    /// LINUX-NOTES: a namespace's table stays readable through a descriptor opened earlier,
    /// after the namespace's last process has exited and /proc/PID/net has vanished.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare")))
    func tableOfANamespaceOutlivesItsLastProcess() throws {
        let processes = ProcessTable()
        let ownNamespace = processes.namespaceInode(of: getpid(), kind: "net")
        let child = try spawn(["/usr/bin/unshare", "--net", "/bin/sleep", "30"])
        var reaped = false
        defer {
            if !reaped {
                kill(child, SIGKILL)
                var status: CInt = 0
                waitpid(child, &status, 0)
            }
        }
        // unshare(1) enters the new namespace, then runs sleep in the same process.
        #expect(eventually { processes.commandLine(of: child).first == "/bin/sleep" })
        #expect(processes.namespaceInode(of: child, kind: "net") != ownNamespace)

        let file = try ReopenableProcFile(path: "/proc/\(child)/net/tcp")
        #expect(try ProcNetTCP.read(file, ipv6: false).isEmpty)

        kill(child, SIGKILL)
        var status: CInt = 0
        waitpid(child, &status, 0)
        reaped = true
        #expect(throws: SocketTableError.self) { try ReopenableProcFile(path: "/proc/\(child)/net/tcp") }
        #expect(try ProcNetTCP.read(file, ipv6: false).isEmpty)
        #expect(try file.read().starts(with: Array("  sl  local_address".utf8)))
    }
}
