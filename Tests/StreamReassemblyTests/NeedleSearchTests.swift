import PacketDecoding
import StreamReassembly
import Testing

/// The username must be found wherever the segment boundaries fall.
struct NeedleSearchTests {
    static let isn: UInt32 = 0xFFFF_FF00
    static let message = "USER alice\r\nPASS secret\r\nHello from the client of alice's lab\r\n"
    /// Offsets of "alice" in `message`, found the slow and obvious way.
    static let aliceOffsets: [Int] = {
        let bytes = Array(message.utf8)
        let needle = Array("alice".utf8)
        return (0...(bytes.count - needle.count)).filter { Array(bytes[$0..<($0 + needle.count)]) == needle }
    }()

    @Test func referenceOffsetsAreRight() {
        #expect(Self.aliceOffsets == [5, 50])
    }

    /// Splits `text` into segments of `size` bytes, one frame each, after a SYN in frame 1.
    static func chunked(_ text: String, size: Int) -> [ScriptedSegment] {
        let bytes = Array(text.utf8)
        var script: [ScriptedSegment] = [.syn(at: isn)]
        for start in stride(from: 0, to: bytes.count, by: size) {
            let chunk = Array(bytes[start..<min(start + size, bytes.count)])
            script.append(ScriptedSegment(sequence: isn &+ 1 &+ UInt32(start), flags: [.psh, .ack], payload: chunk))
        }
        return script
    }

    @Test func needleSplitAcrossTwoSegments() throws {
        let stream = try #require(clientStream(reassemble(
            [.syn(at: Self.isn), .data("USER al", at: Self.isn + 1), .data("ice\r\n", at: Self.isn + 8)],
            needles: ["alice"])))
        #expect(stream.matches == [Match(needleIndex: 0, streamOffset: 5, frames: [2, 3],
                                         excerpt: Array("USER alice\r\n".utf8), excerptOffset: 0)])
    }

    @Test func needleSplitAcrossThreeSegments() throws {
        let stream = try #require(clientStream(reassemble(
            [.syn(at: Self.isn), .data("a", at: Self.isn + 1), .data("lic", at: Self.isn + 2), .data("e", at: Self.isn + 5)],
            needles: ["alice"])))
        let match = try #require(stream.matches.first)
        #expect(stream.matchCount == 1)
        #expect(match.frames == [2, 3, 4])
        #expect(match.streamOffset == 0)
    }

    @Test func reorderedSegmentsKeepTheirFrames() throws {
        let stream = try #require(clientStream(reassemble(
            [.syn(at: Self.isn), .data("ice", at: Self.isn + 3), .data("xx", at: Self.isn + 6), .data("al", at: Self.isn + 1)],
            needles: ["alice"])))
        let match = try #require(stream.matches.first)
        #expect(match.frames == [2, 4])
        #expect(match.excerpt.text == "alicexx")
    }

    /// swift-nio style: the same stream in every chunk size from 1 byte to all of it.
    @Test(arguments: 1...message.utf8.count)
    func everyChunkSizeFindsEveryOccurrence(size: Int) throws {
        let stream = try #require(clientStream(reassemble(Self.chunked(Self.message, size: size), needles: ["alice"])))
        #expect(stream.prefix.text == Self.message)
        #expect(stream.matches.map(\.streamOffset) == Self.aliceOffsets)
        for match in stream.matches {
            // Chunk k (0-based) is frame k + 2; the needle covers chunks offset/size ... (offset+4)/size.
            let expectedFrames = Array((match.streamOffset / size)...((match.streamOffset + 4) / size)).map { $0 + 2 }
            #expect(match.frames == expectedFrames)
            let excerptStart = max(0, match.streamOffset - 32)
            #expect(match.excerptOffset == excerptStart)
            #expect(match.excerpt == Array(Array(Self.message.utf8)[excerptStart..<min(Self.message.utf8.count, match.streamOffset + 5 + 32)]))
        }
    }

    /// The same, with every pair of neighbouring chunks swapped on the way
    /// (frame numbers stay with their chunk), so most bytes wait in the buffer.
    @Test(arguments: 1...message.utf8.count)
    func everyChunkSizeSurvivesReordering(size: Int) throws {
        var script = Self.chunked(Self.message, size: size)
        for index in script.indices {
            script[index].frame = index + 1
        }
        for index in stride(from: 1, to: script.count - 1, by: 2) {
            script.swapAt(index, index + 1)
        }
        let stream = try #require(clientStream(reassemble(script, needles: ["alice"])))
        #expect(stream.prefix.text == Self.message)
        #expect(stream.gaps.isEmpty)
        #expect(stream.matches.map(\.streamOffset) == Self.aliceOffsets)
        for match in stream.matches {
            let expectedFrames = Array((match.streamOffset / size)...((match.streamOffset + 4) / size)).map { $0 + 2 }
            #expect(match.frames == expectedFrames)
        }
    }

    @Test func helloWorldDoesNotMatchAlice() throws {
        let stream = try #require(clientStream(reassemble(
            [.syn(at: Self.isn), .data("Hello World\n", at: Self.isn + 1)], needles: ["alice"])))
        #expect(stream.matches.isEmpty)
        #expect(stream.matchCount == 0)
        #expect(stream.prefix.text == "Hello World\n")
    }

    @Test func needleIsNotMatchedAcrossAGap() throws {
        let stream = try #require(clientStream(reassemble(
            [.syn(at: Self.isn), .data("al", at: Self.isn + 1), .data("ice", at: Self.isn + 10)], needles: ["alice"])))
        #expect(stream.matches.isEmpty)
        #expect(stream.gaps.count == 1)
    }

    @Test func severalNeedlesKeepTheirIndices() throws {
        let stream = try #require(clientStream(reassemble(
            [.syn(at: Self.isn), .data("bob and alice and bob", at: Self.isn + 1)], needles: ["alice", "", "bob"])))
        #expect(stream.matches.map(\.needleIndex) == [2, 0, 2])
        #expect(stream.matches.map(\.streamOffset) == [0, 8, 18])
    }

    @Test func overlappingOccurrencesAreAllFound() throws {
        let stream = try #require(clientStream(reassemble(
            [.syn(at: Self.isn), .data("aaa", at: Self.isn + 1), .data("a", at: Self.isn + 4)], needles: ["aa"])))
        #expect(stream.matches.map(\.streamOffset) == [0, 1, 2])
        #expect(stream.matches.map(\.frames) == [[2], [2], [2, 3]])
    }

    @Test func excerptAfterContextArrivesInLaterSegments() throws {
        let limits = ReassemblyLimits(excerptContext: 4)
        let stream = try #require(clientStream(reassemble(
            [.syn(at: Self.isn), .data("hi alice", at: Self.isn + 1), .data(" and", at: Self.isn + 9), .data(" more", at: Self.isn + 13)],
            needles: ["alice"], limits: limits)))
        let match = try #require(stream.matches.first)
        #expect(match.excerpt.text == "hi alice and")
        #expect(match.excerptOffset == 0)
    }

    @Test func bothDirectionsAreSearched() throws {
        let conversation = try #require(reassemble([
            .syn(at: Self.isn), .synAck(at: 500, acknowledging: Self.isn),
            .data("alice", at: Self.isn + 1), .data("hi alice", at: 501, from: .server),
        ], needles: ["alice"]).first)
        #expect(conversation.clientToServer.matches.map(\.frames) == [[3]])
        #expect(conversation.serverToClient.matches.map(\.streamOffset) == [3])
    }
}
