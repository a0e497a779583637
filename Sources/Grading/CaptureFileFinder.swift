import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Finds the capture files a student handed in: regular files (never links)
/// named *.pcap, *.pcapng or *.cap, in the folder or a few levels below.
enum CaptureFileFinder {
    static let extensions: Set<String> = ["pcap", "pcapng", "cap"]

    static func find(in folder: URL, maximumDepth: Int = 4) -> [String] {
        var found: [String] = []
        func walk(_ url: URL, prefix: String, depth: Int) {
            guard depth <= maximumDepth,
                  let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return }
            for name in names.sorted() where !name.hasPrefix(".") {
                let child = url.appendingPathComponent(name)
                let relative = prefix.isEmpty ? name : "\(prefix)/\(name)"
                var info = stat()
                guard lstat(child.path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: walk(child, prefix: relative, depth: depth + 1)
                case S_IFREG where extensions.contains((name as NSString).pathExtension.lowercased()): found.append(relative)
                default: break
                }
            }
        }
        walk(folder, prefix: "", depth: 0)
        return found
    }
}
