import ArgumentParser
import RubricScoring

struct PrintRubric: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric",
        abstract: "Print the built-in rubric, to copy, edit and pass with --rubric.",
        discussion: "sockgrade rubric > my-lab.yaml, change the points or the limits, then sockgrade grade CLASS --rubric my-lab.yaml.")

    func run() {
        print(Rubric.builtInText, terminator: "")
    }
}
