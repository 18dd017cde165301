import AutotaskSandbox
import Foundation
import Testing

@Suite("Faults, limits and the request log")
struct FaultTests {
    static let everything = #"{"filter":[{"op":"gte","field":"id","value":0}]}"#

    @Test("an injected 429 carries Retry-After and is logged")
    func throttled() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            harness.sandbox.setFaults(SandboxFaults(throttleRate: 1, throttleRetryAfterSeconds: 0))
            let answer = try await harness.query("Contracts", Self.everything)
            #expect(answer.status == 429)
            #expect(answer.headers.first(name: "Retry-After") == "0")
            #expect(answer.error != nil)
            #expect(harness.sandbox.requestLog().faults(of: .throttled).count == 1)
        }
    }

    @Test("the 500 rate answers server errors with an errors body")
    func serverErrors() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            harness.sandbox.setFaults(SandboxFaults(serverErrorRate: 1))
            let answer = try await harness.get("/atservicesrest/V1.0/Contracts/1001")
            #expect(answer.status == 500)
            #expect(answer.error != nil)
        }
    }

    @Test("a malformed body is a 200 that is not JSON")
    func malformed() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            harness.sandbox.setFaults(SandboxFaults(malformedRate: 1))
            let answer = try await harness.query("Contracts", Self.everything)
            #expect(answer.status == 200)
            #expect(!answer.isValidJSON)
        }
    }

    @Test("a truncated page is cut mid-body")
    func truncated() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            let whole = try await harness.query("Contracts", Self.everything)
            harness.sandbox.setFaults(SandboxFaults(truncatedPageRate: 1))
            let cut = try await harness.query("Contracts", Self.everything)
            #expect(cut.status == 200)
            #expect(!cut.isValidJSON)
            #expect(cut.body.utf8.count < whole.body.utf8.count)
            #expect(whole.body.hasPrefix(cut.body))
            let single = try await harness.get("/atservicesrest/V1.0/Contracts/1001")
            #expect(single.isValidJSON)
        }
    }

    @Test("a slow answer arrives complete after its delay and is logged")
    func slow() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            harness.sandbox.setFaults(SandboxFaults(slowRate: 1, slowDelay: .milliseconds(50)))
            let answer = try await harness.query("Contracts", Self.everything)
            #expect(answer.status == 200)
            #expect(answer.ids.count == 11)
            #expect(harness.sandbox.requestLog().faults(of: .slow).count == 1)
        }
    }

    @Test("faults can be limited to some entities and to every Nth request")
    func targeting() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            harness.sandbox.setFaults(
                SandboxFaults(serverErrorRate: 1, onlyEntities: ["contracts"], everyNthRequest: 3))
            #expect(try await harness.query("Companies", Self.everything).status == 200)
            var statuses: [Int] = []
            for _ in 0..<6 { statuses.append(try await harness.query("Contracts", Self.everything).status) }
            #expect(statuses == [200, 200, 500, 200, 200, 500])
        }
    }

    @Test("past the thread limit, requests are refused with Itgenatr005")
    func threadLimit() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            harness.sandbox.setFaults(SandboxFaults(limitThreads: true, slowRate: 1, slowDelay: .milliseconds(1500)))
            let statuses = try await withThrowingTaskGroup(of: Answer.self) { group in
                for _ in 0..<6 { group.addTask { try await harness.query("Contracts", Self.everything) } }
                var answers: [Answer] = []
                for try await answer in group { answers.append(answer) }
                return answers
            }
            let refused = statuses.filter { $0.status == 429 }
            #expect(!refused.isEmpty)
            #expect(refused.allSatisfy { $0.error?.hasPrefix("Itgenatr005") == true })
            #expect(statuses.filter { $0.status == 200 }.count <= 3)
            let log = harness.sandbox.requestLog()
            #expect((log.maxInFlightByEntity["Contracts"] ?? 0) <= 3)
            #expect(log.faults(of: .threadLimit).count == refused.count)
        }
    }

    @Test("the hourly threshold is counted, reported and enforced with 429")
    func threshold() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            for _ in 0..<3 { _ = try await harness.get("/atservicesrest/V1.0/Companies/0") }
            let info = try await harness.get("/atservicesrest/V1.0/ThresholdInformation")
            #expect(int(info.object?["externalRequestThreshold"]) == 10_000)
            #expect(int(info.object?["requestThresholdTimeframe"]) == 60)
            #expect(int(info.object?["currentTimeframeRequestCount"]) == 4)
            harness.sandbox.setFaults(SandboxFaults(enforceThreshold: true, requestThreshold: 6))
            #expect(try await harness.get("/atservicesrest/V1.0/Companies/0").status == 200)
            #expect(try await harness.get("/atservicesrest/V1.0/Companies/0").status == 200)
            let over = try await harness.get("/atservicesrest/V1.0/Companies/0")
            #expect(over.status == 429)
            #expect(Int(over.headers.first(name: "Retry-After") ?? "") ?? 0 > 0)
            #expect(harness.sandbox.requestLog().faults(of: .thresholdExceeded).count == 1)
        }
    }

    @Test("latency is added from half and three quarters of the threshold, and logged")
    func thresholdLatency() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            harness.sandbox.setFaults(
                SandboxFaults(
                    requestThreshold: 8, latencyAtHalfThreshold: .milliseconds(1),
                    latencyAtThreeQuartersThreshold: .milliseconds(2)))
            for _ in 0..<8 { #expect(try await harness.get("/atservicesrest/V1.0/Companies/0").status == 200) }
            let latencies = harness.sandbox.requestLog().faults(of: .thresholdLatency).map(\.request)
            #expect(latencies == [4, 5, 6, 7, 8])
        }
    }

    @Test("the thread limit can answer 500 instead of 429")
    func threadLimit500() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            harness.sandbox.setFaults(
                SandboxFaults(
                    limitThreads: true, threadLimit: 1, threadLimitStatus: 500, slowRate: 1,
                    slowDelay: .milliseconds(1500)))
            let answers = try await withThrowingTaskGroup(of: Answer.self) { group in
                for _ in 0..<3 { group.addTask { try await harness.get("/atservicesrest/V1.0/Contracts/1001") } }
                var answers: [Answer] = []
                for try await answer in group { answers.append(answer) }
                return answers
            }
            let refused = answers.filter { $0.status == 500 }
            #expect(!refused.isEmpty)
            #expect(refused.allSatisfy { $0.error?.hasPrefix("Itgenatr005") == true })
        }
    }

    @Test("fault switches can be set over the admin API")
    func adminFaults() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            let set = try await harness.send(
                .PATCH, "/sandbox/faults", body: #"{"throttleRate":1,"throttleRetryAfterSeconds":0}"#, auth: false)
            #expect(set.status == 200)
            #expect(harness.sandbox.faults.throttleRate == 1)
            #expect(try await harness.query("Contracts", Self.everything).status == 429)
            _ = try await harness.send(.PUT, "/sandbox/faults", body: "{}", auth: false)
            #expect(harness.sandbox.faults == SandboxFaults())
        }
    }

    @Test("the request log counts requests per endpoint and kind")
    func requestLog() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            _ = try await harness.get("/atservicesrest/v1.0/zoneInformation?user=api%40sandbox.example", auth: false)
            _ = try await harness.query("Contracts", Self.everything)
            _ = try await harness.query("Contracts", Self.everything)
            _ = try await harness.get("/atservicesrest/V1.0/Contracts/query/count?search=%7B%7D")
            _ = try await harness.get("/atservicesrest/V1.0/Contracts/1001")
            _ = try await harness.get("/atservicesrest/V1.0/Contracts/1001/Services")
            _ = try await harness.get("/atservicesrest/V1.0/Contracts/entityInformation")
            _ = try await harness.get("/atservicesrest/V1.0/ThresholdInformation")
            let log = harness.sandbox.requestLog()
            #expect(log.totalRequests == 8)
            #expect(log.count("ZoneInformation", .zone) == 1)
            #expect(log.count("Contracts", .query) == 2)
            #expect(log.count("contracts", .count) == 1)
            #expect(log.count("Contracts", .get) == 1)
            #expect(log.count("ContractServices", .child) == 1)
            #expect(log.count("Contracts", .entityInformation) == 1)
            #expect(log.count("ThresholdInformation", .threshold) == 1)
            #expect(log.responsesByStatus[200] == 8)
            #expect(log.maxInFlightByEndpoint[SandboxEndpoint("Contracts", .query)] == 1)
            let viaHTTP = try await harness.get("/sandbox/log", auth: false)
            #expect(int(viaHTTP.object?["totalRequests"]) == 8)
            harness.sandbox.resetRequestLog()
            #expect(harness.sandbox.requestLog() == SandboxRequestLog())
        }
    }
}
