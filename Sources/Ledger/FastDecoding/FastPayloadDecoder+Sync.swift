import Foundation

// The events of sync-run streams, and the small events a sync writes into contract streams.

extension FastPayloadDecoder {
    private static let syncStartedKeys = JSONKeys("contractsToCheck", "run", "scope", "trigger")
    private static let triggers = SyncTrigger.allCases
    private static let triggerKeys = JSONKeys(SyncTrigger.allCases.map(\.rawValue))

    /// `{"contractsToCheck":["LC-1"],"run":1,"scope":{"kind":"all"},"trigger":"nightly"}`
    static func syncStarted(_ reader: inout JSONReader) -> SyncStarted? {
        var contractsToCheck: [ContractID]?
        var run: Int?
        var scope: SyncScope?
        var trigger: SyncTrigger?
        let read = reader.readObject(syncStartedKeys) { json, key in
            switch key {
            case 0:
                contractsToCheck = json.readContractIDs()
                return contractsToCheck != nil
            case 1:
                run = json.readInt()
                return run != nil
            case 2:
                scope = syncScope(&json)
                return scope != nil
            default:
                trigger = json.readString(matching: triggerKeys).map { triggers[$0] }
                return trigger != nil
            }
        }
        guard read, let contractsToCheck, let run, let scope, let trigger else { return nil }
        return SyncStarted(run: run, trigger: trigger, scope: scope, contractsToCheck: contractsToCheck)
    }

    private static let scopeKeys = JSONKeys("contractID", "kind")
    private static let scopeKindKeys = JSONKeys("all", "contract")

    /// A ``SyncScope`` object: `{"kind":"all"}` or `{"contractID":"LC-1","kind":"contract"}`.
    private static func syncScope(_ reader: inout JSONReader) -> SyncScope? {
        var contractID: String??
        var isContract: Bool?
        let read = reader.readObject(scopeKeys) { json, key in
            switch key {
            case 0:
                contractID = json.readOptionalString()
                return contractID != nil
            default:
                isContract = json.readString(matching: scopeKindKeys).map { $0 == 1 }
                return isContract != nil
            }
        }
        guard read, let isContract else { return nil }
        guard isContract else { return .all }
        guard let contractID = contractID ?? nil else { return nil }
        return .contract(ContractID(rawValue: contractID))
    }

    private static let syncFetchedKeys = JSONKeys("digest", "entity", "filter", "items", "pages", "requests")

    /// `{"digest":"cd34","entity":"Contracts","filter":"...","items":1,"pages":1,"requests":1}`
    static func syncFetched(_ reader: inout JSONReader) -> SyncFetched? {
        var texts: [String?] = [nil, nil, nil]
        var numbers: [Int?] = [nil, nil, nil]
        let read = reader.readObject(syncFetchedKeys) { json, key in
            if key < 3 {
                texts[key] = json.readString()
                return texts[key] != nil
            }
            numbers[key - 3] = json.readInt()
            return numbers[key - 3] != nil
        }
        guard read, let digest = texts[0], let entity = texts[1], let filter = texts[2], let items = numbers[0],
            let pages = numbers[1], let requests = numbers[2]
        else { return nil }
        return SyncFetched(
            entity: entity, filter: filter, pages: pages, requests: requests, items: items, digest: digest)
    }

    private static let syncCompletedKeys = JSONKeys(
        "changed", "checked", "durationMilliseconds", "failed", "missing", "requests", "unchanged")

    /// `{"changed":1,"checked":2,"durationMilliseconds":2345,"failed":0,"missing":0,"requests":4,"unchanged":1}`
    static func syncCompleted(_ reader: inout JSONReader) -> SyncCompleted? {
        var numbers = [Int?](repeating: nil, count: 7)
        let read = reader.readObject(syncCompletedKeys) { json, key in
            numbers[key] = json.readInt()
            return numbers[key] != nil
        }
        guard read, let changed = numbers[0], let checked = numbers[1], let duration = numbers[2],
            let failed = numbers[3], let missing = numbers[4], let requests = numbers[5], let unchanged = numbers[6]
        else { return nil }
        return SyncCompleted(
            checked: checked, changed: changed, unchanged: unchanged, missing: missing, failed: failed,
            requests: requests, durationMilliseconds: duration)
    }

    private static let missingKeys = JSONKeys("reason", "syncRun")
    private static let reasons = MissingReason.allCases
    private static let reasonKeys = JSONKeys(MissingReason.allCases.map(\.rawValue))

    /// `{"reason":"notVisible","syncRun":4}`
    static func missingInAutotask(_ reader: inout JSONReader) -> MissingInAutotask? {
        var reason: MissingReason?
        var syncRun: Int?
        let read = reader.readObject(missingKeys) { json, key in
            switch key {
            case 0:
                reason = json.readString(matching: reasonKeys).map { reasons[$0] }
                return reason != nil
            default:
                syncRun = json.readInt()
                return syncRun != nil
            }
        }
        guard read, let reason, let syncRun else { return nil }
        return MissingInAutotask(reason: reason, syncRun: syncRun)
    }

    private static let syncRunKeys = JSONKeys("syncRun")

    /// `{"syncRun":5}`
    static func foundInAutotask(_ reader: inout JSONReader) -> FoundInAutotask? {
        var syncRun: Int?
        let read = reader.readObject(syncRunKeys) { json, _ in
            syncRun = json.readInt()
            return syncRun != nil
        }
        guard read, let syncRun else { return nil }
        return FoundInAutotask(syncRun: syncRun)
    }

    private static let renewedKeys = JSONKeys("newContractID", "syncRun")

    /// `{"newContractID":900,"syncRun":6}`
    static func renewedInAutotask(_ reader: inout JSONReader) -> RenewedInAutotask? {
        var numbers: (Int?, Int?) = (nil, nil)
        let read = reader.readObject(renewedKeys) { json, key in
            let number = json.readInt()
            if key == 0 { numbers.0 = number } else { numbers.1 = number }
            return number != nil
        }
        guard read, let newContractID = numbers.0, let syncRun = numbers.1 else { return nil }
        return RenewedInAutotask(newContractID: newContractID, syncRun: syncRun)
    }

    private static let autoSyncKeys = JSONKeys("enabled")

    /// `{"enabled":false}`
    static func autoSyncSet(_ reader: inout JSONReader) -> AutoSyncSet? {
        var enabled: Bool?
        let read = reader.readObject(autoSyncKeys) { json, _ in
            enabled = json.readBool()
            return enabled != nil
        }
        guard read, let enabled else { return nil }
        return AutoSyncSet(enabled: enabled)
    }
}
