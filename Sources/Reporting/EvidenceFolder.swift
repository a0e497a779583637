import Foundation

/// Names `OUT/<student>/`, the folder beside a report that holds its evidence files
/// (`live.pcap`, the programs' output, the socket tables).
public enum EvidenceFolder {
    /// One safe path component for `student`: separators and NUL become `_`, leading dots
    /// go, and an empty result is `student`. It must stay the rule Grading uses when it
    /// saves `live.pcap`, or the evidence would land in two folders.
    public static func name(for student: String) -> String {
        var safe = String(student.map { $0 == "/" || $0 == "\0" ? "_" : $0 })
        while safe.hasPrefix(".") { safe.removeFirst() }
        return safe.isEmpty ? "student" : safe
    }

    /// The file names inside it; every module that writes or links one uses these.
    public static let liveCapture = "live.pcap"
    public static let socketsAtListen = "sockets-at-listen.txt"
    public static let socketsAtEstablished = "sockets-at-established.txt"
    /// Each live run's phase timings, which `make bench` reads.
    public static let timings = "timings.json"

    /// `<role>.stdout.txt` or `<role>.stderr.txt`.
    public static func output(of role: String, stream: String) -> String {
        "\(name(for: role)).\(stream).txt"
    }

    /// `OUT/<student>/`.
    public static func url(for student: String, in outputFolder: URL) -> URL {
        outputFolder.appendingPathComponent(name(for: student))
    }
}
