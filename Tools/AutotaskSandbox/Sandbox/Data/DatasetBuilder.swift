/// Fills a `SandboxData` with records whose details (times, phone numbers, serials...) come from a seed.
struct DatasetBuilder {
    var data: SandboxData
    var random: SandboxRandom

    init(data: SandboxData) {
        self.data = data
        self.random = SandboxRandom(seed: data.seed, salt: 1)
    }

    var today: Int { data.today }

    /// The first day of the month `offset` months from the current month.
    func monthStart(_ offset: Int) -> Int {
        let date = Timestamp.civil(days: today)
        return Timestamp.adding(months: offset, to: Timestamp.days(year: date.year, month: date.month, day: 1))
    }

    /// Whether a record's timestamps end with `Z`: most do, a few use the older form without it.
    mutating func randomZulu() -> Bool {
        !random.chance(0.06)
    }

    /// A timestamp some days before today, with 0-3 fraction digits as real answers have.
    mutating func timestamp(daysAgo range: ClosedRange<Int>, zulu: Bool) -> FieldValue {
        let day = Int64(today - random.int(range))
        let seconds = Int64(random.int(0...86_399))
        let fraction: Int64
        switch random.int(0...3) {
        case 0: fraction = 0
        case 1: fraction = Int64(random.int(1...9)) * 100
        case 2: fraction = Int64(random.int(1...99)) * 10
        default: fraction = Int64(random.int(1...999))
        }
        return .date(day * Timestamp.millisPerDay + seconds * 1000 + fraction, zulu: zulu)
    }

    func date(_ day: Int, zulu: Bool) -> FieldValue {
        .date(Int64(day) * Timestamp.millisPerDay, zulu: zulu)
    }

    mutating func serial(_ count: Int) -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        for _ in 0..<count { bytes.append(alphabet[random.int(0...(alphabet.count - 1))]) }
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func money(_ range: ClosedRange<Int>) -> FieldValue {
        .double(Double(random.int(range)) / 100)
    }

    // MARK: Records

    mutating func addCompany(id: Int64, name: String, type: Int64, isActive: Bool = true) {
        let schema = EntitySchema.of(.companies)
        let zulu = randomZulu()
        var row = schema.emptyRow()
        let cities = [
            ("Springfield", "IL", "62701"), ("Portland", "OR", "97201"), ("Austin", "TX", "73301"),
            ("Columbus", "OH", "43004"), ("Raleigh", "NC", "27601"), ("Madison", "WI", "53703"),
        ]
        let city = random.pick(cities)
        let slug = String(name.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) }.prefix(20))
        func set(_ field: String, _ value: FieldValue) { row[schema.index(field)] = value }
        set("id", .int(id))
        set("companyName", .string(name))
        set("companyNumber", .string("C\(1000 + id)"))
        set("companyType", .int(type))
        set("isActive", .bool(isActive))
        set("ownerResourceID", .int(Int64(29_682_885 + random.int(0...4))))
        set("phone", .string("(555) \(random.int(200...989))-\(random.int(1000...9999))"))
        set("classification", .int(Int64(random.int(1...3))))
        set("address1", .string("\(random.int(10...9899)) \(random.pick(["Main", "Oak", "Market", "Lake"])) Street"))
        set("address2", .string(""))
        set("city", .string(city.0))
        set("state", .string(city.1))
        set("postalCode", .string(city.2))
        set("countryID", .int(237))
        set("webAddress", .string("www.\(slug).example"))
        set("isTaxExempt", .bool(false))
        set("currencyID", .int(1))
        set("invoiceNonContractItemsToParentCompany", .bool(false))
        set("isClientPortalActive", .bool(random.chance(0.3)))
        set("isEnabledForComanaged", .bool(false))
        set("isTaskFireActive", .bool(false))
        set("isSample", .bool(false))
        set("createdByResourceID", .int(4))
        set("createDate", timestamp(daysAgo: 700...3000, zulu: zulu))
        set("lastActivityDate", timestamp(daysAgo: 1...60, zulu: zulu))
        set("lastTrackedModifiedDateTime", timestamp(daysAgo: 61...600, zulu: zulu))
        row[schema.udfIndex("NAV ID")!] = .string("NAV-\(10_000 + id)")
        row[schema.udfIndex("Customer Tier")!] =
            type == 1 ? .string(random.pick(["Gold", "Silver", "Bronze"])) : .null
        data[.companies].append(row)
    }

    mutating func addService(id: Int64, name: String, price: Int, cost: Int) {
        let schema = EntitySchema.of(.services)
        let zulu = randomZulu()
        var row = schema.emptyRow()
        func set(_ field: String, _ value: FieldValue) { row[schema.index(field)] = value }
        set("id", .int(id))
        set("name", .string(name))
        set("description", .string("\(name), billed per unit"))
        set("invoiceDescription", .string(name))
        set("billingCodeID", .int(29_682_801))
        set("periodType", .int(1))
        set("unitPrice", .double(Double(price) / 100))
        set("unitCost", .double(Double(cost) / 100))
        set("markupRate", .null)
        set("isActive", .bool(true))
        set("sku", .string("SVC-\(id)"))
        set("creatorResourceID", .int(4))
        set("updateResourceID", .int(4))
        set("createDate", timestamp(daysAgo: 900...1500, zulu: zulu))
        set("lastModifiedDate", timestamp(daysAgo: 30...800, zulu: zulu))
        data[.services].append(row)
    }

    mutating func addProduct(id: Int64, name: String, manufacturer: String, category: Int64, price: Int) {
        let schema = EntitySchema.of(.products)
        var row = schema.emptyRow()
        func set(_ field: String, _ value: FieldValue) { row[schema.index(field)] = value }
        set("id", .int(id))
        set("name", .string(name))
        set("description", .string("\(manufacturer) \(name)"))
        set("manufacturerName", .string(manufacturer))
        set("manufacturerProductName", .string(name))
        set("sku", .string("PRD-\(id)"))
        set("productCategory", .int(category))
        set("productBillingCodeID", .int(29_682_810))
        set("unitPrice", .double(Double(price)))
        set("unitCost", .double((Double(price) * 0.8).rounded()))
        set("msrp", .double(Double(price)))
        set("isActive", .bool(true))
        set("isSerialized", .bool(category != 2))
        set("isEligibleForRma", .bool(category == 1))
        set("doesNotRequireProcurement", .bool(false))
        set("createdByResourceID", .int(4))
        set("createdTime", timestamp(daysAgo: 900...1500, zulu: randomZulu()))
        data[.products].append(row)
    }
}
