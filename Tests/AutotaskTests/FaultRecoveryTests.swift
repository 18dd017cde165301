import Autotask
import AutotaskSandbox
import Foundation
import Testing

@Suite("Recovering from injected faults, and failing cleanly when they persist")
struct FaultRecoveryTests {
    static let dataset = SandboxDataset.counts(
        companies: 10, contracts: 600, servicesPerContract: 1, configurationItems: 0)
    static let allIDs = Array(Int64(100_001)...100_600)

    /// Reads every contract in pages of 50 through a sandbox with `faults`.
    static func readAll(
        faults: SandboxFaults,
        sleeps: SleepRecorder = SleepRecorder(),
        configure: (inout AutotaskConfiguration) -> Void = { _ in }
    ) async throws -> (result: QueryResult<Contract>, log: SandboxRequestLog) {
        try await SandboxHarness.withSandbox(SandboxHarness.configuration(dataset, faults: faults)) { sandbox in
            let result = try await SandboxHarness.withClient(sandbox, sleeps: sleeps, configure: configure) { client in
                try await client.query(Contract.self, Query(maxRecords: 50))
            }
            return (result, sandbox.requestLog())
        }
    }

    /// The error of reading every contract through a sandbox with `faults`.
    static func failure(
        faults: SandboxFaults,
        sleeps: SleepRecorder = SleepRecorder(),
        configure: (inout AutotaskConfiguration) -> Void = { _ in }
    ) async throws -> AutotaskError {
        let error = try await SandboxHarness.withSandbox(SandboxHarness.configuration(dataset, faults: faults)) {
            sandbox in
            try await SandboxHarness.withClient(sandbox, sleeps: sleeps, configure: configure) { client in
                await SandboxHarness.error { _ = try await client.query(Contract.self, Query(maxRecords: 50)) }
            }
        }
        let failure = try #require(error)
        for text in SandboxHarness.texts(of: failure) {
            #expect(!text.contains(SandboxHarness.secret))
        }
        return failure
    }

    @Test("429 with Retry-After is retried after waiting at least Retry-After")
    func throttled() async throws {
        let sleeps = SleepRecorder()
        let faults = SandboxFaults(throttleRate: 1, throttleRetryAfterSeconds: 3, everyNthRequest: 3)
        let (result, log) = try await Self.readAll(faults: faults, sleeps: sleeps)
        #expect(result.items.map(\.id) == Self.allIDs)
        #expect(result.statistics.pages == 12)
        #expect(result.statistics.retries == log.faults(of: .throttled).count)
        #expect(result.statistics.retries > 0)
        #expect(sleeps.all.count == result.statistics.retries)
        #expect(sleeps.all.allSatisfy { $0 >= .seconds(3) })
    }

    @Test("Itgenatr005 is retried whatever its status", arguments: [429, 500])
    func threadLimit(status: Int) async throws {
        let faults = SandboxFaults(
            limitThreads: true, threadLimit: 1, threadLimitStatus: status, slowRate: 1, slowDelay: .milliseconds(5))
        try await SandboxHarness.withSandbox(SandboxHarness.configuration(Self.dataset, faults: faults)) { sandbox in
            try await SandboxHarness.withClient(
                sandbox,
                configure: {
                    $0.maxConcurrentRequestsPerEndpoint = 3
                    $0.retry.maxRetries = 50
                    $0.retry.baseDelay = .milliseconds(1)
                    $0.retry.maxDelay = .milliseconds(1)
                    $0.retry.sleep = { try await Task.sleep(for: $0) }
                }
            ) { client in
                try await withThrowingTaskGroup(of: [Int64].self) { group in
                    for index in 0..<3 {
                        group.addTask {
                            try await client.query(
                                Contract.self,
                                Query(
                                    .gte("id", 100_001 + index * 200), .lt("id", 100_201 + index * 200), maxRecords: 50)
                            ).items.map(\.id)
                        }
                    }
                    var ids: [Int64] = []
                    for try await part in group { ids += part }
                    #expect(ids.sorted() == Self.allIDs)
                }
                let refused = sandbox.requestLog().faults(of: .threadLimit).count
                #expect(refused > 0)
                #expect(client.statistics.retries == refused)
            }
        }
    }

    @Test("500s without a validation message are retried")
    func serverErrors() async throws {
        let (result, log) = try await Self.readAll(faults: SandboxFaults(serverErrorRate: 1, everyNthRequest: 2))
        #expect(result.items.map(\.id) == Self.allIDs)
        #expect(result.statistics.retries == log.faults(of: .serverError).count)
        #expect(result.statistics.requests == result.statistics.pages + result.statistics.retries)
    }

    @Test("answers slower than the client timeout are retried")
    func slowAnswers() async throws {
        // The timeout leaves room for a loaded machine: only the answers held back for the fault pass it.
        let faults = SandboxFaults(slowRate: 1, slowDelay: .seconds(8), everyNthRequest: 4)
        let (result, log) = try await Self.readAll(faults: faults) { $0.requestTimeout = .seconds(4) }
        #expect(result.items.map(\.id) == Self.allIDs)
        #expect(result.statistics.retries == log.faults(of: .slow).count)
        #expect(result.statistics.retries > 0)
    }

    @Test("malformed JSON on a 200 is retried")
    func malformed() async throws {
        let (result, log) = try await Self.readAll(faults: SandboxFaults(malformedRate: 1, everyNthRequest: 2))
        #expect(result.items.map(\.id) == Self.allIDs)
        #expect(result.statistics.retries == log.faults(of: .malformed).count)
    }

    @Test("truncated pages are retried")
    func truncated() async throws {
        let (result, log) = try await Self.readAll(faults: SandboxFaults(truncatedPageRate: 1, everyNthRequest: 2))
        #expect(result.items.map(\.id) == Self.allIDs)
        #expect(result.statistics.retries == log.faults(of: .truncated).count)
        #expect(result.statistics.retries > 0)
    }

    @Test("persistent 500s end in a server error after the retry budget")
    func persistentServerErrors() async throws {
        let failure = try await Self.failure(faults: SandboxFaults(serverErrorRate: 1))
        #expect(failure.code == .server)
        #expect(failure.httpStatus == 500)
        #expect(failure.attempts == 6)
        #expect(failure.message.contains("Gave up after 5 retries"))
        #expect(failure.serverMessages.contains { $0.contains("unexpected error") })
    }

    @Test("persistent 429s end in throttled, with the wait Autotask asked for")
    func persistentThrottling() async throws {
        let failure = try await Self.failure(faults: SandboxFaults(throttleRate: 1, throttleRetryAfterSeconds: 2))
        #expect(failure.code == .throttled)
        #expect(failure.retryAfter == .seconds(2))
        #expect(failure.message.contains("2 s"))
    }

    @Test("the total time budget stops retries before the count does")
    func timeBudget() async throws {
        let sleeps = SleepRecorder()
        let failure = try await Self.failure(
            faults: SandboxFaults(throttleRate: 1, throttleRetryAfterSeconds: 25),
            sleeps: sleeps
        )
        #expect(failure.code == .throttled)
        #expect(sleeps.all.count == 2)
        #expect(failure.attempts == 3)
    }

    @Test("persistent slowness ends in timeout")
    func persistentSlowness() async throws {
        let failure = try await Self.failure(faults: SandboxFaults(slowRate: 1, slowDelay: .seconds(1))) {
            $0.requestTimeout = .milliseconds(150)
            $0.retry.maxRetries = 2
        }
        #expect(failure.code == .timeout)
        #expect(failure.attempts == 3)
    }

    @Test("persistent malformed bodies end in malformedResponse after the malformed-body budget")
    func persistentMalformed() async throws {
        let failure = try await Self.failure(faults: SandboxFaults(malformedRate: 1))
        #expect(failure.code == .malformedResponse)
        #expect(failure.attempts == 3)
    }

    @Test("persistent truncation ends in malformedResponse")
    func persistentTruncation() async throws {
        let failure = try await Self.failure(faults: SandboxFaults(truncatedPageRate: 1))
        #expect(failure.code == .malformedResponse)
    }
}
