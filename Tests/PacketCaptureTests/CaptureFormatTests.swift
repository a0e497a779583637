import Testing
@testable import PacketCapture

@Suite struct CaptureFormatTests {
    @Test(arguments: [
        ([0xD4, 0xC3, 0xB2, 0xA1], CaptureFormat.pcap),
        ([0xA1, 0xB2, 0xC3, 0xD4], .pcap),
        ([0x4D, 0x3C, 0xB2, 0xA1], .pcap),
        ([0x0A, 0x0D, 0x0D, 0x0A], .pcapng),
    ] as [([UInt8], CaptureFormat)])
    func magicNumbers(head: [UInt8], format: CaptureFormat) throws {
        #expect(try CaptureFormat.classify(head + [0, 0, 0, 0], subject: "f") == format)
    }

    @Test(arguments: [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], "f: not a pcap or pcapng capture (it is a PNG image)"),
        ([0xFF, 0xD8, 0xFF, 0xE0], "f: not a pcap or pcapng capture (it is a JPEG image)"),
        (Array("hello world\n".utf8), "f: not a pcap or pcapng capture (it looks like a text file)"),
        ([], "f: the file is empty, not a capture"),
        ([0xD4, 0xC3], "f: the file is only 2 bytes long, too short to be a capture"),
        ([0x01, 0x02, 0x03, 0x04], "f: not a pcap or pcapng capture (unknown magic number 01 02 03 04)"),
    ] as [([UInt8], String)])
    func notACapture(head: [UInt8], message: String) {
        let error = #expect(throws: CaptureError.self) { try CaptureFormat.classify(head, subject: "f") }
        #expect(error?.description == message)
    }
}
