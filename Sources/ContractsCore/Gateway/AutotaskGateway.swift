import Autotask
import Crypto
import Foundation
import Ledger
import Synchronization

/// Reads what the ledger needs from Autotask through the REST client and maps it to the domain's snapshots.
///
/// The domain never sees Autotask entities: browse, import and sync go through a gateway, which
/// loads the tenant's picklist labels once and keeps request counts for the events it records.
public final class AutotaskGateway: Sendable {
    /// The REST client.
    public let client: AutotaskClient
    private let loadedMapping = Mutex<AutotaskMapping?>(nil)
    private let today: @Sendable () -> Date

    /// Creates a gateway over a client; `today` decides the current unit period.
    public init(client: AutotaskClient, today: @escaping @Sendable () -> Date = { Date() }) {
        self.client = client
        self.today = today
    }

    /// The mapping, loading the picklists on first use.
    public func mapping() async throws -> AutotaskMapping {
        if let mapping = loadedMapping.withLock({ $0 }) { return mapping }
        let mapping = AutotaskMapping(picklists: try await AutotaskPicklists.load(from: client), today: today())
        loadedMapping.withLock { $0 = mapping }
        return mapping
    }

    /// The requests the client has made so far.
    public var requestsMade: Int { client.statistics.requests }

    /// A short digest of what came back, for the fetch events: SHA-256 over the canonical lines, hex, 16 characters.
    public static func digest(_ lines: [String]) -> String {
        var hasher = SHA256()
        for line in lines {
            hasher.update(data: Data(line.utf8))
            hasher.update(data: Data([0x0A]))
        }
        return hasher.finalize().prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}
