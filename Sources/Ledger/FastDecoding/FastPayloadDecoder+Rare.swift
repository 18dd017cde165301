import Foundation

// The event types a ledger holds few of: settings, browsing, native contracts and failed runs.

extension FastPayloadDecoder {
    private static let contractCreatedKeys = JSONKeys("fields", "id")

    /// `{"fields":{...},"id":"LC-5"}`
    static func contractCreated(_ reader: inout JSONReader) -> ContractCreated? {
        var fields: FieldValues?
        var id: String?
        let read = reader.readObject(contractCreatedKeys) { json, key in
            switch key {
            case 0:
                fields = json.readFieldValues()
                return fields != nil
            default:
                id = json.readString()
                return id != nil
            }
        }
        guard read, let fields, let id else { return nil }
        return ContractCreated(id: ContractID(rawValue: id), fields: fields)
    }

    private static let contractCopiedKeys = JSONKeys("fields", "id", "sourceID", "sourceReference")

    /// `{"fields":{...},"id":"LC-7","sourceID":"LC-1","sourceReference":{...}}`
    static func contractCopied(_ reader: inout JSONReader) -> ContractCopied? {
        var fields: FieldValues?
        var id: String?
        var sourceID: String?
        var sourceReference: AutotaskReference??
        let read = reader.readObject(contractCopiedKeys) { json, key in
            switch key {
            case 0:
                fields = json.readFieldValues()
                return fields != nil
            case 1:
                id = json.readString()
                return id != nil
            case 2:
                sourceID = json.readString()
                return sourceID != nil
            default:
                sourceReference = json.readNull() ? .some(nil) : autotaskReference(&json).map { .some($0) }
                return sourceReference != nil
            }
        }
        guard read, let fields, let id, let sourceID else { return nil }
        return ContractCopied(
            id: ContractID(rawValue: id), sourceID: ContractID(rawValue: sourceID),
            sourceReference: sourceReference ?? nil, fields: fields)
    }

    private static let contractsBrowsedKeys = JSONKeys(
        "companyID", "contractIDs", "contractServiceIDs", "digest", "requests", "showServices")

    /// `{"companyID":42,"contractIDs":[123],"contractServiceIDs":[],"digest":"ab12","requests":2,"showServices":true}`
    ///
    /// The ids are kept in the stored order, as `JSONDecoder` keeps them (the initializer sorts).
    static func contractsBrowsed(_ reader: inout JSONReader) -> ContractsBrowsed? {
        var companyID: Int?
        var contractIDs: [Int]?
        var contractServiceIDs: [Int]?
        var digest: String?
        var requests: Int?
        var showServices: Bool?
        let read = reader.readObject(contractsBrowsedKeys) { json, key in
            switch key {
            case 0:
                companyID = json.readInt()
                return companyID != nil
            case 1:
                contractIDs = json.readIntArray()
                return contractIDs != nil
            case 2:
                contractServiceIDs = json.readIntArray()
                return contractServiceIDs != nil
            case 3:
                digest = json.readString()
                return digest != nil
            case 4:
                requests = json.readInt()
                return requests != nil
            default:
                showServices = json.readBool()
                return showServices != nil
            }
        }
        guard read, let companyID, let contractIDs, let contractServiceIDs, let digest, let requests, let showServices
        else { return nil }
        var browsed = ContractsBrowsed(
            companyID: companyID, showServices: showServices, contractIDs: [], requests: requests, digest: digest)
        browsed.contractIDs = contractIDs
        browsed.contractServiceIDs = contractServiceIDs
        return browsed
    }

    private static let contractFailedKeys = JSONKeys("contractID", "reason")

    /// `{"contractID":"LC-2","reason":"HTTP 500 after 3 retries"}`
    static func syncContractFailed(_ reader: inout JSONReader) -> SyncContractFailed? {
        var texts: (String?, String?) = (nil, nil)
        let read = reader.readObject(contractFailedKeys) { json, key in
            let text = json.readString()
            if key == 0 { texts.0 = text } else { texts.1 = text }
            return text != nil
        }
        guard read, let contractID = texts.0, let reason = texts.1 else { return nil }
        return SyncContractFailed(contractID: ContractID(rawValue: contractID), reason: reason)
    }

    private static let syncFailedKeys = JSONKeys("reason", "stage")

    /// `{"reason":"HTTP 401: check the API user","stage":"fetch Contracts"}`
    static func syncFailed(_ reader: inout JSONReader) -> SyncFailed? {
        var texts: (String?, String?) = (nil, nil)
        let read = reader.readObject(syncFailedKeys) { json, key in
            let text = json.readString()
            if key == 0 { texts.0 = text } else { texts.1 = text }
            return text != nil
        }
        guard read, let reason = texts.0, let stage = texts.1 else { return nil }
        return SyncFailed(stage: stage, reason: reason)
    }

    private static let interruptedKeys = JSONKeys("noticedByRun")

    /// `{"noticedByRun":5}`
    static func syncInterrupted(_ reader: inout JSONReader) -> SyncInterrupted? {
        var run: Int?
        let read = reader.readObject(interruptedKeys) { json, _ in
            run = json.readInt()
            return run != nil
        }
        guard read, let run else { return nil }
        return SyncInterrupted(noticedByRun: run)
    }

    private static let integrationKeys = JSONKeys("integration")
    private static let integrations = PrimaryIntegration.allCases
    private static let integrationValues = JSONKeys(PrimaryIntegration.allCases.map(\.rawValue))

    /// `{"integration":"itGlue"}`
    static func primaryIntegrationSet(_ reader: inout JSONReader) -> PrimaryIntegrationSet? {
        var integration: PrimaryIntegration?
        let read = reader.readObject(integrationKeys) { json, _ in
            integration = json.readString(matching: integrationValues).map { integrations[$0] }
            return integration != nil
        }
        guard read, let integration else { return nil }
        return PrimaryIntegrationSet(integration: integration)
    }

    private static let connectionKeys = JSONKeys("discoveryURL", "integrationCode", "userName", "zoneURL")

    /// `{"discoveryURL":"...","integrationCode":"LCI","userName":"api@acme.example","zoneURL":"..."}`
    static func autotaskConnectionConfigured(_ reader: inout JSONReader) -> AutotaskConnectionConfigured? {
        var discoveryURL: String??
        var integrationCode: String?
        var userName: String?
        var zoneURL: String??
        let read = reader.readObject(connectionKeys) { json, key in
            switch key {
            case 0:
                discoveryURL = json.readOptionalString()
                return discoveryURL != nil
            case 1:
                integrationCode = json.readString()
                return integrationCode != nil
            case 2:
                userName = json.readString()
                return userName != nil
            default:
                zoneURL = json.readOptionalString()
                return zoneURL != nil
            }
        }
        guard read, let integrationCode, let userName else { return nil }
        return AutotaskConnectionConfigured(
            discoveryURL: discoveryURL ?? nil, zoneURL: zoneURL ?? nil, userName: userName,
            integrationCode: integrationCode)
    }
}
