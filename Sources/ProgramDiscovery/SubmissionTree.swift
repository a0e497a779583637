import Foundation
import SubmissionIntake

#if canImport(Glibc)
import Glibc
#endif

/// A submission's files, read once: the one walk that the fingerprint, the
/// copy into the sandbox, program discovery and every check use, so they can
/// never disagree about which files a submission has.
///
/// The walk opens every folder with `O_NOFOLLOW` from its parent's
/// descriptor (a symlink anywhere could point anywhere on the grader's
/// machine), skips hidden and build-output folders, and is bounded in depth
/// and in entries so a hostile tree cannot exhaust the grader's memory.
package struct SubmissionTree: Sendable {
    /// One regular file, in walk order (depth first, names sorted by bytes).
    package struct File: Sendable, Equatable {
        /// Relative to the submission; bytes that are not UTF-8 shown as `\xNN`.
        package var path: String
        /// The raw names from the submission's folder down, for opening it without following links.
        package var components: [[UInt8]]
        package var size: Int
        package var permissions: UInt32
        /// Whether `path` is the file's real name, so a URL built from it reaches the file.
        package var hasPlainName: Bool

        package var name: String { (path as NSString).lastPathComponent }
        /// Folders above it: 0 for a file at the top.
        package var depth: Int { components.count - 1 }
    }

    /// One folder that is walked into (empty folders are kept, so the copy has them too).
    package struct Folder: Sendable, Equatable {
        package var path: String
        package var components: [[UInt8]]
    }

    /// Deep enough for `server/src/main/java/com/example/chat/Server.java`
    /// (7 folders). Discovery looks no deeper than this, so a vendored tree
    /// far below never decides which file is the server.
    package static let discoveryDepth = 9
    /// Folders nested deeper than this are not walked at all.
    package static let maximumDepth = 32
    /// Entries looked at, at most: bounds the grader's own memory on a submission of millions of files.
    package static let maximumListed = 200_000

    package let folder: URL
    package private(set) var files: [File] = []
    package private(set) var folders: [Folder] = []
    /// Hidden or build-output entries left out, by path.
    package private(set) var skipped: [String] = []
    /// Symbolic links and special files, never followed.
    package private(set) var unfollowed: [String] = []
    /// Folders nested deeper than `maximumDepth`.
    package private(set) var tooDeep: [String] = []
    /// Whether the walk stopped at `maximumListed` entries.
    package private(set) var truncated = false
    /// Why the submission's folder itself could not be opened, if it could not.
    package private(set) var unreadable: String?

    /// Walks `folder` once.
    package init(_ folder: URL, maximumListed: Int = SubmissionTree.maximumListed) {
        self.folder = folder
        switch NoFollowFolder.open(folder.path) {
        case .success(let root):
            var count = 0
            walk(root, components: [], relative: "", plain: true, count: &count, maximumListed: maximumListed)
        case .failure(let why):
            // O_DIRECTORY makes a link fail with ENOTDIR rather than ELOOP, so ask lstat what it is.
            let isLink = why.isLink || FileStatus.of(folder.path)?.kind == .link
            unreadable = isLink ? "a symbolic link, not followed" : "cannot be read: \(why.reason)"
        }
    }

    /// `plain`: whether every folder above has its real name as its shown name.
    private mutating func walk(
        _ opened: NoFollowFolder, components: [[UInt8]], relative: String, plain: Bool, count: inout Int, maximumListed: Int
    ) {
        for entry in opened.entries() {
            count += 1
            guard count <= maximumListed else {
                truncated = true
                return
            }
            let shown = entry.shownName
            let path = relative.isEmpty ? shown : "\(relative)/\(shown)"
            let names = components + [entry.bytes]
            switch entry.kind {
            case .folder where SubmissionFiles.isSkippedFolder(shown, at: path):
                skipped.append(path)
            case .folder where components.count >= Self.maximumDepth:
                tooDeep.append(path)
            case .folder:
                guard case .success(let child) = opened.folder(entry.bytes) else {
                    unfollowed.append(path)
                    continue
                }
                folders.append(Folder(path: path, components: names))
                walk(child, components: names, relative: path, plain: plain && entry.name == shown, count: &count, maximumListed: maximumListed)
            case .regular where !shown.hasPrefix("."):
                files.append(File(
                    path: path, components: names, size: entry.size, permissions: entry.permissions, hasPlainName: plain && entry.name == shown))
            case .regular:
                skipped.append(path)
            case .link, .other:
                unfollowed.append(path)
            }
        }
    }

    /// The relative paths of the files discovery looks at: at most
    /// `discoveryDepth` folders deep, with real (UTF-8) names, kept by `keep(name)`.
    package func paths(where keep: (String) -> Bool = { _ in true }) -> [String] {
        files.filter { $0.depth <= Self.discoveryDepth && $0.hasPlainName && keep($0.name) }.map(\.path)
    }

    /// The file at `path`, if the walk found it.
    package func file(at path: String) -> File? {
        files.first { $0.path == path }
    }

    package func url(of path: String) -> URL {
        folder.appendingPathComponent(path)
    }

    /// Opens `file` for reading, every folder on the way with `O_NOFOLLOW`; the caller closes it.
    package func open(_ file: File) -> Int32? {
        guard case .success(var current) = NoFollowFolder.open(folder.path) else { return nil }
        for name in file.components.dropLast() {
            guard case .success(let child) = current.folder(name) else { return nil }
            current = child
        }
        guard let last = file.components.last, case .success(let descriptor) = current.openFile(last) else { return nil }
        return descriptor
    }

    /// At most `file.size` bytes of `file` as the walk saw it, or nil when it cannot be read.
    package func contents(of file: File) -> [UInt8]? {
        head(of: file, count: file.size)
    }

    /// The first `count` bytes of `file` (fewer when it is shorter), or nil when it cannot be read.
    package func head(of file: File, count: Int) -> [UInt8]? {
        guard let descriptor = open(file) else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return read(descriptor, base + done, count - done)
            }
            if got < 0 { return nil }
            if got == 0 { break }
            done += got
        }
        return Array(bytes.prefix(done))
    }
}
