import ContractsCore
import Foundation

/// The demo's steps, in sections, so that later features add their own section with one line.
enum DemoScript {
    /// Every step, in order.
    static func steps(_ context: DemoContext) -> [DemoStep] {
        setupSteps(context) + browseSteps + importSteps + editSteps + syncSteps
    }

    /// Create the ledger, connect to the sandbox and check the API user's access.
    static func setupSteps(_ context: DemoContext) -> [DemoStep] {
        [
            .command("Create a ledger with Autotask as the primary integration", ["init", "--primary", "autotask"]),
            .command(
                "Connect to Autotask (the secret comes from AUTOTASK_SECRET, never an argument)",
                [
                    "connect", "--discovery-url", context.sandbox.discoveryURL.absoluteString, "--user",
                    context.sandbox.credentials.userName, "--integration-code",
                    context.sandbox.credentials.integrationCode,
                ]),
            .command("Check that the API user can see every contract", ["check-access"]),
        ]
    }

    /// Find a company and look at its contracts, then at the services under them.
    static let browseSteps: [DemoStep] = [
        .command("List the active Autotask companies", ["companies"]),
        .command("Find a company by name", ["companies", "--search", "acme"]),
        .command("Browse Acme Dental Group's contracts (the fetch is recorded)", ["browse", "--company", "101"]),
        .command(
            "Browse again, with the services under each contract", ["browse", "--company", "101", "--show-services"]),
    ]

    /// Import a whole contract (with its assets) and a single service.
    static let importSteps: [DemoStep] = [
        .command(
            "Import a whole contract: Autotask is primary, so its configuration items come too",
            ["import", "--company", "101", "--contract", "1001"]),
        .command(
            "Import one service of another company's contract (no assets at service level)",
            ["import", "--company", "102", "--service", "3006"]),
        .command("List the contracts: imported ones are marked **", ["list"]),
        .command(
            "Show an imported contract: each field with its owner, the assets, the Autotask ids", ["show", "LC-1"]),
    ]

    /// Edits refused and allowed, a copy, the history, and a repeated import refused.
    static let editSteps: [DemoStep] = [
        .command(
            "Try to edit a field Autotask owns: refused, with both ways forward",
            ["edit", "LC-1", "--set", "endDate=2030-12-31"], expect: .refusal(.refused)),
        .command(
            "Edit LCI's own fields of the imported contract",
            [
                "edit", "LC-1", "--set", "notes=Review the device count with the practice manager", "--set",
                "impact=High",
            ]),
        .command("Copy the imported contract to a native LCI contract", ["copy", "LC-1"]),
        .command(
            "Edit the copy: every field is editable",
            ["edit", "LC-3", "--set", "endDate=2030-12-31", "--set", "name=Acme Managed IT (renewal draft)"]),
        .command("List again: the copy is not marked **", ["list"]),
        .command("The history of the imported contract", ["history", "LC-1"]),
        .command(
            "Import the same contract again: refused, naming the LCI contract",
            ["import", "--company", "101", "--contract", "1001"], expect: .refusal(.refused)),
        .command("The event log", ["log"]),
    ]

    /// Two simulated nights with a sync after each, the runs, a diff between them, a renewal followed
    /// and a replay audit.
    static let syncSteps: [DemoStep] = [
        .command("Sync now: nothing changed in Autotask, so no contract events", ["sync"]),
        .note("Night 1 in Autotask: LC-1's price, end date and assets drift, and LC-2's service price and units") {
            context in
            DemoNight.summary(try DemoNight.driftImported(context.sandbox))
        },
        .command(
            "The nightly sync records exactly what drifted, one line per change", ["sync", "--trigger", "nightly"]),
        .note("Night 2 in Autotask: the rest of the tenant drifts (renewals, deactivations, assets)") { context in
            DemoNight.summary(context.sandbox.advanceNight())
        },
        .command("Sync again", ["sync", "--trigger", "nightly"]),
        .command("The sync runs", ["runs"]),
        .command("What changed between the end of run 1 and the end of run 3, each change once", ["diff", "1", "3"]),
        .note("Night 3 in Autotask: contract 1001 (LC-1) is renewed into a new contract") { context in
            let renewal = try context.sandbox.renewContract(1001)
            return DemoNight.summary(renewal.changes)
        },
        .command("The sync records the renewal; Autotask moved the assets to the new contract", ["sync"]),
        .command(
            "Follow the renewal: LC-1 moves onto the new contract in one event, keeping its notes and history",
            ["follow-renewal", "LC-1"]),
        .command("Let the sync follow LC-1's next renewals by itself", ["follow-renewal", "LC-1", "--auto", "on"]),
        .command("LC-1 now follows the renewal contract", ["show", "LC-1"]),
        .command("The history of LC-1 shows the renewal and the move", ["history", "LC-1"]),
        .command("Sync once more: nothing changed in Autotask", ["sync"]),
        .command("The move, between the end of run 3 and the end of run 5", ["diff", "3", "5"]),
        .note("The replay audit (what `ledger-replay LEDGER` prints)") { context in
            try await AuditLedger.audit(path: context.ledgerPath).text()
        },
    ]
}
