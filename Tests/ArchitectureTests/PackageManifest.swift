import Foundation

/// The targets of `Package.swift`, read from its text: each target's kind, name, folder and dependencies.
///
/// The manifest is read as text, not evaluated: it declares its targets in the plain form this reader
/// knows (`.target(name: "X", dependencies: [...], path: "...")`), and a test fails if it finds none.
struct PackageManifest {
    struct Target: Hashable {
        enum Kind: String {
            case target, executableTarget, testTarget, systemLibrary
        }

        var kind: Kind
        var name: String
        var path: String
        /// Targets of this package it depends on.
        var targets: Set<String>
        /// Products of other packages it depends on.
        var products: Set<String>
    }

    /// The repository's root folder.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    let targets: [String: Target]

    init(text: String) {
        var targets: [String: Target] = [:]
        let call = /\.(target|executableTarget|testTarget|systemLibrary)\(/
        var rest = text[...]
        while let match = rest.firstMatch(of: call) {
            let body = Self.balanced(rest[match.range.upperBound...], open: "(", close: ")")
            rest = rest[body.endIndex...]
            guard let kind = Target.Kind(rawValue: String(match.output.1)),
                let name = body.firstMatch(of: /name:\s*"([^"]+)"/)?.output.1
            else { continue }
            var dependencies: Set<String> = []
            var products: Set<String> = []
            if let start = body.firstMatch(of: /dependencies:\s*\[/) {
                var list = Self.balanced(body[start.range.upperBound...], open: "[", close: "]")
                while let product = list.firstMatch(of: /\.product\(\s*name:\s*"([^"]+)"[^)]*\)/) {
                    products.insert(String(product.output.1))
                    list.removeSubrange(product.range)
                }
                for quoted in list.matches(of: /"([^"]+)"/) { dependencies.insert(String(quoted.output.1)) }
            }
            let folder = kind == .testTarget ? "Tests" : "Sources"
            let path = body.firstMatch(of: /path:\s*"([^"]+)"/).map { String($0.output.1) } ?? "\(folder)/\(name)"
            targets[String(name)] = Target(
                kind: kind, name: String(name), path: path, targets: dependencies, products: products)
        }
        self.targets = targets
    }

    /// Reads the repository's `Package.swift`.
    static func load() throws -> PackageManifest {
        PackageManifest(text: try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8))
    }

    /// The modules the Swift files of a target import, besides the toolchain's own.
    func imports(of target: Target) throws -> Set<String> {
        let folder = Self.root.appendingPathComponent(target.path)
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var modules: Set<String> = []
        let line = /^\s*(?:@testable\s+|@_exported\s+|public\s+|package\s+|internal\s+)?import\s+([A-Za-z_0-9]+)/
            .anchorsMatchLineEndings()
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: line) { modules.insert(String(match.output.1)) }
        }
        return modules.subtracting(Self.toolchainModules)
    }

    /// Modules that come with the toolchain, not from a package.
    static let toolchainModules: Set<String> = [
        "Foundation", "FoundationEssentials", "FoundationNetworking", "Dispatch", "Glibc", "Musl", "Darwin",
        "Synchronization", "Testing", "XCTest", "_Concurrency",
    ]

    /// The text from just after an opening bracket to just before its matching closing one.
    private static func balanced(_ text: Substring, open: Character, close: Character) -> Substring {
        var depth = 1
        var inString = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" {
                inString.toggle()
            } else if !inString {
                if character == open { depth += 1 }
                if character == close {
                    depth -= 1
                    if depth == 0 { return text[text.startIndex..<index] }
                }
            }
            index = text.index(after: index)
        }
        return text[text.startIndex..<index]
    }
}
