/// Why reading or writing a report file failed: the only error `Reporting` throws.
///
/// A check that fails is not an error (it is a `CheckResult`); this is thrown only when
/// the grader cannot record or read results at all, and its description says which
/// file and what to do, in the manner of swift-subprocess's `SubprocessError`.
public struct ReportError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Code: String, Sendable, Equatable {
        case cannotCreateDirectory
        case cannotWriteFile
        case cannotEncode
        case fileNotFound
        case cannotReadFile
        case notAReport
        case unsupportedSchemaVersion
    }

    public let code: Code
    /// The file or folder involved.
    public let path: String
    /// The C `errno` behind a failed system call, when there was one.
    public let underlyingErrno: Int32?
    /// The operating system's or decoder's own words.
    public let detail: String

    public init(_ code: Code, path: String, errno: Int32? = nil, detail: String = "") {
        self.code = code
        self.path = path
        self.underlyingErrno = errno
        self.detail = detail
    }

    public var description: String {
        switch code {
        case .cannotCreateDirectory:
            return "Could not create the output folder '\(path)': \(detail). Choose a folder you can write to."
        case .cannotWriteFile:
            return "Could not write '\(path)': \(detail). Any earlier version of the file is unchanged."
        case .cannotEncode:
            return "Could not encode the contents of '\(path)' as JSON: \(detail)."
        case .fileNotFound:
            return "The report file '\(path)' does not exist; grade the student first."
        case .cannotReadFile:
            return "Could not read the report file '\(path)': \(detail)."
        case .notAReport:
            return "The file '\(path)' is not a sockgrade report: \(detail)."
        case .unsupportedSchemaVersion:
            return "The report file '\(path)' has schema version \(detail), but this sockgrade reads version "
                + "\(StudentReport.currentSchemaVersion); grade the student again to rewrite it."
        }
    }
}
