import ArgumentParser
import Checks
import Foundation
import Grading
import LiveRun

struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Say which toolchains are installed and which sandbox, namespace and capture features work here.",
        discussion: "Each feature is tried for real. Exit status 0 when everything grading needs works, 1 otherwise; a missing toolchain only affects students who use that language.")

    func run() throws {
        print("Toolchains (a missing one gives its students an error, not a crash):")
        for item in MachineSurvey.toolchains() { print(line(item)) }
        print("\nGrading features:")
        let features = MachineSurvey.features(helper: Grade.executablePath)
        for item in features { print(line(item)) }
        let similarity = CodeSimilarityCheck.probe()
        print(line(MachineSurvey.Item(name: "code similarity (copydetect)", works: similarity.works, detail: similarity.detail, optional: true)))
        if features.contains(where: { !$0.works && !$0.optional }) { throw ExitCode(1) }
    }

    private func line(_ item: MachineSurvey.Item) -> String {
        "  [\(item.works ? " ok " : item.optional ? " -- " : "MISS")] \(item.name.padding(toLength: 36, withPad: " ", startingAt: 0)) \(item.detail)"
    }
}
