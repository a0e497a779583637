import SocketTable
import Testing

/// ProcessTable on a fake /proc: server 1234 (two threads) forked 1240, 1250 and 1260;
/// 1240 forked 1270; 1234, 1240 and 1250 share network namespace 4026532100.
@Suite struct ProcessTableFixtureTests {
    let root: FakeProcRoot
    let table: ProcessTable

    init() throws {
        root = try FakeProcRoot()
        table = ProcessTable(procRoot: root.path)
    }

    @Test func ownerIsTheFirstHolderInTheOrderGiven() {
        #expect(table.owner(ofSocket: 12345, among: [1240, 1234, 1250]) == 1234)
        #expect(table.owner(ofSocket: 12345, among: [1250, 1234]) == 1250)
        #expect(table.owner(ofSocket: 22222, among: [1234, 1250]) == nil)
        #expect(table.owner(ofSocket: 12345, among: []) == nil)
        // fd 0, 1, 5, 6 and 7 link to /dev/null, a pipe, an eventfd, a malformed and an overlong target;
        // an exited process holds nothing.
        #expect(table.owner(ofSocket: 22222, among: [1240]) == 1240)
        #expect(table.owner(ofSocket: 12345, among: [9999, 7777]) == nil)
    }

    @Test func namespaceInodeReadsTheNsLink() {
        #expect(table.namespaceInode(of: 1234, kind: "net") == 4_026_532_100)
        #expect(table.namespaceInode(of: 1234, kind: "pid") == 4_026_532_101)
        #expect(table.namespaceInode(of: 1240, kind: "pid") == nil)
        #expect(table.namespaceInode(of: 9999, kind: "net") == nil)
    }

    @Test func processesInANamespace() {
        #expect(table.processes(inNamespace: "net", inode: 4_026_532_100) == [1234, 1240, 1250])
        #expect(table.processes(inNamespace: "net", inode: 4_026_531_840) == [1260, 7777])
        #expect(table.processes(inNamespace: "pid", inode: 4_026_532_101) == [1234])
        // The inode of a net namespace is not the inode of a pid namespace.
        #expect(table.processes(inNamespace: "pid", inode: 4_026_532_100).isEmpty)
    }

    @Test func childrenOfEveryThread() {
        #expect(table.children(of: 1234) == [1240, 1250, 1260])
        #expect(table.children(of: 1250).isEmpty)
        #expect(table.children(of: 9999).isEmpty)
        #expect(table.children(of: 1240) == [1270])
        #expect(table.descendants(of: 1234) == [1240, 1250, 1260, 1270])
    }

    @Test func commandLineSplitsOnNul() {
        #expect(table.commandLine(of: 1234) == ["./server", "--port", "60001"])
        #expect(table.commandLine(of: 1240) == ["./client", "127.0.0.1", "60001"])
        #expect(table.commandLine(of: 1260) == ["sh", "-c", "sleep 1"])
        #expect(table.commandLine(of: 7777).isEmpty)
        #expect(table.commandLine(of: 9999).isEmpty)
    }
}
