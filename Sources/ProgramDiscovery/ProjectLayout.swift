import Foundation

/// Reads the project files around a program's source (pom.xml, go.mod,
/// Cargo.toml, Makefile, CMakeLists.txt, .csproj, package.json) and says how
/// to build it inside the offline sandbox.
package struct ProjectLayout {
    package var tree: SubmissionTree
    /// Every regular file discovery looks at, relative.
    package var files: [String]

    package var folder: URL { tree.folder }

    package init(tree: SubmissionTree) {
        self.tree = tree
        files = tree.paths()
    }

    package func apply(to program: inout StudentProgram) {
        switch program.language {
        case .java: applyJava(to: &program)
        case .go: applyGo(to: &program)
        case .rust: applyCargo(to: &program)
        case .c, .cpp: applyMake(to: &program)
        case .csharp:
            if nearest(where: { $0.hasSuffix(".csproj") }, above: program.sourcePath) != nil {
                program.notes.append("The .csproj needs the .NET SDK, which Debian 12 does not package: the grader compiled the \(program.role.rawValue)'s .cs files with mono's mcs instead.")
            }
        case .javascript: applyPackage(to: &program)
        default: break
        }
    }

    // MARK: Java: Maven and Gradle cannot run offline without their plugins, so javac builds the tree.

    private func applyJava(to program: inout StudentProgram) {
        program.javaSourceRoots = Set(files.compactMap { path -> String? in
            guard let range = path.range(of: "src/main/java/") else { return nil }
            return String(path[..<range.upperBound].dropLast())
        }).sorted()
        if let pom = nearest(named: ["pom.xml"], above: program.sourcePath) {
            program.notes.append("Maven needs its plugins from the network, which the sandbox does not have: the grader compiled the \(program.role.rawValue) with javac over the src/main/java folders instead (\(pom)).")
            let dependencies = mavenDependencies(pom)
            if !dependencies.isEmpty {
                program.notes.append("\(pom) depends on \(dependencies.joined(separator: ", ")), which the submission does not include and the grader cannot download.")
            }
        } else if let gradle = nearest(named: ["build.gradle", "build.gradle.kts"], above: program.sourcePath) {
            program.notes.append("Gradle needs its distribution and plugins from the network, which the sandbox does not have: the grader compiled the \(program.role.rawValue) with javac over the src/main/java folders instead (\(gradle)).")
        }
    }

    /// `group:artifact` of each dependency outside test scope that is not a module of the submission itself.
    private func mavenDependencies(_ pom: String) -> [String] {
        // A module's own artifactId: what is left once its dependencies, parent and plugins are cut out.
        let ownModules = Set(files.filter { ($0 as NSString).lastPathComponent == "pom.xml" }.flatMap { path in
            text(path).replacing(/(?s)<(dependencies|parent|build|dependencyManagement)>.*?<\/\1>/, with: "")
                .matches(of: /<artifactId>\s*([^<\s]+)\s*<\/artifactId>/).map { String($0.output.1) }
        })
        return text(pom).matches(of: /(?s)<dependency>(.*?)<\/dependency>/).compactMap { match -> String? in
            let body = String(match.output.1)
            guard !body.contains("<scope>test</scope>"),
                  let artifact = body.firstMatch(of: /<artifactId>\s*([^<\s]+)\s*</)?.output.1,
                  !ownModules.contains(String(artifact)) else { return nil }
            let group = body.firstMatch(of: /<groupId>\s*([^<\s]+)\s*</)?.output.1 ?? ""
            return "\(group):\(artifact)"
        }
    }

    // MARK: Go modules

    private func applyGo(to program: inout StudentProgram) {
        guard let goMod = nearest(named: ["go.mod"], above: program.sourcePath) else { return }
        let root = (goMod as NSString).deletingLastPathComponent
        let sourceFolder = (program.sourcePath as NSString).deletingLastPathComponent
        let package = sourceFolder == root ? "." : "./" + sourceFolder.dropFirst(root.isEmpty ? 0 : root.count + 1)
        program.project = .goModule(root: root, package: package)
        program.buildsGoModule = true
        let text = text(goMod)
        if let asked = text.firstMatch(of: /(?m)^go\s+([0-9][0-9.]*)/)?.output.1, let installed = GoVersion.installed,
           GoVersion.isNewer(String(asked), than: installed) {
            program.toolchainGap = ToolchainGap(file: goMod, tool: "Go", asks: String(asked), installed: installed)
            program.notes.append("\(goMod) asks for Go \(asked) and the installed Go is \(installed): the grader set the go line to \(GoVersion.languageLine(installed)) in its copy to build the \(program.role.rawValue).")
        }
        let vendored = files.contains { $0.hasPrefix(root.isEmpty ? "vendor/" : "\(root)/vendor/") }
        let required = text.matches(of: /(?m)^\s*(?:require\s+)?([a-z0-9.-]+\.[a-z]+\/[^\s]+)\s+v[0-9]/).map { String($0.output.1) }
        if !vendored && !required.isEmpty {
            program.notes.append("\(goMod) requires \(required.joined(separator: ", ")), which is not vendored; the sandbox has no network to download it.")
        }
    }

    // MARK: Cargo

    private func applyCargo(to program: inout StudentProgram) {
        guard let manifest = nearest(where: { name in name == "Cargo.toml" }, above: program.sourcePath, requiring: "[package]") else { return }
        let crate = (manifest as NSString).deletingLastPathComponent
        let inCrate = crate.isEmpty ? program.sourcePath : String(program.sourcePath.dropFirst(crate.count + 1))
        let text = text(manifest)
        let binaries = text.matches(of: /(?s)\[\[bin\]\](.*?)(?=\n\[|\z)/).compactMap { match -> (name: String, path: String?)? in
            guard let name = match.output.1.firstMatch(of: /name\s*=\s*"([^"]+)"/)?.output.1 else { return nil }
            return (String(name), match.output.1.firstMatch(of: /path\s*=\s*"([^"]+)"/).map { String($0.output.1) })
        }
        let packageName = text.firstMatch(of: /(?s)\[package\][^\[]*?name\s*=\s*"([^"]+)"/).map { String($0.output.1) }
        let binary: String?
        if let declared = binaries.first(where: { $0.path == inCrate }) {
            binary = declared.name
        } else if inCrate.hasPrefix("src/bin/") {
            binary = ((inCrate as NSString).lastPathComponent as NSString).deletingPathExtension
        } else if inCrate == "src/main.rs" {
            binary = packageName
        } else {
            binary = nil
        }
        guard let binary else { return }
        program.project = .cargo(folder: crate, binary: binary)
        let dependencies = Self.tableKeys(text, table: "dependencies")
        let vendored = files.contains { $0.hasPrefix("vendor/") || $0.contains("/vendor/") }
        if !vendored && !dependencies.isEmpty {
            program.notes.append("\(manifest) depends on \(dependencies.joined(separator: ", ")), which is not vendored; the sandbox has no network to download it.")
        }
    }

    /// The keys of a TOML table (`[dependencies]`), one per line.
    private static func tableKeys(_ text: String, table: String) -> [String] {
        var inside = false
        var keys: [String] = []
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[") { inside = trimmed == "[\(table)]"; continue }
            if inside, let key = trimmed.firstMatch(of: /^([A-Za-z0-9_-]+)\s*=/)?.output.1 { keys.append(String(key)) }
        }
        return keys
    }

    // MARK: Makefile and CMake

    private func applyMake(to program: inout StudentProgram) {
        let stem = ((program.sourcePath as NSString).lastPathComponent as NSString).deletingPathExtension
        if let makefile = nearest(named: ["Makefile", "makefile", "GNUmakefile"], above: program.sourcePath) {
            let text = text(makefile)
            var names = text.matches(of: /-o\s+([A-Za-z0-9_.\/-]+)/).map { String($0.output.1) }
            names += text.matches(of: /(?m)^([A-Za-z0-9_-]+)\s*:(?!=)/).map { String($0.output.1) }
            names = names.filter { !$0.contains(".") && !["all", "clean", "install", "run", "test"].contains($0) }
            let executable = names.first { $0 == stem } ?? names.first { RoleName(fileName: $0).role == program.role }
            guard let executable else { return }
            program.project = .make(folder: (makefile as NSString).deletingLastPathComponent, executable: executable)
            program.notes.append("The \(program.role.rawValue) was built with make (\(makefile)), as its Makefile says, and run as ./\(executable).")
        } else if let lists = nearest(named: ["CMakeLists.txt"], above: program.sourcePath) {
            let file = (program.sourcePath as NSString).lastPathComponent
            let target = text(lists).matches(of: /add_executable\s*\(\s*([A-Za-z0-9_.-]+)([^)]*)\)/)
                .first { $0.output.2.contains(file) }.map { String($0.output.1) }
            guard let target else { return }
            program.project = .cmake(folder: (lists as NSString).deletingLastPathComponent, target: target)
            program.notes.append("The \(program.role.rawValue) was built with CMake (\(lists)), target \(target).")
        }
    }

    // MARK: package.json

    private func applyPackage(to program: inout StudentProgram) {
        guard let manifest = nearest(named: ["package.json"], above: program.sourcePath),
              let object = try? JSONSerialization.jsonObject(with: Data(text(manifest).utf8)) as? [String: Any] else { return }
        let dependencies = (object["dependencies"] as? [String: Any])?.keys.sorted() ?? []
        let root = (manifest as NSString).deletingLastPathComponent
        let missing = dependencies.filter { name in
            !files.contains { $0.hasPrefix((root.isEmpty ? "" : root + "/") + "node_modules/\(name)/") }
        }
        if !missing.isEmpty {
            program.notes.append("\(manifest) depends on \(missing.joined(separator: ", ")), which is not in the submission (no node_modules); the sandbox has no network to install it.")
        }
    }

    /// The files package.json names as the program (`main`, or `node X` in `scripts.start`).
    package func packageEntries() -> Set<String> {
        Set(files.filter { ($0 as NSString).lastPathComponent == "package.json" }.flatMap { manifest -> [String] in
            guard let object = try? JSONSerialization.jsonObject(with: Data(text(manifest).utf8)) as? [String: Any] else { return [] }
            let root = (manifest as NSString).deletingLastPathComponent
            var named: [String] = []
            if let main = object["main"] as? String { named.append(main) }
            if let start = (object["scripts"] as? [String: Any])?["start"] as? String,
               let file = start.firstMatch(of: /node\s+([^\s;&|]+)/)?.output.1 { named.append(String(file)) }
            return named.map { name in
                let clean = name.hasPrefix("./") ? String(name.dropFirst(2)) : name
                return root.isEmpty ? clean : "\(root)/\(clean)"
            }
        })
    }

    // MARK: Helpers

    /// The nearest file named one of `names` in the source's folder or a folder above it.
    private func nearest(named names: Set<String>, above source: String) -> String? {
        nearest(where: { names.contains($0) }, above: source)
    }

    private func nearest(where matches: (String) -> Bool, above source: String, requiring marker: String? = nil) -> String? {
        var folder = (source as NSString).deletingLastPathComponent
        while true {
            let found = files.filter { path in
                (path as NSString).deletingLastPathComponent == folder && matches((path as NSString).lastPathComponent)
                    && (marker.map { text(path).contains($0) } ?? true)
            }.first
            if let found { return found }
            if folder.isEmpty { return nil }
            folder = (folder as NSString).deletingLastPathComponent
        }
    }

    private func text(_ path: String) -> String {
        SourceFile(path: path, language: .shell).text(in: folder)
    }
}
