/// A Knuth–Morris–Pratt matcher for one needle, fed one byte at a time so
/// that a needle split across any number of segments is still found.
///
/// The tables are immutable and shared by every stream; a stream keeps only
/// one `Int` of state per needle.
struct NeedleMatcher: Sendable {
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

    /// Runs the automaton over `bytes`, calling `found` with the index just
    /// past each completed needle.
    ///
    /// While nothing is matched it jumps straight to the next occurrence of
    /// the needle's first byte, which makes scanning ordinary data about as
    /// fast as a byte search.
    func scan(_ bytes: UnsafeRawBufferPointer, state: inout Int, found: (Int) -> Void) {
        let firstByte = needle[0]
        var index = 0
        while index < bytes.count {
            if state == 0 {
                while index < bytes.count, bytes[index] != firstByte {
                    index += 1
                }
                guard index < bytes.count else { return }
            }
            if advance(&state, with: bytes[index]) {
                found(index + 1)
            }
            index += 1
        }
    }

    /// Advances `state` (bytes of the needle matched so far) by one byte.
    /// Returns true when the needle was completed; `state` then already
    /// allows overlapping matches ("aa" twice in "aaa").
    @inline(__always)
    func advance(_ state: inout Int, with byte: UInt8) -> Bool {
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
