/// The rubric `sockgrade grade` scores against when no `--rubric` is given,
/// built into the binary so the grader works from any folder.
/// `sockgrade rubric` prints it, to copy and edit.
///
/// It is rubric/socket-lab.yaml word for word, its last newline included
/// (hence the empty line before the closing quotes); a test keeps the two equal.
extension Rubric {
    /// What messages and reports call it.
    public static let builtInName = "socket-lab.yaml (built in)"

    public static func builtIn(knownCheckIDs: Set<String>) throws(RubricError) -> Rubric {
        try parse(yaml: builtInText, fileName: builtInName, knownCheckIDs: knownCheckIDs)
    }

    public static let builtInText = #"""
# Socket programming lab: mark breakdown from the hand-out.
#
# sockgrade decides whether each check passed; the points come from this file, so a
# change of marks is an edit here, not a new build. Check ids must be ones sockgrade
# knows; titles and descriptions are shown to students in their reports.
#
# The hand-out's figure for the capture step (capture-file, capture-username) was
# illegible, so 0.4 was chosen to match the other steps. The instructor can change
# those two 'points' values below; nothing else needs to change with them.
name: Socket programming lab
checks:
  - id: server-listening
    title: Server listens
    points: 0.4
    description: The student's server process owned a TCP socket in LISTEN state.
  - id: client-established
    title: Client connects
    points: 0.4
    description: The student's client reached ESTABLISHED with that listening port.
  - id: username-sent
    title: Username sent
    points: 0.4
    description: The client-to-server byte stream, captured live, contains the username.
  - id: capture-file
    title: Capture file submitted
    points: 0.4
    description: The submission holds a capture file that can be read (pcap or pcapng).
  - id: capture-username
    title: Username in the capture
    points: 0.4
    description: >-
      That file holds TCP traffic between loopback addresses whose client-to-server
      stream carries the username.
  # The other deliverables (issue 5): worth 0 until the instructor gives them points.
  - id: screenshots
    title: Netstat screenshots
    points: 0
    description: Two real images (PNG or JPEG, told by their content) were handed in; the report gives their size.
  - id: screenshot-listen
    title: Screenshot shows LISTEN
    points: 0
    description: Read by OCR, a screenshot shows a LISTEN row for the port the server really used.
  - id: screenshot-established
    title: Screenshot shows ESTABLISHED
    points: 0
    description: Read by OCR, a screenshot shows an ESTABLISHED row for the port the server really used.
  - id: attribution
    title: Tutorial credited
    points: 0
    description: A comment in the sources credits the tutorial followed (a URL, or "based on", "adapted from", "credit").
  - id: port-choice
    title: Port above 59000
    points: 0
    description: The server listened on a port above 59000, as the hand-out asks.
  # Provenance (issue 16): reasons for a TA to look, never a verdict; 0 points
  # unless the instructor gives some (or a negative value as a penalty).
  - id: capture-consistency
    title: Capture agrees with the run
    points: 0
    description: >-
      The handed-in capture shows the server port and client bytes of the student's own
      programs, and no mark of a capture written by a script.
  - id: capture-originality
    title: Capture is the student's own
    points: 0
    description: >-
      No classmate handed in the same capture file, the same connection, a capture
      carrying the student's username, or screenshots that read the same.
  - id: screenshot-consistency
    title: Screenshots agree with the run
    points: 0
    description: >-
      The ports read on the netstat screenshots are the port the server used in the
      live run or the one in the handed-in capture.
  - id: code-similarity
    title: Code is the student's own
    points: 0
    description: >-
      copydetect (PyPI) finds no source file sharing more than the threshold below with
      a classmate's (and 200 tokens or more), beyond the tutorial everyone may copy.
limits:             # seconds unless said; all optional with these defaults
  build_seconds: 60         # per build step (compiling the server, the client)
  server_ready_seconds: 5   # from starting the server until it must be listening
  client_seconds: 5         # from starting the client until it must have exited
  shutdown_seconds: 2       # for every student process to be gone once the programs are stopped
  output_kib: 64            # stdout and stderr kept per program, each
  cpu_seconds: 10           # CPU time per program
  memory_mib: 512           # memory of all the student's processes together
  processes: 128            # processes and threads of the student at once (a JVM has ~20)
  file_size_mib: 64         # largest file a program may write
  open_files: 256           # open files per process
  tmp_mib: 64               # size of the private /tmp
  capture_read_mib: 1024    # most of one handed-in capture file the grader reads
  capture_read_seconds: 120 # longest the grader spends reading one handed-in capture
# What the provenance checks need to know about the lab (all optional).
provenance:
  # published: 2026-10-26   # when the hand-out went out: a capture from before it is flagged
  similarity_threshold: 0.9 # share of a file found in a classmate's, beyond the boilerplate
  # Tutorial code everyone may copy (files or folders, relative to this file):
  # code-similarity leaves out what students share with it.
  boilerplate: [tutorial]
# What each program finds typed on its standard input, as if the student typed
# it: a client that reads the message from the keyboard (input(), Scanner,
# fgets, cin >>) gets the username. {username} is the student's username. The
# input stays open until the client has read it and connected, then ends, as
# Ctrl-D at a terminal does.
input:
  client: "{username}\n"
  server: ""
# Build and run defaults for every submission (optional); a student's own
# sockgrade.yaml overrides them field by field. Same fields as sockgrade.yaml:
# programs:
#   server: { args: ["59123"] }            # a server that takes its port as argv[1]
#   client: { args: ["127.0.0.1", "59123"] }
#   toolchains:                            # rubric only: host folders bound read-only into
#     - /usr/local/go                      # every sandbox, e.g. a newer Go than Debian's; a
#                                          # bin/ in one goes first in PATH (for a Makefile,
#                                          # CMake or a build: line)

"""#
}
