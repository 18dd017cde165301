import ArgumentParser
import AutotaskSandbox
import Dispatch
import Foundation

/// `autotask-sandbox`: serves a local Autotask REST API until SIGINT or SIGTERM.
@main
struct AutotaskSandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "autotask-sandbox",
        abstract: "Serve a local Autotask REST API v1.0 with a seeded data set, faults and an admin API.",
        version: "autotask-sandbox \(AutotaskSandbox.release) (Autotask REST API v1.0)")

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 0

    @Option(help: "The data set: demo or msp (or give --companies and the other counts).")
    var dataset = "demo"

    @Option(help: "The seed of every generated detail.")
    var seed: UInt64 = 1

    @Option(help: "Take this day (YYYY-MM-DD) as today and simulate time from it.")
    var today: String?

    @Option(help: "Generated data set: number of companies.")
    var companies: Int?

    @Option(help: "Generated data set: number of contracts.")
    var contracts: Int?

    @Option(help: "Generated data set: contract services per contract.")
    var servicesPerContract: Int?

    @Option(help: "Generated data set: number of configuration items.")
    var configurationItems: Int?

    @Option(help: "Contract permissions: full, empty, forbidden, permission500 or restricted.")
    var permissions = "full"

    @Option(help: "With --permissions restricted: the visible company ids, comma separated.")
    var visibleCompanies = ""

    @Flag(help: "Refuse requests over the hourly threshold with 429.")
    var enforceThreshold = false

    @Option(help: "The request threshold of the rolling hour.")
    var requestThreshold = 10_000

    @Flag(help: "Refuse more than --thread-limit requests in flight per endpoint with Itgenatr005.")
    var limitThreads = false

    @Option(help: "Requests allowed in flight per endpoint.")
    var threadLimit = 3

    @Option(help: "The status of Itgenatr005 refusals (429 or 500).")
    var threadLimitStatus = 429

    @Option(help: "Rate (0-1) of injected 500 answers.")
    var serverErrorRate = 0.0

    @Option(help: "Rate (0-1) of injected 429 answers.")
    var throttleRate = 0.0

    @Option(help: "Retry-After seconds on injected 429 answers.")
    var retryAfter = 1

    @Option(help: "Rate (0-1) of slow answers.")
    var slowRate = 0.0

    @Option(help: "Delay of slow answers, in milliseconds.")
    var slowDelayMs = 2000

    @Option(help: "Rate (0-1) of malformed JSON bodies.")
    var malformedRate = 0.0

    @Option(help: "Rate (0-1) of truncated pages.")
    var truncatedPageRate = 0.0

    @Option(help: "Apply fault rates only to these entities (comma separated plural names).")
    var faultEntities = ""

    @Option(help: "Inject a fault on exactly every Nth eligible request instead of by rate.")
    var everyNth: Int?

    @Flag(help: "Answer 500 to unknown filter operators instead of ignoring them as Autotask does.")
    var strictOperators = false

    mutating func run() async throws {
        let configuration = try makeConfiguration()
        let sandbox = try await AutotaskSandbox.start(configuration)
        let credentials = sandbox.credentials
        Self.say(
            """
            Autotask sandbox listening on \(sandbox.baseURL.absoluteString)
              zone discovery: \(sandbox.discoveryURL.absoluteString)v1.0/zoneInformation?user=\(credentials.userName)
              API base:       \(sandbox.zoneURL.absoluteString)V1.0/
              admin API:      \(sandbox.baseURL.absoluteString)/sandbox/ (loopback only)
            Sandbox credentials (this local sandbox's own, not a real Autotask secret):
              UserName:           \(credentials.userName)
              ApiIntegrationCode: \(credentials.integrationCode)
              Secret:             \(credentials.secret)
            Press Ctrl-C to stop.
            """)
        await Self.waitForSignal()
        // Requests still running get a moment to finish; a long one (a large admin change) is not waited for,
        // so the sandbox always stops within a second of the signal.
        let stopped = Task { try? await sandbox.stop() }
        let deadline = Task {
            do { try await Task.sleep(for: .milliseconds(600)) } catch { return }
            Self.say("Autotask sandbox stopped (requests still running were dropped).")
            Foundation.exit(0)
        }
        await stopped.value
        deadline.cancel()
        Self.say("Autotask sandbox stopped.")
    }

    private func makeConfiguration() throws -> SandboxConfiguration {
        var configuration = SandboxConfiguration(seed: seed, host: host, port: port)
        if companies != nil || contracts != nil || servicesPerContract != nil || configurationItems != nil {
            configuration.dataset = .counts(
                companies: companies ?? 500, contracts: contracts ?? 5000,
                servicesPerContract: servicesPerContract ?? 10,
                configurationItems: configurationItems ?? 100_000)
        } else {
            switch dataset.lowercased() {
            case "demo": configuration.dataset = .demo
            case "msp": configuration.dataset = .msp
            default: throw ValidationError("--dataset must be demo or msp.")
            }
        }
        if let today {
            let parts = today.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3,
                let date = DateComponents(
                    calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"), year: parts[0],
                    month: parts[1], day: parts[2]
                ).date
            else { throw ValidationError("--today must be YYYY-MM-DD.") }
            configuration.today = date
        }
        let visible = Set(
            visibleCompanies.split(separator: ",").compactMap { Int64($0.trimmingCharacters(in: .whitespaces)) })
        guard let mode = SandboxPermissions(modeName: permissions, companyIDs: visible) else {
            throw ValidationError("--permissions must be full, empty, forbidden, permission500 or restricted.")
        }
        configuration.permissions = mode
        let entities = Set(faultEntities.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) })
        configuration.faults = SandboxFaults(
            enforceThreshold: enforceThreshold, requestThreshold: requestThreshold, limitThreads: limitThreads,
            threadLimit: threadLimit, threadLimitStatus: threadLimitStatus, serverErrorRate: serverErrorRate,
            throttleRate: throttleRate, throttleRetryAfterSeconds: retryAfter, slowRate: slowRate,
            slowDelay: .milliseconds(slowDelayMs), malformedRate: malformedRate, truncatedPageRate: truncatedPageRate,
            onlyEntities: entities.isEmpty ? nil : entities, everyNthRequest: everyNth)
        configuration.faithfulQuirks = !strictOperators
        return configuration
    }

    /// Writes lines to standard output at once (no buffering, so a pipe sees them immediately).
    private static func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// The queue signal handlers run on: not the main queue, which a busy main actor could hold up.
    private static let signalQueue = DispatchQueue(label: "autotask-sandbox.signals")

    /// Waits for SIGINT or SIGTERM.
    private static func waitForSignal() async {
        let (signals, continuation) = AsyncStream.makeStream(of: Int32.self)
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: Self.signalQueue)
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            sources.append(source)
        }
        for await _ in signals { break }
        for source in sources { source.cancel() }
    }
}
