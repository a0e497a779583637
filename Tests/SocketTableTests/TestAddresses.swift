import SocketTable

/// Builds an address from its printed form; traps on a typo, which only a test can make.
func address(_ ip: String, _ port: UInt16) -> SocketAddress {
    SocketAddress(ip: ip, port: port)!
}
