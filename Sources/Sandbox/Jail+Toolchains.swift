import Foundation

extension Jail {
    /// Toolchains installed outside /usr (the swift.org toolchain has no Debian
    /// package and lives in /opt/swift); student builds need them read-only.
    public static let toolchainFolders = ["/opt/swift"]

    /// `--ro-bind` arguments for the toolchain folders this machine has. The
    /// folders above them are made first as 0755: bubblewrap would make them
    /// 0700 root, which the student's uid could not walk through.
    func toolchainBinds() -> [String] {
        Jail.toolchainFolders.filter { FileManager.default.fileExists(atPath: $0) }.flatMap { folder in
            var parents: [String] = []
            var parent = (folder as NSString).deletingLastPathComponent
            while parent != "/" && !parent.isEmpty {
                parents.insert(parent, at: 0)
                parent = (parent as NSString).deletingLastPathComponent
            }
            return parents.flatMap { ["--perms", "0755", "--dir", $0] } + ["--ro-bind", folder, folder]
        }
    }
}
