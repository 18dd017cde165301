import AutotaskSandbox
import Foundation
import Testing

@Suite("Entity information and permissions")
struct EntityInformationTests {
    func access(_ harness: SandboxHarness, _ entity: String) async throws -> String? {
        let answer = try await harness.get("/atservicesrest/V1.0/\(entity)/entityInformation")
        return (answer.object?["info"] as? [String: Any])?["userAccessForQuery"] as? String
    }

    @Test("entityInformation reports the access level that matches each permission mode")
    func accessLevels() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            let info = try #require(
                (try await harness.get("/atservicesrest/V1.0/Contracts/entityInformation")).object?["info"]
                    as? [String: Any])
            #expect(info["name"] as? String == "Contract")
            #expect(info["canQuery"] as? Bool == true)
            #expect(info["hasUserDefinedFields"] as? Bool == true)
            let modes: [(SandboxPermissions, String)] = [
                (.full, "All"), (.empty, "None"), (.forbidden, "None"), (.permission500, "None"),
                (.restricted(companyIDs: [101]), "Restricted"),
            ]
            for (mode, level) in modes {
                harness.sandbox.setPermissions(mode)
                for entity in ["Contracts", "ContractServices", "ContractServiceUnits", "ContractServiceBundles"] {
                    #expect(try await access(harness, entity) == level)
                }
                #expect(try await access(harness, "Companies") == "All")
            }
        }
    }

    @Test("fields carry the FieldInformationModel with string picklist values")
    func fields() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            let answer = try await harness.get("/atservicesrest/V1.0/Contracts/entityInformation/fields")
            let fields = try #require(answer.object?["fields"] as? [[String: Any]])
            let type = try #require(fields.first { $0["name"] as? String == "contractType" })
            #expect(type["dataType"] as? String == "integer")
            #expect(type["isPickList"] as? Bool == true)
            let values = try #require(type["picklistValues"] as? [[String: Any]])
            #expect(values.map { $0["value"] as? String } == ["1", "3", "4", "6", "7", "8"])
            #expect(values.first { $0["value"] as? String == "7" }?["label"] as? String == "Recurring Service")
            let name = try #require(fields.first { $0["name"] as? String == "contractName" })
            #expect(name["picklistValues"] is NSNull)
            #expect(name["referenceEntityType"] as? String == "")
            let company = try #require(fields.first { $0["name"] as? String == "companyID" })
            #expect(company["referenceEntityType"] as? String == "Company")
            for key in [
                "length", "isRequired", "isReadOnly", "isQueryable", "isReference", "picklistParentValueField",
                "isSupportedWebhookField",
            ] {
                #expect(company.keys.contains(key))
            }
            let udfs = try await harness.get("/atservicesrest/V1.0/Companies/entityInformation/userDefinedFields")
            let names = (udfs.object?["fields"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            #expect(names == ["NAV ID", "Customer Tier"])
        }
    }

    @Test("the empty mode answers 200 with no items and a zero count")
    func emptyMode() async throws {
        var configuration = SandboxConfiguration.fixedDemo()
        configuration.permissions = .empty
        try await SandboxHarness.with(configuration) { harness throws in
            let page = try await harness.query("Contracts", #"{"filter":[{"op":"gte","field":"id","value":0}]}"#)
            #expect(page.status == 200)
            #expect(page.items.isEmpty)
            let count = try await harness.get("/atservicesrest/V1.0/Contracts/query/count?search=%7B%7D")
            #expect(count.body == #"{"queryCount":0}"#)
            #expect(try await harness.get("/atservicesrest/V1.0/Contracts/1001").body == #"{"item":null}"#)
            #expect(try await harness.get("/atservicesrest/V1.0/Contracts/1001/Services").items.isEmpty)
            #expect(try await harness.ids("Companies", filter: "[]").count == 7)
        }
    }

    @Test("the forbidden and permission500 modes answer 403 and 500, switchable at run time and over HTTP")
    func refusingModes() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            harness.sandbox.setPermissions(.forbidden)
            let forbidden = try await harness.query("Contracts", "{}")
            #expect(forbidden.status == 403)
            #expect(forbidden.error != nil)
            let switched = try await harness.send(
                .PUT, "/sandbox/permissions", body: #"{"mode":"permission500"}"#, auth: false)
            #expect(switched.status == 200)
            #expect(harness.sandbox.permissions == .permission500)
            let refused = try await harness.query("ContractServices", "{}")
            #expect(refused.status == 500)
            #expect(
                refused.error
                    == "The logged in Resource does not have the adequate permissions to query this entity type.")
            #expect(try await harness.ids("Companies", filter: "[]").count == 7)
        }
    }

    @Test("the restricted mode shows only the contracts (and children) of some companies")
    func restrictedMode() async throws {
        var configuration = SandboxConfiguration.fixedDemo()
        configuration.permissions = .restricted(companyIDs: [101, 105])
        try await SandboxHarness.with(configuration) { harness throws in
            #expect(try await harness.ids("Contracts", filter: "[]") == [1001, 1002, 1010, 1011])
            #expect(try await harness.ids("ContractServices", filter: "[]") == [3001, 3002, 3003, 3004, 3013, 3014])
            #expect(try await harness.get("/atservicesrest/V1.0/Contracts/1004").body == #"{"item":null}"#)
            #expect(try await harness.get("/atservicesrest/V1.0/Contracts/1004/Services").items.isEmpty)
            #expect(try await harness.get("/atservicesrest/V1.0/Contracts/1010/Services").ids == [3013, 3014])
        }
    }
}
