import Foundation
@testable import PacketCapture

/// The class's capture files and small helpers to read and rewrite them.
enum CaptureFixtures {
    static let submissions = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("submissions")

    /// Every readable capture of the class (frank's is a PNG and is left out).
    static let readable = [
        "alice/capture.pcapng", "bob/lo0.pcap", "carol/dumpfile.pcap", "dave/dave_capture.pcapng",
        "erin/erin.pcap", "grace/grace_lo.pcap", "heidi/capture.pcap", "ivan/ivan.pcap", "judy/capture.pcap",
        "leo/lab2.pcap", "mia/mia.pcapng",
    ]

    static func path(_ file: String) -> String {
        submissions.appendingPathComponent(file).path
    }

    /// A frame copied out of the callback, to compare readers.
    struct Frame: Equatable {
        var number: Int
        var timestamp: Double
        var dataLink: Int32
        var bytes: [UInt8]
        var originalLength: Int
    }

    /// Every frame the reader delivers, and the error that ended the reading.
    static func frames(_ path: String, engine: CaptureFileReader.Engine) throws -> (frames: [Frame], error: CaptureError?) {
        let reader = try CaptureFileReader(path: path, engine: engine)
        var frames: [Frame] = []
        let error = reader.forEachFrame { frame in
            frames.append(Frame(
                number: frame.number, timestamp: frame.timestamp, dataLink: frame.dataLink,
                bytes: Array(frame.bytes), originalLength: frame.originalLength))
        }
        return (frames, error)
    }

    /// A fresh file name in memory-backed /dev/shm when there is one (the
    /// damage tests rewrite one file tens of thousands of times, and ext4
    /// flushes a file that is truncated and rewritten), removed by the caller.
    static func temporaryFile(_ suffix: String) -> URL {
        let shm = URL(fileURLWithPath: "/dev/shm")
        let folder = FileManager.default.isWritableFile(atPath: shm.path) ? shm : FileManager.default.temporaryDirectory
        return folder.appendingPathComponent("sockgrade-\(UUID().uuidString)\(suffix)")
    }
}
