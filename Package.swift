// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "contract-ledger",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "contracts", targets: ["ContractsCLI"]),
        .executable(name: "ledger-replay", targets: ["LedgerReplay"]),
        .executable(name: "autotask-sandbox", targets: ["AutotaskSandboxServer"]),
        .executable(name: "ledger-bench", targets: ["Benchmarks"]),
        .executable(name: "ledger-campaigns", targets: ["Reliability"]),
        .library(name: "EventLog", targets: ["EventLog"]),
        .library(name: "Ledger", targets: ["Ledger"]),
        .library(name: "Autotask", targets: ["Autotask"]),
        .library(name: "AutotaskSandbox", targets: ["AutotaskSandbox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.30.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.20.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.3.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
    ],
    targets: [
        // The system SQLite library, reached only through the SQLite target.
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // The SQLite C boundary: connection, statements, errors, transactions, migrator.
        .target(name: "SQLite", dependencies: ["CSQLite"]),
        // The append-only event log: schema, append, read, hash chain, verify.
        .target(
            name: "EventLog",
            dependencies: ["SQLite", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The domain: event catalogue, contract model, ownership rules, decisions, sync reconciliation.
        .target(name: "Ledger"),
        // Read models folded from the log, kept in the ledger file.
        .target(name: "Projections", dependencies: ["Ledger", "EventLog", "SQLite"], path: "Projections"),
        // The Autotask REST client; it knows nothing of the ledger.
        .target(
            name: "Autotask",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // Wiring shared by the executables: the ledger service and the Autotask adapter.
        .target(
            name: "ContractsCore",
            dependencies: [
                "Ledger", "Projections", "EventLog", "Autotask",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "ContractsCLI",
            dependencies: [
                "ContractsCore", "Projections", "EventLog", "Ledger", "Autotask", "AutotaskSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A local Autotask REST API v1.0 with a seeded data set, faults and an admin API.
        .target(
            name: "AutotaskSandbox",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tools/AutotaskSandbox/Sandbox"
        ),
        .executableTarget(
            name: "AutotaskSandboxServer",
            dependencies: [
                "AutotaskSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tools/AutotaskSandbox/Server"
        ),
        .executableTarget(
            name: "LedgerReplay",
            dependencies: [
                "ContractsCore", "EventLog",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tools/LedgerReplay"
        ),
        .executableTarget(
            name: "Benchmarks",
            dependencies: [
                "EventLog", "CSQLite", "Ledger", "Projections", "ContractsCore", "Autotask",
                "AutotaskSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tools/Benchmarks/Bench"
        ),
        // Appends from a separate process, for the multi-process and crash tests.
        .executableTarget(name: "LogAppendWorker", dependencies: ["EventLog"], path: "Tools/LogAppendWorker"),
        .testTarget(
            name: "EventLogTests",
            dependencies: [
                "EventLog", "SQLite", "CSQLite", "LogAppendWorker", "TestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Fixtures")]
        ),
        // Helpers shared by the test targets: temp folders and the built executables.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // The reliability and security campaigns (crash, faults, tamper, concurrency, bad input, secrets).
        .target(
            name: "ReliabilityCampaigns",
            dependencies: ["AutotaskSandbox", "EventLog", "SQLite", "Autotask", "TestSupport"],
            path: "Tools/Reliability/Campaigns"
        ),
        .executableTarget(
            name: "Reliability", dependencies: ["ReliabilityCampaigns"], path: "Tools/Reliability/Driver"
        ),
        .testTarget(
            name: "ReliabilityTests",
            dependencies: ["ReliabilityCampaigns", "Autotask", "ContractsCLI", "LedgerReplay", "LogAppendWorker"]
        ),
        // Checks of the package graph and the layering the README states, read from Package.swift.
        .testTarget(name: "ArchitectureTests"),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "TestSupport"]),
        .testTarget(name: "ProjectionsTests", dependencies: ["Projections", "Ledger", "EventLog", "SQLite"]),
        .testTarget(
            name: "AutotaskTests",
            dependencies: [
                "Autotask", "AutotaskSandbox", "TestSupport", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "AutotaskSandboxTests",
            dependencies: [
                "AutotaskSandbox",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "ContractsCoreTests",
            dependencies: [
                "ContractsCore", "AutotaskSandbox", "Autotask", "Projections", "EventLog", "SQLite", "Ledger",
                "TestSupport",
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "AutotaskSandbox", "ContractsCLI", "LedgerReplay", "Benchmarks", "TestSupport", "EventLog",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
