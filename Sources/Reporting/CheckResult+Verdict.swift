extension CheckResult {
    /// What the grader decided: the status, or for an `info` check (0 points, not
    /// marked) the verdict scoring kept in its evidence. Feedback and tests read it
    /// to say whether an unmarked deliverable was in order.
    public var verdict: CheckStatus {
        guard status == .info else { return status }
        if case .string(let word)? = evidence["verdict"], let decided = CheckStatus(rawValue: word) { return decided }
        return .info
    }
}
