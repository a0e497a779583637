import Foundation
import ClassDiscovery
import ProgramDiscovery
import Reporting
import RubricScoring

#if canImport(Glibc)
import Glibc
#endif

/// What a report was graded from: the submission's files, the username, the
/// rubric, and the grader that wrote it (version, schema, build). Equal fingerprints mean grading again would
/// decide the same, so the earlier report stands.
package enum SubmissionFingerprint {
    /// Hashes every file of `tree`, the same files the copy into the sandbox
    /// takes from, so any change that could change the run changes the fingerprint.
    package static func compute(_ submission: StudentSubmission, tree: SubmissionTree, rubric: Rubric) -> String {
        var hash = SHA256()
        hash.update(Array("\(GraderVersion.identity)\0".utf8))
        hash.update(Array("username \(submission.username)\0".utf8))
        hash.update(Array(rubric.text.utf8))
        var budget = bytesPerSubmission
        for file in tree.files {
            hash.update(Array("\0file \(file.path) \(file.permissions & 0o111 != 0 ? "x" : "-")\0".utf8))
            hashContents(of: file, in: tree, into: &hash, budget: &budget)
        }
        // The walk's limits decide what is copied too.
        hash.update(Array("\0skipped \(tree.unfollowed.count) \(tree.tooDeep.count) \(tree.truncated)".utf8))
        return "sha256:" + hash.finalizeHex()
    }

    /// Files up to this size are hashed whole; a bigger one (a long
    /// capture, a sparse terabyte) by its first MiB, its size and its
    /// modification time, which an edit changes: hashing it all would cost
    /// the plan minutes. Past `bytesPerSubmission` in all, files count by
    /// size and time only.
    static let wholeFileBytes = 4 << 20
    static let headBytes = 1 << 20
    static let bytesPerSubmission = 64 << 20

    /// Streams the file through the hash, so a large file is never held whole.
    private static func hashContents(of file: SubmissionTree.File, in tree: SubmissionTree, into hash: inout SHA256, budget: inout Int) {
        guard let descriptor = tree.open(file) else {
            hash.update(Array("unreadable".utf8))
            return
        }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        var left = min(file.size <= wholeFileBytes ? file.size : headBytes, max(budget, 0))
        budget -= left
        if left < file.size {
            hash.update(Array("\(FileStatus.sizeAndModification(ofDescriptor: descriptor) ?? "unknown size")\0".utf8))
        }
        while left > 0 {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, min(left, $0.count)) }
            if count <= 0 { break }
            hash.update(buffer[..<count])
            left -= count
        }
    }
}
