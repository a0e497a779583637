import Foundation
import Sandbox
import ProgramDiscovery

/// Reads the text of a screenshot with Debian's `tesseract`, inside the same
/// sandbox as student code (its own empty network namespace, bubblewrap, the
/// sandbox uid, rlimits): the image is the student's, and an image parser is
/// attack surface.
package struct NetstatOCR: Sendable {
    package static let tesseract = Toolchain("/usr/bin/tesseract", debianPackage: "tesseract-ocr")

    package var tools: SandboxTools
    package var mode: SandboxMode
    package var seconds = 30

    package init(tools: SandboxTools, mode: SandboxMode) {
        self.tools = tools
        self.mode = mode
    }

    /// The recognised text, or why there is none.
    package func text(of image: URL) -> Result<String, ImageProblem> {
        guard FileManager.default.isExecutableFile(atPath: Self.tesseract.program) else {
            return .failure(ImageProblem("OCR needs \(Self.tesseract.program), which is not installed (\(Self.tesseract.installHint))"))
        }
        let user = mode.user(slot: 255)
        // A private copy the sandbox's uid owns; the submission's folder is not in the sandbox.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sockgrade-ocr-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try FileManager.default.copyItem(at: image, to: folder.appendingPathComponent("image"))
            if let user {
                chown(folder.path, user.uid, user.gid)
                chown(folder.appendingPathComponent("image").path, user.uid, user.gid)
            }
        } catch {
            return .failure(ImageProblem("the image could not be copied for OCR: \(error.localizedDescription)"))
        }
        do {
            let namespace = try mode.makeNamespace(tools: tools)
            var limits = ProcessLimits(processes: 64, openFiles: 64, fileSizeBytes: 16 << 20, cpuSeconds: seconds)
            limits.dataBytes = 1 << 30
            var jail = Jail(tools: tools, namespace: namespace, user: user, scratchFolder: folder.path, limits: limits)
            jail.environmentOverrides = ["OMP_THREAD_LIMIT=1"]
            let child = try jail.launch(
                [Self.tesseract.program, "\(Jail.homeInside)/image", "stdout", "--psm", "6"],
                in: Jail.homeInside, outputLimit: 256 << 10)
            let finished = child.wait(timeout: .seconds(seconds))
            child.kill()
            guard finished else { return .failure(ImageProblem("OCR did not finish within \(seconds) s")) }
            guard child.status == .exited(0) else {
                return .failure(ImageProblem("tesseract could not read it: \(child.standardError.text.prefix(300))"))
            }
            return .success(child.standardOutput.text)
        } catch {
            return .failure(ImageProblem("tesseract could not be started in the sandbox: \(error)"))
        }
    }
}
