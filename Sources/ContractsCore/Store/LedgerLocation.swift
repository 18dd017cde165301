import Foundation

/// Where a command finds the ledger file when no path is given on its command line.
public enum LedgerLocation {
    /// `option`, else `CONTRACTS_LEDGER`, else `$XDG_DATA_HOME/contracts/ledger.sqlite`, else
    /// `~/.local/share/contracts/ledger.sqlite`.
    public static func resolve(_ option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let variable = environment["CONTRACTS_LEDGER"], !variable.isEmpty { return variable }
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return dataHome + "/contracts/ledger.sqlite"
    }
}
