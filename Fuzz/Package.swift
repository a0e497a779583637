// swift-tools-version:6.0
import PackageDescription

// A separate package, so that the main build never sees -sanitize=fuzzer.
// Its library targets are the main package's own sources, reached through
// the symbolic links in Sources/ (the main package offers no library product
// to depend on). Build and run it with `make fuzz` (Fuzz/run.sh).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "sockgrade-fuzz",
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        .systemLibrary(name: "CPcap", pkgConfig: "libpcap", providers: [.apt(["libpcap-dev"])]),
        .target(name: "CLinux"),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .target(name: "PacketDecoding", swiftSettings: strictSettings),
        .target(name: "StreamReassembly", dependencies: ["PacketDecoding"], swiftSettings: strictSettings),
        .target(
            name: "PacketCapture", dependencies: ["CPcap", "CLinux", "CGzip", "CZstd", "PacketDecoding", .product(name: "SystemPackage", package: "swift-system")],
            swiftSettings: strictSettings),
        .target(name: "Reporting", dependencies: [.product(name: "SystemPackage", package: "swift-system")], swiftSettings: strictSettings),
        .target(
            name: "CaptureAnalysis", dependencies: ["PacketCapture", "PacketDecoding", "StreamReassembly", "Reporting"],
            swiftSettings: strictSettings),
        .systemLibrary(name: "CGzip", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "SubmissionIntake",
            dependencies: ["CGzip", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictSettings),
        .target(name: "RubricScoring", dependencies: ["Yams", "Reporting"], swiftSettings: strictSettings),
        .target(name: "ProgramDiscovery", dependencies: ["Yams", "RubricScoring", "Reporting", "SubmissionIntake"], swiftSettings: strictSettings),
        .target(name: "ClassDiscovery", dependencies: ["SubmissionIntake", "ProgramDiscovery", "Reporting"], swiftSettings: strictSettings),
        // libFuzzer supplies main(); the target only defines LLVMFuzzerTestOneInput.
        .executableTarget(
            name: "FuzzCapture",
            dependencies: ["PacketCapture", "CaptureAnalysis", "PacketDecoding", "StreamReassembly"],
            swiftSettings: strictSettings + [.unsafeFlags(["-parse-as-library"])]
        ),
        // The archive, image, manifest and roster parsers (issue 13).
        .executableTarget(
            name: "FuzzParsers",
            dependencies: ["ClassDiscovery", "ProgramDiscovery", "SubmissionIntake"],
            swiftSettings: strictSettings + [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
