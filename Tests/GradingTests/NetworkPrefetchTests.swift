import Foundation
import Testing
import CaptureAnalysis
@testable import LiveRun
import Sandbox

#if canImport(Glibc)
import Glibc
#endif

/// Issue 15: the next student's namespace and capture are made while the
/// current student runs. What is made ahead must be a fresh namespace whose
/// capture records its traffic, and nothing made ahead may outlive the batch.
@Suite(.enabled(if: geteuid() == 0, "needs root"))
struct NetworkPrefetchTests {
    @Test func aPreparedNetworkCapturesItsOwnLoopback() throws {
        let folder = try TemporaryFolder()
        let prefetch = NetworkPrefetch(folder: folder.url.path, tools: try SandboxTools.locate(), parent: nil)
        prefetch.prepare(slot: 0)
        let network = try #require(prefetch.take(slot: 0))
        let exchange = """
            import socket
            server = socket.socket(); server.bind(('127.0.0.1', 0)); server.listen()
            client = socket.create_connection(server.getsockname())
            peer, _ = server.accept()
            client.sendall(b'prefetched-marker'); client.close()
            peer.recv(100); peer.close()
            """
        let inside = try ChildProcess(
            arguments: ["/usr/bin/nsenter", "--net=\(network.namespace.path)", "--", "/usr/bin/python3", "-c", exchange],
            environment: [], outputLimit: 4096)
        #expect(inside.wait(timeout: .seconds(20)))
        #expect(inside.status == .exited(0))
        network.capture.stop()

        let analysis = try CaptureAnalysis.analyze(path: network.capturePath, needles: [Array("prefetched-marker".utf8)])
        #expect(analysis.conversations.count == 1)
        #expect(analysis.conversations.first?.clientToServer.matches.map(\.needleIndex) == [0])
        unlink(network.capturePath)
    }

    @Test func everySlotGetsANamespaceOfItsOwnAndNeverTheSameTwice() throws {
        let folder = try TemporaryFolder()
        let prefetch = NetworkPrefetch(folder: folder.url.path, tools: try SandboxTools.locate(), parent: nil)
        prefetch.prepare(slot: 0)
        prefetch.prepare(slot: 1)
        let first = try #require(prefetch.take(slot: 0))
        let other = try #require(prefetch.take(slot: 1))
        prefetch.prepare(slot: 0)
        let next = try #require(prefetch.take(slot: 0))
        #expect(Set([first.namespace.inode, other.namespace.inode, next.namespace.inode]).count == 3)
        #expect(Set([first.capturePath, other.capturePath, next.capturePath]).count == 3)
        for network in [first, other, next] {
            network.capture.stop()
            unlink(network.capturePath)
        }
    }

    @Test func nothingAskedForIsNil() throws {
        let folder = try TemporaryFolder()
        let prefetch = NetworkPrefetch(folder: folder.url.path, tools: try SandboxTools.locate(), parent: nil)
        #expect(prefetch.take(slot: 3) == nil)
    }

    @Test func discardingStopsTheCapturesAndRemovesTheirFiles() throws {
        let folder = try TemporaryFolder()
        let prefetch = NetworkPrefetch(folder: folder.url.path, tools: try SandboxTools.locate(), parent: nil)
        prefetch.prepare(slot: 0)
        prefetch.prepare(slot: 1)
        prefetch.discardAll()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
        #expect(prefetch.take(slot: 0) == nil)
    }
}

/// The scratch folder on a tmpfs of its own (as root), emptied per student and gone afterwards.
@Suite(.enabled(if: geteuid() == 0, "needs root"))
struct ScratchSpaceTests {
    /// Whether a tmpfs is mounted on `path`, as /proc/self/mountinfo says ("… POINT … - tmpfs …").
    static func isTmpfs(_ path: String) -> Bool {
        let text = (try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").contains { line in
            let fields = line.split(separator: " ")
            guard fields.count > 4, fields[4] == path, let dash = fields.firstIndex(of: "-"), dash + 1 < fields.count else { return false }
            return fields[dash + 1] == "tmpfs"
        }
    }

    @Test func theScratchFolderIsATmpfsAndLeavesNoMountBehind() throws {
        let scratch = try ScratchSpace(onTmpfs: true)
        let root = scratch.root.path
        #expect(Self.isTmpfs(root))
        let area = try scratch.makeArea(for: "ana", owner: nil, workBytes: 1 << 20)
        #expect(FileManager.default.createFile(atPath: area.evidence.appendingPathComponent("live.pcap").path, contents: Data([1])))
        scratch.releaseArea(area)
        #expect(!FileManager.default.fileExists(atPath: area.work.deletingLastPathComponent().path))
        scratch.remove()
        #expect(!FileManager.default.fileExists(atPath: root))
        #expect(ScratchSpace.mounts(under: root).isEmpty)
    }

    @Test func aDeadRunsTmpfsScratchFolderIsSwept() throws {
        // A pid above pid_max is never alive.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(ScratchSpace.prefix)99999999-sweeptest")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(mount("sockgrade-scratch", folder.path, "tmpfs", 0, "mode=0711") == 0)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("ana/work"), withIntermediateDirectories: true)
        #expect(mount("sockgrade", folder.appendingPathComponent("ana/work").path, "tmpfs", 0, "size=1m") == 0)
        let removed = LeftoverSweep.run()
        #expect(removed.contains(folder.path))
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        #expect(ScratchSpace.mounts(under: folder.path).isEmpty)
    }
}
