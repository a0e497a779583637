import Foundation

/// Runs the built `sockgrade` binary, as a user would.
struct CommandResult {
    var status: Int32
    /// The program's PID (a fence's shell execs the grader, so the PID is the grader's).
    var processIdentifier: Int32
    var standardOutput: String
    var standardError: String
}

enum Sockgrade {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `make test` builds the package before testing, so the debug binary is there.
    static var binary: URL { root.appendingPathComponent(".build/debug/sockgrade") }

    /// `launcher` (a command that execs the rest) runs inside the fence as `user`, before the grader.
    static func run(
        _ arguments: [String], in folder: URL = root, environment: [String: String]? = nil, fence: TestFence? = nil,
        user: String? = nil, launcher: [String] = []
    ) throws -> CommandResult {
        guard let fence else { return try Command.run(binary, arguments, in: folder, environment: environment) }
        let command = fence.wrap(launcher + [binary.path] + arguments, as: user)
        return try Command.run(URL(fileURLWithPath: command[0]), Array(command.dropFirst()), in: folder, environment: environment)
    }
}

/// Runs any program and collects what it printed.
enum Command {
    static func run(
        _ executable: URL, _ arguments: [String], in folder: URL = Sockgrade.root, environment: [String: String]? = nil,
        timeoutSeconds: Double = 300
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if let environment { process.environment = environment }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // A hung program fails its test instead of hanging the suite.
        DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds) { [process] in
            if process.isRunning { process.terminate() }
        }
        // stderr is drained on another thread: a chatty program (Chromium) would
        // otherwise fill that pipe and stall while stdout is being read.
        let errorData = CollectedData()
        let reader = DispatchGroup()
        DispatchQueue.global().async(group: reader) { errorData.set(error.fileHandleForReading.readDataToEndOfFile()) }
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        reader.wait()
        let errData = errorData.get()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus, processIdentifier: process.processIdentifier,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }
}

/// Bytes handed from the reading thread to the waiting one.
final class CollectedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}

/// A temporary folder for one test.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sockgrade-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    @discardableResult
    func write(_ path: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }
}
