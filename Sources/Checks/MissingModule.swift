/// The library a program could not load, read from its error output in the
/// words each language uses, so the report names it in one sentence.
struct MissingModule {
    var output: String

    var name: String? {
        let patterns: [Regex<(Substring, Substring)>] = [
            /Cannot find module '([^']+)'/,                 // Node
            /ModuleNotFoundError: No module named '([^']+)'/, // Python
            /cannot load such file -- (\S+)/,               // Ruby
            /Can't locate (\S+)\.pm/,                       // Perl
            /module '([^']+)' not found/,                   // Lua
        ]
        return patterns.lazy.compactMap { self.output.firstMatch(of: $0).map { String($0.output.1) } }.first
    }

    /// "It needs the module socket.io, which is neither in the submission nor installed here (the sandbox has no network to install it)."
    func sentence(role: String) -> String? {
        name.map { " The \(role) needs the module '\($0)', which is neither in the submission nor installed on the grading machine (the sandbox has no network to install it)." }
    }
}
