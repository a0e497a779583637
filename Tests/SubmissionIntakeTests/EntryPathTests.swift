import Testing
@testable import SubmissionIntake

@Suite struct EntryPathTests {
    @Test(arguments: [
        ("../../escaped.txt", "climbs out"),
        ("/etc/passwd", "absolute path"),
        ("C:\\Windows\\evil.txt", "absolute Windows path"),
        ("good/..\\..\\escaped.txt", "climbs out"),
        ("a/../../b", "climbs out"),
        ("./", "empty"),
    ])
    func unsafeNamesAreRefusedWithAReason(name: String, reason: String) {
        guard case .failure(let refused) = EntryPath.components(of: name) else {
            Issue.record("\(name) was accepted")
            return
        }
        #expect(refused.reason.contains(reason))
    }

    @Test func safeNamesLoseDotsAndWindowsSeparators() throws {
        #expect(try EntryPath.components(of: "./lab2\\src/./Server.java").get() == ["lab2", "src", "Server.java"])
    }
}
