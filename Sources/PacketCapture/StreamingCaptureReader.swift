/// Reads pcap and pcapng files in Swift, one frame at a time through a
/// bounded buffer, for the files libpcap refuses: libpcap 1.10 stops a pcapng
/// file at the first interface whose link type differs from the first
/// interface's ("an interface has a type 276 different from the type of the
/// first interface"), which is what Wireshark writes after capturing `lo` and
/// `any` together or after merging captures.
final class StreamingCaptureReader {
    /// The largest record or block accepted; one that claims more is damage,
    /// and refusing it keeps a flipped length byte from asking for gigabytes.
    static let maximumBlockLength = 16 << 20

    private enum Records {
        case pcap(PcapRecordReader)
        case pcapng(PcapngBlockReader)
    }

    private var records: Records

    init(path: String, format: CaptureFormat) throws(CaptureError) {
        let stream = try FileByteStream(path: path)
        switch format {
        case .pcap: records = .pcap(try PcapRecordReader(stream: stream))
        case .pcapng: records = .pcapng(try PcapngBlockReader(stream: stream))
        }
    }

    /// Link types of the interfaces declared so far, in order, each once.
    var linkTypes: [Int32] {
        switch records {
        case .pcap(let reader): return [reader.linkType]
        case .pcapng(let reader): return reader.linkTypes
        }
    }

    /// Calls `body` for each frame after the first `skipping` ones (which are
    /// read and counted but not delivered, so that reading can take over from
    /// libpcap where it stopped). Returns the error that ended the reading, if any.
    func forEachFrame(skipping: Int = 0, _ body: (CapturedFrame) -> Void) -> CaptureError? {
        // The loops run inside the switch, so that no frame pays for copying
        // the reader out of the enum (and the retains that come with it).
        var number = 1
        do throws(CaptureError) {
            switch records {
            case .pcap(let reader):
                while try reader.next(number: number, { frame in if frame.number > skipping { body(frame) } }) {
                    number += 1
                }
            case .pcapng(var reader):
                defer { records = .pcapng(reader) }
                while try reader.next(number: number, { frame in if frame.number > skipping { body(frame) } }) {
                    number += 1
                }
            }
            return nil
        } catch {
            return error
        }
    }
}
