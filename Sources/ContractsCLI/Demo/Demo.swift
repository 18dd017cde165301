import ArgumentParser
import AutotaskSandbox
import Foundation

/// `contracts demo`: the whole flow against the embedded Autotask sandbox, with the real commands.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Walks the whole flow against a local Autotask sandbox, printing each command and its output.",
        discussion: """
            The demo starts the embedded Autotask sandbox (the demo data set) on a free loopback port and runs \
            the real commands: init, connect, check-access, companies, browse, import at contract and service \
            level, list, show, a refused and an allowed edit, copy, history and a refused repeated import. \
            With --ledger the ledger is left at that path for you to explore; otherwise a temporary ledger is \
            used and removed. No Autotask account is needed.
            """)

    @Option(
        help: ArgumentHelp(
            "Where to leave the demo's ledger (a new file); a temporary file without it.", valueName: "path"))
    var ledger: String?

    func validate() throws {
        if let ledger {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: ledger, isDirectory: &isDirectory) {
                throw ValidationError(
                    isDirectory.boolValue
                        ? "\(ledger) is a folder; give a path for a new ledger file"
                        : "\(ledger) already exists; give a path for a new ledger file or remove it")
            }
        }
    }

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "contracts-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = ledger ?? folder.appendingPathComponent("ledger.sqlite").path
        let sandbox: AutotaskSandbox
        do {
            sandbox = try await AutotaskSandbox.start(SandboxConfiguration(dataset: .demo))
        } catch {
            throw CLIError(.unexpected, "the embedded Autotask sandbox did not start: \(error)")
        }
        setenv("AUTOTASK_SECRET", sandbox.credentials.secret, 1)
        let context = DemoContext(ledgerPath: path, sandbox: sandbox)
        print("Autotask sandbox listening at \(sandbox.zoneURL.absoluteString) (demo data set).")
        print("Every command below runs with --ledger \(path);")
        print("AUTOTASK_SECRET holds the sandbox API user's secret (it is never printed nor stored).")
        var failure: (any Error)?
        let steps = DemoScript.steps(context)
        for (index, step) in steps.enumerated() {
            print("\n== \(index + 1)/\(steps.count). \(step.title)")
            do {
                try await step.action(context)
            } catch {
                failure = error
                break
            }
        }
        try? await sandbox.stop()
        if let failure { throw failure }
        print("\nThe demo finished: \(steps.count) steps.")
        if ledger != nil { print("The ledger is at \(path); try `contracts list --ledger \(path)`.") }
        fflush(nil)
    }
}
