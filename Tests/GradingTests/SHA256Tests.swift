import Testing
@testable import Grading

/// Known answers from FIPS 180-4's examples (NIST's SHA-256 example values)
/// and the NESSIE one-million-'a' vector: the fingerprint is only as good as
/// the hash, and we keep our own rather than add a crypto package's build.
struct SHA256Tests {
    static let vectors: [(input: String, digest: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ]

    @Test(arguments: vectors.indices)
    func knownAnswer(_ index: Int) {
        var hash = SHA256()
        hash.update(Array(Self.vectors[index].input.utf8))
        #expect(hash.finalizeHex() == Self.vectors[index].digest)
    }

    /// The same input fed in pieces of every size across the 64-byte block edge.
    @Test(arguments: [1, 3, 55, 56, 63, 64, 65, 127])
    func piecesGiveTheSameDigest(_ size: Int) {
        let input = Array(Self.vectors[3].input.utf8)
        var hash = SHA256()
        var start = 0
        while start < input.count {
            hash.update(input[start..<min(start + size, input.count)])
            start += size
        }
        #expect(hash.finalizeHex() == Self.vectors[3].digest)
    }

    @Test func oneMillionA() {
        var hash = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hash.update(chunk) }
        #expect(hash.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
