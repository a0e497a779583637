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
    targets: [
        .systemLibrary(name: "CPcap", pkgConfig: "libpcap", providers: [.apt(["libpcap-dev"])]),
        .target(name: "CLinux"),
        .target(name: "PacketDecoding", swiftSettings: strictSettings),
        .target(name: "StreamReassembly", dependencies: ["PacketDecoding"], swiftSettings: strictSettings),
        .target(
            name: "PacketCapture",
            dependencies: ["CPcap", "CLinux", "PacketDecoding", "StreamReassembly"],
            swiftSettings: strictSettings
        ),
        // libFuzzer supplies main(); the target only defines LLVMFuzzerTestOneInput.
        .executableTarget(
            name: "FuzzCapture",
            dependencies: ["PacketCapture", "PacketDecoding", "StreamReassembly"],
            swiftSettings: strictSettings + [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
