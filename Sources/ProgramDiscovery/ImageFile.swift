import Foundation

/// A PNG or JPEG told by its content, checked to be a whole image: PNG
/// chunks with good CRCs from IHDR to IEND, JPEG segments from SOI through a
/// frame header and the scan to the end-of-image marker.
package struct ImageFile: Equatable {
    package enum Format: String { case png = "PNG", jpeg = "JPEG" }

    package var format: Format
    package var width: Int
    package var height: Int

    /// Looks at `bytes`: nil when they are not a PNG or JPEG at all; a
    /// problem when they start like one but are not a whole image.
    package static func read(_ bytes: [UInt8]) -> Result<ImageFile, ImageProblem>? {
        if bytes.starts(with: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) { return readPNG(bytes) }
        if bytes.starts(with: [0xff, 0xd8, 0xff]) { return readJPEG(bytes) }
        return nil
    }

    /// PNG: 8-byte signature, then chunks of length(4) type(4) data CRC(4).
    private static func readPNG(_ bytes: [UInt8]) -> Result<ImageFile, ImageProblem> {
        var offset = 8
        var size: (Int, Int)?
        var sawData = false
        while offset + 12 <= bytes.count {
            let length = Int(bigEndian32(bytes, at: offset))
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            guard length <= bytes.count - offset - 12 else {
                return .failure(ImageProblem("the PNG is cut short inside its \(type) chunk"))
            }
            let stored = bigEndian32(bytes, at: offset + 8 + length)
            guard CRC32.checksum(bytes[offset + 4..<offset + 8 + length]) == stored else {
                return .failure(ImageProblem("the PNG's \(type) chunk fails its CRC check (the file is damaged)"))
            }
            if size == nil {
                guard type == "IHDR", length == 13 else { return .failure(ImageProblem("the PNG does not start with an IHDR chunk")) }
                size = (Int(bigEndian32(bytes, at: offset + 8)), Int(bigEndian32(bytes, at: offset + 12)))
            }
            if type == "IDAT" { sawData = true }
            if type == "IEND" {
                guard let (width, height) = size, width > 0, height > 0 else { return .failure(ImageProblem("the PNG has no size")) }
                guard sawData else { return .failure(ImageProblem("the PNG holds no image data")) }
                return .success(ImageFile(format: .png, width: width, height: height))
            }
            offset += 12 + length
        }
        return .failure(ImageProblem("the PNG is cut short (no IEND chunk)"))
    }

    /// JPEG: markers FF xx, each but SOI/EOI/RSTn followed by a 2-byte length;
    /// SOF0..SOF15 (not DHT C4, JPG C8, DAC CC) carry height and width.
    private static func readJPEG(_ bytes: [UInt8]) -> Result<ImageFile, ImageProblem> {
        var offset = 2
        var size: (Int, Int)?
        while offset + 4 <= bytes.count {
            guard bytes[offset] == 0xff else { return .failure(ImageProblem("the JPEG's segments are damaged at byte \(offset)")) }
            let marker = bytes[offset + 1]
            if marker == 0xff { offset += 1; continue }
            let length = Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            guard length >= 2, offset + 2 + length <= bytes.count else {
                return .failure(ImageProblem("the JPEG is cut short"))
            }
            if (0xc0...0xcf).contains(marker), ![0xc4, 0xc8, 0xcc].contains(marker), length >= 7 {
                size = (Int(bytes[offset + 7]) << 8 | Int(bytes[offset + 8]), Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]))
            }
            if marker == 0xda {
                guard let (width, height) = size, width > 0, height > 0 else {
                    return .failure(ImageProblem("the JPEG has no frame header giving its size"))
                }
                // The entropy-coded data runs to the end-of-image marker; without it the file was cut.
                let scan = bytes[(offset + 2 + length)...]
                guard zip(scan, scan.dropFirst()).contains(where: { $0 == 0xff && $1 == 0xd9 }) else {
                    return .failure(ImageProblem("the JPEG is cut short (no end-of-image marker)"))
                }
                return .success(ImageFile(format: .jpeg, width: width, height: height))
            }
            offset += 2 + length
        }
        return .failure(ImageProblem("the JPEG is cut short before its image data"))
    }

    private static func bigEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }
}
