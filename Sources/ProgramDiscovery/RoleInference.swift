import Foundation

/// Finds a role no file name says, from the shapes students use: `main.go`
/// beside `client.go` (the one other program is the server), and one file
/// that is either program by its first argument (`chat.py server`).
struct RoleInference {
    var sources: [SourceFile]
    var folder: URL

    func fill(_ result: inout [ProgramRole: ProgramSearch], roles: [ProgramRole], make: (ProgramRole, SourceFile) -> StudentProgram) {
        let missing = roles.filter { role in
            if case .found? = result[role] { return false }
            return true
        }
        let programs = sources.filter { !RoleName.isTest($0.path) && $0.hasEntryPoint(in: folder) }
        if missing.count == 1, let role = missing.first, case .found(let known)? = result[role.other] {
            let others = programs.filter { $0.path != known.sourcePath && $0.language == known.language && !companion($0, of: known) && does(role, $0) }
            guard others.count == 1, let other = others.first else { return }
            var program = make(role, other)
            program.notes.append("No file's name says '\(role.rawValue)': \(other.path) is the one other program beside the \(role.other.rawValue) (\(known.sourcePath)), so it was run as the \(role.rawValue).")
            result[role] = .found(program)
        } else if missing.count == 2 {
            let both = programs.filter { SourceTraits(text: $0.text(in: folder), language: $0.language).takesModeArgument }
            guard both.count == 1, let source = both.first else { return }
            for role in missing {
                var program = make(role, source)
                program.defaultArguments = [role.rawValue]
                program.notes.append("\(source.path) is both programs, chosen by its first argument: the grader ran it with '\(role.rawValue)' as the \(role.rawValue).")
                result[role] = .found(program)
            }
        }
    }

    private func companion(_ source: SourceFile, of program: StudentProgram) -> Bool {
        program.companionSources.contains(source.path)
    }

    /// Whether the text does what the role does: a client connects, a server listens or binds.
    private func does(_ role: ProgramRole, _ source: SourceFile) -> Bool {
        let text = source.text(in: folder)
        switch role {
        case .client: return text.range(of: #"(?i)connect|Dial\(|new\s+Socket\s*\(|TcpClient|TCPSocket"#, options: .regularExpression) != nil
        case .server: return text.range(of: #"(?i)listen|bind\s*\(|ServerSocket|TcpListener|TCPServer|createServer"#, options: .regularExpression) != nil
        }
    }
}
