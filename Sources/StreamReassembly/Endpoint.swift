public import PacketDecoding

/// One side of a TCP conversation.
public struct Endpoint: Hashable, Sendable, CustomStringConvertible {
    public var address: IPAddress
    public var port: UInt16

    public init(address: IPAddress, port: UInt16) {
        self.address = address
        self.port = port
    }

    /// "127.0.0.1:60001", or "[::1]:60001" so that the port cannot be read as an address group.
    public var description: String {
        switch address {
        case .v4(let value): return Self.text(ipv4: value, port: port)
        case .v6: return "[\(address)]:\(port)"
        }
    }

    /// "a.b.c.d:port" written digit by digit into the string's own storage:
    /// the interpolation, twice in each of 35,000 lines of an `inspect`
    /// report, was a twentieth of writing it.
    private static func text(ipv4 value: UInt32, port: UInt16) -> String {
        String(unsafeUninitializedCapacity: 21) { buffer in
            var count = 0
            func put(_ number: Int) {
                if number >= 10_000 { buffer[count] = UInt8(ascii: "0") + UInt8(number / 10_000); count += 1 }
                if number >= 1_000 { buffer[count] = UInt8(ascii: "0") + UInt8(number / 1_000 % 10); count += 1 }
                if number >= 100 { buffer[count] = UInt8(ascii: "0") + UInt8(number / 100 % 10); count += 1 }
                if number >= 10 { buffer[count] = UInt8(ascii: "0") + UInt8(number / 10 % 10); count += 1 }
                buffer[count] = UInt8(ascii: "0") + UInt8(number % 10)
                count += 1
            }
            for shift in [24, 16, 8] as [UInt32] {
                put(Int(value >> shift & 0xFF))
                buffer[count] = UInt8(ascii: ".")
                count += 1
            }
            put(Int(value & 0xFF))
            buffer[count] = UInt8(ascii: ":")
            count += 1
            put(Int(port))
            return count
        }
    }
}
