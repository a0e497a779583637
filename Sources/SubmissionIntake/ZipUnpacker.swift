import Foundation
import ZIPFoundation

/// Unpacks a .zip with ZIPFoundation, through the `SafeExtractor`.
enum ZipUnpacker {
    static func unpack(_ url: URL, into extractor: inout SafeExtractor) throws(IntakeError) {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw IntakeError("\(url.lastPathComponent) cannot be opened as a ZIP archive: \(error)")
        }
        for entry in archive {
            if extractor.stopped { break }
            let name = entry.path
            switch entry.type {
            case .symlink:
                extractor.refuse(name, "it is a symbolic link, which could point anywhere on the grading machine")
            case .directory:
                extractor.directory(name)
            case .file:
                let declared = entry.uncompressedSize > UInt64(Int.max) ? Int.max : Int(entry.uncompressedSize)
                extractor.file(name, declaredSize: declared) { sink in
                    _ = try archive.extract(entry, skipCRC32: false) { data in try sink.append(data) }
                }
            }
        }
    }
}
