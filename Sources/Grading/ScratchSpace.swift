import Foundation
import Sandbox

#if canImport(Glibc)
import Glibc
#endif

/// A private folder for one grading run: per student a `work` copy of the
/// submission (the only writable place the student's code sees) and an
/// `evidence` folder only the grader can write (the live capture).
public final class ScratchSpace: Sendable {
    static let prefix = "sockgrade-run-"
    public let root: URL

    public init() throws(GradingError) {
        let base = FileManager.default.temporaryDirectory.path
        // The PID in the name lets a later run tell whose folder it is (LeftoverSweep).
        var template = Array("\(base)/\(Self.prefix)\(getpid())-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw GradingError("Cannot create a scratch folder in \(base): \(String(cString: strerror(errno))).")
        }
        root = URL(fileURLWithPath: String(cString: made))
        // Sandbox users must traverse into their own work folder, but not list the others.
        chmod(root.path, 0o711)
    }

    deinit {
        remove()
    }

    public func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    struct StudentArea {
        var work: URL
        var evidence: URL
    }

    func makeArea(for student: String, owner: SandboxUser) throws(GradingError) -> StudentArea {
        let folder = root.appendingPathComponent(fileSafeName(student))
        let area = StudentArea(work: folder.appendingPathComponent("work"), evidence: folder.appendingPathComponent("evidence"))
        do {
            try FileManager.default.createDirectory(at: area.work, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: area.evidence, withIntermediateDirectories: true)
        } catch {
            throw GradingError("Cannot create the scratch folder \(folder.path): \(error.localizedDescription)")
        }
        chmod(folder.path, 0o711)
        chmod(area.evidence.path, 0o700)
        chown(area.work.path, owner.uid, owner.gid)
        chmod(area.work.path, 0o700)
        return area
    }
}

/// A name that is safe as one path component: no separators, no leading dot.
func fileSafeName(_ name: String) -> String {
    var safe = String(name.map { $0 == "/" || $0 == "\0" ? "_" : $0 })
    while safe.hasPrefix(".") { safe.removeFirst() }
    return safe.isEmpty ? "student" : safe
}
