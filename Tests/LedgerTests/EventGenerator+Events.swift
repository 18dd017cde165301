import Foundation
import Ledger

extension EventGenerator {
    /// A random event of the given type.
    mutating func event(of type: String) -> LedgerEvent {
        switch type {
        case AutotaskFieldChanged.eventType:
            let field = FieldName.allCases.randomElement(using: &random)!
            return AutotaskFieldChanged(
                field: field, from: value(for: field), to: value(for: field), syncRun: integer()
            ).event
        case FieldEdited.eventType:
            let field = FieldName.allCases.randomElement(using: &random)!
            return FieldEdited(
                field: field, from: value(for: field), to: value(for: field), reason: maybe { $0.text() }
            )
            .event
        case AssetLinked.eventType: return AssetLinked(asset: asset(), syncRun: maybe { $0.integer() }).event
        case AssetUnlinked.eventType:
            return AssetUnlinked(assetID: integer(), name: maybe { $0.text() }, syncRun: maybe { $0.integer() }).event
        case ContractImported.eventType:
            return ContractImported(
                id: contractID(), reference: reference(), fields: fieldValues(), companyID: integer(),
                renewedContractID: maybe { $0.integer() }
            ).event
        case ContractCreated.eventType: return ContractCreated(id: contractID(), fields: fieldValues()).event
        case ContractCopied.eventType:
            return ContractCopied(
                id: contractID(), sourceID: contractID(), sourceReference: maybe { $0.reference() },
                fields: fieldValues()
            ).event
        case AutoSyncSet.eventType: return AutoSyncSet(enabled: Bool.random(using: &random)).event
        case MissingInAutotask.eventType:
            return MissingInAutotask(reason: MissingReason.allCases.randomElement(using: &random)!, syncRun: integer())
                .event
        case FoundInAutotask.eventType: return FoundInAutotask(syncRun: integer()).event
        case RenewedInAutotask.eventType: return RenewedInAutotask(newContractID: integer(), syncRun: integer()).event
        case SyncStarted.eventType:
            let count = Int.random(in: 0..<20, using: &random) == 0 ? 3_000 : Int.random(in: 0...20, using: &random)
            return SyncStarted(
                run: integer(), trigger: SyncTrigger.allCases.randomElement(using: &random)!,
                scope: Bool.random(using: &random) ? .all : .contract(contractID()),
                contractsToCheck: (0..<count).map { _ in contractID() }
            ).event
        case SyncFetched.eventType:
            return SyncFetched(
                entity: text(), filter: text(), pages: integer(), requests: integer(), items: integer(), digest: text()
            ).event
        case SyncContractFailed.eventType: return SyncContractFailed(contractID: contractID(), reason: text()).event
        case SyncCompleted.eventType:
            return SyncCompleted(
                checked: integer(), changed: integer(), unchanged: integer(), missing: integer(), failed: integer(),
                requests: integer(), durationMilliseconds: integer()
            ).event
        case SyncFailed.eventType: return SyncFailed(stage: text(), reason: text()).event
        case SyncInterrupted.eventType: return SyncInterrupted(noticedByRun: integer()).event
        case PrimaryIntegrationSet.eventType:
            return PrimaryIntegrationSet(integration: PrimaryIntegration.allCases.randomElement(using: &random)!).event
        case AutotaskConnectionConfigured.eventType:
            return AutotaskConnectionConfigured(
                discoveryURL: maybe { $0.text() }, zoneURL: maybe { $0.text() }, userName: text(),
                integrationCode: text()
            ).event
        case RenewalFollowed.eventType:
            return RenewalFollowed(
                previousReference: reference(), reference: reference(), fields: fieldValues(),
                assets: maybe { generator in
                    (0..<Int.random(in: 0...3, using: &generator.random)).map { _ in generator.asset() }
                },
                renewedContractID: maybe { $0.integer() }, syncRun: maybe { $0.integer() }
            ).event
        case RenewalFollowingSet.eventType: return RenewalFollowingSet(enabled: Bool.random(using: &random)).event
        case ProjectionsRebuilt.eventType:
            return ProjectionsRebuilt(
                throughPosition: integer(), repaired: (0..<Int.random(in: 0...3, using: &random)).map { _ in text() }
            ).event
        default:
            return ContractsBrowsed(
                companyID: integer(), showServices: Bool.random(using: &random),
                contractIDs: (0..<Int.random(in: 0...5, using: &random)).map { _ in integer() },
                contractServiceIDs: (0..<Int.random(in: 0...5, using: &random)).map { _ in integer() },
                requests: integer(), digest: text()
            ).event
        }
    }
}
