import Foundation

/// The committed archives under Tests/Fixtures/intake/archives, and a work
/// folder per test that is removed afterwards.
enum Fixtures {
    static let archives = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/intake/archives")

    static func archive(_ name: String) -> URL { archives.appendingPathComponent(name) }
}

final class WorkFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("intake-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Every regular file under the folder, relative, sorted.
    func files(under folder: URL? = nil) -> [String] {
        let root = folder ?? url
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        var found: [String] = []
        while let item = walker?.nextObject() as? URL {
            if (try? item.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                found.append(String(item.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)))
            }
        }
        return found.sorted()
    }
}
