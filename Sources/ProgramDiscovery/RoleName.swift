import Foundation

/// Which role a file or folder name says: `server.py`, `TCPServer.java`,
/// `Serv.py`, `socket_server.py`, `echo-client.js`, `srv.c`, `cli.go`.
package struct RoleName {
    package var role: ProgramRole?

    package init(fileName path: String) {
        let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        role = Self.role(of: base, isFile: true)
    }

    /// The role of the nearest folder around `path` that names one (`server/main.go`).
    package static func folderRole(of path: String) -> ProgramRole? {
        for folder in path.split(separator: "/").dropLast().reversed() {
            if let role = role(of: String(folder)) { return role }
        }
        return nil
    }

    /// `test_server.py`, `ServerTest.java`, `server.spec.js`: a test, not the program.
    package static func isTest(_ path: String) -> Bool {
        let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let words = base.replacingOccurrences(of: "([a-z])([A-Z])", with: "$1 $2", options: .regularExpression)
            .lowercased().split { !$0.isLetter }
        return words.contains("test") || words.contains("tests") || words.contains("spec")
    }

    /// `isFile`: the words students give files only (`listener.py`, `sender.c`, `tcp_s.c`)
    /// count too; as folder names they would also match a student's folder (`c-sender`).
    private static func role(of name: String, isFile: Bool = false) -> ProgramRole? {
        let lower = name.lowercased()
        let words = Set(lower.split { !$0.isLetter })
        // `tcp_s.c` / `tcp_c.c`: a lone s or c ending the name, after another word.
        let last = lower.split { !$0.isLetter }
        let lone = { (letter: Substring) in isFile && last.count > 1 && last.last == letter }
        let fileWord = { (word: String) in isFile && lower.contains(word) }
        let server = lower.contains("serv") || words.contains("srv") || fileWord("listener") || fileWord("receiver") || lone("s")
        let client = lower.contains("client") || words.contains("cli") || words.contains("clnt") || fileWord("sender") || lone("c")
        switch (server, client) {
        case (true, false): return .server
        case (false, true): return .client
        default: return nil
        }
    }
}
