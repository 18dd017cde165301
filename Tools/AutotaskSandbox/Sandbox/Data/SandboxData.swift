/// The sandbox's records and simulated time: everything the API serves and the admin API changes.
struct SandboxData: Sendable {
    var tables: [Table]
    let seed: UInt64
    /// Today as a day number (days since 1970, UTC).
    let today: Int
    /// Whether `today` was injected: then time is simulated and deterministic; else it is the real clock.
    let simulatedClock: Bool
    /// How many unit periods before and after the current one a recurring service gets.
    let unitWindow: UnitWindow
    /// Nights advanced so far.
    var nights = 0
    /// Changes made so far (drives the simulated clock).
    var changeTicks: Int64 = 0

    /// How many billing periods around today get a ContractServiceUnits row.
    struct UnitWindow: Sendable {
        var before: Int
        var after: Int
    }

    init(seed: UInt64, today: Int, simulatedClock: Bool, unitWindow: UnitWindow, firstIDs: [EntityKind: Int64]) {
        self.seed = seed
        self.today = today
        self.simulatedClock = simulatedClock
        self.unitWindow = unitWindow
        self.tables = EntityKind.allCases.map { kind in
            Table(schema: EntitySchema.of(kind), firstID: firstIDs[kind] ?? 1)
        }
    }

    subscript(kind: EntityKind) -> Table {
        get { tables[kind.rawValue] }
        _modify { yield &tables[kind.rawValue] }
    }

    /// The current day: today plus the nights advanced.
    var currentDay: Int { today + nights }

    /// The time a change made now is stamped with.
    mutating func changeTime(realNow: Int64) -> Int64 {
        changeTicks += 1
        guard simulatedClock else { return realNow }
        return Int64(currentDay) * Timestamp.millisPerDay + 2 * 3_600_000 + changeTicks * 1_000
    }

    /// The billing periods of a contract that get unit rows: the one holding the current day and the window around it.
    func unitPeriods(contract: Row) -> [(start: Int, end: Int)] {
        let schema = EntitySchema.of(.contracts)
        guard let start = contract[schema.index("startDate")].dateMillis.map(Timestamp.day(ofMillis:)),
            let end = contract[schema.index("endDate")].dateMillis.map(Timestamp.day(ofMillis:)), end >= start
        else { return [] }
        let months = Picklists.months(ofPeriodType: contract[schema.index("contractPeriodType")].intValue)
        var periods: [(start: Int, end: Int)] = []
        var index = 0
        var current: Int?
        while true {
            let periodStart = Timestamp.adding(months: index * months, to: start)
            if periodStart > end { break }
            let periodEnd = min(end, Timestamp.adding(months: (index + 1) * months, to: start) - 1)
            periods.append((periodStart, periodEnd))
            if periodStart <= currentDay, currentDay <= periodEnd { current = index }
            index += 1
            if index > 1200 { break }
        }
        guard !periods.isEmpty else { return [] }
        let anchor: Int
        if let current {
            anchor = current
        } else if currentDay < start {
            anchor = 0
        } else {
            anchor = periods.count - 1
        }
        let low = max(0, anchor - unitWindow.before)
        let high = min(periods.count - 1, anchor + unitWindow.after)
        return Array(periods[low...high])
    }

    /// Creates the ContractServiceUnits rows of a contract service for its contract's unit periods.
    ///
    /// Units grow slowly over time, so past periods have a little fewer than `units`; the current period has `units`.
    mutating func createUnitRows(contractService: Row, units: Int) -> [Int64] {
        let serviceSchema = EntitySchema.of(.contractServices)
        let unitSchema = EntitySchema.of(.contractServiceUnits)
        guard let contractID = contractService[serviceSchema.index("contractID")].intValue,
            let contract = self[.contracts].row(id: contractID)
        else { return [] }
        let unitPrice = contractService[serviceSchema.index("unitPrice")].doubleValue ?? 0
        let unitCost = contractService[serviceSchema.index("unitCost")].doubleValue ?? 0
        var created: [Int64] = []
        for period in unitPeriods(contract: contract) {
            let monthsBefore = max(0, (currentDay - period.end) / 30)
            let periodUnits = max(1, units - monthsBefore / 4)
            var row = unitSchema.emptyRow()
            let id = self[.contractServiceUnits].allocateID()
            row[0] = .int(id)
            row[unitSchema.index("contractID")] = .int(contractID)
            row[unitSchema.index("contractServiceID")] = contractService[0]
            row[unitSchema.index("serviceID")] = contractService[serviceSchema.index("serviceID")]
            row[unitSchema.index("startDate")] = .date(Int64(period.start) * Timestamp.millisPerDay, zulu: true)
            row[unitSchema.index("endDate")] = .date(Int64(period.end) * Timestamp.millisPerDay, zulu: true)
            Self.setUnits(periodUnits, unitPrice: unitPrice, unitCost: unitCost, in: &row)
            if period.end < currentDay {
                let posted = Int64(period.end + 2) * Timestamp.millisPerDay + 9 * 3_600_000 + 120_000
                row[unitSchema.index("approveAndPostDate")] = .date(posted, zulu: true)
            }
            self[.contractServiceUnits].append(row)
            created.append(id)
        }
        return created
    }

    /// Sets units and the price and cost that follow from them on a ContractServiceUnits row.
    static func setUnits(_ units: Int, unitPrice: Double, unitCost: Double, in row: inout Row) {
        let schema = EntitySchema.of(.contractServiceUnits)
        let price = (Double(units) * unitPrice * 100).rounded() / 100
        row[schema.index("units")] = .int(Int64(units))
        row[schema.index("price")] = .double(price)
        row[schema.index("internalCurrencyPrice")] = .double(price)
        row[schema.index("cost")] = .double((Double(units) * unitCost * 100).rounded() / 100)
    }

    /// The position of the unit row of a contract service whose period holds the current day.
    func currentUnitPosition(contractServiceID: Int64) -> Int? {
        let schema = EntitySchema.of(.contractServiceUnits)
        let table = self[.contractServiceUnits]
        let serviceField = schema.index("contractServiceID")
        let startField = schema.index("startDate")
        let endField = schema.index("endDate")
        let now = Int64(currentDay) * Timestamp.millisPerDay
        for position in table.positions(where: serviceField, equals: contractServiceID) {
            let row = table.rows[position]
            if let start = row[startField].dateMillis, let end = row[endField].dateMillis, start <= now, now <= end {
                return position
            }
        }
        return nil
    }
}
