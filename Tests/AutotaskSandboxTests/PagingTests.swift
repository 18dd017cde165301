import AutotaskSandbox
import Foundation
import Testing

@Suite("Paging, counts, single records and child collections")
struct PagingTests {
    static let small = SandboxConfiguration(
        dataset: .counts(companies: 12, contracts: 60, servicesPerContract: 2, configurationItems: 1234),
        today: SandboxConfiguration.fixedToday)

    @Test("GET paging follows nextPageUrl across pages in id order with no duplicates or gaps")
    func getPaging() async throws {
        try await SandboxHarness.with(Self.small) { harness throws in
            let search = #"{"MaxRecords":100,"filter":[{"op":"gte","field":"id","value":0}]}"#
            let first = try await harness.query("ConfigurationItems", search)
            #expect(first.status == 200)
            let details = try #require(first.object?["pageDetails"] as? [String: Any])
            #expect(int(details["count"]) == 100)
            #expect(int(details["requestCount"]) == 100)
            #expect(details["prevPageUrl"] is NSNull)
            let next = try #require(details["nextPageUrl"] as? String)
            #expect(
                next.hasPrefix(
                    harness.sandbox.baseURL.absoluteString
                        + "/atservicesrest/V1.0/ConfigurationItems/query/next?paging="))
            #expect(next.contains("&search="))
            let ids = try await harness.allIDs(first)
            #expect(ids.count == 1234)
            #expect(ids == ids.sorted())
            #expect(Set(ids).count == ids.count)
        }
    }

    @Test("POST paging re-sends the body to nextPageUrl and gets the same ids")
    func postPaging() async throws {
        try await SandboxHarness.with(Self.small) { harness throws in
            let body = #"{"maxRecords":250,"filter":[{"op":"exist","field":"contractID"}]}"#
            let first = try await harness.postQuery("ConfigurationItems", body)
            let posted = try await harness.allIDs(first, post: body)
            let viaGet = try await harness.allIDs(try await harness.query("ConfigurationItems", body))
            let count = try await harness.send(.POST, "/atservicesrest/V1.0/ConfigurationItems/query/count", body: body)
            #expect(posted == viaGet)
            #expect(posted.count == int(count.object?["queryCount"]))
            #expect(posted == posted.sorted())
        }
    }

    @Test("the next page is stable while records change (keyset paging on id)")
    func stablePaging() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            let first = try await harness.query(
                "Contracts", #"{"MaxRecords":4,"filter":[{"op":"gte","field":"id","value":0}]}"#)
            #expect(first.ids == [1001, 1002, 1003, 1004])
            try harness.sandbox.deleteContract(1002)
            let rest = try await harness.allIDs(first)
            #expect(rest.count == Set(rest).count)
            #expect(Array(rest.dropFirst(4).prefix(4)) == [1005, 1006, 1007, 1008])
            let second = try #require((first.object?["pageDetails"] as? [String: Any])?["nextPageUrl"] as? String)
            let page = try await harness.get(second)
            let back = try #require((page.object?["pageDetails"] as? [String: Any])?["prevPageUrl"] as? String)
            #expect(try await harness.get(back).ids == [1001, 1003, 1004, 1005])
        }
    }

    @Test("count answers queryCount by GET and POST")
    func count() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            let search = #"{"filter":[{"op":"eq","field":"contractType","value":7}]}"#
            let viaGet = try await harness.get(
                "/atservicesrest/V1.0/Contracts/query/count?search=" + harness.encode(search))
            #expect(viaGet.body == #"{"queryCount":5}"#)
            let viaPost = try await harness.send(.POST, "/atservicesrest/V1.0/Contracts/query/count", body: search)
            #expect(int(viaPost.object?["queryCount"]) == 5)
        }
    }

    @Test("get by id answers the item, or item null for a missing id")
    func getByID() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            let company = try await harness.get("/atservicesrest/V1.0/Companies/101")
            let item = try #require(company.object?["item"] as? [String: Any])
            #expect(item["companyName"] as? String == "Acme Dental Group")
            let tenant = try await harness.get("/atservicesrest/V1.0/Companies/0")
            #expect((tenant.object?["item"] as? [String: Any]) != nil)
            let missing = try await harness.get("/atservicesrest/V1.0/Companies/9999999")
            #expect(missing.status == 200)
            #expect(missing.body == #"{"item":null}"#)
        }
    }

    @Test("child collections list a contract's services, unit periods and bundles")
    func children() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            let services = try await harness.get("/atservicesrest/V1.0/Contracts/1001/Services")
            #expect(services.ids == [3001, 3002, 3003, 3004])
            #expect(services.items.allSatisfy { int($0["contractID"]) == 1001 })
            #expect(services.items.allSatisfy { $0.keys.contains("adjustedPrice") })
            let bundles = try await harness.get("/atservicesrest/V1.0/contracts/1001/servicebundles")
            #expect(bundles.ids == [3501])
            let units = try await harness.get("/atservicesrest/V1.0/Contracts/1001/ServiceUnits")
            let forService = units.items.filter { int($0["contractServiceID"]) == 3001 }
            #expect(forService.count == 25)
            let today = "2025-12-06T00:00:00Z"
            let current = forService.filter {
                ($0["startDate"] as? String ?? "") <= today && today <= ($0["endDate"] as? String ?? "")
            }
            #expect(current.count == 1)
            #expect(int(current.first?["units"]) == 25)
            let one = try await harness.get("/atservicesrest/V1.0/Contracts/1001/Services/3002")
            #expect(int((one.object?["item"] as? [String: Any])?["id"]) == 3002)
            let other = try await harness.get("/atservicesrest/V1.0/Contracts/1004/Services/3002")
            #expect(other.body == #"{"item":null}"#)
        }
    }
}
