import Foundation

/// Finds the capture files a student handed in: *.pcap, *.pcapng or *.cap,
/// in the folder or a few levels below.
package enum CaptureFileFinder {
    package static let extensions: Set<String> = ["pcap", "pcapng", "cap"]

    package static func find(in tree: SubmissionTree) -> [String] {
        tree.paths { extensions.contains(SubmissionFiles.fileExtension($0)) }
    }
}
