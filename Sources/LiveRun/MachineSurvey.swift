import Foundation
import PacketCapture
import Sandbox

#if canImport(Glibc)
import Glibc
import ProgramDiscovery
#endif

/// What `sockgrade doctor` reports: which toolchains are installed, and
/// which namespace, sandbox and capture features work on this machine,
/// each tried for real rather than guessed.
public enum MachineSurvey {
    public struct Item: Sendable, Equatable {
        public var name: String
        public var works: Bool
        /// The path found, or what failed and how to fix it.
        public var detail: String
        /// Grading goes on without it, with a weaker fallback the detail names.
        public var optional = false

        public init(name: String, works: Bool, detail: String, optional: Bool = false) {
            self.name = name
            self.works = works
            self.detail = detail
            self.optional = optional
        }
    }

    public static func toolchains() -> [Item] {
        Language.allCases.map { language in
            if let missing = language.missingTool {
                return Item(name: language.rawValue, works: false, detail: "\(missing.program) is missing (\(missing.installHint))")
            }
            let programs = language.toolchain.map(\.program).joined(separator: ", ")
            return Item(name: language.rawValue, works: true, detail: version(of: language).map { "\(programs): \($0)" } ?? programs)
        } + [ocrItem()]
    }

    /// The first line of the toolchain's version output that holds a number ("go version go1.19.8 linux/amd64").
    private static func version(of language: Language) -> String? {
        guard let child = try? ChildProcess(arguments: language.versionCommand, environment: ["PATH=/usr/bin:/bin", "HOME=/tmp"], outputLimit: 64 << 10) else { return nil }
        let finished = child.wait(timeout: .seconds(20))
        child.kill()
        guard finished else { return nil }
        return (child.standardOutput.text + "\n" + child.standardError.text).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.contains(/[0-9]+\.[0-9]+/) && !$0.contains("warning") }
    }

    /// tesseract without its English data runs but reads nothing: ask it which languages it has.
    private static func ocrItem() -> Item {
        let tool = NetstatOCR.tesseract
        let name = "OCR (screenshots)"
        guard FileManager.default.isExecutableFile(atPath: tool.program) else {
            return Item(name: name, works: false, detail: "\(tool.program) is missing (\(tool.installHint))")
        }
        do {
            let child = try ChildProcess(arguments: [tool.program, "--list-langs"], environment: ["PATH=/usr/bin:/bin"], outputLimit: 64 << 10)
            let finished = child.wait(timeout: .seconds(10))
            child.kill()
            let languages = (child.standardOutput.text + child.standardError.text).split(whereSeparator: \.isNewline)
            guard finished, languages.contains("eng") else {
                return Item(name: name, works: false, detail: "\(tool.program) has no English data (Debian package tesseract-ocr-eng)")
            }
            return Item(name: name, works: true, detail: "\(tool.program), English data present")
        } catch {
            return Item(name: name, works: false, detail: "\(tool.program) could not be started: \(error)")
        }
    }

    /// Tries each grading feature in turn; later ones need the earlier ones.
    /// - Parameter helper: this sockgrade binary, which rootless grading starts as its capture helper.
    public static func features(helper: String?) -> [Item] {
        var items: [Item] = []
        let tools: SandboxTools
        do {
            tools = try SandboxTools.locate()
            items.append(Item(name: "sandbox tools", works: true, detail: ([tools.bubblewrap, tools.nsenter, tools.setpriv, tools.unshare] + [tools.dropPrivileges].compactMap { $0 }).joined(separator: ", ")))
        } catch {
            items.append(Item(name: "sandbox tools", works: false, detail: error.description))
            return items
        }
        let mode: SandboxMode
        do {
            mode = try SandboxMode.detect(tools: tools, helper: helper)
            items.append(mode.isRoot
                ? Item(name: "mode", works: true, detail: "root: namespaces made by the grader, a uid per parallel slot")
                : Item(name: "mode", works: true, detail: "without root: user namespaces; programs run as uid 1000 of their own user namespace"))
        } catch {
            items.append(Item(name: "mode", works: false, detail: error.description))
            return items
        }
        items.append(controlGroupItem())
        let namespace: NetworkNamespace
        do {
            namespace = try mode.makeNamespace(tools: tools)
            items.append(Item(name: "network namespace", works: true, detail: "created one with only lo, up"))
        } catch {
            items.append(Item(name: "network namespace", works: false, detail: error.description))
            return items
        }
        items.append(captureItem(namespace, mode: mode, tools: tools))
        items.append(sandboxItem(namespace, tools: tools, user: mode.user(slot: 0)))
        return items
    }

    /// A student cgroup made and removed for real; without one, limits fall back to rlimits.
    private static func controlGroupItem() -> Item {
        let name = "cgroup limits (memory, processes)"
        let fallback = "memory is limited per process (RLIMIT_DATA), processes per user (RLIMIT_NPROC)"
        switch ControlGroupRoot.detect() {
        case .failure(let error):
            return Item(name: name, works: false, detail: "\(error); \(fallback)", optional: true)
        case .success(let root):
            do {
                let group = try root.makeGroup(named: "doctor-\(getpid())", memoryBytes: 64 << 20, processes: 16)
                group.remove()
                root.removeRunFolders()
                return Item(name: name, works: true, detail: "cgroup \(group.version.rawValue), one group per student")
            } catch {
                root.removeRunFolders()
                return Item(name: name, works: false, detail: "\(error); \(fallback)", optional: true)
            }
        }
    }

    private static func captureItem(_ namespace: NetworkNamespace, mode: SandboxMode, tools: SandboxTools) -> Item {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sockgrade-doctor-\(getpid()).pcap").path
        defer { unlink(path) }
        do {
            let capture = try LiveRecorder.start(in: namespace, path: path, mode: mode, tools: tools)
            capture.stop()
            let header = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            guard header >= 24 else {
                return Item(name: "live capture of the namespace's lo", works: false, detail: "the capture file was not written")
            }
            return Item(name: "live capture of the namespace's lo", works: true, detail: mode.isRoot
                ? "libpcap opened lo inside the namespace" : "the capture helper opened lo inside the namespaces")
        } catch {
            return Item(name: "live capture of the namespace's lo", works: false, detail: "\(error)")
        }
    }

    private static func sandboxItem(_ namespace: NetworkNamespace, tools: SandboxTools, user: SandboxUser?) -> Item {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sockgrade-doctor-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let expected = user.map { String($0.uid) } ?? "1000"
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            if let user { chown(scratch.path, user.uid, user.gid) }
            let jail = Jail(tools: tools, namespace: namespace, user: user, scratchFolder: scratch.path)
            let child = try jail.launch(["/usr/bin/id", "-u"], in: Jail.homeInside, outputLimit: 4096)
            let finished = child.wait(timeout: .seconds(10))
            child.kill()
            let uid = child.standardOutput.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard finished, child.status == .exited(0), uid == expected else {
                return Item(name: "bubblewrap sandbox", works: false, detail: "a test program did not run as uid \(expected): \(child.standardError.text.prefix(300))")
            }
            return Item(name: "bubblewrap sandbox", works: true, detail: "ran a program as uid \(uid) in its own PID, mount and network namespaces")
        } catch {
            return Item(name: "bubblewrap sandbox", works: false, detail: "\(error)")
        }
    }
}
