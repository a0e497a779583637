import Foundation

/// What the grader needs to know of a Java file: whether it has a `main`,
/// and the fully qualified name of the class that declares it.
package struct JavaSource {
    package var text: String
    package var fileName: String

    private static let mainPattern = #"static\s+(final\s+)?(public\s+)?void\s+main\s*\("#

    package var hasMain: Bool {
        text.range(of: Self.mainPattern, options: .regularExpression) != nil
    }

    /// The class around the first `main`, qualified by the `package` line;
    /// the file's name when the file has no main (javac will then say so).
    package var mainClass: String {
        let fileClass = ((fileName as NSString).lastPathComponent as NSString).deletingPathExtension
        var className = fileClass
        if let main = text.range(of: Self.mainPattern, options: .regularExpression) {
            let before = String(text[..<main.lowerBound])
            let declarations = before.matches(of: /\b(class|enum|record)\s+([A-Za-z_$][\w$]*)/)
            if let last = declarations.last { className = String(last.output.2) }
        }
        guard let package = text.firstMatch(of: /(?m)^\s*package\s+([\w.]+)\s*;/) else { return className }
        return "\(package.output.1).\(className)"
    }
}
