/// The checks the grader knows how to run; a rubric gives them points.
public enum CheckID {
    public static let serverListening = "server-listening"
    public static let clientEstablished = "client-established"
    public static let usernameSent = "username-sent"
    public static let captureFile = "capture-file"
    public static let captureUsername = "capture-username"

    // the other deliverables, 0 points unless the instructor gives some.
    public static let screenshots = "screenshots"
    public static let screenshotListen = "screenshot-listen"
    public static let screenshotEstablished = "screenshot-established"
    public static let attribution = "attribution"
    public static let portChoice = "port-choice"

    // Provenance (issue 16): reasons for a TA to look, 0 points unless the instructor gives some.
    public static let captureConsistency = "capture-consistency"
    public static let captureOriginality = "capture-originality"
    public static let screenshotConsistency = "screenshot-consistency"
    public static let codeSimilarity = "code-similarity"

    public static let all: Set<String> = [
        serverListening, clientEstablished, usernameSent, captureFile, captureUsername,
        screenshots, screenshotListen, screenshotEstablished, attribution, portChoice,
        captureConsistency, captureOriginality, screenshotConsistency, codeSimilarity,
    ]
}
