import Foundation

/// Where a batch's progress goes, and how it may be drawn there.
public struct ConsoleOutput: Sendable {
    /// Redraw one progress line in place (a terminal) or print a line per student (a log).
    public var isTerminal: Bool
    public var style: TerminalStyle
    /// Emit GitHub Actions workflow commands.
    public var githubAnnotations: Bool
    public var width: Int
    /// The columns the per-student lines and the closing table must fit in: the
    /// terminal's width or `COLUMNS`; nil (nothing shortened) on a pipe without it.
    public var columns: Int?
    public var write: @Sendable (String) -> Void
    public var warn: @Sendable (String) -> Void

    public init(
        isTerminal: Bool, environment: [String: String], width: Int = 80, columns: Int? = nil,
        write: @escaping @Sendable (String) -> Void, warn: @escaping @Sendable (String) -> Void
    ) {
        self.isTerminal = isTerminal
        self.style = TerminalStyle.detect(isTerminal: isTerminal, environment: environment)
        self.githubAnnotations = CIAnnotations.isGitHubActions(environment)
        self.width = width
        self.columns = columns
        self.write = write
        self.warn = warn
    }
}

extension ConsoleOutput {
    /// The grader's own stdout and stderr, fitted to the terminal (or `COLUMNS`).
    package static func standard() -> ConsoleOutput {
        let columns = TerminalSize.columns()
        return ConsoleOutput(
            isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment,
            width: columns ?? 80, columns: columns,
            write: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            warn: { text in FileHandle.standardError.write(Data((text + "\n").utf8)) })
    }
}
