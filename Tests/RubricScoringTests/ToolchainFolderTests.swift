import Foundation
import RubricScoring
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `programs.toolchains`: folders the rubric binds into every sandbox. Each
/// entry is checked on the machine when the rubric is read, and a bad one
/// names its line, so a typo stops the run instead of failing every build.
@Suite struct ToolchainFolderTests {
    static let file = "lab.yaml"

    /// A rubric with one check and `programs:` holding `body`, indented under it.
    static func rubric(_ body: String) -> String {
        """
        name: Lab
        checks:
          - {id: server-listening, title: Listens, points: 1}
        programs:
        \(body.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n"))
        """
    }

    static func parse(_ body: String) throws(RubricError) -> Rubric {
        try Rubric.parse(yaml: rubric(body), fileName: file, knownCheckIDs: RubricFixtures.knownCheckIDs)
    }

    /// A folder made for the test, removed afterwards, with the given mode.
    static func folder(mode: mode_t) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sockgrade-toolchain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        chmod(url.path, mode)
        return url
    }

    @Test func foldersAreReadAndLeftOutOfTheProgramDefaults() throws {
        let go = try Self.folder(mode: 0o755)
        defer { try? FileManager.default.removeItem(at: go) }
        let rubric = try Self.parse("""
            server: { args: ["59123"] }
            toolchains:
              - \(go.path)
              - \(go.path)/
            """)
        // The same folder twice, once with a trailing slash, is bound once.
        #expect(rubric.toolchains == [go.path])
        let programs = try #require(rubric.programs?.node.mapping)
        #expect(programs.keys.compactMap(\.string) == ["server"])
    }

    @Test func aSectionOfOnlyToolchainsLeavesNoProgramDefaults() throws {
        let rubric = try Self.parse("toolchains: [/usr]")
        #expect(rubric.toolchains == ["/usr"])
        #expect(rubric.programs == nil)
    }

    @Test func noToolchainsByDefault() throws {
        let rubric = try Rubric.load(from: RubricFixtures.defaultRubricPath, knownCheckIDs: RubricFixtures.defaultRubricCheckIDs)
        #expect(rubric.toolchains.isEmpty)
    }

    @Test(arguments: [
        ("toolchains: /usr/local/go", "lab.yaml:5:3: 'toolchains' must be a list of folders, such as [/usr/local/go], found '/usr/local/go'"),
        ("toolchains:\n  - go/bin", "lab.yaml:6:7: toolchain folder 'go/bin' must be an absolute path such as /usr/local/go, without '.' or '..'"),
        ("toolchains: [/opt/../etc]", "lab.yaml:5:16: toolchain folder '/opt/../etc' must be an absolute path such as /usr/local/go, without '.' or '..'"),
        ("toolchains: [/]", "lab.yaml:5:16: toolchain folder '/' must be an absolute path such as /usr/local/go, without '.' or '..'"),
        ("toolchains: [/proc/self]", "lab.yaml:5:16: toolchain folder '/proc/self' lies in /proc, which the sandbox fills itself; move the toolchain elsewhere, such as /opt"),
        ("toolchains: [/home/student/go]", "lab.yaml:5:16: toolchain folder '/home/student/go' lies in /home/student, which the sandbox fills itself; move the toolchain elsewhere, such as /opt"),
        ("toolchains: [/nonexistent/go]", "lab.yaml:5:16: toolchain folder '/nonexistent/go' does not exist on this machine; install the toolchain there or remove the line"),
        ("toolchains: [/etc/hostname]", "lab.yaml:5:16: toolchain folder '/etc/hostname' is a file, not a folder; name the folder that holds its bin/"),
        ("toolchains: [\"\"]", "lab.yaml:5:16: 'toolchains' must not be empty"),
    ])
    func badEntriesNameTheirLine(body: String, message: String) {
        let error = #expect(throws: RubricError.self) { try Self.parse(body) }
        #expect(error?.description == message)
    }

    /// Students' programs run as an unprivileged uid: a folder only its owner
    /// can read would fail every build with "permission denied".
    @Test func aFolderOthersCannotReadIsRefused() throws {
        let closed = try Self.folder(mode: 0o700)
        defer { try? FileManager.default.removeItem(at: closed) }
        let error = #expect(throws: RubricError.self) { try Self.parse("toolchains: [\(closed.path)]") }
        #expect(error?.description == "lab.yaml:5:16: toolchain folder '\(closed.path)' is not readable by other users (mode 700); students' programs run as an unprivileged user, so run chmod o+rx on it")
    }
}
