import Autotask
import AutotaskSandbox
import Foundation
import Testing

@Suite("Paging, lookups and metadata against the sandbox")
struct PagingAndEntitiesTests {
    static let counts = SandboxDataset.counts(
        companies: 20, contracts: 2_345, servicesPerContract: 1, configurationItems: 0)

    @Test("a query follows every page, by POST repeating the body and by GET", arguments: [QueryMethod.post, .get])
    func paging(method: QueryMethod) async throws {
        try await SandboxHarness.withSandbox(SandboxHarness.configuration(Self.counts)) { sandbox in
            let result = try await SandboxHarness.withClient(sandbox) { client in
                try await client.query(Contract.self, Query(maxRecords: 100), method: method)
            }
            #expect(result.items.count == 2_345)
            #expect(result.items.map(\.id) == Array(100_001...102_345))
            #expect(result.statistics.pages == 24)
            #expect(result.statistics.requests == 24)
            #expect(result.statistics.retries == 0)
            #expect(result.statistics.batches == 1)
            let log = sandbox.requestLog()
            #expect(log.count("Contracts", .query) == 1)
            #expect(log.count("Contracts", .next) == 23)
        }
    }

    @Test("a filtered GET query pages with its search kept", arguments: [QueryMethod.post, .get])
    func filteredPaging(method: QueryMethod) async throws {
        try await SandboxHarness.withSandbox(SandboxHarness.configuration(Self.counts)) { sandbox in
            try await SandboxHarness.withClient(sandbox) { client in
                let query = Query(
                    .gte("id", 101_000), .lt("id", 101_250), includeFields: ["contractName"], maxRecords: 60)
                let result = try await client.query(Contract.self, query, method: method)
                #expect(result.items.map(\.id) == Array(101_000..<101_250))
                #expect(result.statistics.pages == 5)
                #expect(result.items.allSatisfy { $0.contractName != nil && $0.companyID == nil })
                let count = try await client.count(Contract.self, query)
                #expect(count == 250)
            }
        }
    }

    @Test("get by id returns the record, or nil for a missing id")
    func getByID() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            try await SandboxHarness.withClient(sandbox) { client in
                let contract = try #require(try await client.get(Contract.self, id: 1006))
                #expect(contract.renewedContractID == 1007)
                #expect(contract.contractType == 7)
                #expect(contract.companyID == 103)
                #expect(contract.startDate != nil)
                #expect(contract.lastModifiedDateTime != nil)
                let missing = try await client.get(Contract.self, id: 999_999)
                #expect(missing == nil)
                let root = try await client.get(Company.self, id: 0)
                #expect(root?.companyName == "Northwind Managed Services")
                let timestampsWithoutZ = try await client.get(Contract.self, id: 1002)
                #expect(timestampsWithoutZ?.startDate != nil)
            }
        }
    }

    /// An entity the sandbox does not serve, to see a 404 on a lookup by id.
    struct Missing: AutotaskEntity {
        static let entityPath = "NoSuchEntities"
        var id: Int64
    }

    @Test("a 404 on a lookup by id also means no record")
    func notFoundIsNil() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            try await SandboxHarness.withClient(sandbox) { client in
                let missing = try await client.get(Missing.self, id: 1)
                #expect(missing == nil)
                let error = await SandboxHarness.error { _ = try await client.query(Missing.self) }
                #expect(error?.code == .notFound)
            }
        }
    }

    @Test("child collections of a contract: services, units, bundles")
    func childCollections() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            try await SandboxHarness.withClient(sandbox) { client in
                let services = try await client.contractServices(ofContract: 1001)
                #expect(services.items.map(\.id) == [3001, 3002, 3003, 3004])
                #expect(services.items.allSatisfy { $0.contractID == 1001 && $0.unitPrice != nil })
                let units = try await client.contractServiceUnits(ofContract: 1001)
                #expect(!units.items.isEmpty)
                #expect(units.items.allSatisfy { $0.contractID == 1001 && $0.startDate != nil && $0.units != nil })
                let bundles = try await client.contractServiceBundles(ofContract: 1001)
                #expect(bundles.items.map(\.id) == [3501])
                let flat = try await client.query(ContractService.self, Query(.eq("contractID", 1001)))
                #expect(flat.items.map(\.id) == services.items.map(\.id))
            }
            #expect(sandbox.requestLog().count("ContractServices", .child) == 1)
        }
    }

    @Test("services, configuration items and products decode from the sandbox")
    func catalogueAndAssets() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            try await SandboxHarness.withClient(sandbox) { client in
                let services = try await client.query(Service.self)
                #expect(services.items.map(\.id) == Array(201...210))
                #expect(services.items.allSatisfy { $0.name != nil && $0.unitPrice != nil && $0.periodType != nil })
                let items = try await client.query(ConfigurationItem.self, Query(.eq("contractID", 1001)))
                #expect(items.items.map(\.id) == [5001, 5002, 5003, 5004, 5005])
                #expect(items.items[0].contractServiceID == 3001)
                #expect(items.items[0].referenceTitle == "ACME-WS-01")
                #expect(items.items[4].contractServiceID == nil)
                let products = try await client.query(Product.self)
                #expect(products.items.count == 9)
                let bundles = try await client.query(ContractServiceBundle.self)
                #expect(bundles.items.map(\.id) == [3501, 3502])
            }
        }
    }

    @Test("entity information, field picklists and UDF definitions")
    func metadata() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            try await SandboxHarness.withClient(sandbox) { client in
                let info = try await client.entityInformation("Contracts")
                #expect(info.canQuery == true)
                #expect(info.userAccessForQuery == .all)
                let fields = try await client.fields("Contracts")
                let type = try #require(fields.first { $0.name.lowercased() == "contracttype" })
                #expect(type.isPickList == true)
                #expect(type.label(for: 7) != nil)
                let udfs = try await client.userDefinedFieldDefinitions("Companies")
                #expect(udfs.contains { $0.name == "NAV ID" })
            }
        }
    }

    @Test("client statistics count requests, pages and retries per endpoint")
    func statistics() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            try await SandboxHarness.withClient(sandbox) { client in
                _ = try await client.query(Contract.self, Query(maxRecords: 4))
                _ = try await client.count(Company.self)
                let statistics = client.statistics
                #expect(statistics.endpoints["Contracts"]?.pages == 3)
                #expect(statistics.endpoints["Contracts"]?.requests == 3)
                #expect(statistics.endpoints["Companies"]?.requests == 1)
                #expect(statistics.endpoints["zoneInformation"]?.requests == 1)
                #expect(statistics.requests == 5)
                #expect(statistics.retries == 0)
            }
        }
    }
}
