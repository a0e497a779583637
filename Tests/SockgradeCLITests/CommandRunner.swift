import Foundation

/// Runs the built `sockgrade` binary, as a user would.
struct CommandResult {
    var status: Int32
    /// The grader's PID (a fence's shell execs it, so the PID is the same).
    var processIdentifier: Int32
    var standardOutput: String
    var standardError: String
}

enum Sockgrade {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `make test` builds the package before testing, so the debug binary is there.
    static var binary: URL { root.appendingPathComponent(".build/debug/sockgrade") }

    static func run(_ arguments: [String], in folder: URL = root, fence: TestFence? = nil) throws -> CommandResult {
        let process = Process()
        let command = fence?.wrap([binary.path] + arguments) ?? [binary.path] + arguments
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = folder
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus, processIdentifier: process.processIdentifier,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }
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
