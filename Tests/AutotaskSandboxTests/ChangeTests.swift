import AutotaskSandbox
import Foundation
import Testing

@Suite("Admin changes and simulated nights")
struct ChangeTests {
    func item(_ harness: SandboxHarness, _ entity: String, _ id: Int64) async throws -> [String: Any]? {
        try await harness.get("/atservicesrest/V1.0/\(entity)/\(id)").object?["item"] as? [String: Any]
    }

    /// The wire text of a JSON value, as a change report spells it.
    func text(_ value: Any?) -> String? {
        switch value {
        case nil, is NSNull: return nil
        case let string as String: return string
        case let number as Int: return String(number)
        case let number as Double: return String(number)
        case let bool as Bool: return bool ? "true" : "false"
        case let number as NSNumber: return number.stringValue
        default: return "\(value!)"
        }
    }

    @Test("advanceNight changes exactly what it reports, the same way for the same seed")
    func night() async throws {
        var reports: [[SandboxChange]] = []
        for _ in 0..<2 {
            try await SandboxHarness.with(.fixedDemo(seed: 5)) { harness throws in
                let changes = harness.sandbox.advanceNight()
                reports.append(changes)
                #expect(Set(changes.map(\.kind)).isSuperset(of: [.renew, .deactivate, .edit, .units, .link, .unlink]))
                for change in changes where change.field != nil {
                    let record = try #require(try await item(harness, change.entity, change.id))
                    let field = try #require(change.field)
                    if change.kind == .edit || change.kind == .units || change.kind == .deactivate {
                        let shown = text(record[field])
                        if let number = change.to.flatMap(Double.init), let value = shown.flatMap(Double.init) {
                            #expect(value == number, "\(change)")
                        } else {
                            #expect(shown == change.to, "\(change)")
                        }
                    }
                }
                let created = changes.filter { $0.kind == .renew && $0.field == nil }
                #expect(created.count == 1)
                if let renewal = created.first {
                    let old = try #require(Int64(renewal.from ?? ""))
                    let oldRecord = try #require(try await item(harness, "Contracts", old))
                    #expect(int(oldRecord["renewedContractID"]) == Int(renewal.id))
                    #expect(try await item(harness, "Contracts", renewal.id) != nil)
                }
                #expect(harness.sandbox.nightsAdvanced == 1)
            }
        }
        #expect(reports[0] == reports[1])
    }

    @Test("a night over HTTP reports its changes as JSON")
    func nightOverHTTP() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            let answer = try await harness.send(.POST, "/sandbox/night", auth: false)
            #expect(answer.status == 200)
            #expect(int(answer.object?["night"]) == 1)
            let changes = try #require(answer.object?["changes"] as? [[String: Any]])
            #expect(!changes.isEmpty)
            #expect(changes.allSatisfy { $0["entity"] is String && $0["kind"] is String && $0.keys.contains("from") })
        }
    }

    @Test("an edit changes the field and bumps lastModifiedDateTime")
    func edit() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            let before = try #require(try await item(harness, "Contracts", 1001))
            let changes = try harness.sandbox.edit(
                "contracts", id: 1001, ["ContractName": "Acme Renamed", "setupFee": 10.5])
            #expect(changes.map(\.field) == ["contractName", "setupFee"])
            let after = try #require(try await item(harness, "Contracts", 1001))
            #expect(after["contractName"] as? String == "Acme Renamed")
            #expect(text(after["lastModifiedDateTime"]) != text(before["lastModifiedDateTime"]))
            let byHTTP = try await harness.send(
                .PATCH, "/sandbox/Contracts/1002", body: #"{"description":"Changed"}"#, auth: false)
            #expect(byHTTP.status == 200)
            #expect(try await item(harness, "Contracts", 1002)?["description"] as? String == "Changed")
            let bad = try await harness.send(.PATCH, "/sandbox/Contracts/1002", body: #"{"nope":1}"#, auth: false)
            #expect(bad.status == 400)
        }
    }

    @Test("renewal creates the successor, copies services and moves configuration items")
    func renewal() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            let (newID, _) = try harness.sandbox.renewContract(1004)
            #expect(int(try await item(harness, "Contracts", 1004)?["renewedContractID"]) == Int(newID))
            let services = try await harness.get("/atservicesrest/V1.0/Contracts/\(newID)/Services")
            #expect(services.items.count == 3)
            let moved = try await harness.ids(
                "ConfigurationItems", filter: #"[{"op":"eq","field":"contractID","value":\#(newID)}]"#)
            #expect(moved == [5007, 5008, 5009])
            #expect(throws: SandboxAdminError.self) { try harness.sandbox.renewContract(1004) }
        }
    }

    @Test("deactivate, delete, link, unlink and set units")
    func otherActions() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            try harness.sandbox.deactivateContract(1003)
            #expect(int(try await item(harness, "Contracts", 1003)?["status"]) == 0)
            let deleted = try harness.sandbox.deleteContract(1010)
            #expect(deleted.contains { $0.kind == .delete && $0.entity == "Contracts" && $0.id == 1010 })
            #expect(try await harness.get("/atservicesrest/V1.0/Contracts/1010").body == #"{"item":null}"#)
            #expect(try await item(harness, "ConfigurationItems", 5017)?["contractID"] is NSNull)
            try harness.sandbox.linkConfigurationItem(5006, toContract: 1001, contractService: 3001)
            let linked = try #require(try await item(harness, "ConfigurationItems", 5006))
            #expect(int(linked["contractServiceID"]) == 3001)
            #expect(int(linked["serviceID"]) == 201)
            try harness.sandbox.unlinkConfigurationItem(5001)
            #expect(try await item(harness, "ConfigurationItems", 5001)?["contractID"] is NSNull)
            let units = try harness.sandbox.setUnits(contractService: 3002, units: 7)
            let row = try #require(units.first { $0.kind == .units })
            #expect(row.to == "7")
            #expect(int(try await item(harness, "ContractServiceUnits", row.id)?["units"]) == 7)
            let viaHTTP = try await harness.send(
                .POST, "/sandbox/contractServices/3002/units", body: #"{"units":9}"#, auth: false)
            #expect(viaHTTP.status == 200)
            #expect(int(try await item(harness, "ContractServiceUnits", row.id)?["units"]) == 9)
        }
    }
}
