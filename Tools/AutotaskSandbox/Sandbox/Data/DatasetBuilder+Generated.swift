extension DatasetBuilder {
    /// First ids of the generated (`msp` and `counts`) data sets.
    static let generatedFirstIDs: [EntityKind: Int64] = [
        .companies: 1001, .contracts: 100_001, .contractServices: 1_000_001, .contractServiceUnits: 5_000_001,
        .contractServiceBundles: 900_001, .services: 201, .configurationItems: 2_000_001, .products: 401,
    ]

    /// A generated data set of the given size; company 0 is the tenant, ids follow `generatedFirstIDs`.
    mutating func buildGenerated(companies: Int, contracts: Int, servicesPerContract: Int, configurationItems: Int) {
        let contracts = max(0, contracts)
        let servicesPerContract = max(0, servicesPerContract)
        let configurationItems = max(0, configurationItems)
        addCatalogues()
        addCompany(id: 0, name: "Northwind Managed Services", type: 1)
        let first = Self.generatedFirstIDs
        let stems = [
            "Acme", "Bluebird", "Cascade", "Delta", "Elmwood", "Fairview", "Granite", "Harbor", "Ironwood",
            "Juniper", "Keystone", "Lakeside", "Maple", "Northgate", "Oakridge", "Pioneer", "Quarry", "Riverbend",
            "Summit", "Timberline", "Union", "Valley", "Westfield", "Yellowstone",
        ]
        let trades = [
            "Dental", "Logistics", "Law", "Veterinary", "Accounting", "Design", "Construction", "Medical",
            "Insurance", "Realty", "Engineering", "Manufacturing", "Foods", "Schools", "Credit Union", "Clinic",
        ]
        let companyCount = max(0, companies)
        var companyIDs: [Int64] = []
        var codes: [Int64: String] = [:]
        for index in 0..<companyCount {
            let id = first[.companies]! + Int64(index)
            let stem = stems[index % stems.count]
            let trade = trades[(index / stems.count) % trades.count]
            let round = index / (stems.count * trades.count)
            let name = round == 0 ? "\(stem) \(trade)" : "\(stem) \(trade) \(round + 1)"
            let holdsContracts = index < companyCount - companyCount / 20
            addCompany(id: id, name: name, type: holdsContracts ? 1 : 3, isActive: true)
            companyIDs.append(id)
            codes[id] = String(stem.prefix(3)).uppercased() + String(index)
        }
        let holders = Array(companyIDs.prefix(max(companyCount > 0 ? 1 : 0, companyCount - companyCount / 20)))
        guard !holders.isEmpty else { return }

        // Plan the contracts: per company, types and dates; a few are renewals of the one before.
        var specs: [ContractSpec] = []
        var nextContract = first[.contracts]!
        for (offset, companyID) in holders.enumerated() {
            let share = contracts / holders.count + (offset < contracts % holders.count ? 1 : 0)
            var previous: ContractSpec?
            for number in 0..<share {
                let recurring = number == 0 || random.chance(0.7)
                let type: Int64 = recurring ? 7 : random.pick([1, 3, 4, 6, 8])
                var spec: ContractSpec
                if let prior = previous, prior.end < today + 60, prior.renewedContractID == nil, random.chance(0.1) {
                    spec = prior
                    spec.start = prior.end + 1
                    spec.end = Timestamp.adding(months: 12, to: spec.start) - 1
                    spec.name = prior.name + " (renewal)"
                    specs[specs.count - 1].renewedContractID = nextContract
                } else {
                    let start = monthStart(-random.int(0...30))
                    let length = random.pick([12, 24, 36])
                    spec = ContractSpec(
                        id: 0, companyID: companyID,
                        name:
                            "\(codes[companyID]!) \(Picklists.label(type, in: Picklists.contractType)!) \(number + 1)",
                        type: type, category: type == 7 ? 1 : Int64(random.int(2...5)), start: start,
                        end: Timestamp.adding(months: length, to: start) - 1,
                        periodType: type == 7 ? (random.chance(0.7) ? 1 : Int64(random.int(2...4))) : nil)
                }
                spec.id = nextContract
                spec.renewedContractID = nil
                spec.status = random.chance(0.04) ? 0 : 1
                nextContract += 1
                specs.append(spec)
                previous = spec
            }
        }
        for spec in specs { addContract(spec) }

        // Services go to recurring contracts only, spread evenly.
        let recurring = specs.filter { $0.type == 7 }
        let totalServices = contracts * servicesPerContract
        var servicesByContract: [Int64: [Int64]] = [:]
        var nextService = first[.contractServices]!
        var nextBundle = first[.contractServiceBundles]!
        for (offset, contract) in recurring.enumerated() {
            let share = totalServices / recurring.count + (offset < totalServices % recurring.count ? 1 : 0)
            var ids: [Int64] = []
            for number in 0..<share {
                let serviceID = Int64(201 + (number + offset) % 10)
                addContractService(
                    id: nextService, contractID: contract.id, serviceID: serviceID, units: random.int(1...60))
                ids.append(nextService)
                nextService += 1
            }
            servicesByContract[contract.id] = ids
            if random.chance(0.1) {
                addBundle(
                    id: nextBundle, contractID: contract.id, bundleID: Int64(301 + random.int(0...1)),
                    name: "Security Bundle", price: random.int(5000...20_000))
                nextBundle += 1
            }
        }

        // Configuration items: spread over companies, most linked to a contract (and often a service).
        var contractsByCompany: [Int64: [Int64]] = [:]
        for spec in specs where spec.status == 1 { contractsByCompany[spec.companyID, default: []].append(spec.id) }
        var nextItem = first[.configurationItems]!
        for (offset, companyID) in companyIDs.enumerated() {
            let share = configurationItems / companyIDs.count + (offset < configurationItems % companyIDs.count ? 1 : 0)
            for number in 0..<share {
                var contractID: Int64?
                var contractServiceID: Int64?
                if let owned = contractsByCompany[companyID], random.chance(0.6) {
                    let chosen = random.pick(owned)
                    contractID = chosen
                    if let services = servicesByContract[chosen], !services.isEmpty, random.chance(0.7) {
                        contractServiceID = random.pick(services)
                    }
                }
                let productID = Int64(401 + random.int(0...8))
                addConfigurationItem(
                    id: nextItem, companyID: companyID, productID: productID,
                    title: "\(codes[companyID]!)-\(number + 1)",
                    contractID: contractID, contractServiceID: contractServiceID, isActive: !random.chance(0.05))
                nextItem += 1
            }
        }
    }
}
