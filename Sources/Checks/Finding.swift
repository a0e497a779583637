import Reporting

/// Check results as the grader makes them; the rubric fills in titles and points.
package enum Finding {
    package static func passed(_ id: String, _ message: String, evidence: JSONValue = .object([:])) -> CheckResult {
        make(id, .passed, message, evidence)
    }

    package static func failed(_ id: String, _ message: String, evidence: JSONValue = .object([:])) -> CheckResult {
        make(id, .failed, message, evidence)
    }

    package static func error(_ id: String, _ message: String, evidence: JSONValue = .object([:])) -> CheckResult {
        make(id, .error, message, evidence)
    }

    package static func skipped(_ id: String, _ message: String, evidence: JSONValue = .object([:])) -> CheckResult {
        make(id, .skipped, message, evidence)
    }

    /// The same, with a typed evidence struct (see `JSONValue(encoding:)`).
    package static func passed(_ id: String, _ message: String, evidence: some Encodable) -> CheckResult {
        make(id, .passed, message, JSONValue(encoding: evidence))
    }

    package static func failed(_ id: String, _ message: String, evidence: some Encodable) -> CheckResult {
        make(id, .failed, message, JSONValue(encoding: evidence))
    }

    package static func error(_ id: String, _ message: String, evidence: some Encodable) -> CheckResult {
        make(id, .error, message, JSONValue(encoding: evidence))
    }

    private static func make(_ id: String, _ status: CheckStatus, _ message: String, _ evidence: JSONValue) -> CheckResult {
        CheckResult(id: id, title: id, status: status, points: 0, maxPoints: 0, message: message, evidence: evidence)
    }
}
