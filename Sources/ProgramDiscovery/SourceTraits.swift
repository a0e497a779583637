import Foundation

/// What a program's text says that changes how the grader treats it: code
/// this machine cannot run, addresses of other machines, a mode argument.
package struct SourceTraits {
    package var text: String
    package var language: Language

    /// Why the code cannot run on Debian 12, in one sentence, or nil.
    package var cannotRun: String? {
        switch language {
        case .python where isPython2:
            return "This is Python 2 code (print statements, raw_input or 'except X, e'); Debian 12 has no Python 2, so it cannot run here: port it to Python 3."
        case .c, .cpp:
            if let header = windowsOnly {
                return "The program uses Winsock, a Windows-only API (\(header)); it cannot be built on Linux: use the POSIX socket headers (sys/socket.h, netinet/in.h, arpa/inet.h)."
            }
            return nil
        default:
            return nil
        }
    }

    /// `print "x"`, `print x` without parentheses, `raw_input(`, `except E, e:`.
    private var isPython2: Bool {
        Self.python2Print.matches(in: text) || Self.rawInput.matches(in: text) || Self.python2Except.matches(in: text)
    }

    private static let python2Print = SharedPattern(/(?m)^\s*print\s+("|'|[A-Za-z_][\w.\[\]]*\s*(,|%|\+|$))/)
    private static let rawInput = SharedPattern(/\braw_input\s*\(/)
    private static let python2Except = SharedPattern(/(?m)^\s*except\s+[\w.]+\s*,\s*\w+\s*:/)

    /// The Windows-only header or pragma the code uses.
    private var windowsOnly: String? {
        for marker in ["winsock2.h", "winsock.h", "ws2tcpip.h", "windows.h", "conio.h"]
        where text.range(of: "#include\\s*[<\"]\(marker)[>\"]", options: [.regularExpression, .caseInsensitive]) != nil {
            return marker
        }
        if text.range(of: #"#pragma\s+comment\s*\(\s*lib\s*,\s*"ws2_32"#, options: [.regularExpression, .caseInsensitive]) != nil {
            return "#pragma comment(lib, \"ws2_32\")"
        }
        return nil
    }

    /// Quoted IPv4 addresses that are not this machine: `"192.168.0.110"`.
    package var foreignAddresses: [String] {
        Self.quotedIPv4.allMatches(in: text).map { String($0.output.1) }
            .filter { !$0.hasPrefix("127.") && $0 != "0.0.0.0" && !$0.hasPrefix("255.") }
    }

    private static let quotedIPv4 = SharedPattern(/["']([0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3})["']/)

    /// One program that is the server or the client by its first argument:
    /// both words appear quoted, and the program reads its arguments.
    package var takesModeArgument: Bool {
        let quoted = { (word: String) in
            text.range(of: "[\"']\(word)[\"']", options: [.regularExpression, .caseInsensitive]) != nil
        }
        let readsArguments = ["sys.argv", "process.argv", "args[", "os.Args", "argv[", "ARGV", "$argv", "@ARGV", "arg["]
            .contains { text.contains($0) }
        return quoted("server") && quoted("client") && readsArguments
    }
}
