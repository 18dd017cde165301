import Foundation

// The events of contract streams that a real ledger holds most of.

extension FastPayloadDecoder {
    private static let autotaskFieldChangedKeys = JSONKeys("field", "from", "syncRun", "to")

    /// `{"field":"endDate","from":"2025-12-31","syncRun":3,"to":"2026-12-31"}`
    static func autotaskFieldChanged(_ reader: inout JSONReader) -> AutotaskFieldChanged? {
        var field: FieldName?
        var from = DeferredFieldValue()
        var to = DeferredFieldValue()
        var syncRun: Int?
        let read = reader.readObject(autotaskFieldChangedKeys) { json, key in
            switch key {
            case 0:
                field = json.readFieldName()
                return field != nil
            case 1: return from.read(&json, field: field)
            case 2:
                syncRun = json.readInt()
                return syncRun != nil
            default: return to.read(&json, field: field)
            }
        }
        guard read, let field, let syncRun, let fromValue = from.value(for: field), let toValue = to.value(for: field)
        else { return nil }
        return AutotaskFieldChanged(field: field, from: fromValue, to: toValue, syncRun: syncRun)
    }

    private static let fieldEditedKeys = JSONKeys("field", "from", "reason", "to")

    /// Version 2: `{"field":"notes","from":null,"reason":"typo","to":"text"}`.
    static func fieldEdited(_ reader: inout JSONReader) -> FieldEdited? {
        var field: FieldName?
        var from = DeferredFieldValue()
        var to = DeferredFieldValue()
        var reason: String??
        let read = reader.readObject(fieldEditedKeys) { json, key in
            switch key {
            case 0:
                field = json.readFieldName()
                return field != nil
            case 1: return from.read(&json, field: field)
            case 2:
                reason = json.readOptionalString()
                return reason != nil
            default: return to.read(&json, field: field)
            }
        }
        guard read, let field, let fromValue = from.value(for: field), let toValue = to.value(for: field)
        else { return nil }
        return FieldEdited(field: field, from: fromValue, to: toValue, reason: reason ?? nil)
    }

    private static let assetLinkedKeys = JSONKeys("asset", "syncRun")

    /// `{"asset":{...},"syncRun":2}`
    static func assetLinked(_ reader: inout JSONReader) -> AssetLinked? {
        var asset: AutotaskAssetSnapshot?
        var syncRun: Int??
        let read = reader.readObject(assetLinkedKeys) { json, key in
            switch key {
            case 0:
                asset = assetSnapshot(&json)
                return asset != nil
            default:
                syncRun = json.readOptionalInt()
                return syncRun != nil
            }
        }
        guard read, let asset else { return nil }
        return AssetLinked(asset: asset, syncRun: syncRun ?? nil)
    }

    private static let assetKeys = JSONKeys(
        "contractID", "contractServiceID", "id", "isActive", "name", "productName", "serialNumber", "type")

    /// An ``AutotaskAssetSnapshot`` object.
    private static func assetSnapshot(_ reader: inout JSONReader) -> AutotaskAssetSnapshot? {
        var contractID: Int??
        var contractServiceID: Int??
        var id: Int?
        var isActive: Bool?
        var name: String?
        var productName: String??
        var serialNumber: String??
        var type: String??
        let read = reader.readObject(assetKeys) { json, key in
            switch key {
            case 0:
                contractID = json.readOptionalInt()
                return contractID != nil
            case 1:
                contractServiceID = json.readOptionalInt()
                return contractServiceID != nil
            case 2:
                id = json.readInt()
                return id != nil
            case 3:
                isActive = json.readBool()
                return isActive != nil
            case 4:
                name = json.readString()
                return name != nil
            case 5:
                productName = json.readOptionalString()
                return productName != nil
            case 6:
                serialNumber = json.readOptionalString()
                return serialNumber != nil
            default:
                type = json.readOptionalString()
                return type != nil
            }
        }
        guard read, let id, let name, let isActive else { return nil }
        return AutotaskAssetSnapshot(
            id: id, name: name, serialNumber: serialNumber ?? nil, type: type ?? nil, productName: productName ?? nil,
            contractID: contractID ?? nil, contractServiceID: contractServiceID ?? nil, isActive: isActive)
    }

    private static let assetUnlinkedKeys = JSONKeys("assetID", "name", "syncRun")

    /// `{"assetID":2,"name":"SRV-02","syncRun":3}`
    static func assetUnlinked(_ reader: inout JSONReader) -> AssetUnlinked? {
        var assetID: Int?
        var name: String??
        var syncRun: Int??
        let read = reader.readObject(assetUnlinkedKeys) { json, key in
            switch key {
            case 0:
                assetID = json.readInt()
                return assetID != nil
            case 1:
                name = json.readOptionalString()
                return name != nil
            default:
                syncRun = json.readOptionalInt()
                return syncRun != nil
            }
        }
        guard read, let assetID else { return nil }
        return AssetUnlinked(assetID: assetID, name: name ?? nil, syncRun: syncRun ?? nil)
    }

    private static let contractImportedKeys = JSONKeys("companyID", "fields", "id", "reference", "renewedContractID")

    /// `{"companyID":42,"fields":{...},"id":"LC-1","reference":{...},"renewedContractID":900}`
    static func contractImported(_ reader: inout JSONReader) -> ContractImported? {
        var companyID: Int?
        var fields: FieldValues?
        var id: String?
        var reference: AutotaskReference?
        var renewedContractID: Int??
        let read = reader.readObject(contractImportedKeys) { json, key in
            switch key {
            case 0:
                companyID = json.readInt()
                return companyID != nil
            case 1:
                fields = json.readFieldValues()
                return fields != nil
            case 2:
                id = json.readString()
                return id != nil
            case 3:
                reference = autotaskReference(&json)
                return reference != nil
            default:
                renewedContractID = json.readOptionalInt()
                return renewedContractID != nil
            }
        }
        guard read, let companyID, let fields, let id, let reference else { return nil }
        return ContractImported(
            id: ContractID(rawValue: id), reference: reference, fields: fields, companyID: companyID,
            renewedContractID: renewedContractID ?? nil)
    }

    private static let referenceKeys = JSONKeys("contractID", "contractServiceID", "level", "serviceID")
    private static let levelKeys = JSONKeys("contract", "service")

    /// An ``AutotaskReference`` object: `{"contractID":123,"level":"contract"}` or a service.
    static func autotaskReference(_ reader: inout JSONReader) -> AutotaskReference? {
        var contractID: Int?
        var contractServiceID: Int??
        var isService: Bool?
        var serviceID: Int??
        let read = reader.readObject(referenceKeys) { json, key in
            switch key {
            case 0:
                contractID = json.readInt()
                return contractID != nil
            case 1:
                contractServiceID = json.readOptionalInt()
                return contractServiceID != nil
            case 2:
                isService = json.readString(matching: levelKeys).map { $0 == 1 }
                return isService != nil
            default:
                serviceID = json.readOptionalInt()
                return serviceID != nil
            }
        }
        guard read, let contractID, let isService else { return nil }
        guard isService else { return .contract(contractID) }
        guard let contractServiceID = contractServiceID ?? nil, let serviceID = serviceID ?? nil else { return nil }
        return .service(contractServiceID: contractServiceID, contractID: contractID, serviceID: serviceID)
    }
}
