/// The LAN or public address a client tried instead of this machine: the
/// sandbox has only `lo`, so such a connect fails with "Network is
/// unreachable" (ENETUNREACH), which is what the client's output shows.
struct ForeignAddress {
    var output: String
    /// Quoted IPv4 addresses in the client's source that are not loopback.
    var inSource: [String]

    var address: String? {
        let unreachable = ["network is unreachable", "no route to host", "enetunreach", "noroutetohostexception", "ehostunreach"]
        let lower = output.lowercased()
        guard unreachable.contains(where: lower.contains) else { return nil }
        let printed = output.matches(of: /\b([0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3})\b/).map { String($0.output.1) }
            .first { !$0.hasPrefix("127.") && $0 != "0.0.0.0" }
        return printed ?? inSource.first
    }
}
