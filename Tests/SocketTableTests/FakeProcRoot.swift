import Foundation

/// A temporary copy of Fixtures/proc with the symbolic links of its links.txt made,
/// and the socket tables of Fixtures/net placed as some processes' net/tcp and net/tcp6.
final class FakeProcRoot {
    let path: String

    init() throws {
        let files = FileManager.default
        let root = files.temporaryDirectory.appendingPathComponent("sockgrade-proc-\(UUID().uuidString)")
        try files.copyItem(at: Fixtures.url("proc"), to: root)
        path = root.path

        let manifest = try String(contentsOf: root.appendingPathComponent("links.txt"), encoding: .utf8)
        for line in manifest.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.components(separatedBy: " -> ")
            let link = root.appendingPathComponent(parts[0])
            try files.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
            try files.createSymbolicLink(atPath: link.path, withDestinationPath: parts[1])
        }

        // 1234 sees both tables; 1250 runs on a kernel without IPv6, so it has tcp only.
        try files.createDirectory(at: root.appendingPathComponent("1234/net"), withIntermediateDirectories: true)
        try files.copyItem(at: Fixtures.url("net/tcp"), to: root.appendingPathComponent("1234/net/tcp"))
        try files.copyItem(at: Fixtures.url("net/tcp6"), to: root.appendingPathComponent("1234/net/tcp6"))
        try files.createDirectory(at: root.appendingPathComponent("1250/net"), withIntermediateDirectories: true)
        try files.copyItem(at: Fixtures.url("net/tcp"), to: root.appendingPathComponent("1250/net/tcp"))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
