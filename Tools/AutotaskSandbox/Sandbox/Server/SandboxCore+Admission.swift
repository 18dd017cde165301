/// What the limits and fault switches decided for one request.
struct Admission: Sendable {
    var sequence: Int
    var endpoint: SandboxEndpoint
    /// The thread-limit key, when the request was counted in flight.
    var threadKey: String?
    var entityName: String?
    var delay: Duration = .zero
    var fault: SandboxFaultKind?
    var rejection: Reply?
}

extension SandboxCore {
    /// Logs a request and applies the threshold, the thread limit and the fault switches to it.
    func admit(
        _ route: SandboxRoute, endpoint: SandboxEndpoint, integrationCode: String?, now: ContinuousClock.Instant
    ) -> Admission {
        control.withLock { state in
            state.log.totalRequests += 1
            state.log.requestsByEndpoint[endpoint, default: 0] += 1
            var admission = Admission(sequence: state.log.totalRequests, endpoint: endpoint)
            guard let integrationCode else { return admission }
            let faults = state.faults

            // The rolling request window.
            state.window.append(now)
            while state.windowStart < state.window.count,
                now - state.window[state.windowStart] >= faults.thresholdWindow
            {
                state.windowStart += 1
            }
            if state.windowStart > 1024, state.windowStart * 2 > state.window.count {
                state.window.removeFirst(state.windowStart)
                state.windowStart = 0
            }
            let inWindow = state.window.count - state.windowStart
            if faults.enforceThreshold, inWindow > faults.requestThreshold {
                let oldest = state.window[state.windowStart]
                let wait = faults.thresholdWindow - (now - oldest)
                let seconds = faults.thresholdRetryAfterSeconds ?? max(1, Int(wait.components.seconds) + 1)
                state.log.faults.append(
                    .init(request: admission.sequence, endpoint: endpoint, kind: .thresholdExceeded))
                admission.rejection = Reply.errors(
                    429,
                    ["The request threshold of \(faults.requestThreshold) requests per hour has been exceeded."],
                    retryAfter: seconds)
                return admission
            }
            let threshold = max(1, faults.requestThreshold)
            if inWindow * 4 >= threshold * 3, faults.latencyAtThreeQuartersThreshold > .zero {
                admission.delay = faults.latencyAtThreeQuartersThreshold
            } else if inWindow * 2 >= threshold, faults.latencyAtHalfThreshold > .zero {
                admission.delay = faults.latencyAtHalfThreshold
            }
            if admission.delay > .zero {
                state.log.faults.append(.init(request: admission.sequence, endpoint: endpoint, kind: .thresholdLatency))
            }

            // The thread limit and the in-flight counters.
            guard let entity = route.entity else { return admission }
            let threadKey = integrationCode + "|" + entity.pluralName
            if faults.limitThreads, state.inFlightByThreadKey[threadKey, default: 0] >= faults.threadLimit {
                state.log.faults.append(.init(request: admission.sequence, endpoint: endpoint, kind: .threadLimit))
                admission.rejection = Reply.errors(
                    faults.threadLimitStatus == 500 ? 500 : 429,
                    [
                        "Itgenatr005: thread threshold exceeded. The integration has reached its limit of "
                            + "\(faults.threadLimit) concurrent requests for the \(entity.pluralName) endpoint."
                    ])
                return admission
            }
            admission.threadKey = threadKey
            admission.entityName = entity.pluralName
            state.inFlightByThreadKey[threadKey, default: 0] += 1
            let byEndpoint = state.inFlightByEndpoint[endpoint, default: 0] + 1
            state.inFlightByEndpoint[endpoint] = byEndpoint
            state.log.maxInFlightByEndpoint[endpoint] = max(state.log.maxInFlightByEndpoint[endpoint] ?? 0, byEndpoint)
            let byEntity = state.inFlightByEntity[entity.pluralName, default: 0] + 1
            state.inFlightByEntity[entity.pluralName] = byEntity
            state.log.maxInFlightByEntity[entity.pluralName] = max(
                state.log.maxInFlightByEntity[entity.pluralName] ?? 0, byEntity)

            // Injected faults.
            if let only = faults.onlyEntities,
                !only.contains(where: { $0.lowercased() == entity.pluralName.lowercased() })
            {
                return admission
            }
            let enabled = faults.rates.filter { $0.1 > 0 && ($0.0 != .truncated || route.isPage) }
            guard !enabled.isEmpty else { return admission }
            state.eligibleRequests += 1
            if let every = faults.everyNthRequest, every > 0 {
                guard state.eligibleRequests % every == 0 else { return admission }
                let total = enabled.reduce(0) { $0 + $1.1 }
                var draw = state.faultRandom.unit() * total
                admission.fault = enabled.last?.0
                for (kind, rate) in enabled {
                    if draw < rate {
                        admission.fault = kind
                        break
                    }
                    draw -= rate
                }
            } else {
                var draw = state.faultRandom.unit()
                for (kind, rate) in enabled {
                    if draw < rate {
                        admission.fault = kind
                        break
                    }
                    draw -= rate
                }
            }
            if let fault = admission.fault {
                state.log.faults.append(.init(request: admission.sequence, endpoint: endpoint, kind: fault))
            }
            return admission
        }
    }

    /// Ends a request: releases its in-flight slot and counts its status.
    func finish(_ admission: Admission, status: Int) {
        control.withLock { state in
            state.log.responsesByStatus[status, default: 0] += 1
            guard let threadKey = admission.threadKey, let entity = admission.entityName else { return }
            state.inFlightByThreadKey[threadKey, default: 1] -= 1
            state.inFlightByEndpoint[admission.endpoint, default: 1] -= 1
            state.inFlightByEntity[entity, default: 1] -= 1
        }
    }

    /// Requests in the rolling window now.
    func requestsInWindow(now: ContinuousClock.Instant) -> Int {
        control.withLock { state in
            var start = state.windowStart
            while start < state.window.count, now - state.window[start] >= state.faults.thresholdWindow { start += 1 }
            return state.window.count - start
        }
    }
}
