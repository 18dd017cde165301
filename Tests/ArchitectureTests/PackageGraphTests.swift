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
}
