import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file front to back through one reusable buffer, handing out views
/// of the next bytes: the Swift readers never hold more than the largest
/// block plus one read's worth, however large the file.
final class FileByteStream {
    /// Bytes asked of the kernel per read(2): large enough to keep system
    /// calls out of the per-packet cost, small enough that the buffer stays in
    /// the cache between the kernel's copy and the decoder's read (1 MiB reads
    /// spent a third of the benchmark in the kernel's copy; 64 KiB, 15%).
    static let readSize = 64 << 10

    /// The largest record or block accepted; one that claims more is damage,
    /// and refusing it keeps a flipped length byte from asking for gigabytes.
    static let maximumBlockLength = 16 << 20

    let path: String
    private let descriptor: Int32
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
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CaptureError(.unreadable, subject: path, problem: errno == ENOENT ? "no such file" : "the file cannot be read: \(Errno(rawValue: errno))")
        }
        storage = .allocate(byteCount: Self.readSize * 2, alignment: 16)
    }

    deinit {
        storage.deallocate()
        close(descriptor)
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
            try meter.charge(bytesRead: offset + end)
            guard let base = storage.baseAddress else { return }
            let got = read(descriptor, base + end, storage.count - end)
            if got < 0 {
                if errno == EINTR { continue }
                throw CaptureError(.unreadable, subject: path, problem: "reading failed at byte \(offset + end): \(Errno(rawValue: errno))")
            }
            if got == 0 {
                reachedEndOfFile = true
                return
            }
            end += got
        }
    }
}
