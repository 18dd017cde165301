import AutotaskSandbox
import Foundation
import Testing

@Suite("Query filters")
struct QueryOperatorTests {
    @Test("comparison operators select by the field's type")
    func comparisons() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            #expect(
                try await harness.ids("Contracts", filter: #"[{"op":"eq","field":"companyID","value":101}]"#) == [
                    1001, 1002,
                ])
            #expect(
                try await harness.ids("Contracts", filter: #"[{"op":"noteq","field":"status","value":1}]"#) == [1011])
            #expect(
                try await harness.ids("Contracts", filter: #"[{"op":"gt","field":"id","value":1009}]"#) == [1010, 1011])
            #expect(
                try await harness.ids("Contracts", filter: #"[{"op":"gte","field":"id","value":1010}]"#) == [
                    1010, 1011,
                ])
            #expect(try await harness.ids("Contracts", filter: #"[{"op":"lt","field":"id","value":1002}]"#) == [1001])
            #expect(
                try await harness.ids("Contracts", filter: #"[{"op":"lte","field":"id","value":"1002"}]"#) == [
                    1001, 1002,
                ])
            let recent = #"[{"op":"gt","field":"lastModifiedDateTime","value":"2000-01-01T00:00:00.000000Z"}]"#
            #expect(try await harness.ids("Contracts", filter: recent).count == 11)
            let future = #"[{"op":"gt","field":"lastModifiedDateTime","value":"2100-01-01T00:00:00"}]"#
            #expect(try await harness.ids("Contracts", filter: future).isEmpty)
        }
    }

    @Test("string operators are case-insensitive")
    func strings() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            #expect(
                try await harness.ids(
                    "Contracts", filter: #"[{"op":"beginsWith","field":"contractName","value":"acme"}]"#)
                    == [1001, 1002])
            #expect(
                try await harness.ids(
                    "Contracts", filter: #"[{"op":"endsWith","field":"contractName","value":"HOURS"}]"#)
                    == [1002, 1005])
            #expect(
                try await harness.ids(
                    "Contracts", filter: #"[{"op":"contains","field":"contractName","value":"harbor"}]"#)
                    == [1003, 1004])
            #expect(
                try await harness.ids(
                    "Contracts", filter: #"[{"op":"eq","field":"contractName","value":"dunmore retainer"}]"#)
                    == [1008])
        }
    }

    @Test("exist, notExist, in and notIn")
    func nullsAndLists() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            #expect(
                try await harness.ids("Contracts", filter: #"[{"op":"exist","field":"renewedContractID"}]"#) == [1006])
            #expect(
                try await harness.ids("Contracts", filter: #"[{"op":"notExist","field":"renewedContractID"}]"#).count
                    == 10)
            #expect(
                try await harness.ids("Contracts", filter: #"[{"op":"in","field":"contractType","value":[4,6]}]"#) == [
                    1005, 1008,
                ])
            let notIn = #"[{"op":"notIn","field":"companyID","value":[101,102,103,104]}]"#
            #expect(try await harness.ids("Contracts", filter: notIn) == [1010, 1011])
        }
    }

    @Test("nested and/or groups and the implicit top-level AND")
    func groups() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            let nested = #"""
                [{"op":"or","items":[{"op":"eq","field":"contractType","value":4},
                  {"op":"and","items":[{"op":"eq","field":"companyID","value":105},{"op":"eq","field":"status","value":0}]}]}]
                """#
            #expect(try await harness.ids("Contracts", filter: nested) == [1005, 1011])
            let both = #"[{"op":"eq","field":"companyID","value":103},{"op":"eq","field":"contractType","value":7}]"#
            #expect(try await harness.ids("Contracts", filter: both) == [1006, 1007])
        }
    }

    @Test("a UDF condition filters on the display name; a second UDF is an error")
    func userDefinedFields() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            let one = #"[{"op":"eq","field":"NAV ID","value":"nav-10101","udf":true}]"#
            #expect(try await harness.ids("Companies", filter: one) == [101])
            let two = #"""
                [{"op":"exist","field":"NAV ID","udf":true},{"op":"exist","field":"Customer Tier","udf":true}]
                """#
            let answer = try await harness.query("Companies", #"{"filter":\#(two)}"#)
            #expect(answer.status == 500)
            #expect(answer.error?.contains("one user-defined field") == true)
        }
    }

    @Test("booleans compare leniently from true, 1 and \"true\"")
    func booleans() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            let strict = try await harness.ids(
                "ConfigurationItems", filter: #"[{"op":"eq","field":"isActive","value":true}]"#)
            #expect(strict.count == 20)
            #expect(
                try await harness.ids("ConfigurationItems", filter: #"[{"op":"eq","field":"isActive","value":1}]"#)
                    == strict)
            #expect(
                try await harness.ids("ConfigurationItems", filter: #"[{"op":"eq","field":"isActive","value":"true"}]"#)
                    == strict)
            #expect(
                try await harness.ids("ConfigurationItems", filter: #"[{"op":"eq","field":"isActive","value":false}]"#)
                    == [5014])
        }
    }

    @Test("keys, operators and field names are matched case-insensitively")
    func caseInsensitiveQuery() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            let answer = try await harness.query(
                "contracts", #"{"Filter":[{"op":"EQ","field":"CompanyID","value":"101"}],"MaxRecords":1}"#)
            #expect(answer.ids == [1001])
        }
    }

    @Test("an unknown field answers 500 naming the field and the entity")
    func unknownField() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            let answer = try await harness.query(
                "Contracts", #"{"filter":[{"op":"eq","field":"projectID","value":1}]}"#)
            #expect(answer.status == 500)
            #expect(answer.object?["errors"] as? [String] == ["Unable to find projectID in the Contract Entity"])
        }
    }

    @Test("more than 500 OR conditions or in values answer 500")
    func orLimit() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            let values = (1...501).map(String.init).joined(separator: ",")
            let list = try await harness.postQuery(
                "Contracts", #"{"filter":[{"op":"in","field":"id","value":[\#(values)]}]}"#)
            #expect(list.status == 500)
            #expect(list.error == "Invalid query syntax. Queries are limited to 500 or fewer 'OR' conditions.")
            let items = (1...501).map { #"{"op":"eq","field":"id","value":\#($0)}"# }.joined(separator: ",")
            let group = try await harness.postQuery("Contracts", #"{"filter":[{"op":"or","items":[\#(items)]}]}"#)
            #expect(group.status == 500)
            let fine = (1...500).map(String.init).joined(separator: ",")
            let allowed = try await harness.postQuery(
                "Contracts", #"{"filter":[{"op":"in","field":"id","value":[\#(fine)]}]}"#)
            #expect(allowed.status == 200)
        }
    }

    @Test("an unknown operator is ignored by default and refused when quirks are off")
    func unknownOperator() async throws {
        let search = #"{"filter":[{"op":"ne","field":"companyID","value":101}]}"#
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            let answer = try await harness.query("Contracts", search)
            #expect(answer.status == 200)
            #expect(answer.ids.count == 11)
        }
        var strict = SandboxConfiguration.fixedDemo()
        strict.faithfulQuirks = false
        try await SandboxHarness.with(strict) { harness throws in
            let answer = try await harness.query("Contracts", search)
            #expect(answer.status == 500)
            #expect(answer.error != nil)
        }
    }

    @Test("IncludeFields returns the named fields plus id and userDefinedFields")
    func includeFields() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            let answer = try await harness.query(
                "Contracts", #"{"IncludeFields":["ContractName"],"filter":[{"op":"eq","field":"id","value":1001}]}"#)
            let item = try #require(answer.items.first)
            #expect(Set(item.keys) == ["id", "contractName", "userDefinedFields"])
            #expect(item["contractName"] as? String == "Acme Managed IT Services")
            let udfs = try #require(item["userDefinedFields"] as? [[String: Any]])
            #expect(udfs.map { $0["name"] as? String } == ["LCI Owner", "Renewal Notice Days"])
        }
    }

    @Test("items are flat with nulls present and timestamps in the Autotask form")
    func itemShape() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            let answer = try await harness.get("/atservicesrest/V1.0/Contracts/1001")
            let item = try #require(answer.object?["item"] as? [String: Any])
            #expect(item.keys.contains("renewedContractID"))
            #expect(item["renewedContractID"] is NSNull)
            let start = try #require(item["startDate"] as? String)
            #expect(start.hasSuffix("T00:00:00Z"))
            let modified = try #require(item["lastModifiedDateTime"] as? String)
            #expect(
                modified.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$"#, options: .regularExpression)
                    != nil)
            let plain = try await harness.get("/atservicesrest/V1.0/Contracts/1002")
            let old = try #require((plain.object?["item"] as? [String: Any])?["startDate"] as? String)
            #expect(old.hasSuffix("T00:00:00"))
            #expect(answer.body.hasSuffix(#"}]}}"#))
        }
    }
}
