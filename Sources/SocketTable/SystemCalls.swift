import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension Errno {
    /// The `errno` set by the call that just failed.
    static var current: Errno { Errno(rawValue: errno) }
}

/// The only file that calls the C library, as swift-system's `Syscalls.swift` does:
/// every other file sees typed results, and `EINTR` is retried here once for all.
enum SystemCalls {
    /// Runs a call that returns -1 and sets `errno` on failure, again while it is interrupted.
    private static func valueOrErrno<Value: FixedWidthInteger>(_ call: () -> Value) -> Result<Value, Errno> {
        while true {
            let value = call()
            if value != -1 { return .success(value) }
            let failure = Errno.current
            if failure != .interrupted { return .failure(failure) }
        }
    }

    /// `open(2)` with `O_RDONLY | O_CLOEXEC`: the grader spawns student programs, which must
    /// not inherit its view of their own socket tables.
    static func openForReading(_ path: String) -> Result<CInt, Errno> {
        valueOrErrno { open(path, O_RDONLY | O_CLOEXEC) }
    }

    /// `close(2)`; its error is ignored, as nothing useful can be done about it for a read-only file.
    static func closeDescriptor(_ descriptor: CInt) {
        _ = close(descriptor)
    }

    /// `pread(2)`: reads without moving the file position, so threads can share a descriptor.
    static func read(_ descriptor: CInt, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Result<Int, Errno> {
        guard let base = buffer.baseAddress else { return .success(0) }
        return valueOrErrno { pread(descriptor, base, buffer.count, off_t(offset)) }
    }

    /// Fills `buffer` with the whole file, `pread` from offset 0 until end of file.
    ///
    /// /proc files report size 0, so the buffer grows as it fills; its capacity is reused.
    /// A read at offset 0 makes a seq_file (/proc/net/tcp) start over, so each call gives fresh content.
    static func readAll(_ descriptor: CInt, into buffer: inout [UInt8]) -> Result<Void, Errno> {
        let minimumGrowth = 16 * 1024
        buffer.removeAll(keepingCapacity: true)
        var filled = 0
        while true {
            if filled == buffer.count {
                let growth = Swift.max(buffer.count, buffer.capacity - buffer.count, minimumGrowth)
                buffer.append(contentsOf: repeatElement(0, count: growth))
            }
            let result = buffer.withUnsafeMutableBytes { bytes in
                read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: bytes[filled...]), at: filled)
            }
            switch result {
            case .success(0):
                buffer.removeSubrange(filled...)
                return .success(())
            case .success(let count):
                filled += count
            case .failure(let failure):
                buffer.removeAll(keepingCapacity: true)
                return .failure(failure)
            }
        }
    }

    /// Opens, reads whole and closes a small file such as /proc/PID/cmdline.
    static func readFile(_ path: String) -> Result<[UInt8], Errno> {
        openForReading(path).flatMap { descriptor in
            defer { closeDescriptor(descriptor) }
            var bytes: [UInt8] = []
            return readAll(descriptor, into: &bytes).map { bytes }
        }
    }

    /// The target of a short symbolic link (`socket:[12345]`, `net:[4026531840]`), given to `body`.
    ///
    /// `readlinkat(2)` relative to `directory`, or to the working directory when it is nil.
    /// Targets longer than 63 bytes are reported as nil: no link this module looks for is that long.
    static func withLinkTarget<Value>(
        in directory: CInt? = nil,
        _ path: UnsafePointer<CChar>,
        _ body: (UnsafeRawBufferPointer) -> Value?
    ) -> Value? {
        let capacity = 64
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { target in
            guard let base = target.baseAddress else { return nil }
            let length = readlinkat(directory ?? AT_FDCWD, path, base, capacity)
            guard length > 0, length < capacity else { return nil }
            return body(UnsafeRawBufferPointer(start: base, count: length))
        }
    }

    /// `withLinkTarget` for a path held in a Swift string.
    static func withLinkTarget<Value>(_ path: String, _ body: (UnsafeRawBufferPointer) -> Value?) -> Value? {
        path.withCString { withLinkTarget($0, body) }
    }

    /// Calls `body` with each entry of a directory (`.` and `..` included) until it returns false.
    ///
    /// Returns false when the directory cannot be opened, as when its process has exited.
    @discardableResult
    static func forEachEntry(inDirectory path: String, _ body: (DirectoryEntry) -> Bool) -> Bool {
        guard let directory = opendir(path) else { return false }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        while let entry = readdir(directory) {
            let keepGoing = withUnsafeMutablePointer(to: &entry.pointee.d_name) { namePointer in
                namePointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: namePointer.pointee)) { name in
                    body(DirectoryEntry(directory: descriptor, name: name))
                }
            }
            if !keepGoing { break }
        }
        return true
    }

    /// Index of the first `byte` in `bytes` at or after `start`, or `bytes.count`: `memchr(3)`,
    /// which scans many bytes per step; finding line ends was most of a parse's time.
    static func index(of byte: UInt8, in bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        guard let base = bytes.baseAddress, start < bytes.count,
              let found = memchr(base + start, CInt(byte), bytes.count - start)
        else { return bytes.count }
        return base.distance(to: UnsafeRawPointer(found))
    }

    /// `inet_ntop(3)` of an IPv4 address given as its network-order number (0x7F000001).
    static func text(ofIPv4 address: UInt32) -> String {
        var networkOrder = address.bigEndian
        return withUnsafeBytes(of: &networkOrder) { text(family: AF_INET, address: $0) }
    }

    /// `inet_ntop(3)` of an IPv6 address given as two network-order halves.
    static func text(ofIPv6 high: UInt64, _ low: UInt64) -> String {
        var networkOrder = (high.bigEndian, low.bigEndian)
        return withUnsafeBytes(of: &networkOrder) { text(family: AF_INET6, address: $0) }
    }

    private static func text(family: CInt, address: UnsafeRawBufferPointer) -> String {
        let capacity = Int(INET6_ADDRSTRLEN)
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
            guard let base = buffer.baseAddress, let address = address.baseAddress,
                  inet_ntop(family, address, base, socklen_t(capacity)) != nil
            else { return "?" }
            return String(cString: base)
        }
    }

    /// `inet_pton(3)` for IPv4 text, as a network-order number.
    static func ipv4(parsing text: String) -> UInt32? {
        var networkOrder: UInt32 = 0
        guard inet_pton(AF_INET, text, &networkOrder) == 1 else { return nil }
        return UInt32(bigEndian: networkOrder)
    }

    /// `inet_pton(3)` for IPv6 text, as two network-order halves.
    static func ipv6(parsing text: String) -> (high: UInt64, low: UInt64)? {
        var networkOrder: (UInt64, UInt64) = (0, 0)
        guard inet_pton(AF_INET6, text, &networkOrder) == 1 else { return nil }
        return (UInt64(bigEndian: networkOrder.0), UInt64(bigEndian: networkOrder.1))
    }
}

/// One entry met by `SystemCalls.forEachEntry`, valid only inside the callback.
struct DirectoryEntry {
    /// Descriptor of the open directory, for `readlinkat` relative to it.
    var directory: CInt
    /// NUL-terminated entry name.
    var name: UnsafePointer<CChar>

    /// The name read as a process or thread id; nil for names such as `self`, `net`, `.`.
    var processID: Int32? {
        var value: Int32 = 0
        var pointer = name
        guard pointer.pointee != 0 else { return nil }
        while pointer.pointee != 0 {
            let digit = Int32(pointer.pointee) - 48
            guard (0...9).contains(digit) else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            pointer += 1
        }
        return value
    }

    /// The target of this entry when it is a short symbolic link.
    func withLinkTarget<Value>(_ body: (UnsafeRawBufferPointer) -> Value?) -> Value? {
        SystemCalls.withLinkTarget(in: directory, name, body)
    }
}
