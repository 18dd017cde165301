// `ledger-campaigns [--seed N] [--short] [CAMPAIGN...]`: runs the reliability and security campaigns and ends
// with one summary line of counts. Exits 1 when any campaign found a broken promise.
import EventLog
import Foundation
import ReliabilityCampaigns

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--version") {
    print("ledger-campaigns \(LedgerVersion.description)")
    exit(0)
}
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let seed = option("--seed").flatMap(UInt64.init) ?? 20_260_401
let scale: CampaignScale = arguments.contains("--short") ? .short : .full
let named = arguments.compactMap(Campaign.init(rawValue:))
let campaigns = named.isEmpty ? Campaign.allCases : named
let folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()

do {
    let tools = try CampaignTools(folder: folder)
    var total = CampaignTally()
    for campaign in campaigns {
        let started = Date()
        let tally = try await campaign.run(tools: tools, seed: seed, scale: scale)
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        print("\(campaign.rawValue) (\(seconds) s): \(tally.summary)")
        for note in tally.notes { print("  \(note)") }
        for failure in tally.failures { print("  FAILED: \(failure)") }
        total.merge(tally)
    }
    print("summary (seed \(seed)): \(total.summary)")
    exit(total.failures.isEmpty ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("ledger-campaigns: \(error)\n".utf8))
    exit(2)
}
