/// Why a file that starts like an image is not a whole one.
struct ImageProblem: Error, Equatable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
