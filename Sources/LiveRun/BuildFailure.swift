/// Why a student's program could not be run after its build step, and whose side
/// the cause is on: the check's status follows from it (see `CheckStatus`).
package struct BuildFailure: Sendable, Equatable {
    package enum Cause: Sendable, Equatable {
        /// The student's code: it does not compile, or compiling it did not end in time.
        case studentCode
        /// The grading machine: a missing toolchain, a compiler that could not be started.
        /// Nobody has judged the student's code, so a person must look.
        case gradingMachine
    }

    /// In words for the student.
    package var message: String
    package var cause: Cause

    package init(_ message: String, cause: Cause) {
        self.message = message
        self.cause = cause
    }
}
