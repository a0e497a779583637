import Foundation
import Testing
@testable import CaptureAnalysis
@testable import Checks
@testable import ClassDiscovery
@testable import Grading
@testable import LiveRun
@testable import ProgramDiscovery

@Suite struct ImageAndCreditTests {
    static let languages = Repository.intake.appendingPathComponent("languages")

    func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Self.languages.appendingPathComponent(path)))
    }

    @Test func pngAndJpegAreToldByContentWithTheirSize() throws {
        #expect(try ImageFile.read(bytes("shelly/netstat-listen.png")) == .success(ImageFile(format: .png, width: 929, height: 113)))
        // A JPEG named .txt is still a JPEG.
        #expect(try ImageFile.read(bytes("paul/netstat2.txt")) == .success(ImageFile(format: .jpeg, width: 989, height: 89)))
        #expect(try ImageFile.read(bytes("paul/socket_server.py")) == nil)
    }

    @Test func truncatedOrCorruptedImagesAreNotRealImages() throws {
        guard case .failure(let cut)? = try ImageFile.read(bytes("nora/netstat.png")) else {
            Issue.record("a PNG cut in half was accepted")
            return
        }
        #expect(cut.reason.contains("cut short"))
        var flipped = try bytes("shelly/netstat-listen.png")
        flipped[40] ^= 0xff
        guard case .failure(let crc)? = ImageFile.read(flipped) else {
            Issue.record("a PNG with a flipped byte was accepted")
            return
        }
        #expect(crc.reason.contains("CRC"))
        let jpeg = try bytes("shelly/netstat-established.jpg")
        guard case .failure? = ImageFile.read(Array(jpeg.prefix(300))) else {
            Issue.record("a JPEG cut before its scan was accepted")
            return
        }
    }

    @Test func netstatLinesOfEverySystemNameThePort() {
        #expect(NetstatLine.mentions(port: 59640, in: "tcp 0 0 127.0.0.1:59640 0.0.0.0:* LISTEN"))
        #expect(NetstatLine.mentions(port: 59640, in: "tcp4 0 0 127.0.0.1.59640 *.* LISTEN"))
        #expect(NetstatLine.mentions(port: 59640, in: "TCP [::1]:59640 [::]:0 LISTENING"))
        #expect(!NetstatLine.mentions(port: 5964, in: "tcp 0 0 127.0.0.1:59640 0.0.0.0:* LISTEN"))
        #expect(!NetstatLine.mentions(port: 59640, in: "tcp 0 0 127.0.0.1:59641 0.0.0.0:* LISTEN"))
    }

    @Test(arguments: [
        ("# credit: https://realpython.com/python-sockets/", true),
        ("// Adapted from the Rust book", true),
        (" * Based on the Oracle tutorial", true),
        ("url = \"https://example.org\"  ", false),
        ("x = 1  # the port", false),
        ("printf(\"based on nothing\");", false),
    ])
    func creditsAreReadFromCommentsOnly(line: String, credited: Bool) {
        let comment = AttributionCheck.comment(in: line)
        let found = comment.map { $0.contains("http") || $0.range(of: AttributionCheck.phrases, options: .regularExpression) != nil } ?? false
        #expect(found == credited, "\(line)")
    }
}
