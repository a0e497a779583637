import Foundation

/// The installed Go's version, and comparing dotted versions.
package enum GoVersion {
    /// "1.19.8", from the distribution's VERSION file (no process needed).
    package static let installed: String? = {
        guard let text = try? String(contentsOfFile: "/usr/lib/go/VERSION", encoding: .utf8) else { return nil }
        return text.firstMatch(of: /go([0-9][0-9.]*)/).map { String($0.output.1) }
    }()

    /// Whether `asked` is a later version than `installed`, part by part.
    package static func isNewer(_ asked: String, than installed: String) -> Bool {
        let a = asked.split(separator: ".").map { Int($0) ?? 0 }
        let b = installed.split(separator: ".").map { Int($0) ?? 0 }
        for index in 0..<max(a.count, b.count) {
            let (x, y) = (index < a.count ? a[index] : 0, index < b.count ? b[index] : 0)
            if x != y { return x > y }
        }
        return false
    }

    /// The go line an older Go accepts: "1.19" for 1.19.8 (Go before 1.21 takes only two parts).
    package static func languageLine(_ installed: String) -> String {
        installed.split(separator: ".").prefix(2).joined(separator: ".")
    }
}
