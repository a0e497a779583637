/// A project file that says how a program is built, found beside or above its
/// source. The grader builds it the way that file says when the tool can do
/// it offline, and otherwise the way a TA would by hand (say, javac over a
/// Maven tree), with a note saying so.
public enum BuildProject: Sendable, Equatable {
    /// `cargo build --offline` of the crate whose Cargo.toml is in `folder`, binary `binary`.
    case cargo(folder: String, binary: String)
    /// `go build ./package` from the module root (the folder of go.mod).
    case goModule(root: String, package: String)
    /// `make` in `folder`; the program is `folder/executable`.
    case make(folder: String, executable: String)
    /// CMake configured from `folder`; the program is the target `target`.
    case cmake(folder: String, target: String)

    /// The tool a TA would name for it: "cargo said: …".
    public var toolName: String {
        switch self {
        case .cargo: "cargo"
        case .goModule: "go build"
        case .make: "make"
        case .cmake: "cmake"
        }
    }
}

/// A toolchain version the code asks for that is newer than the installed one.
public struct ToolchainGap: Sendable, Equatable {
    /// "go.mod", "Cargo.toml".
    public var file: String
    public var tool: String
    public var asks: String
    public var installed: String

    /// "go.mod asks for Go 1.22.5 and the installed Go is 1.19.8".
    public var words: String { "\(file) asks for \(tool) \(asks) and the installed \(tool) is \(installed)" }
}
