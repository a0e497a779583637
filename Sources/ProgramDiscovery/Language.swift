import Foundation

/// A language a student may write the server or client in, told by the
/// source file's extension, or for a file without one by its `#!` line.
public enum Language: String, Sendable, CaseIterable {
    case python
    case c
    case cpp = "c++"
    case java
    case javascript
    case go
    case rust
    case swift
    case shell
    case csharp = "c#"
    case ruby
    case php
    case perl
    case kotlin
    case lua

    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "py": self = .python
        case "c": self = .c
        case "cpp", "cc", "cxx", "c++": self = .cpp
        case "java": self = .java
        case "js", "mjs", "cjs": self = .javascript
        case "go": self = .go
        case "rs": self = .rust
        case "swift": self = .swift
        case "sh", "bash": self = .shell
        case "cs": self = .csharp
        case "rb": self = .ruby
        case "php": self = .php
        case "pl", "pm": self = .perl
        case "kt": self = .kotlin
        case "lua": self = .lua
        default: return nil
        }
    }

    /// The language a `#!` line names (`#!/usr/bin/env python3`, `#!/bin/bash`).
    public init?(shebang line: String) {
        guard line.hasPrefix("#!") else { return nil }
        let words = line.dropFirst(2).split(separator: " ").map { ($0 as Substring).split(separator: "/").last.map(String.init) ?? "" }
        let interpreter = words.first == "env" ? words.dropFirst().first { !$0.hasPrefix("-") } : words.first
        switch interpreter ?? "" {
        case let name where name.hasPrefix("python"): self = .python
        case "node", "nodejs": self = .javascript
        case "sh", "bash", "dash": self = .shell
        case "ruby": self = .ruby
        case "php": self = .php
        case "perl": self = .perl
        case let name where name.hasPrefix("lua"): self = .lua
        default: return nil
        }
    }

    /// The extensions the grader recognises, for messages that say what it looked for.
    public static let knownExtensions = ".py, .c, .cpp, .java, .js, .go, .rs, .swift, .sh, .cs, .rb, .php, .pl, .kt, .lua"

    /// The name a TA knows the language by, with its extension: "C# (.cs)".
    public var displayName: String {
        switch self {
        case .python: "Python (.py)"
        case .c: "C (.c)"
        case .cpp: "C++ (.cpp)"
        case .java: "Java (.java)"
        case .javascript: "JavaScript (.js)"
        case .go: "Go (.go)"
        case .rust: "Rust (.rs)"
        case .swift: "Swift (.swift)"
        case .shell: "shell (.sh)"
        case .csharp: "C# (.cs)"
        case .ruby: "Ruby (.rb)"
        case .php: "PHP (.php)"
        case .perl: "Perl (.pl)"
        case .kotlin: "Kotlin (.kt)"
        case .lua: "Lua (.lua)"
        }
    }

    /// The programs this language needs, with what installs each.
    public var toolchain: [Toolchain] {
        switch self {
        case .python: [Toolchain("/usr/bin/python3", debianPackage: "python3")]
        case .c: [Toolchain("/usr/bin/gcc", debianPackage: "gcc")]
        case .cpp: [Toolchain("/usr/bin/g++", debianPackage: "g++")]
        case .java:
            [Toolchain("/usr/bin/javac", debianPackage: "default-jdk-headless"),
             Toolchain("/usr/bin/java", debianPackage: "default-jdk-headless")]
        case .javascript: [Toolchain("/usr/bin/node", debianPackage: "nodejs")]
        case .go: [Toolchain("/usr/bin/go", debianPackage: "golang-go")]
        // rustc-web (1.9x) installs /usr/bin/rustc too; Debian's plain rustc 1.63 is too old for edition 2021 crates.
        case .rust: [Toolchain("/usr/bin/rustc", debianPackage: "rustc-web")]
        case .swift: [Toolchain(Toolchain.swiftCompiler, debianPackage: nil)]
        case .shell: [Toolchain("/usr/bin/bash", debianPackage: "bash")]
        case .csharp:
            [Toolchain("/usr/bin/mcs", debianPackage: "mono-mcs"), Toolchain("/usr/bin/mono", debianPackage: "mono-runtime")]
        case .ruby: [Toolchain("/usr/bin/ruby", debianPackage: "ruby")]
        case .php: [Toolchain("/usr/bin/php", debianPackage: "php-cli")]
        case .perl: [Toolchain("/usr/bin/perl", debianPackage: "perl")]
        case .kotlin:
            [Toolchain("/usr/bin/kotlinc", debianPackage: "kotlin"), Toolchain("/usr/bin/java", debianPackage: "default-jdk-headless")]
        case .lua: [Toolchain("/usr/bin/lua5.4", debianPackage: "lua5.4")]
        }
    }

    /// The command that prints the toolchain's version, for `doctor`.
    public var versionCommand: [String] {
        switch self {
        case .go: ["/usr/bin/go", "version"]
        case .java: ["/usr/bin/javac", "-version"]
        case .csharp: ["/usr/bin/mono", "--version"]
        case .lua: ["/usr/bin/lua5.4", "-v"]
        case .kotlin: ["/usr/bin/kotlinc", "-version"]
        case .shell: ["/usr/bin/bash", "--version"]
        case .perl: ["/usr/bin/perl", "-e", "print \"perl $^V\\n\""]
        default: [toolchain[0].program, "--version"]
        }
    }

    /// The first program of the toolchain that is not installed, if any.
    public var missingTool: Toolchain? { missingTool(under: "") }

    /// The same, for a machine whose root is at `root` (tests point it at an empty folder).
    package func missingTool(under root: String) -> Toolchain? {
        toolchain.first { !FileManager.default.isExecutableFile(atPath: root + $0.program) }
    }
}

/// One program a language needs, and what to install when it is missing.
public struct Toolchain: Sendable, Equatable {
    /// Swift is not packaged for Debian 12; the swift.org toolchain is unpacked here.
    public static let swiftRoot = "/opt/swift"
    public static let swiftCompiler = "\(swiftRoot)/usr/bin/swiftc"

    /// Absolute path, as the sandbox sees it too.
    public var program: String
    /// Nil when Debian has no package for it.
    public var debianPackage: String?

    public init(_ program: String, debianPackage: String?) {
        self.program = program
        self.debianPackage = debianPackage
    }

    /// "Debian package golang-go", or where to get it when Debian has none.
    public var installHint: String {
        if let debianPackage { return "Debian package \(debianPackage)" }
        return "no Debian package: unpack the swift.org toolchain at \(Toolchain.swiftRoot)"
    }

    /// "install mono-mcs", for "C# (.cs) is not supported here: install mono-mcs".
    public var installAdvice: String {
        if let debianPackage { return "install \(debianPackage)" }
        return "unpack the swift.org toolchain at \(Toolchain.swiftRoot)"
    }
}
