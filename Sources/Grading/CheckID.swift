/// The checks the grader knows how to run; a rubric gives them points.
public enum CheckID {
    public static let serverListening = "server-listening"
    public static let clientEstablished = "client-established"
    public static let usernameSent = "username-sent"
    public static let captureFile = "capture-file"
    public static let captureUsername = "capture-username"

    public static let all: Set<String> = [
        serverListening, clientEstablished, usernameSent, captureFile, captureUsername,
    ]
}
