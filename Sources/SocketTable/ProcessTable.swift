/// Reads facts about processes from a /proc tree, by default the real one.
///
/// The root can be any folder laid out like /proc, so tests run on fixture trees. Processes
/// come and go while the grader looks, so a process that has exited reads as having no
/// sockets, children or command line rather than as an error.
public struct ProcessTable: Sendable {
    public var procRoot: String

    public init(procRoot: String = "/proc") {
        self.procRoot = procRoot
    }

    /// PROC/PID/`relativePath`.
    func path(of pid: Int32, _ relativePath: String) -> String {
        "\(procRoot)/\(pid)/\(relativePath)"
    }

    /// The arguments in /proc/PID/cmdline, program first; empty for a kernel thread or an exited process.
    public func commandLine(of pid: Int32) -> [String] {
        guard case .success(let bytes) = SystemCalls.readFile(path(of: pid, "cmdline")) else { return [] }
        // Arguments end with NUL each; the split leaves an empty piece after the last one.
        var arguments = bytes.split(separator: 0, omittingEmptySubsequences: false)
        if arguments.last?.isEmpty == true { arguments.removeLast() }
        return arguments.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Child process ids from /proc/PID/task/*/children, ascending.
    ///
    /// Each thread lists the children it forked, so all threads are read.
    public func children(of pid: Int32) -> [Int32] {
        var children: [Int32] = []
        let tasks = path(of: pid, "task")
        SystemCalls.forEachEntry(inDirectory: tasks) { entry in
            guard let thread = entry.processID,
                  case .success(let bytes) = SystemCalls.readFile("\(tasks)/\(thread)/children")
            else { return true }
            children += bytes.split(separator: UInt8(ascii: " ")).compactMap { Self.decimal($0) }
            return true
        }
        return children.sorted()
    }

    /// Every process below `pid`: children, their children, and so on, ascending.
    public func descendants(of pid: Int32) -> [Int32] {
        var found: Set<Int32> = []
        var waiting = [pid]
        while let parent = waiting.popLast() {
            for child in children(of: parent) where found.insert(child).inserted {
                waiting.append(child)
            }
        }
        return found.sorted()
    }

    /// Decimal digits, optionally followed by a newline, as a process id.
    static func decimal(_ bytes: ArraySlice<UInt8>) -> Int32? {
        let digits = bytes.last == UInt8(ascii: "\n") ? bytes.dropLast() : bytes
        guard !digits.isEmpty else { return nil }
        var value: Int32 = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let (times10, overflowed) = value.multipliedReportingOverflow(by: 10)
            let (sum, carried) = times10.addingReportingOverflow(Int32(byte - UInt8(ascii: "0")))
            guard !overflowed, !carried else { return nil }
            value = sum
        }
        return value
    }
}
