import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file front to back through one reusable buffer, handing out views
/// of the next bytes: the Swift readers never hold more than the largest
/// block plus one read's worth, however large the file.
///
/// A gzip- or zstd-compressed file is inflated on the way in, transparently:
/// offsets, the budget and the block limit all count inflated bytes, so a
/// compression bomb stops at the same byte cap as an uncompressed file.
final class FileByteStream {
    /// Where the bytes come from: the file itself, or the file inflated.
    private enum Supplier {
        case plain(Int32)
        case gzip(GzipInflater)
        case zstd(ZstdInflater)
    }

    /// Bytes asked of the kernel per read(2): large enough to keep system
    /// calls out of the per-packet cost, small enough that the buffer stays in
    /// the cache between the kernel's copy and the decoder's read (1 MiB reads
    /// spent a third of the benchmark in the kernel's copy; 64 KiB, 15%).
    static let readSize = 64 << 10

    /// The largest record or block accepted; one that claims more is damage,
    /// and refusing it keeps a flipped length byte from asking for gigabytes.
    static let maximumBlockLength = 16 << 20

    let path: String
    let compression: CaptureCompression
    private let supplier: Supplier
    private var storage: UnsafeMutableRawBufferPointer
    /// Unconsumed bytes are `storage[start..<end]`.
    private var start = 0
    private var end = 0
    private var reachedEndOfFile = false
    /// File offset of `storage[start]`.
    private(set) var offset = 0

    /// Charged before every read(2), so no file costs more than its budget.
    private let meter: BudgetMeter

    init(path: String, meter: BudgetMeter) throws(CaptureError) {
        self.path = path
        self.meter = meter
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CaptureError(.unreadable, subject: path, problem: errno == ENOENT ? "no such file" : "the file cannot be read: \(Errno(rawValue: errno))")
        }
        var magic: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        let magicCount = withUnsafeMutableBytes(of: &magic) { pread(descriptor, $0.baseAddress, $0.count, 0) }
        compression = withUnsafeBytes(of: magic) { CaptureCompression(head: UnsafeRawBufferPointer(rebasing: $0.prefix(max(0, magicCount)))) }
        switch compression {
        case .none: supplier = .plain(descriptor)
        case .gzip: supplier = .gzip(try GzipInflater(descriptor: descriptor, path: path, bufferSize: Self.readSize))
        case .zstd: supplier = .zstd(try ZstdInflater(descriptor: descriptor, path: path, bufferSize: Self.readSize))
        }
        storage = .allocate(byteCount: Self.readSize * 2, alignment: 16)
    }

    deinit {
        storage.deallocate()
        if case .plain(let descriptor) = supplier { close(descriptor) }
    }

    /// The next `count` bytes without consuming them; fewer only at the end
    /// of the file (the caller tells a clean end from a cut-short record).
    func peek(_ count: Int) throws(CaptureError) -> UnsafeRawBufferPointer {
        if end - start < count, !reachedEndOfFile {
            try fill(toHold: count)
        }
        return UnsafeRawBufferPointer(rebasing: storage[start..<min(end, start + count)])
    }

    /// Bytes taken from the file so far.
    var bytesRead: Int { offset + end - start }

    /// Consumes `count` bytes that `peek` has shown. They stay where they
    /// are until the next `peek`, so a view of them (a frame handed to the
    /// caller) lives until the reader is asked for more.
    func skip(_ count: Int) {
        let taken = min(count, end - start)
        start += taken
        offset += taken
    }

    /// Moves the unconsumed bytes to the front (growing the buffer for a big
    /// block) and reads until `count` bytes are held or the file ends.
    private func fill(toHold count: Int) throws(CaptureError) {
        let held = end - start
        let wanted = max(count, Self.readSize)
        if storage.count < wanted + Self.readSize {
            let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: wanted + Self.readSize, alignment: 16)
            larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: storage[start..<end]))
            storage.deallocate()
            storage = larger
        } else if start > 0, held > 0, let base = storage.baseAddress {
            memmove(base, base + start, held)
        }
        start = 0
        end = held
        while end < count, !reachedEndOfFile {
            try meter.charge(bytesRead: max(offset + end, compressedBytesRead))
            let got = try supply(into: UnsafeMutableRawBufferPointer(rebasing: storage[end...]))
            if got == 0 {
                reachedEndOfFile = true
                return
            }
            end += got
        }
    }

    /// Compressed bytes taken from the file (0 for an uncompressed one): charged
    /// too, so a file that inflates to nothing still costs what it weighs.
    private var compressedBytesRead: Int {
        switch supplier {
        case .plain: return 0
        case .gzip(let inflater): return inflater.compressedBytesRead
        case .zstd(let inflater): return inflater.compressedBytesRead
        }
    }

    /// One read(2) of the file, or one inflation step; 0 at the end of the file.
    private func supply(into buffer: UnsafeMutableRawBufferPointer) throws(CaptureError) -> Int {
        switch supplier {
        case .plain(let descriptor):
            while true {
                let got = read(descriptor, buffer.baseAddress, buffer.count)
                if got >= 0 { return got }
                if errno != EINTR {
                    throw CaptureError(.unreadable, subject: path, problem: "reading failed at byte \(offset + end): \(Errno(rawValue: errno))")
                }
            }
        case .gzip(let inflater):
            return try inflater.read(into: buffer)
        case .zstd(let inflater):
            return try inflater.read(into: buffer)
        }
    }
}
