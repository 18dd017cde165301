// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "contract-ledger",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "EventLog", targets: ["EventLog"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.0"..<"5.0.0")
    ],
    targets: [
        // The system SQLite library, reached only through EventLog and Projections.
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // The append-only event log: connection, statements, schema, append, read, hash chain.
        .target(
            name: "EventLog",
            dependencies: ["CSQLite", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Appends from a separate process, for the multi-process and crash tests.
        .executableTarget(name: "LogAppendWorker", dependencies: ["EventLog"], path: "Tools/LogAppendWorker"),
        .testTarget(
            name: "EventLogTests",
            dependencies: ["EventLog", "CSQLite", "LogAppendWorker"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
