import ArgumentParser
import Reporting

@main
struct Sockgrade: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sockgrade",
        abstract: "Grade socket-programming labs: build and run each student's TCP server and client in a sandbox, check LISTEN and ESTABLISHED, capture the username on loopback, and check the capture they handed in.",
        version: GraderVersion.number,
        subcommands: [Grade.self, Inspect.self, Show.self, Merge.self, PrintRubric.self, Doctor.self, CaptureLoopback.self])
}
