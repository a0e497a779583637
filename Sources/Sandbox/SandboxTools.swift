#if canImport(Glibc)
import Glibc
#endif

/// The trusted programs the sandbox is built from, found once at start-up.
public struct SandboxTools: Sendable, Equatable {
    public var nsenter: String
    public var bubblewrap: String
    public var setpriv: String
    public var prlimit: String
    public var unshare: String
    /// keyutils' `keyctl`: gives each sandboxed command a fresh session keyring.
    public var keyctl: String

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
            prlimit: try find("prlimit", package: "util-linux"),
            unshare: try find("unshare", package: "util-linux"),
            keyctl: try find("keyctl", package: "keyutils"))
    }
}
