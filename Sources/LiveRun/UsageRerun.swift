import Foundation
import ProgramDiscovery
import Sandbox

/// Some servers want their port as argv[1] and some clients `host port`:
/// started bare, they print `Usage: ./server <port>` and exit at once. A TA
/// would run them again with a port, so the grader does, once, when no
/// sockgrade.yaml gives the arguments.
package enum UsageRerun {
    /// A first run that ended this soon counts as "at once".
    static let quickExit: Duration = .seconds(2)

    /// Whether `child` stopped at once for want of arguments: quickly,
    /// printing a usage line (or failing on argv[1] itself). The status does
    /// not decide: the linuxhowtos client tutorial prints its usage and exits 0.
    package static func wantsArguments(_ child: ChildProcess, program: StudentProgram) -> Bool {
        guard program.manifest.arguments.isEmpty, program.manifest.run == nil,
              child.status != nil,
              let ended = child.endedAt, ended - child.startedAt < quickExit else { return false }
        let output = child.standardOutput.text + "\n" + child.standardError.text
        return saysUsage(output)
    }

    /// `usage:` lines (C, Java, Go, argparse), or a crash on the missing
    /// argument itself (Python's IndexError on sys.argv, Java's args[0]).
    package static func saysUsage(_ output: String) -> Bool {
        if output.range(of: "(?im)^\\s*(usage|utilisation|uso|verwendung)\\s*:", options: .regularExpression) != nil { return true }
        // "usage ./client hostname port" (no colon) in a short output.
        if output.range(of: "(?i)\\busage\\b", options: .regularExpression) != nil, output.split(separator: "\n").count <= 5 { return true }
        if output.contains("IndexError") && output.contains("argv") { return true }
        return output.contains("ArrayIndexOutOfBoundsException") && output.contains("Index 0")
    }

    /// The port to give a server: the first number in its source that looks
    /// like a port above 59000 (the hand-out's range, often the default it
    /// prints in the usage line), else 59999.
    package static func port(for server: StudentProgram, in folder: URL) -> UInt16 {
        let source = (try? String(contentsOf: folder.appendingPathComponent(server.sourcePath), encoding: .utf8)) ?? ""
        let candidates = source.split { !$0.isNumber }.compactMap { UInt16($0) }
        return candidates.first { $0 > 59000 } ?? 59999
    }

    /// What the report tells the student to write instead.
    package static func manifestLine(role: ProgramRole, arguments: [String]) -> String {
        "\(role.rawValue): { args: [\(arguments.map { "\"\($0)\"" }.joined(separator: ", "))] }"
    }
}
