import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A file of a submission in a language the grader knows.
package struct SourceFile: Sendable, Equatable {
    /// Relative to the student's folder.
    package var path: String
    package var language: Language

    /// Every source file, by extension, or by `#!` line for files without one.
    package static func all(in tree: SubmissionTree) -> [SourceFile] {
        tree.paths { !$0.hasSuffix("_test.go") }.compactMap { relative in
            language(of: tree.url(of: relative)).map { SourceFile(path: relative, language: $0) }
        }
    }

    package static func language(of url: URL) -> Language? {
        let ext = url.pathExtension
        if !ext.isEmpty { return Language(fileExtension: ext) }
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 128)) ?? Data()
        let firstLine = String(decoding: head, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        return Language(shebang: firstLine)
    }

    package static func isRegularFile(_ url: URL) -> Bool {
        FileStatus.of(url.path)?.kind == .regular
    }

    /// The file's text, at most the first 256 KiB (student sources are small).
    package func text(in folder: URL) -> String {
        guard let handle = try? FileHandle(forReadingFrom: folder.appendingPathComponent(path)) else { return "" }
        defer { try? handle.close() }
        return String(decoding: (try? handle.read(upToCount: 256 << 10)) ?? Data(), as: UTF8.self)
    }

    /// Whether the file can start a program by itself.
    package func hasEntryPoint(in folder: URL) -> Bool {
        let text = text(in: folder)
        switch language {
        case .java: return JavaSource(text: text, fileName: path).hasMain
        case .c, .cpp: return text.range(of: #"\bmain\s*\("#, options: .regularExpression) != nil
        case .go: return text.range(of: #"func\s+main\s*\(\s*\)"#, options: .regularExpression) != nil
        case .rust: return text.range(of: #"fn\s+main\s*\("#, options: .regularExpression) != nil
        case .csharp: return text.range(of: #"static\s+(async\s+)?(void|int|Task(<int>)?)\s+Main\s*\("#, options: .regularExpression) != nil
        case .kotlin: return text.range(of: #"\bfun\s+main\s*\("#, options: .regularExpression) != nil
        case .swift, .python, .javascript, .shell, .ruby, .php, .perl, .lua: return true
        }
    }
}
