import Foundation

/// Where the built executables the campaigns run live.
public struct CampaignTools: Sendable {
    /// `contracts`.
    public var contracts: URL
    /// `ledger-replay`.
    public var replay: URL
    /// `LogAppendWorker`.
    public var appendWorker: URL

    /// The executables in one folder (such as `.build/debug`).
    public init(folder: URL) throws {
        func find(_ name: String) throws -> URL {
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.isExecutableFile(atPath: url.path) else {
                throw CampaignError("\(name) is not built in \(folder.path); run `swift build` first")
            }
            return url
        }
        contracts = try find("contracts")
        replay = try find("ledger-replay")
        appendWorker = try find("LogAppendWorker")
    }
}

/// A campaign could not be set up (not a broken promise of the ledger).
public struct CampaignError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
