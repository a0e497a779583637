/// Namespace membership, read from the /proc/PID/ns/KIND links ("net:[4026531840]").
extension ProcessTable {
    /// The inode of the namespace of `kind` ("net", "pid", ...) that `pid` is in; nil if it has exited.
    public func namespaceInode(of pid: Int32, kind: String) -> UInt64? {
        let prefix = Array(kind.utf8)
        return SystemCalls.withLinkTarget(path(of: pid, "ns/\(kind)")) { LinkTarget.inode(in: $0, prefix: prefix) }
    }

    /// Every process whose namespace of `kind` has the given inode, ascending.
    ///
    /// This is how the grader finds a student's server and client, whatever they forked,
    /// once it knows the inode of the namespace it made for them.
    public func processes(inNamespace kind: String, inode: UInt64) -> [Int32] {
        let prefix = Array(kind.utf8)
        var members: [Int32] = []
        SystemCalls.forEachEntry(inDirectory: procRoot) { entry in
            guard let pid = entry.processID else { return true }
            let member = "\(pid)/ns/\(kind)".withCString { link in
                SystemCalls.withLinkTarget(in: entry.directory, link) { LinkTarget.inode(in: $0, prefix: prefix) }
            }
            if member == inode { members.append(pid) }
            return true
        }
        return members.sorted()
    }
}
