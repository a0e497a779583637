import Foundation
import Testing
@testable import PacketCapture
import CaptureAnalysis
@testable import Sandbox

#if canImport(Glibc)
import Glibc
#endif

/// Captures a real namespace's loopback: only that namespace's traffic.
@Suite(.enabled(if: geteuid() == 0, "needs root"))
struct LiveCaptureTests {
    @Test func capturesTheNamespaceAndNotTheHost() throws {
        let namespace = try NetworkNamespace()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sockgrade-live-\(UUID().uuidString).pcap")
        defer { try? FileManager.default.removeItem(at: file) }
        let capture = try LiveCapture(namespaceDescriptor: namespace.descriptor, outputPath: file.path)

        let exchange = """
            import socket, sys
            server = socket.socket(); server.bind(('127.0.0.1', 0)); server.listen()
            client = socket.create_connection(server.getsockname())
            peer, _ = server.accept()
            client.sendall(sys.argv[1].encode()); client.close()
            peer.recv(100); peer.close()
            """
        let inside = try ChildProcess(
            arguments: ["/usr/bin/nsenter", "--net=\(namespace.path)", "--", "/usr/bin/python3", "-c", exchange, "inside-marker"],
            environment: [], outputLimit: 4096)
        let outside = try ChildProcess(arguments: ["/usr/bin/python3", "-c", exchange, "host-marker"], environment: [], outputLimit: 4096)
        #expect(inside.wait(timeout: .seconds(20)))
        #expect(outside.wait(timeout: .seconds(20)))
        #expect(inside.status == .exited(0))
        capture.stop()

        let analysis = try CaptureAnalysis.analyze(path: file.path, needles: [Array("inside-marker".utf8), Array("host-marker".utf8)])
        #expect(analysis.linkTypes == ["EN10MB"])
        #expect(analysis.conversations.count == 1)
        let conversation = try #require(analysis.conversations.first)
        #expect(conversation.handshake.complete)
        #expect(conversation.clientToServer.matches.map(\.needleIndex) == [0])
    }

    /// TPACKET_V3 hands packets over a block at a time: a stop right after the
    /// last packet must still write it (the end marker), and write no marker.
    /// 25 bursts of 200 connections filled TPACKET_V2's ring of 255 packets.
    @Test func aBurstOfConnectionsAndTheLastPacketBeforeTheStopAreAllWritten() throws {
        let namespace = try NetworkNamespace()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sockgrade-live-\(UUID().uuidString).pcap")
        defer { try? FileManager.default.removeItem(at: file) }
        let capture = try LiveCapture(namespaceDescriptor: namespace.descriptor, outputPath: file.path)
        let bursts = """
            import socket, threading
            server = socket.socket(); server.bind(('127.0.0.1', 0)); server.listen(1024)
            def serve():
                while True:
                    peer, _ = server.accept(); peer.close()
            threading.Thread(target=serve, daemon=True).start()
            for _ in range(25):
                held = [socket.create_connection(server.getsockname()) for _ in range(200)]
                for c in held: c.close()
            last = socket.create_connection(server.getsockname())
            last.sendall(b'last-before-stop'); last.close()
            """
        let inside = try ChildProcess(
            arguments: ["/usr/bin/nsenter", "--net=\(namespace.path)", "--", "/usr/bin/python3", "-c", bursts],
            environment: [], outputLimit: 4096)
        #expect(inside.wait(timeout: .seconds(60)))
        #expect(inside.status == .exited(0), "\(inside.standardError.text)")
        let statistics = try #require(capture.stop())
        #expect(statistics.dropped == 0)

        let analysis = try CaptureAnalysis.analyze(
            path: file.path, needles: [Array("last-before-stop".utf8), Array("sockgrade-capture-end-".utf8)])
        #expect(analysis.conversations.count == 5001)
        let matched = analysis.conversations.flatMap { $0.clientToServer.matches.map(\.needleIndex) }
        #expect(matched == [0])
        let data = try Data(contentsOf: file)
        #expect(data.firstRange(of: Data("sockgrade-capture-end-".utf8)) == nil)
    }

    @Test func badNamespaceDescriptorIsAnError() {
        #expect(throws: CaptureError.self) {
            try LiveCapture(namespaceDescriptor: -1, outputPath: "/tmp/never.pcap")
        }
    }
}
