import Foundation
import Sandbox

/// Reads the text of a screenshot with Debian's `tesseract`, as an
/// unprivileged user with CPU and memory limits (the image is the student's).
struct NetstatOCR {
    static let tesseract = Toolchain("/usr/bin/tesseract", debianPackage: "tesseract-ocr")

    var tools: SandboxTools
    var seconds = 30

    /// The recognised text, or why there is none.
    func text(of image: URL) -> Result<String, ImageProblem> {
        guard FileManager.default.isExecutableFile(atPath: Self.tesseract.program) else {
            return .failure(ImageProblem("OCR needs \(Self.tesseract.program), which is not installed (\(Self.tesseract.installHint))"))
        }
        // A private readable copy: the submission's own folder may not be readable by the OCR's uid.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sockgrade-ocr-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("image")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            try FileManager.default.copyItem(at: image, to: copy)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: copy.path)
        } catch {
            return .failure(ImageProblem("the image could not be copied for OCR: \(error.localizedDescription)"))
        }
        let nobody = "65534"
        let command = [tools.setpriv, "--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", "--no-new-privs", "--",
                       tools.prlimit, "--as=\(2 << 30)", "--cpu=\(seconds)", "--nproc=64", "--",
                       Self.tesseract.program, copy.path, "stdout", "--psm", "6"]
        do {
            let child = try ChildProcess(arguments: command, environment: ["PATH=/usr/bin:/bin", "OMP_THREAD_LIMIT=1", "LANG=C.UTF-8"], outputLimit: 256 << 10)
            let finished = child.wait(timeout: .seconds(seconds))
            child.kill()
            guard finished else { return .failure(ImageProblem("OCR did not finish within \(seconds) s")) }
            guard child.status == .exited(0) else {
                return .failure(ImageProblem("tesseract could not read it: \(child.standardError.text.prefix(300))"))
            }
            return .success(child.standardOutput.text)
        } catch {
            return .failure(ImageProblem("tesseract could not be started: \(error)"))
        }
    }
}
