/// How hard the campaigns try: counts for `swift test` (short) or the full run.
public struct CampaignScale: Sendable {
    /// SIGKILLs to land (spread over sync, import and raw appends).
    public var kills: Int
    /// Whether the fault matrix runs every pair of switches (otherwise the singles and a couple of pairs).
    public var allFaultPairs: Bool
    /// Tampers of each kind.
    public var tampersPerKind: Int
    /// Rounds of concurrent processes.
    public var concurrencyRounds: Int
    /// Processes per concurrency round.
    public var concurrentProcesses: Int
    /// Bodies fed to the Autotask decoders.
    public var decoderInputs: Int
    /// Command lines fed to `contracts`.
    public var commandLines: Int
    /// Hostile-server trials (zone answers, Retry-After values, paging, bodies); all of them at full scale.
    public var hostileTrials: Int
    /// Full-disk trials, each on a tmpfs of its own.
    public var diskFullTrials: Int
    /// Rounds of the file-system checks.
    public var fileSystemRounds: Int

    /// A scale; see the properties.
    public init(
        kills: Int, allFaultPairs: Bool, tampersPerKind: Int, concurrencyRounds: Int, concurrentProcesses: Int,
        decoderInputs: Int, commandLines: Int, hostileTrials: Int, diskFullTrials: Int, fileSystemRounds: Int
    ) {
        self.kills = kills
        self.allFaultPairs = allFaultPairs
        self.tampersPerKind = tampersPerKind
        self.concurrencyRounds = concurrencyRounds
        self.concurrentProcesses = concurrentProcesses
        self.decoderInputs = decoderInputs
        self.commandLines = commandLines
        self.hostileTrials = hostileTrials
        self.diskFullTrials = diskFullTrials
        self.fileSystemRounds = fileSystemRounds
    }

    /// The version inside `swift test`: a handful of each.
    public static let short = CampaignScale(
        kills: 6, allFaultPairs: false, tampersPerKind: 1, concurrencyRounds: 1, concurrentProcesses: 6,
        decoderInputs: 400, commandLines: 24, hostileTrials: 12, diskFullTrials: 2, fileSystemRounds: 1)

    /// The full run of `ledger-campaigns`.
    public static let full = CampaignScale(
        kills: 60, allFaultPairs: true, tampersPerKind: 8, concurrencyRounds: 8, concurrentProcesses: 8,
        decoderInputs: 20_000, commandLines: 300, hostileTrials: 1_000, diskFullTrials: 10, fileSystemRounds: 3)
}
