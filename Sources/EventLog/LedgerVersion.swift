/// The release of the ledger's software and the format of the files it writes, for `--version`.
public enum LedgerVersion {
    /// The release of the executables.
    public static let release = "0.9.0"

    /// The newest ledger format (log schema version) this release reads and writes.
    public static var format: Int { LogSchema.migrator.latestVersion }

    /// `0.9.0 (ledger format 4)`.
    public static var description: String { "\(release) (ledger format \(format))" }
}
