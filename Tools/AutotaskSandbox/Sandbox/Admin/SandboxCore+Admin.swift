extension SandboxCore {
    /// Runs an admin change on the records, with the time changes are stamped with.
    func mutate<Result: Sendable>(
        _ body: (inout SandboxData, Int64) throws(SandboxAdminError) -> Result
    ) throws(SandboxAdminError) -> Result {
        let realNow = Self.realNow()
        return try data.withLock { (data: inout SandboxData) throws(SandboxAdminError) -> Result in
            let now = data.changeTime(realNow: realNow)
            return try body(&data, now)
        }
    }

    func setFaults(_ faults: SandboxFaults) {
        control.withLock { state in
            if state.faults.seed != faults.seed {
                state.faultRandom = SandboxRandom(seed: faults.seed ?? state.seed, salt: 7)
            }
            state.faults = faults
        }
    }

    func setPermissions(_ permissions: SandboxPermissions) {
        control.withLock { $0.permissions = permissions }
    }

    func requestLog() -> SandboxRequestLog {
        control.withLock { $0.log }
    }

    func resetRequestLog() {
        control.withLock { state in
            state.log = SandboxRequestLog()
            state.window = []
            state.windowStart = 0
            state.eligibleRequests = 0
        }
    }
}

extension SandboxRequestLog {
    /// The log as JSON, with keys in a stable order.
    var json: JSONValue {
        func counts<Key>(_ dictionary: [Key: Int], _ name: (Key) -> String) -> JSONValue {
            .object(
                dictionary.map { JSONMember(key: name($0.key), value: .int(Int64($0.value))) }.sorted {
                    $0.key < $1.key
                })
        }
        return .object([
            .init(key: "totalRequests", value: .int(Int64(totalRequests))),
            .init(key: "requestsByEndpoint", value: counts(requestsByEndpoint) { $0.description }),
            .init(key: "maxInFlightByEndpoint", value: counts(maxInFlightByEndpoint) { $0.description }),
            .init(key: "maxInFlightByEntity", value: counts(maxInFlightByEntity) { $0 }),
            .init(key: "responsesByStatus", value: counts(responsesByStatus) { String($0) }),
            .init(
                key: "faults",
                value: .array(
                    faults.map {
                        .object([
                            .init(key: "request", value: .int(Int64($0.request))),
                            .init(key: "endpoint", value: .string($0.endpoint.description)),
                            .init(key: "kind", value: .string($0.kind.rawValue)),
                        ])
                    })),
        ])
    }
}

extension SandboxFaults {
    /// The switches as JSON (durations in milliseconds, the window in seconds).
    var json: JSONValue {
        func millis(_ duration: Duration) -> JSONValue {
            let parts = duration.components
            return .int(parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000)
        }
        func optional(_ value: Int?) -> JSONValue { value.map { .int(Int64($0)) } ?? .null }
        return .object([
            .init(key: "enforceThreshold", value: .bool(enforceThreshold)),
            .init(key: "requestThreshold", value: .int(Int64(requestThreshold))),
            .init(key: "thresholdWindowSeconds", value: .int(thresholdWindow.components.seconds)),
            .init(key: "thresholdRetryAfterSeconds", value: optional(thresholdRetryAfterSeconds)),
            .init(key: "latencyAtHalfThresholdMs", value: millis(latencyAtHalfThreshold)),
            .init(key: "latencyAtThreeQuartersThresholdMs", value: millis(latencyAtThreeQuartersThreshold)),
            .init(key: "limitThreads", value: .bool(limitThreads)),
            .init(key: "threadLimit", value: .int(Int64(threadLimit))),
            .init(key: "threadLimitStatus", value: .int(Int64(threadLimitStatus))),
            .init(key: "serverErrorRate", value: .double(serverErrorRate)),
            .init(key: "throttleRate", value: .double(throttleRate)),
            .init(key: "throttleRetryAfterSeconds", value: .int(Int64(throttleRetryAfterSeconds))),
            .init(key: "slowRate", value: .double(slowRate)), .init(key: "slowDelayMs", value: millis(slowDelay)),
            .init(key: "malformedRate", value: .double(malformedRate)),
            .init(key: "truncatedPageRate", value: .double(truncatedPageRate)),
            .init(key: "onlyEntities", value: onlyEntities.map { .array($0.sorted().map { .string($0) }) } ?? .null),
            .init(key: "everyNthRequest", value: optional(everyNthRequest)),
            .init(key: "seed", value: seed.map { .int(Int64(bitPattern: $0)) } ?? .null),
        ])
    }

    /// These switches with the ones named in `json` changed (keys in any case; unknown keys are refused).
    func applying(_ json: JSONValue) throws(SandboxAdminError) -> SandboxFaults {
        guard let members = json.objectMembers else {
            throw SandboxAdminError("Expected a JSON object of fault switches.")
        }
        var faults = self
        for member in members {
            let value = member.value
            func int() throws(SandboxAdminError) -> Int {
                guard let number = Lenient.int(value) else {
                    throw SandboxAdminError("\(member.key) needs an integer.")
                }
                return Int(number)
            }
            func rate() throws(SandboxAdminError) -> Double {
                guard let number = Lenient.double(value), (0...1).contains(number) else {
                    throw SandboxAdminError("\(member.key) needs a rate from 0 to 1.")
                }
                return number
            }
            func flag() throws(SandboxAdminError) -> Bool {
                guard let bool = Lenient.bool(value) else {
                    throw SandboxAdminError("\(member.key) needs true or false.")
                }
                return bool
            }
            switch member.key.lowercased() {
            case "enforcethreshold": faults.enforceThreshold = try flag()
            case "requestthreshold": faults.requestThreshold = try int()
            case "thresholdwindowseconds": faults.thresholdWindow = .seconds(try int())
            case "thresholdretryafterseconds": faults.thresholdRetryAfterSeconds = value == .null ? nil : try int()
            case "latencyathalfthresholdms": faults.latencyAtHalfThreshold = .milliseconds(try int())
            case "latencyatthreequartersthresholdms": faults.latencyAtThreeQuartersThreshold = .milliseconds(try int())
            case "limitthreads": faults.limitThreads = try flag()
            case "threadlimit": faults.threadLimit = try int()
            case "threadlimitstatus": faults.threadLimitStatus = try int()
            case "servererrorrate": faults.serverErrorRate = try rate()
            case "throttlerate": faults.throttleRate = try rate()
            case "throttleretryafterseconds": faults.throttleRetryAfterSeconds = try int()
            case "slowrate": faults.slowRate = try rate()
            case "slowdelayms": faults.slowDelay = .milliseconds(try int())
            case "malformedrate": faults.malformedRate = try rate()
            case "truncatedpagerate": faults.truncatedPageRate = try rate()
            case "onlyentities":
                faults.onlyEntities = value == .null ? nil : Set((value.arrayValue ?? []).compactMap(\.text))
            case "everynthrequest": faults.everyNthRequest = value == .null ? nil : try int()
            case "seed": faults.seed = value == .null ? nil : UInt64(bitPattern: Int64(try int()))
            default: throw SandboxAdminError("Unknown fault switch \(member.key).")
            }
        }
        return faults
    }
}
