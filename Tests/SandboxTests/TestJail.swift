import Foundation
@testable import Sandbox

#if canImport(Glibc)
import Glibc
#endif

/// A real jail for one test: a scratch home owned by slot `slot`'s uid, a
/// fresh network namespace, the real tools.
struct TestJail {
    let folder: URL
    let namespace: NetworkNamespace
    let jail: Jail

    /// - Parameter tools: the sandbox's programs; nil finds them as the grader does.
    init(slot: Int, tools: SandboxTools? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sockgrade-jail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let user = SandboxUser.slot(slot)
        chown(folder.path, user.uid, user.gid)
        namespace = try NetworkNamespace()
        jail = Jail(tools: try tools ?? SandboxTools.locate(), namespace: namespace, user: user, scratchFolder: folder.path)
    }

    /// Waits for `child` (20 s at most), reads what is left, removes the home.
    func finish(_ child: ChildProcess) -> Bool {
        let exited = child.wait(timeout: .seconds(20))
        child.drainRemaining()
        try? FileManager.default.removeItem(at: folder)
        return exited
    }
}
