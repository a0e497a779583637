import Foundation
import Testing
import RubricScoring

/// The built-in tutorial is what rubric/tutorial/ holds, byte for byte, as
/// the built-in rubric is rubric/socket-lab.yaml.
@Suite struct BuiltInTutorialTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("rubric/tutorial")

    @Test func equalsTheRubricsTutorialFolder() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        #expect(BuiltInTutorial.files.map(\.name) == names)
        for file in BuiltInTutorial.files {
            let onDisk = try String(contentsOf: Self.folder.appendingPathComponent(file.name), encoding: .utf8)
            #expect(file.text == onDisk, "\(file.name) differs from rubric/tutorial/\(file.name)")
        }
    }

    @Test func writesEveryFileIntoAFolderOfItsOwn() throws {
        let folder = try BuiltInTutorial.write(under: FileManager.default.temporaryDirectory)
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in BuiltInTutorial.files {
            #expect(try String(contentsOf: folder.appendingPathComponent(file.name), encoding: .utf8) == file.text)
        }
    }
}
