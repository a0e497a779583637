/// Which process holds which socket, from the `socket:[INODE]` links under /proc/PID/fd.
extension ProcessTable {
    private static let socketPrefix = Array("socket".utf8)

    /// Inodes of the sockets `pid` has open; empty if it has exited meanwhile.
    public func socketInodes(of pid: Int32) -> Set<UInt64> {
        var inodes: Set<UInt64> = []
        forEachSocketInode(of: pid) { inode in
            inodes.insert(inode)
            return true
        }
        return inodes
    }

    /// The first of `pids` that holds the socket with this inode, in the order given.
    public func owner(ofSocket inode: UInt64, among pids: [Int32]) -> Int32? {
        pids.first { holds(pid: $0, socket: inode) }
    }

    /// All of `pids` that hold the socket: a forking server shares its listener with its children.
    public func owners(ofSocket inode: UInt64, among pids: [Int32]) -> [Int32] {
        pids.filter { holds(pid: $0, socket: inode) }
    }

    /// The TCP sockets of `pid`'s network namespace, from PROC/PID/net/tcp and tcp6.
    ///
    /// A kernel without IPv6 has no tcp6 file, which gives IPv4 rows only; a process that has
    /// exited gives the `open` error of its tcp file.
    public func tcpSockets(inNetworkNamespaceOf pid: Int32) throws(SocketTableError) -> [SocketRow] {
        let ipv4Rows = try ProcNetTCP.read(ReopenableProcFile(path: path(of: pid, "net/tcp")), ipv6: false)
        guard let ipv6File = try ReopenableProcFile.openIfPresent(path: path(of: pid, "net/tcp6")) else {
            return ipv4Rows  // No IPv6 in this kernel.
        }
        return try ipv4Rows + ProcNetTCP.read(ipv6File, ipv6: true)
    }

    private func holds(pid: Int32, socket inode: UInt64) -> Bool {
        var found = false
        forEachSocketInode(of: pid) { held in
            found = held == inode
            return !found
        }
        return found
    }

    /// Calls `body` with each socket inode of `pid` until it returns false.
    private func forEachSocketInode(of pid: Int32, _ body: (UInt64) -> Bool) {
        SystemCalls.forEachEntry(inDirectory: path(of: pid, "fd")) { entry in
            guard let inode = entry.withLinkTarget({ LinkTarget.inode(in: $0, prefix: Self.socketPrefix) }) else {
                return true
            }
            return body(inode)
        }
    }
}
