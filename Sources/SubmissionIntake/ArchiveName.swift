/// The name of an archive without its archive extensions: `alice.tar.gz` is `alice`.
enum ArchiveName {
    static func stem(_ name: String) -> String {
        var stem = name
        for suffix in [".tar.gz", ".tgz", ".tar", ".zip", ".gz"] where stem.lowercased().hasSuffix(suffix) {
            stem = String(stem.dropLast(suffix.count))
            break
        }
        return stem.isEmpty ? name : stem
    }
}
