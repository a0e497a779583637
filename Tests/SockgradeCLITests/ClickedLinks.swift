import Foundation

/// What clicking each link of a page did in real headless Chromium, as
/// `Tests/Fixtures/browser/click_every_link.py` reports it over the DevTools protocol.
struct ClickedLinks: Decodable {
    struct Link: Decodable {
        /// The attribute as written, and the absolute URL the browser made of it.
        var href: String
        var resolved: String
        /// The URL the click asked for, `nil` when it asked for none.
        var navigation: String?
        /// Scripts V8 compiled after the click (a `javascript:` link makes one).
        var scripts: Int
        var dialogs: Int
        var title: String
    }

    var title: String
    var links: [Link]

    static func click(page: URL) throws -> ClickedLinks {
        let script = Sockgrade.root.appendingPathComponent("Tests/Fixtures/browser/click_every_link.py")
        let result = try Command.run(URL(fileURLWithPath: "/usr/bin/python3"), [script.path, page.path], timeoutSeconds: 240)
        guard result.status == 0 else {
            throw ToolMissing(name: "a working Chromium (click_every_link.py said: \(result.standardError.suffix(2000)))")
        }
        return try JSONDecoder().decode(ClickedLinks.self, from: Data(result.standardOutput.utf8))
    }
}
