import Foundation
import Testing
@testable import SubmissionIntake

/// Every hostile archive is unpacked into a fresh folder: nothing may land
/// outside it, every refusal is reported, and the good entries still arrive.
@Suite struct HostileArchiveTests {
    static let small = IntakeLimits(totalBytes: 8 << 20, fileBytes: 4 << 20, fileCount: 100)

    func unpack(_ name: String, limits: IntakeLimits = small) throws -> (work: WorkFolder, target: URL, refusals: [Refusal]) {
        let work = try WorkFolder()
        let target = work.url.appendingPathComponent("inside")
        let refusals = try ArchiveUnpacker.unpack(Fixtures.archive("hostile/\(name)"), into: target, budget: UnpackBudget(limits: limits))
        return (work, target, refusals)
    }

    @Test func pathTraversalStaysInside() throws {
        let (work, target, refusals) = try unpack("traversal.zip")
        #expect(work.files() == ["inside/ok/server.py"])
        #expect(!FileManager.default.fileExists(atPath: "/tmp/sockgrade-absolute.txt"))
        #expect(Set(refusals.map(\.entry)) == ["../../escaped.txt", "/tmp/sockgrade-absolute.txt", "C:\\Windows\\evil.txt", "good/..\\..\\escaped2.txt"])
        #expect(refusals.allSatisfy { $0.archive == "traversal.zip" })
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("ok/server.py").path))
    }

    @Test func zipSymlinkIsNotMade() throws {
        let (work, _, refusals) = try unpack("symlink.zip")
        #expect(work.files() == ["inside/ok/server.py"])
        #expect(refusals.map(\.entry) == ["ok/passwd"])
        #expect(refusals.first?.reason.contains("symbolic link") == true)
    }

    @Test func tarLinksDevicesAndClimbsAreRefused() throws {
        let (work, _, refusals) = try unpack("links.tar.gz")
        #expect(work.files() == ["inside/ok/server.py"])
        let reasons = Dictionary(uniqueKeysWithValues: refusals.map { ($0.entry, $0.reason) })
        #expect(reasons["ok/link"]?.contains("symbolic link (to '/etc/shadow')") == true)
        #expect(reasons["ok/hard"]?.contains("hard link") == true)
        #expect(reasons["ok/fifo"]?.contains("named pipe") == true)
        #expect(reasons["../up.txt"]?.contains("climbs out") == true)
    }

    @Test(arguments: ["zip-bomb.zip", "tar-bomb.tar.gz"])
    func bombStopsAtThePerFileLimit(name: String) throws {
        let (work, _, refusals) = try unpack(name)
        #expect(work.files() == ["inside/ok/server.py"])
        let refusal = try #require(refusals.first { $0.entry == "ok/zeros.bin" })
        #expect(refusal.reason.contains("4 MiB"))
        #expect(refusal.reason.contains("rest of this archive was not unpacked"))
    }

    @Test func sizesAZipDeclaresAreNotTrusted() throws {
        let (work, _, refusals) = try unpack("lying-sizes.zip")
        #expect(work.files().isEmpty)
        #expect(refusals.map(\.entry) == ["ok/zeros.bin"])
        #expect(refusals.first?.reason.contains("more than 4 MiB (the per-file limit)") == true)
    }

    @Test func bombStopsAtTheTotalLimitCountingRealBytes() throws {
        // A per-file cap above the bomb, a total cap below it: the written bytes decide.
        let limits = IntakeLimits(totalBytes: 2 << 20, fileBytes: 100 << 20, fileCount: 100)
        let (work, _, refusals) = try unpack("tar-bomb.tar.gz", limits: limits)
        #expect(work.files() == ["inside/ok/server.py"])
        #expect(refusals.contains { $0.reason.contains("total limit") })
    }

    @Test func fileCountIsCapped() throws {
        let (work, _, refusals) = try unpack("many-files.zip")
        // The folder ok/ is not an entry of this zip; its 100 files are.
        #expect(work.files().count == 100)
        #expect(refusals.count == 1)
        #expect(refusals.first?.reason.contains("file-count limit") == true)
    }

    @Test func emptyFoldersCountTowardTheEntryLimit() throws {
        let (work, target, refusals) = try unpack("many-folders.zip")
        defer { withExtendedLifetime(work) {} }
        let made = try FileManager.default.contentsOfDirectory(atPath: target.appendingPathComponent("ok").path)
        #expect(made.count == 100)
        #expect(refusals.count == 1)
        #expect(refusals.first?.reason.contains("file-count limit") == true)
    }

    @Test func damagedZipIsAnErrorNamingTheFile() throws {
        let work = try WorkFolder()
        let error = #expect(throws: IntakeError.self) {
            try ArchiveUnpacker.unpack(Fixtures.archive("hostile/damaged.zip"), into: work.url, budget: UnpackBudget(limits: Self.small))
        }
        #expect(error?.message.contains("damaged.zip") == true)
    }

    @Test func damagedTarGzKeepsWhatCameBeforeTheDamage() throws {
        let (_, _, refusals) = try unpack("damaged.tar.gz")
        #expect(refusals.count == 1)
        #expect(refusals.first?.reason.contains("not unpacked") == true)
    }
}
