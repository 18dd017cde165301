extension DatasetBuilder {
    /// The `demo` data set; its ids are fixed (see `SandboxDataset.demo`), its details come from the seed.
    mutating func buildDemo() {
        addCatalogues()
        let companies: [(Int64, String, Int64)] = [
            (0, "Northwind Managed Services", 1), (101, "Acme Dental Group", 1), (102, "Blue Harbor Logistics", 1),
            (103, "Cedar Ridge Law LLP", 1), (104, "Dunmore Veterinary Clinic", 1),
            (105, "Evergreen Accounting Partners", 1), (106, "Foxglove Design Studio", 3),
        ]
        for company in companies { addCompany(id: company.0, name: company.1, type: company.2) }

        let m0 = monthStart(0)
        func months(_ count: Int, from day: Int) -> Int { Timestamp.adding(months: count, to: day) }
        let contracts: [ContractSpec] = [
            ContractSpec(
                id: 1001, companyID: 101, name: "Acme Managed IT Services", type: 7, category: 1,
                start: monthStart(-13), end: months(36, from: monthStart(-13)) - 1, periodType: 1,
                description: "Per-device managed IT for all Acme Dental practices."),
            ContractSpec(
                id: 1002, companyID: 101, name: "Acme Project Hours", type: 1, category: 3, start: monthStart(-6),
                end: monthStart(6) - 1, description: "Hourly project work billed as used."),
            ContractSpec(
                id: 1003, companyID: 102, name: "Blue Harbor Network Refresh", type: 3, category: 3,
                start: monthStart(-2), end: monthStart(4) - 1, description: "Fixed-price replacement of the WAN."),
            ContractSpec(
                id: 1004, companyID: 102, name: "Blue Harbor Managed Network", type: 7, category: 1,
                start: monthStart(-12), end: months(24, from: monthStart(-12)) - 1, periodType: 1),
            ContractSpec(
                id: 1005, companyID: 103, name: "Cedar Ridge Block Hours", type: 4, category: 2, start: monthStart(-3),
                end: monthStart(9) - 1),
            ContractSpec(
                id: 1006, companyID: 103, name: "Cedar Ridge Managed Services 2024", type: 7, category: 1,
                start: monthStart(-24), end: m0 - 1, periodType: 1, renewedContractID: 1007,
                description: "Renewed by contract 1007."),
            ContractSpec(
                id: 1007, companyID: 103, name: "Cedar Ridge Managed Services 2025", type: 7, category: 1, start: m0,
                end: monthStart(24) - 1, periodType: 1, description: "Renewal of contract 1006."),
            ContractSpec(
                id: 1008, companyID: 104, name: "Dunmore Retainer", type: 6, category: 2, start: monthStart(-5),
                end: monthStart(7) - 1),
            ContractSpec(
                id: 1009, companyID: 104, name: "Dunmore Per Ticket Support", type: 8, category: 2,
                start: monthStart(-1), end: monthStart(11) - 1),
            ContractSpec(
                id: 1010, companyID: 105, name: "Evergreen Cloud Backup", type: 7, category: 4, start: monthStart(-14),
                end: months(36, from: monthStart(-14)) - 1, periodType: 1),
            ContractSpec(
                id: 1011, companyID: 105, name: "Evergreen Legacy Support", type: 1, category: 2,
                start: monthStart(-30),
                end: monthStart(-6) - 1, status: 0, description: "Ended; kept for history."),
        ]
        for contract in contracts {
            addContract(contract, zulu: contract.id == 1002 ? false : (contract.id == 1001 ? true : nil))
        }

        let services: [(Int64, Int64, Int64, Int)] = [
            (3001, 1001, 201, 25), (3002, 1001, 202, 3), (3003, 1001, 203, 28), (3004, 1001, 204, 3),
            (3005, 1004, 205, 2), (3006, 1004, 206, 40), (3007, 1004, 207, 55),
            (3008, 1006, 201, 12), (3009, 1006, 208, 12),
            (3010, 1007, 201, 14), (3011, 1007, 208, 14), (3012, 1007, 203, 15),
            (3013, 1010, 204, 4), (3014, 1010, 203, 18),
        ]
        data[.contractServiceUnits].nextID = 7001
        for service in services {
            addContractService(id: service.0, contractID: service.1, serviceID: service.2, units: service.3)
        }
        addBundle(id: 3501, contractID: 1001, bundleID: 301, name: "Security Bundle", price: 12_500)
        addBundle(id: 3502, contractID: 1010, bundleID: 302, name: "Backup and Recovery Bundle", price: 9900)

        let items: [(Int64, Int64, Int64, String, Int64?, Int64?, Bool)] = [
            (5001, 101, 401, "ACME-WS-01", 1001, 3001, true), (5002, 101, 401, "ACME-WS-02", 1001, 3001, true),
            (5003, 101, 402, "ACME-LT-01", 1001, 3001, true), (5004, 101, 403, "ACME-SRV-01", 1001, 3002, true),
            (5005, 101, 404, "ACME-FW-01", 1001, nil, true), (5006, 101, 407, "ACME-PRN-01", nil, nil, true),
            (5007, 102, 404, "BHL-FW-01", 1004, 3005, true), (5008, 102, 405, "BHL-AP-01", 1004, 3006, true),
            (5009, 102, 405, "BHL-AP-02", 1004, 3006, true), (5010, 102, 401, "BHL-WS-01", nil, nil, true),
            (5011, 103, 401, "CRL-WS-01", 1007, 3010, true), (5012, 103, 402, "CRL-LT-01", 1007, 3010, true),
            (5013, 103, 406, "CRL-NAS-01", 1007, nil, true), (5014, 103, 401, "CRL-WS-OLD", 1006, 3008, false),
            (5015, 104, 402, "DVC-LT-01", nil, nil, true), (5016, 104, 408, "DVC-PHONE-01", nil, nil, true),
            (5017, 105, 403, "EAP-SRV-01", 1010, 3013, true), (5018, 105, 406, "EAP-NAS-01", 1010, 3013, true),
            (5019, 105, 409, "EAP-M365-TENANT", 1010, 3014, true), (5020, 105, 401, "EAP-WS-01", nil, nil, true),
            (5021, 0, 403, "NW-SRV-01", nil, nil, true),
        ]
        for item in items {
            addConfigurationItem(
                id: item.0, companyID: item.1, productID: item.2, title: item.3, contractID: item.4,
                contractServiceID: item.5, isActive: item.6)
        }
    }
}
