/// Why one entry was not unpacked.
struct EntryRefused: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
