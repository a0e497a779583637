import Testing
@testable import LiveRun

/// What counts as a program asking for its arguments: the usage lines of
/// tutorial code in several languages, and crashes on the missing argv[1].
struct UsageRerunTests {
    @Test(arguments: [
        "Usage: python3 server.py <port>\n",
        "usage: server.py [-h] port\nserver.py: error: the following arguments are required: port\n",
        "usage /home/student/.sockgrade-build/client hostname port\n",
        "Usage: java Server <port>\n",
        "Traceback (most recent call last):\n  File \"server.py\", line 4, in <module>\n    port = int(sys.argv[1])\nIndexError: list index out of range\n",
        "Exception in thread \"main\" java.lang.ArrayIndexOutOfBoundsException: Index 0 out of bounds for length 0\n",
    ])
    func asksForArguments(_ output: String) {
        #expect(UsageRerun.saysUsage(output))
    }

    @Test(arguments: [
        "Traceback (most recent call last):\nConnectionRefusedError: [Errno 111] Connection refused\n",
        "bind: Address already in use\n",
        "",
    ])
    func failsForAnotherReason(_ output: String) {
        #expect(!UsageRerun.saysUsage(output))
    }
}
