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
    /// Other files of the same program (`common.c`, Go files of package main
    /// without a `main`), relative paths.
    public var companionSources: [String] = []
    /// Go: the folder holds a go.mod, so the package is built as a whole.
    public var buildsGoModule = false
    /// Swift: the file declares `@main`, so it must be parsed as a library.
    public var swiftAttributeMain = false
    /// What `sockgrade.yaml` said, which wins over what the grader would guess.
    public var manifest = ProgramSettings()

    /// Where builds go inside the scratch copy; never inside the submission itself.
    package static let buildFolder = ".sockgrade-build"
    package static let homeInside = "/home/student"

    public init(role: ProgramRole, sourcePath: String, language: Language, mainClass: String? = nil) {
        self.role = role
        self.sourcePath = sourcePath
        self.language = language
        self.mainClass = mainClass
    }

    package var sourceInside: String { "\(Self.homeInside)/\(sourcePath)" }
    package var folderInside: String {
        if let folder = manifest.workingFolder { return Self.inside(folder) }
        return sourceFolderInside
    }
    private var sourceFolderInside: String {
        let parts = sourcePath.split(separator: "/").dropLast()
        return ([Self.homeInside] + parts.map(String.init)).joined(separator: "/")
    }
    private var outputInside: String { "\(Self.homeInside)/\(Self.buildFolder)/\(role.rawValue)" }
    private var cacheInside: String { "\(Self.homeInside)/\(Self.buildFolder)/cache" }

    /// A path of the student's folder as the sandbox sees it.
    package static func inside(_ relative: String) -> String {
        relative.isEmpty || relative == "." ? homeInside : "\(homeInside)/\(relative)"
    }

    /// The compile command, or nil for interpreted languages.
    package var buildCommand: [String]? {
        if let build = manifest.build { return ["/bin/sh", "-c", build] }
        if manifest.run != nil { return nil }
        switch language {
        case .python, .javascript, .shell:
            return nil
        case .c:
            return ["/usr/bin/gcc", "-O1", "-o", outputInside, sourceInside] + companionSources.map(Self.inside) + ["-lm"]
        case .cpp:
            return ["/usr/bin/g++", "-O1", "-std=gnu++17", "-o", outputInside, sourceInside] + companionSources.map(Self.inside)
        case .java:
            return ["/usr/bin/javac", "-encoding", "UTF-8", "-d", outputInside,
                    "-sourcepath", javaSourceRoot, sourceInside]
        case .go:
            // Caches and GOPATH live in the scratch copy; no network, no cgo (no C compiler needed).
            let environment = ["GOCACHE=\(cacheInside)/go-build", "GOPATH=\(cacheInside)/gopath",
                               "GOPROXY=off", "GOFLAGS=-mod=mod", "CGO_ENABLED=0", "GOTOOLCHAIN=local"]
            let sources = buildsGoModule ? ["."] : [sourceInside] + companionSources.map(Self.inside)
            return ["/usr/bin/env"] + environment + ["/usr/bin/go", "build", "-o", outputInside] + sources
        case .rust:
            return ["/usr/bin/rustc", "--edition", "2021", "-o", outputInside, sourceInside]
        case .swift:
            return ["/usr/bin/env", "CLANG_MODULE_CACHE_PATH=\(cacheInside)/clang", Toolchain.swiftCompiler,
                    "-module-cache-path", "\(cacheInside)/swift"]
                + (swiftAttributeMain ? ["-parse-as-library"] : [])
                + ["-o", outputInside, sourceInside]
        }
    }

    /// The command that starts the program once built, with the manifest's arguments.
    package var runCommand: [String] {
        if let run = manifest.run { return run + manifest.arguments }
        let command: [String] = switch language {
        case .python: ["/usr/bin/python3", "-u", sourceInside]
        case .javascript: ["/usr/bin/node", sourceInside]
        case .shell: ["/usr/bin/bash", sourceInside]
        case .c, .cpp, .go, .rust, .swift: [outputInside]
        case .java: ["/usr/bin/java", "-Xss512k", "-XX:+UseSerialGC", "-cp", outputInside, mainClass ?? "Main"]
        }
        return command + manifest.arguments
    }

    /// The folder a Java package path starts from: `src/lab/Server.java` in
    /// package `lab` has its root at `src`.
    private var javaSourceRoot: String {
        var parts = sourcePath.split(separator: "/").dropLast().map(String.init)
        let packageDepth = (mainClass ?? "").split(separator: ".").count - 1
        if packageDepth > 0, parts.count >= packageDepth {
            parts.removeLast(packageDepth)
        }
        return ([Self.homeInside] + parts).joined(separator: "/")
    }
}
