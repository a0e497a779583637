import CZstd
#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

/// libzstd's streaming decompressor over an open file: every zstd frame in
/// turn (frames may be concatenated) into the caller's buffer.
///
/// Calls `ZSTD_createDStream`, `ZSTD_DCtx_setParameter`,
/// `ZSTD_decompressStream` and `ZSTD_freeDStream`; every libzstd error
/// becomes a `CaptureError` here.
final class ZstdInflater {
    /// A frame may ask the decoder for a window of up to 2^windowLogMax
    /// bytes; 16 MiB is what `zstd -19` uses and keeps a forged header from
    /// making the decoder allocate gigabytes (libzstd's own default is 128 MiB).
    static let windowLogMax: Int32 = 24

    private let context: OpaquePointer
    private let descriptor: Int32
    private let path: String
    private var input: UnsafeMutableRawBufferPointer
    /// Unconsumed compressed bytes are `input[inputStart..<inputEnd]`.
    private var inputStart = 0
    private var inputEnd = 0
    private var reachedEndOfFile = false
    /// What the last `ZSTD_decompressStream` returned: 0 when a frame was just completed.
    private var frameHint = 0
    private(set) var compressedBytesRead = 0

    /// - Parameter descriptor: an open descriptor the inflater takes over (closed on deinit).
    init(descriptor: Int32, path: String, bufferSize: Int) throws(CaptureError) {
        guard let context = ZSTD_createDStream() else {
            close(descriptor)
            throw CaptureError(.unreadable, subject: path, problem: "the zstd-compressed file cannot be opened (out of memory)")
        }
        ZSTD_DCtx_setParameter(context, ZSTD_d_windowLogMax, Self.windowLogMax)
        self.context = context
        self.descriptor = descriptor
        self.path = path
        input = .allocate(byteCount: bufferSize, alignment: 16)
    }

    deinit {
        ZSTD_freeDStream(context)
        input.deallocate()
        close(descriptor)
    }

    /// Up to `buffer.count` decompressed bytes; 0 at the end of the last frame.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(CaptureError) -> Int {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        while true {
            if inputStart == inputEnd {
                guard try refill() else {
                    guard frameHint == 0 else {
                        throw CaptureError(.truncated, subject: path, problem: "the zstd-compressed file is cut short inside a frame")
                    }
                    return 0
                }
            }
            var source = ZSTD_inBuffer(src: input.baseAddress, size: inputEnd, pos: inputStart)
            var destination = ZSTD_outBuffer(dst: base, size: buffer.count, pos: 0)
            let result = ZSTD_decompressStream(context, &destination, &source)
            if ZSTD_isError(result) != 0 {
                let message = ZSTD_getErrorName(result).map { String(cString: $0) } ?? "unknown zstd error"
                throw CaptureError(.malformed, subject: path, problem: "the zstd-compressed data is damaged (\(message))")
            }
            inputStart = source.pos
            frameHint = result
            if destination.pos > 0 { return destination.pos }
        }
    }

    /// Reads the next compressed bytes; false at the end of the file.
    private func refill() throws(CaptureError) -> Bool {
        guard !reachedEndOfFile, let base = input.baseAddress else { return false }
        while true {
            let got = Glibc.read(descriptor, base, input.count)
            if got < 0 {
                if errno == EINTR { continue }
                throw CaptureError(.unreadable, subject: path, problem: "reading failed at compressed byte \(compressedBytesRead): \(Errno(rawValue: errno))")
            }
            if got == 0 {
                reachedEndOfFile = true
                return false
            }
            inputStart = 0
            inputEnd = got
            compressedBytesRead += got
            return true
        }
    }
}
