import Foundation

/// The ledger's decisions: pure functions from current state and a command to the events to append.
///
/// Each returns the events in the order to append them (an empty array means "nothing to do", for
/// example an edit to the values a contract already has) or throws a ``LedgerError`` whose message
/// can be shown as is. They read no clock, random source, database or network: ids, run numbers
/// and Autotask data are passed in. Events for a new contract go to `contract/<new id>`, which the
/// caller appends with expected version 0.
public enum Decisions {
    /// Chooses the primary integration (`ledger` stream); nothing when it is already the one chosen.
    public static func setPrimaryIntegration(_ integration: PrimaryIntegration, settings: LedgerSettings)
        -> [LedgerEvent]
    {
        settings.primaryIntegration == integration ? [] : [PrimaryIntegrationSet(integration: integration).event]
    }

    /// Records how to reach Autotask (`ledger` stream); nothing when unchanged.
    ///
    /// The user name and integration code are required; URLs, when given, must be `https` (or `http`
    /// to a loopback host, for the sandbox). The secret is not an input: it never enters the log.
    public static func configureAutotaskConnection(
        _ connection: AutotaskConnectionConfigured, settings: LedgerSettings
    ) throws(LedgerError) -> [LedgerEvent] {
        var checked = connection
        checked.userName = connection.userName.trimmingCharacters(in: .whitespaces)
        checked.integrationCode = connection.integrationCode.trimmingCharacters(in: .whitespaces)
        for (label, text) in [("user name", checked.userName), ("integration code", checked.integrationCode)] {
            guard !text.isEmpty else {
                throw LedgerError(.invalidSettings, "the Autotask \(label) is required")
            }
            guard text.count <= 200, TextRules.forbiddenScalar(in: text) == nil, !text.contains(where: \.isNewline)
            else {
                throw LedgerError(.invalidSettings, "the Autotask \(label) must be one line of at most 200 characters")
            }
        }
        for (label, url) in [("discovery URL", checked.discoveryURL), ("zone URL", checked.zoneURL)] {
            guard let url else { continue }
            guard isAcceptableURL(url) else {
                throw LedgerError(
                    .invalidSettings,
                    "the Autotask \(label) \(LedgerFormat.quoted(url, limit: 80)) is not an https URL "
                        + "(http is allowed only to localhost)")
            }
        }
        return settings.connection == checked ? [] : [checked.event]
    }

    /// Notes, in an unfinished run's stream, that a later run found it never finished.
    ///
    /// Nothing when the run is finished or never started.
    public static func noticeInterruption(of run: SyncRunState, byRun laterRun: Int) -> [LedgerEvent] {
        guard run.status == .running else { return [] }
        return [SyncInterrupted(noticedByRun: laterRun).event]
    }

    private static func isAcceptableURL(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty,
            components.user == nil, components.password == nil
        else { return false }
        switch components.scheme?.lowercased() {
        case "https": return true
        case "http": return host == "localhost" || host == "127.0.0.1" || host == "::1" || host == "[::1]"
        default: return false
        }
    }
}
