import Foundation
import Synchronization

/// The sandbox's shared state behind locks: the records, and the switches, counters and log.
final class SandboxCore: Sendable {
    let data: Mutex<SandboxData>
    let control: Mutex<ControlState>
    let credentials: SandboxCredentials
    let faithfulQuirks: Bool
    /// `http://host:port`, known once the server listens.
    let baseURL = Mutex("http://127.0.0.1:0")

    /// Switches and counters, changed by every request and by the admin API.
    struct ControlState: Sendable {
        var permissions: SandboxPermissions
        var faults: SandboxFaults
        var faultRandom: SandboxRandom
        var log = SandboxRequestLog()
        var window: [ContinuousClock.Instant] = []
        var windowStart = 0
        var inFlightByEndpoint: [SandboxEndpoint: Int] = [:]
        var inFlightByEntity: [String: Int] = [:]
        var inFlightByThreadKey: [String: Int] = [:]
        var eligibleRequests = 0
        let seed: UInt64
    }

    init(configuration: SandboxConfiguration) {
        let today: Int
        if let date = configuration.today {
            today = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        } else {
            today = Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))
        }
        let data: SandboxData
        switch configuration.dataset {
        case .demo:
            var builder = DatasetBuilder(
                data: SandboxData(
                    seed: configuration.seed, today: today, simulatedClock: configuration.today != nil,
                    unitWindow: .init(before: 12, after: 12), firstIDs: [:]))
            builder.buildDemo()
            data = builder.data
        case .msp:
            data = Self.generated(configuration, today: today, 500, 5000, 10, 100_000)
        case .counts(let companies, let contracts, let services, let items):
            data = Self.generated(configuration, today: today, companies, contracts, services, items)
        }
        self.data = Mutex(data)
        self.control = Mutex(
            ControlState(
                permissions: configuration.permissions, faults: configuration.faults,
                faultRandom: SandboxRandom(seed: configuration.faults.seed ?? configuration.seed, salt: 7),
                seed: configuration.seed))
        self.credentials = configuration.credentials
        self.faithfulQuirks = configuration.faithfulQuirks
    }

    private static func generated(
        _ configuration: SandboxConfiguration, today: Int, _ companies: Int, _ contracts: Int, _ services: Int,
        _ items: Int
    ) -> SandboxData {
        var builder = DatasetBuilder(
            data: SandboxData(
                seed: configuration.seed, today: today, simulatedClock: configuration.today != nil,
                unitWindow: .init(before: 1, after: 1), firstIDs: DatasetBuilder.generatedFirstIDs))
        builder.buildGenerated(
            companies: companies, contracts: contracts, servicesPerContract: services, configurationItems: items)
        return builder.data
    }

    var permissions: SandboxPermissions {
        control.withLock { $0.permissions }
    }

    /// The real time in milliseconds since 1970.
    static func realNow() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded())
    }
}

extension SandboxData {
    /// Whether a contract-scoped record is visible to a user restricted to `companies`.
    func isVisible(_ row: Row, kind: EntityKind, companies: Set<Int64>?) -> Bool {
        guard let companies, kind.isContractScoped else { return true }
        let contractSchema = EntitySchema.of(.contracts)
        if kind == .contracts {
            return row[contractSchema.index("companyID")].intValue.map(companies.contains) ?? false
        }
        let schema = EntitySchema.of(kind)
        guard let contractID = row[schema.index("contractID")].intValue,
            let contract = self[.contracts].row(id: contractID),
            let companyID = contract[contractSchema.index("companyID")].intValue
        else { return false }
        return companies.contains(companyID)
    }

    /// Up to `size` matching records with ids above `after`, in id order, and whether more follow.
    func page(
        _ kind: EntityKind, where condition: Condition, after: Int64, size: Int, companies: Set<Int64>?,
        extra: ((Row) -> Bool)? = nil
    ) -> (rows: [Row], more: Bool) {
        let table = self[kind]
        var found: [Row] = []
        var position = table.firstPosition(after: after)
        while position < table.count {
            let row = table.rows[position]
            position += 1
            guard extra?(row) ?? true, condition.matches(row), isVisible(row, kind: kind, companies: companies)
            else { continue }
            if found.count == size { return (found, true) }
            found.append(row)
        }
        return (found, false)
    }

    /// The number of matching records.
    func count(_ kind: EntityKind, where condition: Condition, companies: Set<Int64>?) -> Int {
        var total = 0
        for row in self[kind].rows where condition.matches(row) && isVisible(row, kind: kind, companies: companies) {
            total += 1
        }
        return total
    }
}
