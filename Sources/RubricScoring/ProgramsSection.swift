import Yams

/// The rubric's `programs:` section as composed, lines and all, handed to
/// ProgramDiscovery so the rubric file is read once.
///
/// `@unchecked Sendable`: Yams's `Node` holds a `Tag` class and is not
/// marked Sendable, but this tree is composed once and never mutated.
public struct ProgramsSection: @unchecked Sendable, Equatable {
    public let node: Node

    public init(_ node: Node) {
        self.node = node
    }
}
