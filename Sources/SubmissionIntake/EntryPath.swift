import Foundation

/// An archive entry's name made safe to create under a folder: relative,
/// without `..`, with Windows separators read as `/`.
enum EntryPath {
    static let maximumDepth = 32

    /// The path's components, or why it may not be created.
    static func components(of name: String) -> Result<[String], EntryRefused> {
        let normalized = name.replacingOccurrences(of: "\\", with: "/")
        if normalized.hasPrefix("/") { return .failure(EntryRefused("it is an absolute path")) }
        if normalized.count >= 2, normalized.dropFirst().first == ":", normalized.first?.isLetter == true {
            return .failure(EntryRefused("it is an absolute Windows path"))
        }
        if normalized.utf8.contains(0) { return .failure(EntryRefused("its name holds a NUL byte")) }
        let parts = normalized.split(separator: "/").map(String.init).filter { $0 != "." }
        if parts.contains("..") { return .failure(EntryRefused("its path climbs out of the archive with '..'")) }
        if parts.isEmpty { return .failure(EntryRefused("its name is empty")) }
        if parts.count > maximumDepth { return .failure(EntryRefused("it is nested more than \(maximumDepth) folders deep")) }
        if parts.contains(where: { $0.utf8.count > 255 }) { return .failure(EntryRefused("a part of its name is longer than 255 bytes")) }
        return .success(parts)
    }

    /// Operating-system litter that is not part of any submission.
    static func isLitter(_ parts: [String]) -> Bool {
        parts.first == "__MACOSX" || parts.last == ".DS_Store" || parts.last == "Thumbs.db"
    }
}
