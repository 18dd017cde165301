import Autotask
import Foundation

/// The reliability and security campaigns, each seeded and bounded; after each, the secret scan.
public enum Campaign: String, CaseIterable, Sendable {
    case crash, faults, tamper, concurrency
    case badInput = "bad-input"
    case hostileServer = "hostile-server"
    case diskFull = "disk-full"
    case fileSystem = "file-system"

    /// Runs this campaign at a scale; broken promises come back as the tally's failures.
    public func run(tools: CampaignTools, seed: UInt64, scale: CampaignScale) async throws -> CampaignTally {
        switch self {
        case .crash: return try await CrashCampaign(tools: tools, seed: seed, scale: scale).run()
        case .faults: return try await FaultCampaign(tools: tools, seed: seed, scale: scale).run()
        case .tamper: return try await TamperCampaign(tools: tools, seed: seed, scale: scale).run()
        case .concurrency: return try await ConcurrencyCampaign(tools: tools, seed: seed, scale: scale).run()
        case .badInput:
            var tally = try await BadInputCampaign(tools: tools, seed: seed, scale: scale).run()
            tally.inputsTried += DecoderFuzz(seed: seed).run(
                count: scale.decoderInputs, decode: DecoderFuzz.decodePublicTypes)
            return tally
        case .hostileServer: return try await HostileServerCampaign(tools: tools, seed: seed, scale: scale).run()
        case .diskFull: return try await DiskFullCampaign(tools: tools, seed: seed, scale: scale).run()
        case .fileSystem: return try await FileSystemCampaign(tools: tools, seed: seed, scale: scale).run()
        }
    }
}
