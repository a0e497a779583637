import Foundation

extension Jail {
    /// Toolchains installed outside /usr (the swift.org toolchain has no Debian
    /// package and lives in /opt/swift); student builds need them read-only.
    public static let toolchainFolders = ["/opt/swift"]

    /// The folders bound: the built-in ones this machine has, then the rubric's.
    private var boundToolchainFolders: [String] {
        Jail.toolchainFolders.filter { FileManager.default.fileExists(atPath: $0) } + extraToolchainFolders
    }

    /// PATH inside the sandbox: the rubric's toolchains' bin/ first, so a
    /// Makefile's `go` or `cc` finds the toolchain the rubric named.
    var searchPath: String {
        let bins = extraToolchainFolders.map { ($0 as NSString).appendingPathComponent("bin") }.filter { bin in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: bin, isDirectory: &isFolder) && isFolder.boolValue
        }
        return (bins + ["/usr/local/bin", "/usr/bin", "/bin"]).joined(separator: ":")
    }

    /// `--ro-bind` arguments for the toolchain folders. The folders above them
    /// are made first as 0755: bubblewrap would make them 0700 root, which the
    /// student's uid could not walk through. They come after /tmp and /home
    /// are made, so a folder there is not hidden by them.
    func toolchainBinds() -> [String] {
        boundToolchainFolders.flatMap { folder in
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
