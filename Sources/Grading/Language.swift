/// A language a student may write the server or client in, told by the
/// source file's extension.
public enum Language: String, Sendable, CaseIterable {
    case python
    case c
    case cpp = "c++"
    case java
    case javascript

    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "py": self = .python
        case "c": self = .c
        case "cpp", "cc", "cxx", "c++": self = .cpp
        case "java": self = .java
        case "js", "mjs", "cjs": self = .javascript
        default: return nil
        }
    }

    /// The programs this language needs, with the Debian package that brings each.
    var toolchain: [(program: String, package: String)] {
        switch self {
        case .python: [("/usr/bin/python3", "python3")]
        case .c: [("/usr/bin/gcc", "gcc")]
        case .cpp: [("/usr/bin/g++", "g++")]
        case .java: [("/usr/bin/javac", "default-jdk-headless"), ("/usr/bin/java", "default-jdk-headless")]
        case .javascript: [("/usr/bin/node", "nodejs")]
        }
    }
}
