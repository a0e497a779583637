#if canImport(Glibc)
import Glibc
#endif

/// A Knuth–Morris–Pratt matcher for one needle, fed one byte at a time so
/// that a needle split across any number of segments is still found.
///
/// The tables are immutable and shared by every stream (a class, so that
/// handing it around costs one reference, not one per table); a stream keeps
/// only one `Int` of state per needle.
final class NeedleMatcher: Sendable {
    let needle: [UInt8]
    /// `failure[i]`: length of the longest proper prefix of `needle[...i]` that is also its suffix.
    private let failure: [Int]

    /// `needle` must not be empty.
    init(needle: [UInt8]) {
        self.needle = needle
        var failure = [Int](repeating: 0, count: needle.count)
        var length = 0
        for index in needle.indices.dropFirst() {
            while length > 0, needle[index] != needle[length] {
                length = failure[length - 1]
            }
            if needle[index] == needle[length] {
                length += 1
            }
            failure[index] = length
        }
        self.failure = failure
    }

    /// Runs the automaton over `bytes`, appending to `ends` the index just
    /// past each completed needle. (An array rather than a callback: a
    /// closure that appends to its caller's variable boxed that variable on
    /// the heap, an allocation for every segment scanned.)
    ///
    /// While nothing is matched it jumps straight to the next occurrence of
    /// the needle's first byte with `memchr` (vectorised in glibc), which
    /// makes scanning ordinary data as fast as a plain byte search.
    func scan(_ bytes: UnsafeRawBufferPointer, state: inout Int, ends: inout [Int]) {
        guard let base = bytes.baseAddress else { return }
        needle.withUnsafeBufferPointer { needle in
            failure.withUnsafeBufferPointer { failure in
                let firstByte = Int32(needle[0])
                var index = 0
                while index < bytes.count {
                    if state == 0 {
                        guard let hit = memchr(base + index, firstByte, bytes.count - index) else { return }
                        index = base.distance(to: UnsafeRawPointer(hit))
                    }
                    if Self.advance(&state, with: bytes[index], needle: needle, failure: failure) {
                        ends.append(index + 1)
                    }
                    index += 1
                }
            }
        }
    }

    /// Advances `state` (bytes of the needle matched so far) by one byte.
    /// Returns true when the needle was completed; `state` then already
    /// allows overlapping matches ("aa" twice in "aaa").
    @inline(__always)
    private static func advance(
        _ state: inout Int, with byte: UInt8, needle: UnsafeBufferPointer<UInt8>, failure: UnsafeBufferPointer<Int>
    ) -> Bool {
        while state > 0, needle[state] != byte {
            state = failure[state - 1]
        }
        if needle[state] == byte {
            state += 1
        }
        guard state == needle.count else { return false }
        state = failure[state - 1]
        return true
    }
}

/// The needles of one search, prepared once per tracker and shared by every
/// stream direction, so that opening a conversation allocates nothing for them.
struct NeedleSet {
    /// The tracker owns the matchers for as long as any stream exists; a
    /// stream only borrows them. A retained reference cost an atomic
    /// increment per scanned piece, which waits for the piece's just-copied
    /// bytes to leave the store buffer: 10% of the benchmark.
    let matchers: [Unmanaged<NeedleMatcher>]
    /// Length of the longest needle, 0 when there are none.
    let longestNeedle: Int

    init(_ matchers: [NeedleMatcher]) {
        self.matchers = matchers.map { Unmanaged.passUnretained($0) }
        longestNeedle = matchers.map(\.needle.count).max() ?? 0
    }

    var isEmpty: Bool { matchers.isEmpty }
}
