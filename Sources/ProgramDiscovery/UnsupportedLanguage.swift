/// Languages the grader recognises by extension but cannot build or run, so a
/// folder of them is named for what it holds, never called empty.
package enum UnsupportedLanguage {
    package static let names: [String: String] = [
        "hs": "Haskell (.hs)", "scala": "Scala (.scala)", "ex": "Elixir (.ex)", "exs": "Elixir (.exs)",
        "erl": "Erlang (.erl)", "clj": "Clojure (.clj)", "vb": "Visual Basic (.vb)", "fs": "F# (.fs)",
        "dart": "Dart (.dart)", "zig": "Zig (.zig)", "nim": "Nim (.nim)", "cr": "Crystal (.cr)",
        "r": "R (.r)", "jl": "Julia (.jl)", "pas": "Pascal (.pas)", "ts": "TypeScript (.ts)",
        "groovy": "Groovy (.groovy)", "ml": "OCaml (.ml)",
    ]

    /// "Haskell (.hs)" for a file the grader knows but does not run.
    package static func name(ofFile path: String) -> String? {
        names[SubmissionFiles.fileExtension(path)]
    }
}
