import Checks
import RubricScoring

/// `--rubric FILE`, or the built-in rubric when none is named.
enum RubricChoice {
    static func load(_ path: String?) throws(RubricError) -> Rubric {
        guard let path else { return try Rubric.builtIn(knownCheckIDs: CheckID.all) }
        return try Rubric.load(from: path, knownCheckIDs: CheckID.all)
    }
}
