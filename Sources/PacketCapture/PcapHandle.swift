import CPcap
import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// An open libpcap handle. Every pcap_* call of the project is made in this
/// file, in `PcapDumper` and in `BoundedDumper`'s pcap_dump, so libpcap's conventions (error buffers, -1/-2
/// results, warnings from activation) are turned into Swift in one place.
final class PcapHandle {
    let raw: OpaquePointer
    let subject: String
    /// The stdio buffer under a file handle's FILE, freed after pcap_close closes the FILE.
    private let fileBuffer: UnsafeMutableRawPointer?

    private init(raw: OpaquePointer, subject: String, fileBuffer: UnsafeMutableRawPointer? = nil) {
        self.raw = raw
        self.subject = subject
        self.fileBuffer = fileBuffer
    }

    deinit {
        pcap_close(raw)
        fileBuffer?.deallocate()
    }

    /// Bytes of stdio buffer under libpcap's file reads. libpcap freads each
    /// record's header and body; through stdio's default 4 KiB buffer, a
    /// 500 MB capture took 128,000 read(2) calls.
    static let fileBufferSize = 256 << 10

    /// pcap_fopen_offline_with_tstamp_precision, on a FILE given a large
    /// buffer (glibc ignores the size unless the buffer is supplied): reads
    /// pcap and pcapng, with timestamps in nanoseconds whatever the file's resolution.
    static func openFile(_ path: String) throws(CaptureError) -> PcapHandle {
        guard let file = fopen(path, "rb") else {
            // Sorted by the errno fopen set, not by libpcap's wording of it.
            let failure = Errno(rawValue: errno)
            throw CaptureError(.unreadable, subject: path, problem: failure == .noSuchFileOrDirectory ? "no such file" : "\(failure)")
        }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: fileBufferSize, alignment: 16)
        setvbuf(file, buffer.assumingMemoryBound(to: CChar.self), _IOFBF, fileBufferSize)
        var errorBuffer = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE))
        guard let raw = pcap_fopen_offline_with_tstamp_precision(
            file, UInt32(PCAP_TSTAMP_PRECISION_NANO), &errorBuffer)
        else {
            // libpcap closes the FILE only once it has taken it.
            fclose(file)
            buffer.deallocate()
            let message = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw CaptureError(libpcapMessage: message, subject: path)
        }
        return PcapHandle(raw: raw, subject: path, fileBuffer: buffer)
    }

    /// pcap_create: an inactive handle for a live interface.
    static func create(interface: String) throws(CaptureError) -> PcapHandle {
        var errorBuffer = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE))
        guard let raw = pcap_create(interface, &errorBuffer) else {
            let message = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw CaptureError(.liveCapture, subject: interface, problem: message)
        }
        return PcapHandle(raw: raw, subject: interface)
    }

    /// Options set before pcap_activate; libpcap only fails them on an active handle.
    /// Not immediate mode, so libpcap uses TPACKET_V3, whose blocks hold
    /// packets of any size end to end: with TPACKET_V2 every slot of the ring
    /// is as big as the largest loopback packet (64 KiB), so 16 MiB held 255
    /// packets, a burst of connections overflowed it, and the kernel zeroed
    /// 32 MiB for every student. The kernel hands over a block when it is
    /// full or after `timeoutMilliseconds`.
    func configureLive(snapshotLength: Int32, bufferBytes: Int32, timeoutMilliseconds: Int32) {
        pcap_set_snaplen(raw, snapshotLength)
        pcap_set_immediate_mode(raw, 0)
        pcap_set_timeout(raw, timeoutMilliseconds)
        pcap_set_buffer_size(raw, bufferBytes)
        pcap_set_tstamp_precision(raw, Int32(PCAP_TSTAMP_PRECISION_NANO))
    }

    /// pcap_activate: positive results are warnings (the capture runs), negative are errors.
    func activate() throws(CaptureError) {
        let status = pcap_activate(raw)
        if status < 0 {
            throw CaptureError(.liveCapture, subject: subject, problem: "pcap_activate failed: \(errorText(status))")
        }
    }

    /// pcap_setnonblock, so pcap_dispatch returns at once when nothing is queued.
    func setNonBlocking() throws(CaptureError) {
        var errorBuffer = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE))
        if pcap_setnonblock(raw, 1, &errorBuffer) < 0 {
            throw CaptureError(.liveCapture, subject: subject, problem: "pcap_setnonblock failed: \(lastError)")
        }
    }

    /// pcap_get_selectable_fd: polls readable when packets are waiting.
    var selectableDescriptor: Int32 { pcap_get_selectable_fd(raw) }

    /// pcap_datalink: the DLT_ value of the file or interface.
    var dataLink: Int32 { pcap_datalink(raw) }

    /// ftell of the FILE under a file handle (pcap_file): how far libpcap has read.
    var fileOffset: Int {
        guard let file = pcap_file(raw) else { return 0 }
        return ftell(file)
    }

    /// pcap_datalink_val_to_name ("IEEE802_11"), or "DLT 147" for a value libpcap does not name.
    static func linkTypeName(_ dlt: Int32) -> String {
        pcap_datalink_val_to_name(dlt).map { String(cString: $0) } ?? "DLT \(dlt)"
    }

    /// pcap_geterr.
    var lastError: String { String(cString: pcap_geterr(raw)) }

    enum Next {
        case packet(UnsafePointer<pcap_pkthdr>, UnsafePointer<UInt8>)
        case endOfFile
        case failure(String)
    }

    /// pcap_next_ex: the packet's bytes stay valid until the next call.
    func next() -> Next {
        var header: UnsafeMutablePointer<pcap_pkthdr>?
        var data: UnsafePointer<UInt8>?
        switch pcap_next_ex(raw, &header, &data) {
        case 1:
            guard let header, let data else { return .failure("libpcap returned a packet without data") }
            return .packet(UnsafePointer(header), data)
        case -2:
            return .endOfFile
        default:
            return .failure(lastError)
        }
    }

    /// pcap_dispatch into a bounded writer: what is queued goes to the file, within its limits.
    func dispatch(into writer: BoundedDumper) -> Int32 {
        pcap_dispatch(raw, -1, BoundedDumper.handler, Unmanaged.passUnretained(writer).toOpaque().assumingMemoryBound(to: UInt8.self))
    }

    /// pcap_stats: packets received and dropped by the kernel.
    func statistics() -> (received: UInt32, dropped: UInt32)? {
        var stats = pcap_stat()
        guard pcap_stats(raw, &stats) == 0 else { return nil }
        return (stats.ps_recv, stats.ps_drop)
    }

    private func errorText(_ status: Int32) -> String {
        let statusText = String(cString: pcap_statustostr(status))
        let detail = lastError
        return detail.isEmpty ? statusText : "\(statusText) (\(detail))"
    }

    /// pcap_dump_open: a pcap file in the handle's link type and precision.
    func openDumper(path: String) throws(CaptureError) -> PcapDumper {
        guard let dumper = pcap_dump_open(raw, path) else {
            throw CaptureError(.liveCapture, subject: path, problem: "pcap_dump_open failed: \(lastError)")
        }
        return PcapDumper(raw: dumper)
    }
}

/// A pcap file being written (pcap_dumper_t).
final class PcapDumper {
    let raw: OpaquePointer
    private var isOpen = true

    init(raw: OpaquePointer) {
        self.raw = raw
    }

    /// pcap_dump_close: flushes and closes; safe to call twice.
    func close() {
        if isOpen {
            pcap_dump_close(raw)
            isOpen = false
        }
    }

    deinit {
        close()
    }
}

extension CaptureError {
    /// Sorts libpcap's messages into codes a report can act on.
    init(libpcapMessage message: String, subject: String) {
        // Files that cannot be opened are sorted by errno in openFile; what is
        // left is libpcap's word on the file's content, which has no errno.
        let lowered = message.lowercased()
        if lowered.contains("truncated") {
            self.init(.truncated, subject: subject, problem: "the file is cut short (\(message))")
        } else if lowered.contains("unknown file format") {
            self.init(.notACapture, subject: subject, problem: "not a pcap or pcapng capture (\(message))")
        } else {
            self.init(.malformed, subject: subject, problem: message)
        }
    }
}
