// swift-tools-version:6.0
import PackageDescription

// Upcoming-feature settings follow swift-subprocess: explicit `any`, imports
// that must be named where they are used.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

// The per-segment path of reassembly runs on class state (conversations,
// the tracker), whose every in-place access the release build checked at run
// time for overlapping access: about 5% of a 500 MB search. Debug builds, which
// the tests run, keep the checks, so a violation still fails the tests.
let hotPathSettings: [SwiftSetting] = strictSettings + [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

let package = Package(
    name: "sockgrade",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sockgrade", targets: ["sockgrade"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // One Errno for every module that turns a failed call into words.
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        // libpcap, reached only from PacketCapture.
        .systemLibrary(
            name: "CPcap",
            pkgConfig: "libpcap",
            providers: [.apt(["libpcap-dev"])]
        ),
        // Linux calls the Glibc overlay does not export (setns, unshare, pidfd_open).
        .target(name: "CLinux"),
        // libzstd's streaming decompressor for .zst captures (reached only from PacketCapture).
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),

        .target(name: "PacketDecoding", swiftSettings: strictSettings),
        .target(name: "StreamReassembly", dependencies: ["PacketDecoding"], swiftSettings: hotPathSettings),
        .target(
            name: "PacketCapture",
            dependencies: ["CPcap", "CLinux", "CGzip", "CZstd", "PacketDecoding", .product(name: "SystemPackage", package: "swift-system")],
            swiftSettings: strictSettings
        ),
        .target(name: "SocketTable", dependencies: [.product(name: "SystemPackage", package: "swift-system")], swiftSettings: strictSettings),
        // libseccomp compiles the sandbox's syscall filter (reached only from Sandbox).
        .systemLibrary(name: "CSeccomp", pkgConfig: "libseccomp", providers: [.apt(["libseccomp-dev"])]),
        .target(
            name: "Sandbox", dependencies: ["CLinux", "CSeccomp", .product(name: "SystemPackage", package: "swift-system")],
            swiftSettings: strictSettings),
        .target(name: "Reporting", dependencies: [.product(name: "SystemPackage", package: "swift-system")], swiftSettings: strictSettings),
        .target(name: "RubricScoring", dependencies: ["Yams", "Reporting"], swiftSettings: strictSettings),
        // Views of the reports for each audience: Gradescope, CI, HTML, terminal (issue 6).
        // ZIPFoundation writes the Moodle feedback zip (issue 17).
        .target(
            name: "ReportFormats",
            dependencies: ["Reporting", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictSettings),
        // zlib's gzip reader for .tar.gz (ZIPFoundation's own CZLib is for .zip).
        .systemLibrary(name: "CGzip", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Canvas/Moodle downloads and student archives, unpacked safely.
        .target(
            name: "SubmissionIntake",
            dependencies: ["CGzip", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictSettings),

        // One student's way through the grader, a stage per module; each
        // stage's output is a value the next one reads.
        // 1. The submission's files: languages, roles, build systems, sockgrade.yaml.
        .target(name: "ProgramDiscovery", dependencies: ["Yams", "RubricScoring", "Reporting", "SubmissionIntake"], swiftSettings: strictSettings),
        // 2. The class: folders, LMS downloads, the roster, usernames.
        .target(
            name: "ClassDiscovery", dependencies: ["SubmissionIntake", "ProgramDiscovery", "Reporting"], swiftSettings: strictSettings),
        // Read, decode, reassemble and search a capture, and the `inspect` views of it.
        .target(
            name: "CaptureAnalysis",
            dependencies: ["PacketCapture", "PacketDecoding", "StreamReassembly", "Reporting"],
            swiftSettings: strictSettings),
        // 3. The live run: scratch, copy, build, launch, capture, socket watch, teardown.
        .target(
            name: "LiveRun",
            dependencies: [
                "CLinux", "Sandbox", "SocketTable", "PacketCapture", "CaptureAnalysis",
                "ProgramDiscovery", "ClassDiscovery", "RubricScoring", "Reporting",
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strictSettings),
        // 4. The checks: from the submission, the observations and the captures to findings.
        .target(
            name: "Checks",
            dependencies: [
                "LiveRun", "CaptureAnalysis", "ProgramDiscovery", "ClassDiscovery", "Sandbox", "SocketTable",
                "StreamReassembly", "PacketDecoding", "PacketCapture", "RubricScoring", "Reporting",
            ],
            swiftSettings: strictSettings),
        // 5. The batch: pool, cancellation, incremental plan, shards; one student's stages chained.
        .target(
            name: "Grading",
            dependencies: [
                "ClassDiscovery", "ProgramDiscovery", "LiveRun", "Checks", "CaptureAnalysis",
                "PacketCapture", "SocketTable", "Sandbox", "RubricScoring", "Reporting", "SubmissionIntake",
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "sockgrade",
            dependencies: [
                "Grading", "ClassDiscovery", "LiveRun", "Checks", "CaptureAnalysis", "Sandbox",
                "Reporting", "RubricScoring", "ReportFormats",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),

        .testTarget(name: "PacketDecodingTests", dependencies: ["PacketDecoding"]),
        .testTarget(name: "StreamReassemblyTests", dependencies: ["StreamReassembly", "PacketDecoding"]),
        .testTarget(name: "SocketTableTests", dependencies: ["SocketTable"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RubricScoringTests", dependencies: ["RubricScoring", "Reporting"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting"]),
        .testTarget(name: "ReportFormatsTests", dependencies: ["ReportFormats", "Reporting"]),
        .testTarget(name: "PacketCaptureTests", dependencies: ["PacketCapture", "CaptureAnalysis", "PacketDecoding", "Sandbox"]),
        .testTarget(name: "SandboxTests", dependencies: ["Sandbox", "SocketTable"]),
        .testTarget(
            name: "GradingTests",
            dependencies: [
                "Grading", "ClassDiscovery", "ProgramDiscovery", "LiveRun", "Checks", "CaptureAnalysis",
                "PacketCapture", "Reporting", "RubricScoring", "SocketTable", "Sandbox",
            ]),
        .testTarget(name: "SubmissionIntakeTests", dependencies: ["SubmissionIntake"]),
        .testTarget(name: "ProgramDiscoveryTests", dependencies: ["ProgramDiscovery"]),
        // Runs the built binary as a user would; `make test` builds it first.
        .testTarget(name: "SockgradeCLITests", dependencies: ["CLinux"]),
    ]
)
