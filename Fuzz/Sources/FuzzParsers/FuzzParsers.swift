import ClassDiscovery
import Foundation
import ProgramDiscovery
import SubmissionIntake

#if canImport(Glibc)
import Glibc
#endif

/// One libFuzzer input for the parsers of hostile input that are our own,
/// beside the capture readers (FuzzCapture). The first byte picks the parser:
/// - 0: a student's archive (tar, tar.gz or zip), unpacked by the intake
///   with small limits into a scratch folder;
/// - 1: an image (the PNG/JPEG reader of the screenshot check);
/// - 2: a `sockgrade.yaml` manifest;
/// - 3: a roster CSV, parsed and loaded as a roster file.
///
/// Anything but a crash, a sanitizer report or a leak counts as a pass.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    switch data[0] % 4 {
    case 0: fuzzArchive(bytes)
    case 1: _ = ImageFile.read(bytes)
    case 2: fuzzManifest(bytes)
    default: fuzzRoster(bytes)
    }
    return 0
}

/// Scratch space on tmpfs when there is one; remade for every input.
private let scratch = URL(fileURLWithPath: "/dev/shm/sockgrade-fuzz-parsers-\(getpid())")

private func fuzzArchive(_ bytes: [UInt8]) {
    try? FileManager.default.removeItem(at: scratch)
    try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    // The intake picks the reader by name, so name the file after its magic.
    let name = bytes.starts(with: [0x1f, 0x8b]) ? "student.tar.gz" : bytes.starts(with: [0x50, 0x4b]) ? "student.zip" : "student.tar"
    let archive = scratch.appendingPathComponent(name)
    guard FileManager.default.createFile(atPath: archive.path, contents: Data(bytes)) else { return }
    let intake = ClassIntake(
        workFolder: scratch.appendingPathComponent("work"),
        limits: IntakeLimits(totalBytes: 1 << 20, fileBytes: 256 << 10, fileCount: 64))
    _ = try? intake.take(archive)
}

private func fuzzManifest(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? ManifestParser(file: "sockgrade.yaml", knownLanguages: ["python", "c", "java"]).parse(yaml: text)
}

private func fuzzRoster(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    _ = CSVRecords.parse(text)
    try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let file = scratch.appendingPathComponent("roster.csv")
    guard FileManager.default.createFile(atPath: file.path, contents: Data(bytes)) else { return }
    _ = try? ClassRoster.load(file)
}
