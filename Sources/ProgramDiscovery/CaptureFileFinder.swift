import Foundation

/// Finds the capture files a student handed in: *.pcap, *.pcapng or *.cap,
/// in the folder or a few levels below.
package enum CaptureFileFinder {
    package static let extensions: Set<String> = ["pcap", "pcapng", "cap"]

    package static func find(in folder: URL) -> [String] {
        SubmissionFiles.list(in: folder) { extensions.contains(SubmissionFiles.fileExtension($0)) }
    }
}
