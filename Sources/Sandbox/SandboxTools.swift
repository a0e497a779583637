#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The trusted programs the sandbox is built from, found once at start-up.
public struct SandboxTools: Sendable, Equatable {
    public var nsenter: String
    public var bubblewrap: String
    public var setpriv: String
    public var unshare: String
    /// sockgrade's own privilege drop (Sources/PrivilegeDrop),
    /// found beside the running executable; nil where it is not, and root
    /// mode then drops with setpriv, as before.
    public var dropPrivileges: String?

    /// Finds the tools in the system folders (never the caller's PATH, which a
    /// user could point anywhere).
    public static func locate() throws(SandboxError) -> SandboxTools {
        func find(_ name: String, package: String) throws(SandboxError) -> String {
            for folder in ["/usr/bin", "/usr/sbin", "/bin", "/sbin"] {
                let path = "\(folder)/\(name)"
                if access(path, X_OK) == 0 { return path }
            }
            throw SandboxError(
                "finding \(name)",
                hint: "Install it with `apt-get install \(package)` (or run `make grade`, which installs it)")
        }
        return SandboxTools(
            nsenter: try find("nsenter", package: "util-linux"),
            bubblewrap: try find("bwrap", package: "bubblewrap"),
            setpriv: try find("setpriv", package: "util-linux"),
            unshare: try find("unshare", package: "util-linux"),
            dropPrivileges: besideExecutable("sockgrade-drop-privileges"))
    }

    /// A helper shipped next to the running executable (the build folder,
    /// `make dist`'s folder, the Gradescope bundle), used only if it is a
    /// regular file owned by root or the grader's user that no one else can
    /// write: it runs as root inside the sandbox.
    static func besideExecutable(_ name: String) -> String? {
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        let path = (executable as NSString).deletingLastPathComponent + "/" + name
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_mode & 0o022 == 0,
              info.st_uid == 0 || info.st_uid == geteuid(), access(path, X_OK) == 0 else { return nil }
        return path
    }
}
