/// Why a file that starts like an image is not a whole one.
package struct ImageProblem: Error, Equatable {
    package var reason: String
    package init(_ reason: String) { self.reason = reason }
}
