/// Renders rows the way net-tools `netstat -atn` does, so reports read like the tool students know.
extension SocketRow {
    /// One line as `netstat -atn` prints it:
    /// "tcp        0      0 127.0.0.1:60001         0.0.0.0:*               LISTEN".
    ///
    /// netstat's columns are Proto, Recv-Q, Send-Q, local, foreign, state. Like netstat, it shows
    /// v4-mapped addresses in IPv4 form and cuts an address whose text with the port passes
    /// 22 characters. netstat pads the state to 11 columns; the trailing blanks are left out.
    public var netstatLine: String {
        netstatLine(wide: false)
    }

    /// `netstatLine`, or with `wide` the `netstat -atnW` form, which never cuts addresses.
    public func netstatLine(wide: Bool) -> String {
        var line = local.isIPv6 ? "tcp6" : "tcp "
        line += "  " + Self.rightAligned(String(receiveQueue), width: 6)
        line += " " + Self.rightAligned(String(transmitQueue), width: 6)
        line += " " + Self.leftAligned(Self.netstatAddress(local, wide: wide), width: 23)
        line += " " + Self.leftAligned(Self.netstatAddress(remote, wide: wide), width: 23)
        line += " " + state.description
        return line
    }

    /// netstat's `addr_do_one`: "host:port", the host cut so the whole fits in 22 characters.
    static func netstatAddress(_ address: SocketAddress, wide: Bool) -> String {
        let shown = address.unmapped
        var host = shown.ip
        var port = shown.portText
        let limit = 22
        if !wide && host.count + port.count > limit {
            port = String(port.prefix(limit - 4))
            host = String(host.prefix(limit - port.count))
        }
        return host + ":" + port
    }

    private static func rightAligned(_ text: String, width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private static func leftAligned(_ text: String, width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
