/// A count kept in 32 bits where the API speaks `Int`: every conversation's
/// summary holds a dozen counts, and at 8 bytes each they were a third of
/// a short conversation's summary (35,000 of them in one capture).
///
/// Saturates at `UInt32.max` rather than trapping: a count of segments or
/// events would need four billion packets, far past any capture's budget.
@propertyWrapper
public struct CompactCount: Sendable, Equatable {
    private var stored: UInt32

    public init(wrappedValue: Int) {
        stored = UInt32(clamping: wrappedValue)
    }

    public var wrappedValue: Int {
        get { Int(stored) }
        set { stored = UInt32(clamping: newValue) }
    }
}

/// An optional frame number in 32 bits instead of 16 (an `Int?` is padded to
/// two words); `UInt32.max` stands for nil, and frame numbers saturate below it.
@propertyWrapper
public struct CompactFrameNumber: Sendable, Equatable {
    private var stored: UInt32

    public init(wrappedValue: Int?) {
        stored = Self.store(wrappedValue)
    }

    public var wrappedValue: Int? {
        get { stored == .max ? nil : Int(stored) }
        set { stored = Self.store(newValue) }
    }

    private static func store(_ frame: Int?) -> UInt32 {
        guard let frame else { return .max }
        return UInt32(clamping: frame) == .max ? .max - 1 : UInt32(clamping: frame)
    }
}
