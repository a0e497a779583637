/// Which process holds which socket, from the `socket:[INODE]` links under /proc/PID/fd.
extension ProcessTable {
    private static let socketPrefix = Array("socket".utf8)

    /// The first of `pids` that holds the socket with this inode, in the order given.
    public func owner(ofSocket inode: UInt64, among pids: [Int32]) -> Int32? {
        pids.first { holds(pid: $0, socket: inode) }
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
