import Foundation

/// Everything a sandbox starts with: the data set, the API user, permissions, faults and the address.
public struct SandboxConfiguration: Sendable {
    /// Which records the sandbox serves.
    public var dataset: SandboxDataset
    /// The seed of every generated detail; the same seed (and `today`) gives byte-identical answers.
    public var seed: UInt64
    /// The day the sandbox takes as today (UTC); `nil` means the real date.
    ///
    /// When set, time is simulated: record changes are stamped from this day (plus the nights advanced),
    /// so runs are repeatable. When `nil`, changes are stamped with the real clock.
    public var today: Date?
    /// The API user the sandbox accepts.
    public var credentials: SandboxCredentials
    /// What the API user may see of contracts.
    public var permissions: SandboxPermissions
    /// Limits and injected faults; all off by default.
    public var faults: SandboxFaults
    /// Whether unknown filter operators are silently ignored, as Autotask does (when `false`, they answer 500).
    public var faithfulQuirks: Bool
    /// The address to listen on.
    public var host: String
    /// The port to listen on; 0 picks a free port.
    public var port: Int

    /// A configuration; every argument has a default.
    public init(
        dataset: SandboxDataset = .demo,
        seed: UInt64 = 1,
        today: Date? = nil,
        credentials: SandboxCredentials = SandboxCredentials(),
        permissions: SandboxPermissions = .full,
        faults: SandboxFaults = SandboxFaults(),
        faithfulQuirks: Bool = true,
        host: String = "127.0.0.1",
        port: Int = 0
    ) {
        self.dataset = dataset
        self.seed = seed
        self.today = today
        self.credentials = credentials
        self.permissions = permissions
        self.faults = faults
        self.faithfulQuirks = faithfulQuirks
        self.host = host
        self.port = port
    }
}

/// The records a sandbox serves.
///
/// `demo` has fixed ids, so tests and the demo can name them (details such as times come from the seed):
/// - Companies: 0 Northwind Managed Services (the tenant's own company), 101 Acme Dental Group,
///   102 Blue Harbor Logistics, 103 Cedar Ridge Law LLP, 104 Dunmore Veterinary Clinic,
///   105 Evergreen Accounting Partners, 106 Foxglove Design Studio (a prospect with no contracts).
/// - Contracts: 1001 Acme Managed IT Services (Recurring Service, 4 services 3001-3004, bundle 3501),
///   1002 Acme Project Hours (Time and Materials), 1003 Blue Harbor Network Refresh (Fixed Price),
///   1004 Blue Harbor Managed Network (Recurring Service, services 3005-3007), 1005 Cedar Ridge Block Hours,
///   1006 Cedar Ridge Managed Services 2024 (Recurring Service, ended, `renewedContractID` 1007, services 3008-3009),
///   1007 Cedar Ridge Managed Services 2025 (its renewal, services 3010-3012), 1008 Dunmore Retainer,
///   1009 Dunmore Per Ticket Support, 1010 Evergreen Cloud Backup (Recurring Service, services 3013-3014,
///   bundle 3502), 1011 Evergreen Legacy Support (Time and Materials, inactive: `status` 0).
/// - Services (catalogue) 201-210, Products 401-409, ContractServiceUnits from 7001 (monthly rows for the last
///   12 months, the current month and the next 12, within each contract's dates).
/// - ConfigurationItems 5001-5021: linked to a contract and a contract service (e.g. 5001-5004 to 1001),
///   to a contract only (5005, 5013), or unlinked (5006, 5010, 5015, 5016, 5020, 5021).
/// - Contract 1002 uses timestamps without `Z`; a few random records do too.
public enum SandboxDataset: Sendable, Equatable {
    /// A small, readable data set with fixed ids (see above).
    case demo
    /// About 500 companies, 5,000 contracts, 50,000 contract services and 100,000 configuration items.
    case msp
    /// A generated set of the given size (ids: companies from 1001, contracts from 100001,
    /// contract services from 1000001, configuration items from 2000001).
    case counts(companies: Int, contracts: Int, servicesPerContract: Int, configurationItems: Int)
}

/// The API user's credentials; the description never shows the secret.
public struct SandboxCredentials: Sendable, Equatable, CustomStringConvertible {
    /// The API user's user name (an email address).
    public var userName: String
    /// The integration's tracking identifier (`ApiIntegrationCode`).
    public var integrationCode: String
    /// The API user's secret.
    public var secret: String

    /// Credentials; the defaults are the sandbox's own.
    public init(
        userName: String = "api@sandbox.example",
        integrationCode: String = "SANDBOXINTEGRATIONCODE00001",
        secret: String = "sandbox-secret"
    ) {
        self.userName = userName
        self.integrationCode = integrationCode
        self.secret = secret
    }

    /// The user name and integration code; the secret is redacted.
    public var description: String {
        "SandboxCredentials(userName: \(userName), integrationCode: \(integrationCode), secret: <redacted>)"
    }
}
