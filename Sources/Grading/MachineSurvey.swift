import Foundation
import PacketCapture
import Sandbox

#if canImport(Glibc)
import Glibc
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
    }

    public static func toolchains() -> [Item] {
        Language.allCases.map { language in
            if let missing = language.missingTool {
                return Item(name: language.rawValue, works: false, detail: "\(missing.program) is missing (\(missing.installHint))")
            }
            return Item(name: language.rawValue, works: true, detail: language.toolchain.map(\.program).joined(separator: ", "))
        } + [ocrItem()]
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
    public static func features() -> [Item] {
        var items: [Item] = []
        let root = geteuid() == 0
        items.append(Item(name: "running as root", works: root, detail: root ? "uid 0" : "grading needs root (namespaces, switching users): run with sudo"))
        let tools: SandboxTools
        do {
            tools = try SandboxTools.locate()
            items.append(Item(name: "sandbox tools", works: true, detail: [tools.bubblewrap, tools.nsenter, tools.setpriv, tools.prlimit].joined(separator: ", ")))
        } catch {
            items.append(Item(name: "sandbox tools", works: false, detail: error.description))
            return items
        }
        guard root else { return items }
        let namespace: NetworkNamespace
        do {
            namespace = try NetworkNamespace()
            items.append(Item(name: "network namespace", works: true, detail: "created one with only lo, up"))
        } catch {
            items.append(Item(name: "network namespace", works: false, detail: error.description))
            return items
        }
        items.append(captureItem(namespace))
        items.append(sandboxItem(namespace, tools: tools))
        return items
    }

    private static func captureItem(_ namespace: NetworkNamespace) -> Item {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sockgrade-doctor-\(getpid()).pcap").path
        defer { unlink(path) }
        do {
            let capture = try LiveCapture(namespaceDescriptor: namespace.descriptor, outputPath: path)
            _ = capture.stop()
            return Item(name: "live capture of the namespace's lo", works: true, detail: "libpcap opened lo inside the namespace")
        } catch {
            return Item(name: "live capture of the namespace's lo", works: false, detail: "\(error)")
        }
    }

    private static func sandboxItem(_ namespace: NetworkNamespace, tools: SandboxTools) -> Item {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sockgrade-doctor-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let user = SandboxUser.slot(0)
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            chown(scratch.path, user.uid, user.gid)
            let jail = Jail(tools: tools, namespace: namespace, user: user, scratchFolder: scratch.path)
            let child = try jail.launch(["/usr/bin/id", "-u"], in: Jail.homeInside, outputLimit: 4096)
            let finished = child.wait(timeout: .seconds(10))
            child.kill()
            let uid = child.standardOutput.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard finished, child.status == .exited(0), uid == String(user.uid) else {
                return Item(name: "bubblewrap sandbox", works: false, detail: "a test program did not run as uid \(user.uid): \(child.standardError.text.prefix(300))")
            }
            return Item(name: "bubblewrap sandbox", works: true, detail: "ran a program as uid \(uid) in its own PID, mount and network namespaces")
        } catch {
            return Item(name: "bubblewrap sandbox", works: false, detail: "\(error)")
        }
    }
}
