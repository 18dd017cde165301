import Autotask
import AutotaskSandbox
import Foundation
import Testing

@Suite("Every filter operator against the demo data")
struct OperatorTests {
    static let cases: [(String, QueryFilter, [Int64])] = [
        ("eq", .eq("companyID", 101), [1001, 1002]),
        ("noteq", .noteq("status", 1), [1011]),
        ("gt", .gt("id", 1009), [1010, 1011]),
        ("gte", .gte("id", 1010), [1010, 1011]),
        ("lt", .lt("id", 1002), [1001]),
        ("lte", .lte("id", 1002), [1001, 1002]),
        ("beginsWith", .beginsWith("contractName", "Cedar"), [1005, 1006, 1007]),
        ("endsWith", .endsWith("contractName", "2025"), [1007]),
        ("contains", .contains("contractName", "managed"), [1001, 1004, 1006, 1007]),
        ("exist", .exist("renewedContractID"), [1006]),
        ("notExist", .notExist("renewedContractID"), [1001, 1002, 1003, 1004, 1005, 1007, 1008, 1009, 1010, 1011]),
        ("in", .in("id", [1003, 1001, 5]), [1001, 1003]),
        ("notIn", .notIn("companyID", [101, 102, 103, 104]), [1010, 1011]),
        ("and", .and(.eq("contractType", 7), .eq("companyID", 103)), [1006, 1007]),
        ("or", .or(.eq("id", 1001), .eq("contractType", 8)), [1001, 1009]),
        (
            "nested",
            .or(
                .and(.eq("companyID", 105), .eq("status", 0)),
                .and(.beginsWith("contractName", "Blue"), .eq("contractType", 3))),
            [1003, 1011]
        ),
    ]

    @Test("each operator selects the expected contracts", arguments: 0..<16)
    func operatorSelects(index: Int) async throws {
        let (name, filter, expected) = Self.cases[index]
        try await SandboxHarness.withSandbox { sandbox in
            try await SandboxHarness.withClient(sandbox) { client in
                let result = try await client.query(Contract.self, Query(filter))
                #expect(result.items.map(\.id) == expected, "\(name)")
                let count = try await client.count(Contract.self, Query(filter))
                #expect(count == expected.count, "\(name)")
            }
        }
    }

    @Test("every operator is covered by a case")
    func coverage() {
        let covered = Set(Self.cases.flatMap { Self.operators(in: $0.1) })
        #expect(covered == Set(QueryFilter.Operator.allCases))
    }

    static func operators(in filter: QueryFilter) -> [QueryFilter.Operator] {
        [filter.op] + filter.items.flatMap(operators(in:))
    }

    @Test("booleans, dates, picklists and a UDF filter real data")
    func typedValues() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            try await SandboxHarness.withClient(sandbox) { client in
                let inactive = try await client.query(ConfigurationItem.self, Query(.eq("isActive", false)))
                #expect(inactive.items.map(\.id) == [5014])
                let contracts = try await client.query(Contract.self).items
                let now = Date()
                let ended = try await client.query(Contract.self, Query(.lt("endDate", now)))
                let expectedEnded = contracts.filter { ($0.endDate ?? .distantFuture) < now }.map(\.id)
                #expect(ended.items.map(\.id) == expectedEnded)
                #expect(ended.items.map(\.id).contains(1011))
                let recurring = try await client.query(Contract.self, Query(.eq("contractType", PicklistValue(7))))
                #expect(recurring.items.map(\.id) == [1001, 1004, 1006, 1007, 1010])
                let navID = try await client.query(Company.self, Query(.eq("NAV ID", "NAV-10101", udf: true)))
                #expect(navID.items.map(\.id) == [101])
                #expect(navID.items.first?.userDefinedFields[udf: "NAV ID"] == "NAV-10101")
                let withUDF = try await client.query(Company.self, Query(.exist("NAV ID", udf: true)))
                #expect(withUDF.items.count == 7)
            }
        }
    }

    @Test("an unknown field fails at once with invalidQuery and Autotask's message")
    func unknownField() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let error = try await SandboxHarness.withClient(sandbox) { client in
                await SandboxHarness.error { _ = try await client.query(Contract.self, Query(.eq("projectID", 1))) }
            }
            let failure = try #require(error)
            #expect(failure.code == .invalidQuery)
            #expect(failure.attempts == 1)
            #expect(failure.serverMessages.contains { $0.contains("Unable to find projectID") })
            #expect(failure.message.contains("projectID"))
        }
    }

    @Test("a second UDF condition is refused by Autotask as an invalid query")
    func twoUDFs() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let error = try await SandboxHarness.withClient(sandbox) { client in
                await SandboxHarness.error {
                    _ = try await client.query(
                        Company.self,
                        Query(.exist("NAV ID", udf: true), .exist("Customer Tier", udf: true))
                    )
                }
            }
            #expect(error?.code == .invalidQuery)
        }
    }
}
