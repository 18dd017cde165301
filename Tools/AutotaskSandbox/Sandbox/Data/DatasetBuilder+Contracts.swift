/// What a generated contract looks like before its details are filled in.
struct ContractSpec {
    var id: Int64
    var companyID: Int64
    var name: String
    var type: Int64
    var category: Int64
    var start: Int
    var end: Int
    var status: Int64 = 1
    var periodType: Int64?
    var renewedContractID: Int64?
    var description: String?
}

extension DatasetBuilder {
    mutating func addContract(_ spec: ContractSpec, zulu forcedZulu: Bool? = nil) {
        let schema = EntitySchema.of(.contracts)
        let zulu = forcedZulu ?? randomZulu()
        var row = schema.emptyRow()
        func set(_ field: String, _ value: FieldValue) { row[schema.index(field)] = value }
        let months = max(1, (spec.end - spec.start) / 30)
        set("id", .int(spec.id))
        set("companyID", .int(spec.companyID))
        set("contractName", .string(spec.name))
        set("contractNumber", .string("CN-\(Timestamp.civil(days: spec.start).year)-\(spec.id)"))
        set("contractType", .int(spec.type))
        set("contractCategory", .int(spec.category))
        set("status", .int(spec.status))
        set("startDate", date(spec.start, zulu: zulu))
        set("endDate", date(spec.end, zulu: zulu))
        set("contractPeriodType", spec.periodType.map { .int($0) } ?? .null)
        set("billingPreference", .int(Int64(random.int(1...2))))
        set("timeReportingRequiresStartAndStopTimes", .int(0))
        set("estimatedRevenue", .double(Double(random.int(20...400) * 50 * months / 12)))
        set("estimatedCost", .double(Double(random.int(10...200) * 50 * months / 12)))
        set("estimatedHours", spec.type == 4 ? .double(Double(random.int(2...20) * 10)) : .double(0))
        set("setupFee", spec.type == 7 ? money(0...50_000) : .double(0))
        set("internalCurrencySetupFee", row[schema.index("setupFee")])
        set("overageBillingRate", spec.type == 4 ? .double(Double(random.int(120...180))) : .null)
        set("isCompliant", .bool(true))
        set("isDefaultContract", .bool(false))
        set("serviceLevelAgreementID", .int(Int64(random.int(1...2))))
        set("purchaseOrderNumber", random.chance(0.3) ? .string("PO-\(random.int(10_000...99_999))") : .null)
        set("description", spec.description.map { .string($0) } ?? .null)
        set("renewedContractID", spec.renewedContractID.map { .int($0) } ?? .null)
        set("lastModifiedDateTime", timestamp(daysAgo: 1...200, zulu: zulu))
        row[schema.udfIndex("LCI Owner")!] =
            random.chance(0.5) ? .string(random.pick(["Dana Whitfield", "Sam Ortiz", "Priya Natarajan"])) : .null
        row[schema.udfIndex("Renewal Notice Days")!] = .string(random.pick(["30.0000", "60.0000", "90.0000"]))
        data[.contracts].append(row)
    }

    /// Adds a contract service priced from the service catalogue, and its unit rows.
    mutating func addContractService(id: Int64, contractID: Int64, serviceID: Int64, units: Int) {
        let schema = EntitySchema.of(.contractServices)
        let catalogue = EntitySchema.of(.services)
        guard let service = data[.services].row(id: serviceID) else { preconditionFailure("no service \(serviceID)") }
        var row = schema.emptyRow()
        func set(_ field: String, _ value: FieldValue) { row[schema.index(field)] = value }
        let listPrice = service[catalogue.index("unitPrice")].doubleValue ?? 0
        let price = random.chance(0.25) ? (listPrice * 0.9 * 100).rounded() / 100 : listPrice
        set("id", .int(id))
        set("contractID", .int(contractID))
        set("serviceID", .int(serviceID))
        set("unitPrice", .double(price))
        set("internalCurrencyUnitPrice", .double(price))
        set("unitCost", service[catalogue.index("unitCost")])
        set("invoiceDescription", service[catalogue.index("name")])
        if random.chance(0.15) {
            let adjusted = (price * Double(units) * 0.95 * 100).rounded() / 100
            set("adjustedPrice", .double(adjusted))
            set("internalCurrencyAdjustedPrice", .double(adjusted))
        }
        data[.contractServices].append(row)
        _ = data.createUnitRows(contractService: row, units: units)
    }

    mutating func addBundle(id: Int64, contractID: Int64, bundleID: Int64, name: String, price: Int) {
        let schema = EntitySchema.of(.contractServiceBundles)
        var row = schema.emptyRow()
        func set(_ field: String, _ value: FieldValue) { row[schema.index(field)] = value }
        set("id", .int(id))
        set("contractID", .int(contractID))
        set("serviceBundleID", .int(bundleID))
        set("unitPrice", .double(Double(price) / 100))
        set("internalCurrencyUnitPrice", .double(Double(price) / 100))
        set("invoiceDescription", .string(name))
        data[.contractServiceBundles].append(row)
    }

    /// Adds a configuration item; `contractServiceID` also sets the service it delivers.
    mutating func addConfigurationItem(
        id: Int64, companyID: Int64, productID: Int64, title: String, contractID: Int64? = nil,
        contractServiceID: Int64? = nil, isActive: Bool = true
    ) {
        let schema = EntitySchema.of(.configurationItems)
        let zulu = randomZulu()
        var row = schema.emptyRow()
        func set(_ field: String, _ value: FieldValue) { row[schema.index(field)] = value }
        let product = data[.products].row(id: productID)
        let products = EntitySchema.of(.products)
        let category = product?[products.index("productCategory")].intValue ?? 1
        let name = product?[products.index("name")].wireText ?? ""
        let type: Int64
        switch category {
        case 2: type = 6
        case 3: type = 3
        default:
            type = name.contains("Server") || name.contains("ThinkSystem") || name.contains("Synology") ? 2 : 1
        }
        let installed = today - random.int(30...1400)
        set("id", .int(id))
        set("companyID", .int(companyID))
        set("productID", .int(productID))
        set("isActive", .bool(isActive))
        set("configurationItemType", .int(name.contains("iPhone") ? 5 : (name.contains("Brother") ? 4 : type)))
        set("configurationItemCategoryID", .int(random.chance(0.1) ? 2 : 1))
        set("referenceTitle", .string(title))
        set("serialNumber", category == 2 ? .null : .string(serial(10)))
        set("referenceNumber", random.chance(0.2) ? .string("REF-\(random.int(1000...9999))") : .null)
        set("installDate", date(installed, zulu: zulu))
        set("warrantyExpirationDate", category == 2 ? .null : date(installed + 365 * random.int(1...4), zulu: zulu))
        set("location", .string(random.pick(["Head office", "Branch", "Server room", "Remote"])))
        set("createDate", timestamp(daysAgo: (today - installed)...(today - installed + 5), zulu: zulu))
        set("createdByPersonID", .int(4))
        set("lastActivityPersonID", .int(4))
        set("lastActivityPersonType", .int(1))
        set("lastModifiedTime", timestamp(daysAgo: 1...(max(2, today - installed)), zulu: zulu))
        set("contractID", contractID.map { .int($0) } ?? .null)
        set("contractServiceID", contractServiceID.map { .int($0) } ?? .null)
        if let contractServiceID, let service = data[.contractServices].row(id: contractServiceID) {
            set("serviceID", service[EntitySchema.of(.contractServices).index("serviceID")])
        }
        let maker = product?[products.index("manufacturerName")] ?? .null
        row[schema.udfIndex("Warranty Provider")!] = category == 2 ? .null : maker
        row[schema.udfIndex("Asset Tag")!] = .string("AT-\(100_000 + id % 900_000)")
        data[.configurationItems].append(row)
    }

    /// The service and product catalogues shared by every data set.
    mutating func addCatalogues() {
        let services: [(String, Int, Int)] = [
            ("Managed Workstation", 4500, 1200), ("Managed Server", 17_500, 4000),
            ("Microsoft 365 Business Premium", 2200, 1850), ("Cloud Backup per TB", 6000, 2500),
            ("Firewall Management", 9500, 2000), ("Network Monitoring per Device", 800, 200),
            ("Help Desk per User", 3500, 1000), ("Endpoint Security", 750, 320), ("Managed Printer", 1200, 300),
            ("Email Security per Mailbox", 350, 120),
        ]
        for (offset, service) in services.enumerated() {
            addService(id: Int64(201 + offset), name: service.0, price: service.1, cost: service.2)
        }
        let products: [(String, String, Int64, Int)] = [
            ("OptiPlex 7010", "Dell", 1, 899), ("ProBook 450 G10", "HP", 1, 1049),
            ("ThinkSystem SR250 V2", "Lenovo", 1, 2899), ("Meraki MX68", "Cisco", 3, 749),
            ("UniFi U6 Pro", "Ubiquiti", 3, 159), ("Synology RS1221+", "Synology", 1, 1499),
            ("Brother HL-L6210DW", "Brother", 1, 399), ("iPhone 15", "Apple", 1, 799),
            ("Microsoft 365 Business Premium License", "Microsoft", 2, 22),
        ]
        for (offset, product) in products.enumerated() {
            addProduct(
                id: Int64(401 + offset), name: product.0, manufacturer: product.1, category: product.2, price: product.3
            )
        }
    }
}
