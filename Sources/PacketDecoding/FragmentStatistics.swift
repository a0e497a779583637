/// What IP fragment reassembly did over one capture, for the report.
public struct FragmentStatistics: Sendable, Equatable {
    /// Most overlaps kept with their bytes; the rest are only counted.
    public static let maximumOverlapsKept = 16

    /// Frames that held a fragment.
    public var fragments = 0
    /// Datagrams completed and decoded.
    public var reassembled = 0
    /// Fragments that covered bytes already received with the same contents.
    public var identicalOverlaps = 0
    /// Fragments that covered bytes already received with other contents.
    public var differingOverlaps = 0
    public var overlaps: [FragmentOverlap] = []
    /// Datagrams given up, by reason ("still incomplete at the end of the capture").
    public var givenUp: [GiveUpReason: Int] = [:]

    public enum GiveUpReason: String, Sendable, CaseIterable, Comparable {
        case incompleteAtEnd = "still incomplete at the end of the capture"
        case timedOut = "still incomplete when its reassembly time ran out"
        case memory = "given up to stay within the fragment memory limit"
        case tooManyPieces = "in more pieces than the reassembler keeps apart"
        case oversized = "longer than the 65,535 bytes an IP datagram can hold"
        case inconsistentEnd = "given two different ends by its last fragments"

        public static func < (lhs: Self, rhs: Self) -> Bool {
            allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
        }
    }

    public init() {}

    /// One sentence per kind of outcome, for the text and JSON views; empty when no frame was a fragment.
    public var descriptions: [String] {
        guard fragments > 0 else { return [] }
        var lines = ["\(fragments) IP fragment\(fragments == 1 ? "" : "s"), \(reassembled) datagram\(reassembled == 1 ? "" : "s") reassembled"]
        for (reason, count) in givenUp.sorted(by: { $0.key < $1.key }) {
            lines.append("\(count) datagram\(count == 1 ? " was" : "s were") \(reason.rawValue) and not searched")
        }
        if identicalOverlaps > 0 {
            lines.append("\(identicalOverlaps) fragment\(identicalOverlaps == 1 ? "" : "s") repeated bytes already received")
        }
        if differingOverlaps > 0 {
            lines.append("\(differingOverlaps) fragment\(differingOverlaps == 1 ? "" : "s") overlapped earlier ones with different bytes (the first bytes were kept)")
        }
        return lines
    }
}
