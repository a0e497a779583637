import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An archive format, told by the file's first bytes (a student's `.zip` may
/// be a tarball, and a `.docx` is a zip; content decides, the name only
/// decides whether to look).
enum ArchiveKind {
    case zip
    case tar
    case gzip

    static let extensions = ["zip", "tar", "tgz", "gz"]

    static func of(_ url: URL) -> ArchiveKind? {
        guard extensions.contains(url.pathExtension.lowercased()) else { return nil }
        // A link is never an archive: opening it could read a file anywhere on the machine.
        let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        let head = [UInt8]((try? handle.read(upToCount: 512)) ?? Data())
        if head.starts(with: [0x50, 0x4b, 0x03, 0x04]) || head.starts(with: [0x50, 0x4b, 0x05, 0x06]) { return .zip }
        if head.starts(with: [0x1f, 0x8b]) { return .gzip }
        if head.count >= 262, head[257..<262].elementsEqual(Array("ustar".utf8)) { return .tar }
        return nil
    }
}

/// Unpacks one archive of any kind the grader knows into a fresh folder.
enum ArchiveUnpacker {
    /// Returns what was refused; throws only when the archive cannot be read at all.
    static func unpack(_ archive: URL, into folder: URL, budget: UnpackBudget) throws(IntakeError) -> [Refusal] {
        guard let kind = ArchiveKind.of(archive) else {
            throw IntakeError("\(archive.lastPathComponent) is not a ZIP, tar or gzip archive.")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw IntakeError("Cannot create \(folder.path) to unpack \(archive.lastPathComponent): \(error.localizedDescription)")
        }
        var extractor = SafeExtractor(root: folder, archiveName: archive.lastPathComponent, budget: budget)
        switch kind {
        case .zip: try ZipUnpacker.unpack(archive, into: &extractor)
        case .tar, .gzip: try TarUnpacker.unpack(archive, into: &extractor)
        }
        return extractor.refusals
    }
}
