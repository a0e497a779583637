import Reporting

/// capture-file: what each handed-in capture holds, and the ones that could not be read.
package struct CaptureFilesEvidence: Encodable, Equatable {
    package struct File: Encodable, Equatable {
        package var file: String
        package var format: String
        package var linkTypes: [String]
        package var packets: Int
        package var tcpStreams: Int
        package var untrackedSegments: Int
        package var loopbackStreams: Int
        package var problem: String?
        package var notDecoded: [String]?
    }

    package struct Unreadable: Encodable, Equatable {
        package var file: String
        package var problem: String
    }

    package var files: [File]
    package var unreadable: [Unreadable]
}

/// capture-username failed: the first conversations of each file, for "what was there instead".
package struct CaptureStreamsEvidence: Encodable, Equatable {
    package struct File: Encodable, Equatable {
        package var file: String
        package var streams: [JSONValue]
    }

    package var files: [File]
}
