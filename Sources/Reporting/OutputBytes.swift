/// A growable run of output bytes written through a pointer, for reports
/// long enough that how each piece is appended decides their cost.
///
/// An `[UInt8]` checked its uniqueness and capacity on every byte, and
/// appended indentation as a generic sequence: writing the 35 MB of
/// `inspect --json` of 36,000 conversations took a third of the command.
/// Here a piece of known size reserves room once and is stored or copied.
///
/// A struct, written in place by its one owner (a class's stored properties
/// were checked for exclusive access at run time on every byte). Copies
/// share the storage: only one of them may be written to.
public struct OutputBytes {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    @usableFromInline var used = 0
    /// Frees the storage once no copy is left.
    private let owner: Owner

    private final class Owner {
        var storage: UnsafeMutablePointer<UInt8>
        init(_ storage: UnsafeMutablePointer<UInt8>) { self.storage = storage }
        deinit { storage.deallocate() }
    }

    public init(capacity: Int = 1 << 10) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
        owner = Owner(base)
    }

    public var count: Int { used }

    /// The bytes written so far, valid until the next write.
    public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: used) }

    public mutating func removeAll() {
        used = 0
    }

    /// Room for `extra` more bytes.
    @inlinable @inline(__always)
    mutating func reserve(_ extra: Int) {
        if used + extra > capacity { grow(toHold: used + extra) }
    }

    @usableFromInline
    mutating func grow(toHold needed: Int) {
        var larger = capacity * 2
        while larger < needed { larger *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: base, count: used)
        base.deallocate()
        base = moved
        owner.storage = moved
        capacity = larger
    }

    @inlinable @inline(__always)
    public mutating func append(_ byte: UInt8) {
        reserve(1)
        base[used] = byte
        used += 1
    }

    @inlinable
    public mutating func append(_ run: UnsafeRawBufferPointer) {
        guard let source = run.baseAddress else { return }
        reserve(run.count)
        UnsafeMutableRawPointer(base + used).copyMemory(from: source, byteCount: run.count)
        used += run.count
    }

    @inlinable
    public mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
    }

    /// A string's UTF-8 bytes, as they are (named apart from the
    /// `StaticString` one, so that a literal never takes this slower way).
    public mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    public mutating func append(bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    @inlinable
    public mutating func append(spaces: Int) {
        guard spaces > 0 else { return }
        reserve(spaces)
        (base + used).initialize(repeating: UInt8(ascii: " "), count: spaces)
        used += spaces
    }

    /// `number` in decimal, without a String for it.
    public mutating func append(decimal number: Int) {
        reserve(20)
        if number < 0 { base[used] = UInt8(ascii: "-"); used += 1 }
        var rest = number.magnitude
        var index = used + Self.digitCount(rest)
        used = index
        repeat {
            index -= 1
            base[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
    }

    private static func digitCount(_ number: UInt) -> Int {
        var digits = 1
        var rest = number
        while rest >= 10 { rest /= 10; digits += 1 }
        return digits
    }

    /// `number` (not negative) in decimal, at least `width` digits, zeros in front.
    public mutating func append(decimal number: Int, width: Int) {
        let zeros = width - Self.digitCount(number.magnitude)
        if number >= 0, zeros > 0 {
            reserve(zeros)
            (base + used).initialize(repeating: UInt8(ascii: "0"), count: zeros)
            used += zeros
        }
        append(decimal: number)
    }
}
