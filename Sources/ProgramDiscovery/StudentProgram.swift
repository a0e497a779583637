import Foundation

/// Which of the two programs of the lab.
public enum ProgramRole: String, Sendable, CaseIterable {
    case server
    case client

    public var other: ProgramRole { self == .server ? .client : .server }
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
    /// The project file the program is built with, when it has one the grader follows.
    public var project: BuildProject?
    /// Java: every source root of the project (Maven/Gradle modules), for javac's -sourcepath.
    public var javaSourceRoots: [String] = []
    /// Arguments the grader chose (a mode word such as `server` for a one-file chat program).
    public var defaultArguments: [String] = []
    /// Why the code cannot run on this machine at all (Python 2, Winsock), in one sentence.
    public var cannotRun: String?
    /// The code asks for a newer toolchain than the installed one.
    public var toolchainGap: ToolchainGap?
    /// What the grader did differently from the student's own build, for the report's notes.
    public var notes: [String] = []
    /// IPv4 addresses written in the source that are not this machine (a LAN server's address).
    public var foreignAddresses: [String] = []
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
    var outputInside: String { "\(Self.homeInside)/\(Self.buildFolder)/\(role.rawValue)" }
    var cacheInside: String { "\(Self.homeInside)/\(Self.buildFolder)/cache" }

    /// A path of the student's folder as the sandbox sees it.
    package static func inside(_ relative: String) -> String {
        relative.isEmpty || relative == "." ? homeInside : "\(homeInside)/\(relative)"
    }

    /// The compile command, or nil for interpreted languages.
    package var buildCommand: [String]? {
        if let build = manifest.build { return ["/bin/sh", "-c", build] }
        if manifest.run != nil { return nil }
        if let project { return projectBuildCommand(project) }
        switch language {
        case .python, .javascript, .shell, .ruby, .php, .perl, .lua:
            return nil
        case .c:
            return ["/usr/bin/gcc", "-O1", "-o", outputInside, sourceInside] + companionSources.map(Self.inside) + ["-lm"]
        case .cpp:
            return ["/usr/bin/g++", "-O1", "-std=gnu++17", "-o", outputInside, sourceInside] + companionSources.map(Self.inside)
        case .java:
            return ["/usr/bin/javac", "-encoding", "UTF-8", "-d", outputInside,
                    "-sourcepath", javaSourcePath, sourceInside]
        case .go:
            let sources = buildsGoModule ? ["."] : [sourceInside] + companionSources.map(Self.inside)
            return ["/usr/bin/env"] + goEnvironment + ["/usr/bin/go", "build", "-o", outputInside] + sources
        case .rust:
            return ["/usr/bin/rustc", "--edition", "2021", "-o", outputInside, sourceInside]
        case .swift:
            return ["/usr/bin/env", "CLANG_MODULE_CACHE_PATH=\(cacheInside)/clang", Toolchain.swiftCompiler,
                    "-module-cache-path", "\(cacheInside)/swift"]
                + (swiftAttributeMain ? ["-parse-as-library"] : [])
                + ["-o", outputInside, sourceInside]
        case .csharp:
            return ["/usr/bin/mcs", "-out:\(outputInside).exe", sourceInside] + companionSources.map(Self.inside)
        case .kotlin:
            return ["/usr/bin/kotlinc", sourceInside] + companionSources.map(Self.inside)
                + ["-include-runtime", "-d", "\(outputInside).jar"]
        }
    }

    /// The command that starts the program once built, with the manifest's arguments.
    package var runCommand: [String] {
        if let run = manifest.run { return run + manifest.arguments }
        let command: [String] = switch (language, project) {
        case (_, .cargo(_, let binary)): ["\(cacheInside)/cargo-target/debug/\(binary)"]
        case (_, .make(let folder, let executable)): ["\(Self.inside(folder))/\(executable)"]
        case (_, .cmake(_, let target)): ["\(outputInside)-cmake/\(target)"]
        case (.python, _): ["/usr/bin/python3", "-u", sourceInside]
        case (.javascript, _): ["/usr/bin/node", sourceInside]
        case (.shell, _): ["/usr/bin/bash", sourceInside]
        case (.ruby, _): ["/usr/bin/ruby", sourceInside]
        case (.php, _): ["/usr/bin/php", sourceInside]
        case (.perl, _): ["/usr/bin/perl", sourceInside]
        case (.lua, _): ["/usr/bin/lua5.4", sourceInside]
        case (.csharp, _): ["/usr/bin/mono", "\(outputInside).exe"]
        case (.kotlin, _): ["/usr/bin/java", "-Xss512k", "-XX:+UseSerialGC", "-jar", "\(outputInside).jar"]
        case (.c, _), (.cpp, _), (.go, _), (.rust, _), (.swift, _): [outputInside]
        case (.java, _): ["/usr/bin/java", "-Xss512k", "-XX:+UseSerialGC", "-cp", outputInside, mainClass ?? "Main"]
        }
        return command + (manifest.arguments.isEmpty ? defaultArguments : manifest.arguments)
    }

    /// Caches and GOPATH live in the scratch copy; no network, no cgo (no C compiler needed).
    private var goEnvironment: [String] {
        ["GOCACHE=\(cacheInside)/go-build", "GOPATH=\(cacheInside)/gopath",
         "GOPROXY=off", "GOFLAGS=-mod=mod", "CGO_ENABLED=0", "GOTOOLCHAIN=local"]
    }

    private func projectBuildCommand(_ project: BuildProject) -> [String] {
        switch project {
        case .cargo(let folder, let binary):
            return ["/usr/bin/env", "CARGO_HOME=\(cacheInside)/cargo-home", "/usr/bin/cargo", "build", "--offline", "--quiet",
                    "--manifest-path", "\(Self.inside(folder))/Cargo.toml", "--bin", binary,
                    "--target-dir", "\(cacheInside)/cargo-target"]
        case .goModule(let root, let package):
            let build = (["/usr/bin/env"] + goEnvironment + ["/usr/bin/go", "build", "-o", outputInside, package]).map(ShellWord.quote).joined(separator: " ")
            // The go line is lowered in the grader's scratch copy only, so an older Go parses the file.
            let lower = toolchainGap.map { "sed -i -E 's/^go [0-9.]+.*$/go \(GoVersion.languageLine($0.installed))/; /^toolchain /d' go.mod && " } ?? ""
            return ["/bin/sh", "-c", "cd \(ShellWord.quote(Self.inside(root))) && \(lower)exec \(build)"]
        case .make(let folder, _):
            return ["/usr/bin/make", "-C", Self.inside(folder)]
        case .cmake(let folder, let target):
            let configure = ["/usr/bin/cmake", "-S", Self.inside(folder), "-B", "\(outputInside)-cmake"].map(ShellWord.quote).joined(separator: " ")
            let build = ["/usr/bin/cmake", "--build", "\(outputInside)-cmake", "--target", target].map(ShellWord.quote).joined(separator: " ")
            return ["/bin/sh", "-c", "\(configure) >/dev/null && exec \(build)"]
        }
    }

    /// Every Java source root the program may need: its own, then the project's others.
    private var javaSourcePath: String {
        ([javaSourceRoot] + javaSourceRoots.map(Self.inside).filter { $0 != javaSourceRoot }).joined(separator: ":")
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

/// Single quotes for a word of a `/bin/sh -c` line.
package enum ShellWord {
    package static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
