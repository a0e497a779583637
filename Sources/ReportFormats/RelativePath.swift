import Foundation

/// Links from the page to files beside it, built so that no name can make a link
/// anything but a relative path: a student folder named `javascript:alert(1)` must
/// open `./javascript%3Aalert(1)/live.pcap`, never run as a script.
enum RelativePath {
    /// `""` when the folders are the same, otherwise a relative path ending in `/`
    /// (`"reports/"`, `"../reports/"`), each segment percent-encoded by `segment`.
    static func link(from start: URL, to target: URL) -> String {
        let from = start.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let to = target.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] {
            common += 1
        }
        let path = Array(repeating: "..", count: from.count - common) + to[common...].map(segment)
        guard !path.isEmpty else { return "" }
        return path.joined(separator: "/") + "/"
    }

    /// `./` + `base` + the encoded segments: the leading `./` keeps a `:` in the first
    /// segment from ever reading as a URL scheme, on top of the encoding.
    static func href(base: String, _ segments: [String]) -> String {
        "./" + base + segments.map(segment).joined(separator: "/")
    }

    /// One path segment with everything but RFC 3986's unreserved characters
    /// (ASCII letters, digits, `-._~`) percent-encoded, so `:`, `/`, `?`, `#`, `%`,
    /// quotes and non-ASCII letters all stay inside the segment.
    static func segment(_ name: String) -> String {
        name.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
