#if canImport(Glibc)
import Glibc
#endif

/// The trusted programs the sandbox is built from, found once at start-up.
public struct SandboxTools: Sendable, Equatable {
    public var nsenter: String
    public var bubblewrap: String
    public var setpriv: String
    public var unshare: String

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
            unshare: try find("unshare", package: "util-linux"))
    }
}
