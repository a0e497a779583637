import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Paths into the checkout the tests run from.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let submissions = root.appendingPathComponent("submissions")
    static let rubric = root.appendingPathComponent("rubric/socket-lab.yaml").path
    /// Issue 5's samples: one student per language and naming style, LMS downloads, hostile archives.
    static let intake = root.appendingPathComponent("Tests/Fixtures/intake")

    /// Live grading needs root and bubblewrap; CI runs as root.
    static var canGradeLive: Bool {
        geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/bwrap")
    }
}
