import Foundation
import Testing

@testable import Autotask

@Suite("Encoding filters and queries to the wire JSON")
struct QueryFilterEncodingTests {
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test(
        "every comparison and string operator encodes op, field and value",
        arguments: [
            (QueryFilter.eq("id", 5), #"{"field":"id","op":"eq","value":5}"#),
            (.noteq("status", 0), #"{"field":"status","op":"noteq","value":0}"#),
            (.gt("id", Int64(725)), #"{"field":"id","op":"gt","value":725}"#),
            (
                .gte("estimatedRevenue", Decimal(string: "10.5")!),
                #"{"field":"estimatedRevenue","op":"gte","value":10.5}"#
            ),
            (.lt("contractType", PicklistValue(7)), #"{"field":"contractType","op":"lt","value":7}"#),
            (.lte("contractName", "M"), #"{"field":"contractName","op":"lte","value":"M"}"#),
            (.beginsWith("contractName", "Acme"), #"{"field":"contractName","op":"beginsWith","value":"Acme"}"#),
            (.endsWith("contractName", "2025"), #"{"field":"contractName","op":"endsWith","value":"2025"}"#),
            (.contains("contractName", "Managed"), #"{"field":"contractName","op":"contains","value":"Managed"}"#),
            (.eq("isActive", true), #"{"field":"isActive","op":"eq","value":true}"#),
        ]
    )
    func comparisons(filter: QueryFilter, expected: String) throws {
        #expect(try Self.json(filter) == expected)
    }

    @Test("exist and notExist carry no value")
    func nullTests() throws {
        #expect(try Self.json(QueryFilter.exist("endDate")) == #"{"field":"endDate","op":"exist"}"#)
        #expect(try Self.json(QueryFilter.notExist("endDate")) == #"{"field":"endDate","op":"notExist"}"#)
    }

    @Test("in and notIn carry arrays of integers or strings")
    func lists() throws {
        #expect(try Self.json(QueryFilter.in("id", [1, 2, 3])) == #"{"field":"id","op":"in","value":[1,2,3]}"#)
        #expect(
            try Self.json(QueryFilter.notIn("contractName", ["a", "b"]))
                == #"{"field":"contractName","op":"notIn","value":["a","b"]}"#
        )
        let ids: [Int64] = [10, 20]
        #expect(
            try Self.json(QueryFilter.in("contractID", ids)) == #"{"field":"contractID","op":"in","value":[10,20]}"#)
    }

    @Test("and and or groups nest, with items and no field")
    func groups() throws {
        let filter = QueryFilter.or(
            .and(.eq("companyID", 101), .gte("endDate", "2025-01-01T00:00:00Z")),
            .contains("contractName", "x")
        )
        #expect(
            try Self.json(filter)
                == #"{"items":[{"items":[{"field":"companyID","op":"eq","value":101},{"field":"endDate","op":"gte","value":"2025-01-01T00:00:00Z"}],"op":"and"},{"field":"contractName","op":"contains","value":"x"}],"op":"or"}"#
        )
    }

    @Test("udf conditions add udf true and use the label as field")
    func udf() throws {
        #expect(try Self.json(QueryFilter.exist("NAV ID", udf: true)) == #"{"field":"NAV ID","op":"exist","udf":true}"#)
        #expect(
            try Self.json(QueryFilter.eq("Region", "West", udf: true))
                == #"{"field":"Region","op":"eq","udf":true,"value":"West"}"#
        )
    }

    @Test("dates encode as UTC timestamps with milliseconds and Z")
    func dates() throws {
        let date = Date(timeIntervalSince1970: 1_714_564_800.5)
        #expect(
            try Self.json(QueryFilter.gt("lastModifiedDateTime", date))
                == #"{"field":"lastModifiedDateTime","op":"gt","value":"2024-05-01T12:00:00.500Z"}"#
        )
    }

    @Test("the operators are the whole grammar")
    func operatorList() {
        #expect(
            QueryFilter.Operator.allCases.map(\.rawValue) == [
                "eq", "noteq", "gt", "gte", "lt", "lte", "beginsWith", "endsWith", "contains", "exist", "notExist",
                "in", "notIn", "and", "or",
            ]
        )
    }

    @Test("a query encodes filter, includeFields with id, and a clamped maxRecords")
    func queryBody() throws {
        let query = Query(.eq("companyID", 101), includeFields: ["contractName"], maxRecords: 900)
        #expect(
            String(decoding: try query.jsonBody(), as: UTF8.self)
                == #"{"filter":[{"field":"companyID","op":"eq","value":101}],"includeFields":["id","contractName"],"maxRecords":500}"#
        )
        #expect(
            String(decoding: try Query.all.jsonBody(), as: UTF8.self)
                == #"{"filter":[{"field":"id","op":"gte","value":0}]}"#)
        #expect(
            String(decoding: try Query(.eq("id", 1), maxRecords: 10).countBody(), as: UTF8.self)
                == #"{"filter":[{"field":"id","op":"eq","value":1}]}"#
        )
    }

    @Test("long in lists split into batches of the limit, without duplicate values")
    func batching() throws {
        let ids = Array(1...1_200) + [5, 6]
        let query = Query(.in("id", ids), .eq("status", 1))
        let batches = query.batches(inListLimit: 400)
        #expect(batches.count == 3)
        #expect(batches.map { $0.filter[0].value?.count } == [400, 400, 400])
        #expect(batches.allSatisfy { $0.filter[1] == .eq("status", 1) })
        #expect(Query(.in("id", Array(1...400))).batches(inListLimit: 400).count == 1)
    }

    @Test("lists nested in groups split too; two long lists multiply")
    func nestedBatching() throws {
        let nested = Query(.or(.in("id", Array(1...10)), .eq("companyID", 3)))
        let batches = nested.batches(inListLimit: 4)
        #expect(batches.count == 3)
        #expect(!nested.longListsAreConjunctive(limit: 4))
        let double = Query(.in("id", Array(1...6)), .in("companyID", Array(1...6)))
        #expect(double.batches(inListLimit: 3).count == 4)
        #expect(double.longListsAreConjunctive(limit: 3))
    }

    @Test("an empty in list under and matches nothing and needs no request")
    func emptyList() {
        #expect(Query(.in("id", [Int]())).batches(inListLimit: 400).isEmpty)
        #expect(Query(.or(.in("id", [Int]()), .eq("id", 1))).batches(inListLimit: 400).count == 1)
    }

    @Test("URL query values are percent-encoded except unreserved characters")
    func percentEncoding() {
        #expect(AutotaskClient.percentEncoded(#"{"a":"b c"}"#) == "%7B%22a%22%3A%22b%20c%22%7D")
        #expect(AutotaskClient.percentEncoded("api+user@example.com") == "api%2Buser%40example.com")
        #expect(AutotaskClient.percentEncoded("A-z_0.9~") == "A-z_0.9~")
    }

    @Test("zone URLs are normalised to one trailing slash without a version")
    func zoneNormalisation() {
        #expect(
            AutotaskClient.normalizedRoot("https://ws5.autotask.net/atservicesrest")
                == "https://ws5.autotask.net/atservicesrest/")
        #expect(
            AutotaskClient.normalizedRoot("https://ws5.autotask.net/atservicesrest//")
                == "https://ws5.autotask.net/atservicesrest/")
        #expect(
            AutotaskClient.normalizedRoot("https://ws5.autotask.net/ATServicesRest/V1.0/")
                == "https://ws5.autotask.net/ATServicesRest/")
        #expect(AutotaskClient.sameOrigin("https://A.example/x", "https://a.example:443/y"))
        #expect(!AutotaskClient.sameOrigin("https://evil.example/x", "https://a.example/y"))
        #expect(!AutotaskClient.sameOrigin("http://a.example/x", "https://a.example/y"))
    }
}
