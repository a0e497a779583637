import ProgramDiscovery

/// The cause of a failed build a TA would name first: a dependency that is
/// not vendored (the sandbox is offline), or a toolchain older than the code.
struct BuildFailureCause {
    var output: String
    var program: StudentProgram

    var sentence: String? {
        if let crate = output.firstMatch(of: /no matching package named `([^`]+)` found/)?.output.1 {
            return "it depends on the crate \(crate), which is not vendored, and the sandbox has no network to download it"
        }
        if let module = output.firstMatch(of: /([^\s@:]+)@[^\s:]*: module lookup disabled/)?.output.1
            ?? output.firstMatch(of: /go: downloading (\S+) v[0-9]/)?.output.1
            ?? output.firstMatch(of: /no required module provides package ([^\s;]+)/)?.output.1 {
            return "it needs the Go module \(module), which is not vendored, and the sandbox has no network to download it"
        }
        if let package = output.firstMatch(of: /error: package ([\w.]+) does not exist/)?.output.1 {
            return "it imports \(package), a library the submission does not include and the grader cannot download"
        }
        if let rust = output.firstMatch(of: /requires rustc ([0-9.]+)[^\n]*?(?:version is|active rustc version is) ([0-9.]+)/) {
            return "the code asks for Rust \(rust.output.1) and the installed Rust is \(rust.output.2)"
        }
        if let gap = program.toolchainGap {
            return "\(gap.words); it may use something newer than that"
        }
        return nil
    }
}
