import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The user rootless grading is tested as: made by the test (useradd) when
/// missing, since CI starts from a machine that has only root.
enum UnprivilegedUser {
    static let name = "sockgrade-test"

    /// Makes sure the user exists and owns `folder`; returns its name.
    static func make(owning folder: URL) throws -> String {
        if getpwnam(name) == nil {
            let result = try Command.run(
                URL(fileURLWithPath: "/usr/sbin/useradd"), ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name])
            guard result.status == 0 || getpwnam(name) != nil else {
                throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "useradd \(name): \(result.standardError)"])
            }
        }
        guard let entry = getpwnam(name) else { throw CocoaError(.executableNotLoadable) }
        chown(folder.path, entry.pointee.pw_uid, entry.pointee.pw_gid)
        return name
    }
}
