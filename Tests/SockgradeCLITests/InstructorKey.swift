import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A key the hostile suite plants in the session keyring the grader starts
/// in, as an instructor's login session would hold one; no student may see it.
struct InstructorKey {
    static let name = "sockgrade-instructor"
    static let keyctl = "/usr/bin/keyctl"
    let secret = "instructor-secret-\(UUID().uuidString)"

    /// A new session keyring for the grader (keyctl new_session gives the shell
    /// one) holding the key, then exec of the grader.
    var launcher: [String] {
        let script = #""$1" new_session >/dev/null && "$1" add user "$2" "$3" @s >/dev/null || exit 99; shift 3; exec "$@""#
        return ["/bin/sh", "-c", script, "plant", Self.keyctl, Self.name, secret]
    }

    /// "type;uid;gid;perm;name" of every key in `uid`'s own keyrings (@u, and
    /// @us less its link to @u), read as that uid: root cannot view them.
    static func keysHeld(byUid uid: UInt32) throws -> [String] {
        let script = #"for id in $("$1" rlist @u) $("$1" rlist @us); do "$1" rdescribe "$id"; done"#
        let result = try Command.run(
            URL(fileURLWithPath: "/usr/bin/setpriv"),
            ["--reuid=\(uid)", "--regid=\(uid)", "--clear-groups", "--", "/bin/sh", "-c", script, "list", keyctl])
        guard result.status == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "listing uid \(uid)'s keyrings: \(result.standardError)"])
        }
        return result.standardOutput.split(separator: "\n").map(String.init).filter { !$0.hasSuffix(";_uid.\(uid)") }
    }
}
