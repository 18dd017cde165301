import Foundation
import ReliabilityCampaigns
import Testing

/// The short version of every campaign, against the built executables.
@Suite("Reliability campaigns, short version", .serialized)
struct CampaignTests {
    static let seed: UInt64 = 7

    static func tools() throws -> CampaignTools {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        for folder in [testBinary.deletingLastPathComponent(), packageRoot.appendingPathComponent(".build/debug")] {
            if let tools = try? CampaignTools(folder: folder) { return tools }
        }
        return try CampaignTools(folder: packageRoot.appendingPathComponent(".build/debug"))
    }

    static func run(_ campaign: Campaign) async throws -> CampaignTally {
        let tally = try await campaign.run(tools: try tools(), seed: seed, scale: .short)
        #expect(tally.failures.isEmpty, "\(tally.failures.joined(separator: "\n"))")
        #expect(tally.eventsLost == 0)
        return tally
    }

    @Test("killed syncs, imports and appends lose nothing committed and the next sync matches a twin")
    func crash() async throws {
        let tally = try await Self.run(.crash)
        #expect(tally.killsSurvived == CampaignScale.short.kills)
    }

    @Test("every fault switch, alone and in two pairs, ends completed or as one clear error line")
    func faults() async throws {
        let tally = try await Self.run(.faults)
        #expect(tally.faultsTried > 0)
    }

    @Test("each kind of tamper is found by ledger-replay, which names the position or row")
    func tamper() async throws {
        let tally = try await Self.run(.tamper)
        #expect(tally.tampersFound == 5)
    }

    @Test("concurrent importers, editors and syncs lose nothing and import each reference once")
    func concurrency() async throws {
        _ = try await Self.run(.concurrency)
    }

    @Test("fuzzed command lines and decoder bodies crash nothing and leave the ledger unchanged")
    func badInput() async throws {
        let tally = try await Self.run(.badInput)
        #expect(tally.inputsTried >= CampaignScale.short.decoderInputs)
    }

    @Test("a hostile server (zones, Retry-After, endless paging, odd bodies) ends every sync cleanly")
    func hostileServer() async throws {
        let tally = try await Self.run(.hostileServer)
        #expect(tally.faultsTried == CampaignScale.short.hostileTrials + 1)
    }

    @Test("a full disk gives exit 6, leaves the ledger readable, and loses nothing once space is freed (as root)")
    func diskFull() async throws {
        let tally = try await Self.run(.diskFull)
        #expect(tally.faultsTried == CampaignScale.short.diskFullTrials)
    }

    @Test("symlinks, read-only media, other users and odd paths are handled in one clear line (as root)")
    func fileSystem() async throws {
        let tally = try await Self.run(.fileSystem)
        #expect(tally.faultsTried == 6)
    }
}
