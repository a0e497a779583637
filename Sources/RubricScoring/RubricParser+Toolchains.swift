import Foundation
import Yams

extension RubricParser {
    /// Where the sandbox already puts something of its own: a toolchain bound
    /// there would hide it, or be hidden by it.
    static let reservedFolders = ["/proc", "/dev", "/sys", "/home/student"]

    /// Splits `programs.toolchains` off the `programs:` section: the folders are
    /// the grader's business (bound into every sandbox), not a program default,
    /// so ProgramDiscovery gets the section without them and a student's
    /// `sockgrade.yaml` can never name a host folder.
    func splitToolchains(_ programs: Node) throws(RubricError) -> (programs: Node?, toolchains: [String]) {
        guard case .mapping(let mapping) = programs,
              let entry = mapping.first(where: { $0.key.scalar?.string == "toolchains" }) else {
            return (programs, [])
        }
        let folders = try parseToolchains(Field(name: "toolchains", key: entry.key, value: entry.value))
        let rest = mapping.filter { $0.key.scalar?.string != "toolchains" }
        guard !rest.isEmpty else { return (nil, folders) }
        let pairs = rest.map { ($0.key, $0.value) }
        return (.mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark)), folders)
    }

    /// Each entry must be an absolute path to a folder on this machine that
    /// the student's unprivileged uid can read, so a typo stops the run at its
    /// line instead of failing every student's build.
    private func parseToolchains(_ field: Field) throws(RubricError) -> [String] {
        guard let items = field.value.sequence else {
            throw problem(at: field.key, "'toolchains' must be a list of folders, such as [/usr/local/go], found \(describe(field.value))")
        }
        var folders: [String] = []
        for item in items {
            let path = try text(Field(name: "toolchains", key: item, value: item), allowEmpty: false)
            let folder = try checkedToolchainFolder(path, at: item)
            if !folders.contains(folder) { folders.append(folder) }
        }
        return folders
    }

    /// The folder as bubblewrap is given it (no trailing or doubled `/`).
    private func checkedToolchainFolder(_ path: String, at node: Node) throws(RubricError) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard path.hasPrefix("/"), !parts.isEmpty, !parts.contains(".."), !parts.contains(".") else {
            throw problem(at: node, "toolchain folder '\(path)' must be an absolute path such as /usr/local/go, without '.' or '..'")
        }
        let clean = "/" + parts.joined(separator: "/")
        if let reserved = Self.reservedFolders.first(where: { clean == $0 || clean.hasPrefix($0 + "/") }) {
            throw problem(at: node, "toolchain folder '\(path)' lies in \(reserved), which the sandbox fills itself; move the toolchain elsewhere, such as /opt")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: clean, isDirectory: &isFolder) else {
            throw problem(at: node, "toolchain folder '\(path)' does not exist on this machine; install the toolchain there or remove the line")
        }
        guard isFolder.boolValue else {
            throw problem(at: node, "toolchain folder '\(path)' is a file, not a folder; name the folder that holds its bin/")
        }
        let mode = (try? FileManager.default.attributesOfItem(atPath: clean)[.posixPermissions] as? Int) ?? 0
        guard mode & 0o005 == 0o005 else {
            throw problem(at: node, "toolchain folder '\(path)' is not readable by other users (mode \(String(mode & 0o777, radix: 8))); students' programs run as an unprivileged user, so run chmod o+rx on it")
        }
        return clean
    }
}
