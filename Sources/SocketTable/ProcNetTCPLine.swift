/// One line of /proc/net/tcp or tcp6, read field by field from left to right.
///
/// Each accessor consumes the next whitespace-separated field and names it in the error it throws.
/// Column names are static strings and failures carry byte ranges, so that a good line costs
/// no reference counting; `ProcNetTCP` turns a `FieldFailure` into a `SocketTableError`.
struct ProcNetTCPLine {
    /// Column names as the kernel's header spells them, so errors point at the right column.
    enum Column {
        static let header: StaticString = "header"
        static let slot: StaticString = "sl"
        static let localAddress: StaticString = "local_address"
        static let remoteAddressIPv4: StaticString = "rem_address"
        static let remoteAddressIPv6: StaticString = "remote_address"
        static let state: StaticString = "st"
        static let queues: StaticString = "tx_queue:rx_queue"
        static let transmitQueue: StaticString = "tx_queue"
        static let receiveQueue: StaticString = "rx_queue"
        static let timer: StaticString = "tr:tm->when"
        static let retransmits: StaticString = "retrnsmt"
        static let uid: StaticString = "uid"
        static let timeout: StaticString = "timeout"
        static let inode: StaticString = "inode"
    }

    let bytes: UnsafeRawBufferPointer
    /// Start of the part not read yet; fields are consumed from here.
    private var cursor: Int
    private let end: Int
    let ipv6: Bool

    init(bytes: UnsafeRawBufferPointer, range: Range<Int>, ipv6: Bool) {
        self.bytes = bytes
        self.cursor = range.lowerBound
        self.end = range.upperBound
        self.ipv6 = ipv6
    }

    var isBlank: Bool {
        !(cursor..<end).contains { !Self.isBlank(bytes[$0]) }
    }

    /// Checks that the line is the column header, so a file without one loses no socket silently.
    mutating func checkHeader() throws(FieldFailure) {
        let token = nextToken()
        guard let token, token.count == 2, bytes[token.lowerBound] == UInt8(ascii: "s"),
              bytes[token.lowerBound + 1] == UInt8(ascii: "l")
        else {
            throw failure(Column.header, token, .notShapedLike(example: "'sl  local_address ...'"))
        }
    }

    mutating func parseRow() throws(FieldFailure) -> SocketRow {
        try skipSlot()
        let local = try address(Column.localAddress)
        let remote = try address(ipv6 ? Column.remoteAddressIPv6 : Column.remoteAddressIPv4)
        let state = try state()
        let (transmitQueue, receiveQueue) = try queues()
        _ = try field(Column.timer)
        _ = try field(Column.retransmits)
        let uid = try decimal(Column.uid, bits: 32)
        _ = try field(Column.timeout)
        let inode = try decimal(Column.inode, bits: 64)
        return SocketRow(
            local: local,
            remote: remote,
            state: state,
            uid: UInt32(truncatingIfNeeded: uid),
            inode: inode,
            transmitQueue: transmitQueue,
            receiveQueue: receiveQueue
        )
    }

    // MARK: - Fields

    /// `sl`: the row's slot number and a colon ("   0:"); checked, not kept.
    private mutating func skipSlot() throws(FieldFailure) {
        let token = try field(Column.slot)
        let digits = token.lowerBound..<(token.upperBound - 1)
        guard bytes[token.upperBound - 1] == UInt8(ascii: ":"), !digits.isEmpty,
              digits.allSatisfy({ Self.decimalDigit(bytes[$0]) != nil })
        else {
            throw failure(Column.slot, token, .notShapedLike(example: "0:"))
        }
    }

    /// `local_address`, `rem_address`: hex words, a colon, a 4-digit hex port.
    private mutating func address(_ name: StaticString) throws(FieldFailure) -> SocketAddress {
        let token = try field(name)
        let wordCount = ipv6 ? 4 : 1
        let colon = token.lowerBound + 8 * wordCount
        guard token.count == 8 * wordCount + 5, bytes[colon] == UInt8(ascii: ":") else {
            let example = ipv6 ? "00000000000000000000000001000000:EA61" : "0100007F:EA61"
            throw failure(name, token, .notShapedLike(example: example))
        }
        /// The address's `index`th 32-bit word, network order.
        func word(_ index: Int) throws(FieldFailure) -> UInt32 {
            let start = token.lowerBound + 8 * index
            guard let word = hexNumber(start..<(start + 8)) else { throw failure(name, token, .notHex) }
            // The kernel prints each 32-bit word of the address as a number in host order,
            // so the word's in-memory bytes are the address bytes in network order.
            return UInt32(bigEndian: UInt32(truncatingIfNeeded: word))
        }
        guard let port = hexNumber((colon + 1)..<token.upperBound) else { throw failure(name, token, .notHex) }
        let portNumber = UInt16(truncatingIfNeeded: port)
        if !ipv6 {
            return SocketAddress(ipv4: try word(0), port: portNumber)
        }
        return SocketAddress(
            ipv6High: UInt64(try word(0)) << 32 | UInt64(try word(1)),
            low: UInt64(try word(2)) << 32 | UInt64(try word(3)),
            port: portNumber
        )
    }

    /// `st`: the state as two hex digits.
    private mutating func state() throws(FieldFailure) -> TCPState {
        let token = try field(Column.state)
        guard token.count <= 2, let number = hexNumber(token) else {
            throw failure(Column.state, token, token.count <= 2 ? .notHex : .unknownState)
        }
        guard let state = TCPState(rawValue: UInt8(truncatingIfNeeded: number)) else {
            throw failure(Column.state, token, .unknownState)
        }
        return state
    }

    /// `tx_queue:rx_queue`, one field of two hex numbers.
    private mutating func queues() throws(FieldFailure) -> (transmit: UInt32, receive: UInt32) {
        let token = try field(Column.queues)
        guard let colon = token.first(where: { bytes[$0] == UInt8(ascii: ":") }) else {
            throw failure(Column.queues, token, .notShapedLike(example: "00000000:00000000"))
        }
        let transmit = try hex32(token.lowerBound..<colon, name: Column.transmitQueue)
        let receive = try hex32((colon + 1)..<token.upperBound, name: Column.receiveQueue)
        return (transmit, receive)
    }

    private func hex32(_ range: Range<Int>, name: StaticString) throws(FieldFailure) -> UInt32 {
        guard range.count <= 16, let value = hexNumber(range) else {
            throw failure(name, range, range.count <= 16 ? .notHex : .tooLarge(bits: 32))
        }
        guard let narrow = UInt32(exactly: value) else { throw failure(name, range, .tooLarge(bits: 32)) }
        return narrow
    }

    /// A decimal field that must fit in `bits` bits.
    private mutating func decimal(_ name: StaticString, bits: Int) throws(FieldFailure) -> UInt64 {
        let token = try field(name)
        var value: UInt64 = 0
        for index in token {
            guard let digit = Self.decimalDigit(bytes[index]) else { throw failure(name, token, .notDecimal) }
            let (times10, overflowed) = value.multipliedReportingOverflow(by: 10)
            let (sum, carried) = times10.addingReportingOverflow(UInt64(digit))
            guard !overflowed, !carried else { throw failure(name, token, .tooLarge(bits: bits)) }
            value = sum
        }
        guard bits == 64 || value >> bits == 0 else { throw failure(name, token, .tooLarge(bits: bits)) }
        return value
    }

    // MARK: - Bytes

    /// The next field, or a `missing` error naming it.
    private mutating func field(_ name: StaticString) throws(FieldFailure) -> Range<Int> {
        guard let token = nextToken() else { throw failure(name, nil, .missing) }
        return token
    }

    /// The next run of non-blank bytes, or nil at the end of the line.
    private mutating func nextToken() -> Range<Int>? {
        while cursor < end && Self.isBlank(bytes[cursor]) { cursor += 1 }
        guard cursor < end else { return nil }
        let start = cursor
        while cursor < end && !Self.isBlank(bytes[cursor]) { cursor += 1 }
        return start..<cursor
    }

    /// Up to 16 hex digits as a number; nil if any byte is not a hex digit or there are none.
    private func hexNumber(_ range: Range<Int>) -> UInt64? {
        guard !range.isEmpty, range.count <= 16 else { return nil }
        var value: UInt64 = 0
        for index in range {
            guard let digit = Self.hexDigit(bytes[index]) else { return nil }
            value = value << 4 | UInt64(digit)
        }
        return value
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private static func decimalDigit(_ byte: UInt8) -> UInt8? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? byte - UInt8(ascii: "0") : nil
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    private func failure(_ field: StaticString, _ token: Range<Int>?, _ problem: SocketTableError.FieldProblem) -> FieldFailure {
        FieldFailure(field: field, token: token, problem: problem)
    }
}

/// A bad field of a line: the column, the bytes found there (nil when missing) and what is wrong.
struct FieldFailure: Error {
    var field: StaticString
    var token: Range<Int>?
    var problem: SocketTableError.FieldProblem
}
