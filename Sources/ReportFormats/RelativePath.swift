import Foundation

/// The link from one folder to another, so a page written anywhere finds the evidence.
enum RelativePath {
    /// `""` when the folders are the same, otherwise a relative path ending in `/`
    /// (`"reports/"`, `"../reports/"`), percent-encoded for an `href`.
    static func link(from start: URL, to target: URL) -> String {
        let from = start.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let to = target.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] {
            common += 1
        }
        let path = Array(repeating: "..", count: from.count - common) + to[common...]
        guard !path.isEmpty else { return "" }
        let joined = path.joined(separator: "/") + "/"
        return joined.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? joined
    }
}
