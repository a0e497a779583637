import Foundation

/// Inputs shared by the rubric tests.
enum RubricFixtures {
    /// The ids the grader knows, as the Grading module will pass them.
    static let knownCheckIDs: Set<String> = [
        "server-listening", "client-established", "username-sent", "capture-file", "capture-username",
    ]

    /// Every id the default rubric names: the five marked checks and the informational ones.
    static let defaultRubricCheckIDs: Set<String> = knownCheckIDs.union([
        "screenshots", "screenshot-listen", "screenshot-established", "attribution", "port-choice",
        "capture-consistency", "capture-originality", "screenshot-consistency", "code-similarity",
    ])

    /// The default rubric shipped with the project, found relative to this source file
    /// because the test target has no resources.
    static var defaultRubricPath: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // RubricScoringTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("rubric/socket-lab.yaml")
            .path
    }
}
