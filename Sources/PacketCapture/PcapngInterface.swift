/// What an Interface Description Block says about the packets that refer to it.
struct PcapngInterface {
    var linkType: Int32
    /// The interface's snapshot length as libpcap applies it (`SnapLength.effective`).
    var snapLength = SnapLength.maximum
    /// `if_tsresol`: units per second of the packet timestamps (default microseconds).
    var unitsPerSecond: UInt64 = 1_000_000
    /// `if_tsoffset`: seconds added to every timestamp.
    var secondsOffset: Int64 = 0

    /// Seconds since the epoch, splitting whole seconds from the fraction so a
    /// nanosecond timestamp keeps its precision in a Double.
    func seconds(units: UInt64) -> Double {
        let whole = units / unitsPerSecond
        let fraction = units % unitsPerSecond
        return Double(Int64(bitPattern: whole) &+ secondsOffset) + Double(fraction) / Double(unitsPerSecond)
    }

    /// `if_tsresol`: the high bit picks a power of two, otherwise a power of ten.
    static func unitsPerSecond(resolution: UInt8) -> UInt64 {
        let exponent = UInt64(resolution & 0x7F)
        if resolution & 0x80 != 0 {
            return exponent < 64 ? 1 << exponent : 1 << 63
        }
        var units: UInt64 = 1
        for _ in 0..<min(exponent, 19) { units *= 10 }
        return units
    }
}
