import Foundation
import Reporting
import Sandbox
import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

/// A private folder for one grading run: per student a `work` copy of the
/// submission (the only writable place the student's code sees) and an
/// `evidence` folder only the grader can write (the live capture).
public final class ScratchSpace: Sendable {
    package static let prefix = "sockgrade-run-"
    public let root: URL
    /// The /etc/hosts every student's sandbox sees (`Jail.hostsText`).
    public let hostsFile: String

    public init() throws(LiveRunError) {
        let base = FileManager.default.temporaryDirectory.path
        // The PID in the name lets a later run tell whose folder it is (LeftoverSweep).
        var template = Array("\(base)/\(Self.prefix)\(getpid())-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw LiveRunError("Cannot create a scratch folder in \(base): \(Errno(rawValue: errno)).")
        }
        root = URL(fileURLWithPath: String(cString: made))
        // Sandbox users must traverse into their own work folder, but not list the others.
        chmod(root.path, 0o711)
        hostsFile = root.appendingPathComponent("hosts").path
        guard FileManager.default.createFile(atPath: hostsFile, contents: Data(Jail.hostsText.utf8), attributes: [.posixPermissions: 0o644]) else {
            throw LiveRunError("Cannot write the sandbox's hosts file \(hostsFile).")
        }
    }

    deinit {
        remove()
    }

    public func remove() {
        for point in Self.mounts(under: root.path + "/") {
            umount2(point, Int32(MNT_DETACH))
        }
        try? FileManager.default.removeItem(at: root)
    }

    package struct StudentArea {
        package var work: URL
        package var evidence: URL
    }

    /// - Parameter workBytes: the size of the tmpfs the work folder lives on, so
    ///   a student who writes without end fills that, never the host's disk.
    /// Without root (`owner` nil) nothing can be mounted here: the namespace
    /// holder puts the work folder on a tmpfs in its own mount namespace.
    package func makeArea(for student: String, owner: SandboxUser?, workBytes: Int) throws(LiveRunError) -> StudentArea {
        let folder = root.appendingPathComponent(EvidenceFolder.name(for: student))
        let area = StudentArea(work: folder.appendingPathComponent("work"), evidence: folder.appendingPathComponent("evidence"))
        do {
            try FileManager.default.createDirectory(at: area.work, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: area.evidence, withIntermediateDirectories: true)
        } catch {
            throw LiveRunError("Cannot create the scratch folder \(folder.path): \(error.localizedDescription)")
        }
        chmod(folder.path, 0o711)
        chmod(area.evidence.path, 0o700)
        guard let owner else {
            chmod(area.work.path, 0o700)
            return area
        }
        let options = "size=\(workBytes),nr_inodes=8192,mode=0700,uid=\(owner.uid),gid=\(owner.gid)"
        guard mount("sockgrade", area.work.path, "tmpfs", UInt(MS_NOSUID | MS_NODEV), options) == 0 else {
            throw LiveRunError("Cannot mount a tmpfs on \(area.work.path): \(Errno(rawValue: errno)).")
        }
        return area
    }

    /// Unmounts the student's work folder; its files go with it.
    package func releaseArea(_ area: StudentArea) {
        umount2(area.work.path, Int32(MNT_DETACH))
    }

    /// Mount points below scratch folders, as /proc/self/mountinfo lists them.
    package static func mounts(under prefix: String) -> [String] {
        let text = (try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count > 4 else { return nil }
            let point = String(fields[4])
            return point.hasPrefix(prefix) ? point : nil
        }
    }
}
