import Foundation
import Testing

@Suite("The package graph")
struct PackageGraphTests {
    /// The targets that make the shipped modules and executables (not tools, tests or test helpers).
    static let layers: Set<String> = [
        "CSQLite", "SQLite", "EventLog", "Ledger", "Projections", "Autotask", "ContractsCore", "ContractsCLI",
        "ContractsConsole",
    ]

    @Test("Package.swift is read: it declares the ledger's layers")
    func manifestIsRead() throws {
        let manifest = try PackageManifest.load()
        for name in Self.layers.subtracting(["ContractsConsole"]) {
            #expect(manifest.targets[name] != nil, "Package.swift declares no target \(name)")
        }
    }

    @Test("every target declares exactly the modules it imports (executables it only runs aside)")
    func declaredDependenciesAreImports() throws {
        let manifest = try PackageManifest.load()
        for target in manifest.targets.values where target.kind != .systemLibrary {
            let imported = try manifest.imports(of: target)
            let executables = target.targets.filter { manifest.targets[$0]?.kind == .executableTarget }
            let declared = target.targets.subtracting(executables).union(target.products)
            let undeclared = imported.subtracting(declared).sorted()
            let unused = declared.subtracting(imported).sorted()
            #expect(undeclared.isEmpty, "\(target.name) imports \(undeclared) without declaring them")
            #expect(unused.isEmpty, "\(target.name) declares \(unused) but never imports them")
        }
    }

    @Test("only SQLite reaches the C library, and only EventLog and Projections speak SQL through it")
    func onlyTheStorageModulesSpeakSQL() throws {
        let manifest = try PackageManifest.load()
        for name in Self.layers {
            guard let target = manifest.targets[name] else { continue }
            if target.targets.contains("CSQLite") { #expect(name == "SQLite", "\(name) depends on CSQLite") }
            if target.targets.contains("SQLite") {
                #expect(["EventLog", "Projections"].contains(name), "\(name) depends on SQLite")
            }
        }
    }

    @Test("Ledger depends on nothing of ours and Autotask on no ledger module")
    func domainAndClientStandAlone() throws {
        let manifest = try PackageManifest.load()
        #expect(manifest.targets["Ledger"]?.targets == [])
        #expect(manifest.targets["Autotask"]?.targets == [])
    }

    @Test("dependencies point one way: no layer depends on one above it")
    func layersPointOneWay() throws {
        let manifest = try PackageManifest.load()
        let order = [
            "CSQLite", "SQLite", "EventLog", "Ledger", "Projections", "Autotask", "ContractsCore", "ContractsConsole",
            "ContractsCLI",
        ]
        for (rank, name) in order.enumerated() {
            guard let target = manifest.targets[name] else { continue }
            let above = Set(order[(rank + 1)...])
            #expect(target.targets.isDisjoint(with: above), "\(name) depends on \(target.targets.intersection(above))")
        }
    }

    @Test("the README's layout names every target's folder and its dependency sentence is the one checked here")
    func readmeTellsTheGraph() throws {
        let manifest = try PackageManifest.load()
        let readme = try String(
            contentsOf: PackageManifest.root.appendingPathComponent("README.md"), encoding: .utf8)
        let layout = try #require(readme.firstMatch(of: /## Layout\s+```\n((?:.|\n)*?)```/)?.output.1)
        for target in manifest.targets.values where target.kind != .testTarget {
            let folder = target.path.split(separator: "/").prefix(2).last.map(String.init) ?? target.path
            let named = layout.contains("\(folder)/")
            #expect(named, "the README's layout does not name \(target.path)")
        }
        let text = readme.replacingOccurrences(of: "\n", with: " ")
        for sentence in [
            "`Ledger` depends on nothing of ours",
            "`Autotask` depends on no ledger module",
            "Only `SQLite`, `EventLog` and `Projections` speak SQL",
        ] {
            let said = text.contains(sentence)
            #expect(said, "the README no longer says: \(sentence)")
        }
    }
}
