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

    /// - Parameter onTmpfs: put the whole folder on a tmpfs of its own (needs
    ///   root). Why: on ext4, creating a file or folder right after many were
    ///   deleted makes the kernel search its inode bitmaps for one not recently
    ///   deleted, about 10 ms of CPU a student here; a tmpfs has no such cost.
    public init(onTmpfs: Bool = false) throws(LiveRunError) {
        let base = FileManager.default.temporaryDirectory.path
        // The PID in the name lets a later run tell whose folder it is (LeftoverSweep).
        var template = Array("\(base)/\(Self.prefix)\(getpid())-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw LiveRunError("Cannot create a scratch folder in \(base): \(Errno(rawValue: errno)).")
        }
        root = URL(fileURLWithPath: String(cString: made))
        if onTmpfs, mount("sockgrade-scratch", root.path, "tmpfs", UInt(MS_NOSUID | MS_NODEV), "mode=0711") != 0 {
            let problem = Errno(rawValue: errno)
            rmdir(root.path)
            throw LiveRunError("Cannot mount a tmpfs on the scratch folder \(root.path): \(problem).")
        }
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
        Self.remove(root)
    }

    /// Unmounts what is mounted in and on a scratch folder, the deepest first
    /// (the students' work folders, then the scratch tmpfs), and removes it.
    /// True when it is gone.
    @discardableResult
    package static func remove(_ folder: URL) -> Bool {
        // mountinfo lists a mount after the one it sits on.
        let points = mounts(under: folder.path).filter { $0 == folder.path } + mounts(under: folder.path + "/")
        for point in points.reversed() {
            umount2(point, Int32(MNT_DETACH))
        }
        return (try? FileManager.default.removeItem(at: folder)) != nil
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

    /// Unmounts the student's work folder and removes the student's scratch
    /// folder, evidence and all, so a class's runs do not pile up until the end.
    package func releaseArea(_ area: StudentArea) {
        umount2(area.work.path, Int32(MNT_DETACH))
        try? FileManager.default.removeItem(at: area.work.deletingLastPathComponent())
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
