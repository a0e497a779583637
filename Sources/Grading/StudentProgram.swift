/// Which of the two programs of the lab.
public enum ProgramRole: String, Sendable, CaseIterable {
    case server
    case client
}

/// A server or client found in a submission, with how to build and run it
/// inside the sandbox (paths are as the sandbox sees them).
public struct StudentProgram: Sendable, Equatable {
    public var role: ProgramRole
    /// Path relative to the student's folder, with `/` separators.
    public var sourcePath: String
    public var language: Language
    /// For Java: the fully qualified class whose main runs.
    public var mainClass: String?

    /// Where builds go inside the scratch copy; never inside the submission itself.
    static let buildFolder = ".sockgrade-build"

    var sourceInside: String { "\(homeInside)/\(sourcePath)" }
    var folderInside: String {
        let parts = sourcePath.split(separator: "/").dropLast()
        return ([homeInside] + parts.map(String.init)).joined(separator: "/")
    }
    private var outputInside: String { "\(homeInside)/\(Self.buildFolder)/\(role.rawValue)" }
    private var homeInside: String { "/home/student" }

    /// The compile command, or nil for interpreted languages.
    var buildCommand: [String]? {
        switch language {
        case .python, .javascript:
            nil
        case .c:
            ["/usr/bin/gcc", "-O1", "-o", outputInside, sourceInside, "-lm"]
        case .cpp:
            ["/usr/bin/g++", "-O1", "-std=gnu++17", "-o", outputInside, sourceInside]
        case .java:
            ["/usr/bin/javac", "-encoding", "UTF-8", "-d", outputInside,
             "-sourcepath", javaSourceRoot, sourceInside]
        }
    }

    /// The command that starts the program once built.
    var runCommand: [String] {
        switch language {
        case .python: ["/usr/bin/python3", "-u", sourceInside]
        case .javascript: ["/usr/bin/node", sourceInside]
        case .c, .cpp: [outputInside]
        case .java: ["/usr/bin/java", "-Xss512k", "-XX:+UseSerialGC", "-cp", outputInside, mainClass ?? "Main"]
        }
    }

    /// The folder a Java package path starts from: `src/lab/Server.java` in
    /// package `lab` has its root at `src`.
    private var javaSourceRoot: String {
        var parts = sourcePath.split(separator: "/").dropLast().map(String.init)
        let packageDepth = (mainClass ?? "").split(separator: ".").count - 1
        if packageDepth > 0, parts.count >= packageDepth {
            parts.removeLast(packageDepth)
        }
        return ([homeInside] + parts).joined(separator: "/")
    }
}
