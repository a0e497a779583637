import Reporting
import RubricScoring
import Testing

/// The optional `gradebook:` section that names summary.csv's columns.
@Suite("Rubric gradebook section")
struct GradebookSectionTests {
    static let file = "rubric/canvas.yaml"
    static let head = """
        name: Lab
        checks:
          - id: server-listening
            title: Listens
            points: 0.4

        """

    static func parse(_ gradebook: String) throws(RubricError) -> Rubric {
        try Rubric.parse(yaml: head + gradebook, fileName: file, knownCheckIDs: RubricFixtures.knownCheckIDs)
    }

    @Test("without the section summary.csv keeps its standard columns")
    func absent() throws {
        #expect(try Self.parse("").gradebook == .standard)
    }

    @Test("a Canvas layout: no folder column, SIS Login ID, the assignment's column, no details")
    func canvas() throws {
        let rubric = try Self.parse("""
            gradebook:
              student_column: ""
              username_column: SIS Login ID
              score_column: Socket lab (123456)
              details: false
            """)
        #expect(rubric.gradebook == GradebookColumns(student: nil, username: "SIS Login ID", score: "Socket lab (123456)", details: false))
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let yaml: String
        let message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "misspelt key", yaml: "gradebook:\n  score_colum: Lab\n",
             message: "rubric/canvas.yaml:7:3: unknown key 'score_colum' in 'gradebook'; expected one of: details, score_column, student_column, username_column"),
        Case(name: "empty score column", yaml: "gradebook:\n  score_column: \"\"\n",
             message: "rubric/canvas.yaml:7:3: 'score_column' must not be empty; the score is what a grade book imports"),
        Case(name: "two columns with one name", yaml: "gradebook:\n  student_column: Login\n  username_column: Login\n",
             message: "rubric/canvas.yaml:8:3: column name 'Login' is already used on line 7; each column needs its own name"),
        Case(name: "details not a flag", yaml: "gradebook:\n  details: sometimes\n",
             message: "rubric/canvas.yaml:7:3: 'details' must be true or false, found 'sometimes'"),
        Case(name: "section not a mapping", yaml: "gradebook: canvas\n",
             message: "rubric/canvas.yaml:6:12: 'gradebook' must be a mapping of keys to values, found 'canvas'"),
    ]

    @Test("mistakes name the file and line", arguments: cases)
    func mistakes(_ example: Case) {
        #expect(throws: RubricError.self) { try Self.parse(example.yaml) }
        do {
            _ = try Self.parse(example.yaml)
        } catch {
            #expect(error.description == example.message)
        }
    }
}
