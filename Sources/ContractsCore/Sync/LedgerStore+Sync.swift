import Autotask
import EventLog
import Foundation
import Ledger
import Projections

extension LedgerStore {
    /// Refreshes every imported contract (or one) from Autotask, recording a `sync/<n>` run.
    ///
    /// The run: `SyncStarted`, one `SyncFetched` per batched query, then per contract only what
    /// changed (``Decisions/reconcile(_:with:syncRun:)``, written in batches of
    /// ``SyncOptions/batchSize`` contracts per transaction), then `SyncCompleted` or `SyncFailed`.
    /// A run found `running` (its process was killed) is marked `SyncInterrupted` first. A second sync
    /// on the same ledger is refused with ``SyncError`` while this one holds the lock. Reconciling is
    /// idempotent, so a failed run leaves a consistent ledger and the next run finishes the work.
    public func sync(gateway: AutotaskGateway, options: SyncOptions = SyncOptions()) async throws -> SyncReport {
        let lock = try SyncLock.acquire(ledgerPath: path, waitSeconds: options.lockWaitSeconds)
        defer { lock.release() }
        let clock = self.options.clock
        let startedAt = clock()
        let requestsBefore = gateway.requestsMade
        func elapsed() -> Int { max(0, Int((clock().timeIntervalSince(startedAt) * 1000).rounded())) }
        func requests() -> Int { gateway.requestsMade - requestsBefore }

        let pullAssets = try settings().pullsAutotaskAssets
        let start = try startRun(options)
        let (run, targets) = (start.run, start.targets)
        var report = SyncReport(
            run: run, trigger: options.trigger, total: targets.count, completed: nil, failure: nil, changes: [],
            interruptedRuns: start.interrupted)
        func fail(
            at stage: SyncStage, _ reason: String, fetches: [SyncFetched] = [], code: AutotaskError.Code? = nil
        ) throws -> SyncReport {
            report.failureCode = code
            let failed = SyncFailed(stage: stage.description, reason: reason)
            try record(fetches.map(\.event) + [failed.event], run: run)
            report.failure = failed
            return report
        }
        func interrupt(_ signal: String, fetches: [SyncFetched] = []) throws -> SyncReport {
            try record(fetches.map(\.event) + [SyncInterrupted(noticedByRun: run, signal: signal).event], run: run)
            report.interruption = signal
            return report
        }
        if let signal = options.interruption?.signal { return try interrupt(signal) }

        options.progress?(
            SyncProgress(
                run: run, checked: 0, total: targets.count, requests: requests(), elapsedMilliseconds: elapsed(),
                stage: "fetching"))
        let observations: SyncObservations
        if targets.isEmpty {
            observations = SyncObservations()
        } else {
            let request = SyncRequest(
                contractIDs: Set(targets.map(\.reference.contractID)).sorted(),
                contractServiceIDs: Set(targets.compactMap(\.reference.contractServiceID)).sorted(),
                assetContractIDs: pullAssets
                    ? Set(targets.filter { $0.reference.level == .contract }.map(\.reference.contractID)).sorted() : [])
            do {
                let (read, fetches) = try await Self.withTimeLimit(options.timeLimit) {
                    try await gateway.fetchForSync(request)
                }
                observations = read
                try record(fetches.map(\.event), run: run)
            } catch let error as SyncFetchError {
                if let signal = options.interruption?.signal { return try interrupt(signal, fetches: error.completed) }
                return try fail(at: error.stage, error.reason, fetches: error.completed, code: error.autotaskCode)
            } catch {
                // A signal cancels the reading task; whatever it threw, the run is recorded as interrupted.
                guard let signal = options.interruption?.signal else { throw error }
                return try interrupt(signal)
            }
        }
        options.progress?(
            SyncProgress(
                run: run, checked: 0, total: targets.count, requests: requests(), elapsedMilliseconds: elapsed()))

        var counts = SyncCounts()
        var first = 0
        while first < targets.count {
            if let signal = options.interruption?.signal { return try interrupt(signal) }
            let batch = targets[first..<min(first + options.batchSize, targets.count)]
            do {
                let outcome = try reconcile(batch, observations: observations, pullAssets: pullAssets, run: run)
                counts += outcome.counts
                report.changes += outcome.changes
            } catch let error where Self.isStorageFailure(error) {
                // The ledger could not take the changes (a full disk, say): record the failure if it fits,
                // and report the storage problem, not an Autotask one.
                _ = try? fail(at: .recordChanges, AutotaskGateway.oneLine(error))
                throw error
            } catch {
                return try fail(at: .recordChanges, AutotaskGateway.oneLine(error))
            }
            first += options.batchSize
            options.progress?(
                SyncProgress(
                    run: run, checked: counts.checked + counts.failed, total: targets.count, requests: requests(),
                    elapsedMilliseconds: elapsed()))
        }

        do {
            let following = try renewalsToFollow(among: targets)
            if !following.isEmpty {
                let (followed, failed) = try await followRenewals(
                    of: following, gateway: gateway, pullAssets: pullAssets, run: run)
                let changedBefore = Set(report.changes.map(\.contract))
                for (contract, events) in followed {
                    if let index = report.changes.firstIndex(where: { $0.contract == contract }) {
                        report.changes[index].events += events
                    } else {
                        report.changes.append(ContractChanges(contract: contract, events: events))
                    }
                }
                let newlyChanged = followed.filter { !changedBefore.contains($0.contract) }.count
                counts.changed += newlyChanged
                counts.unchanged -= newlyChanged
                counts.failed += failed
            }
        } catch {
            return try fail(at: .followRenewals, AutotaskGateway.oneLine(error))
        }

        let completed = SyncCompleted(
            checked: counts.checked, changed: counts.changed, unchanged: counts.unchanged, missing: counts.missing,
            failed: counts.failed, requests: requests(), durationMilliseconds: elapsed())
        try record([completed.event], run: run)
        report.completed = completed
        return report
    }

    /// Appends events of the run's own `sync/<n>` stream, in a transaction of their own.
    private func record(_ events: [LedgerEvent], run: Int) throws {
        try command { transaction, commandID in
            try append(
                events, to: .sync(run), expected: .any, in: transaction, commandID: commandID, syncRun: run,
                actor: "sync")
        }
    }

    /// Runs the fetch, failing it as a ``SyncFetchError`` when it takes longer than `limit`.
    static func withTimeLimit<T: Sendable>(
        _ limit: Duration, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw SyncFetchError(
                    stage: .readAutotask,
                    reason: "Autotask had not answered every query after \(limit.components.seconds) s, the sync's "
                        + "time limit; it stopped so as not to hold the ledger and spend the hourly request limit",
                    completed: [])
            }
            return value
        }
    }

    /// Whether an error comes from the ledger file rather than from Autotask or the domain.
    static func isStorageFailure(_ error: any Error) -> Bool {
        error is any LedgerStorageError || (error as? EventLogError).map { $0.code != .versionConflict } ?? false
    }

    /// Marks runs left `running` as interrupted, picks the contracts, and records `SyncStarted`.
    private func startRun(_ options: SyncOptions) throws -> SyncStart {
        try command { transaction, commandID in
            let run = try projections.lastSyncRun() + 1
            let stale = try projections.runningSyncRuns()
            for old in stale {
                try append(
                    [SyncInterrupted(noticedByRun: run).event], to: .sync(old), expected: .any, in: transaction,
                    commandID: commandID, syncRun: run, actor: "sync")
            }
            let targets = try syncTargets(options)
            let started = SyncStarted(
                run: run, trigger: options.trigger, scope: options.contract.map { .contract($0) } ?? .all,
                contractsToCheck: targets.map(\.id))
            try append(
                [started.event], to: .sync(run), expected: .noStream, in: transaction, commandID: commandID,
                syncRun: run, actor: "sync")
            return SyncStart(run: run, targets: targets, interrupted: stale)
        }
    }

    /// The imported contracts a run checks, read from the contracts projection (no stream is folded
    /// here; each is folded once, when it is reconciled): one, or all; a nightly run skips those with
    /// auto-sync off.
    func syncTargets(_ options: SyncOptions) throws -> [SyncTarget] {
        if let id = options.contract {
            guard let contract = try projections.importedContract(id) else {
                guard try projections.contract(id) != nil else {
                    throw LedgerError(
                        .contractNotFound, "there is no contract \(id); `contracts list` shows the contracts")
                }
                throw LedgerError(.notImported, "\(id) is a native contract; only imported contracts are synced")
            }
            guard let reference = contract.reference else { return [] }
            if options.trigger == .nightly && !contract.autoSync { return [] }
            return [SyncTarget(id: id, reference: reference)]
        }
        return try projections.importedContracts().compactMap { contract in
            guard contract.autoSync || options.trigger == .manual, let reference = contract.reference else {
                return nil
            }
            return SyncTarget(id: contract.id, reference: reference)
        }
    }

    /// The run's contracts that follow Autotask renewals by themselves and have one to follow.
    private func renewalsToFollow(among targets: [SyncTarget]) throws -> [ContractID] {
        let wanted = Set(targets.map(\.id))
        return try projections.contractsFollowingRenewals().filter { wanted.contains($0) }
    }

    /// Reconciles one batch of contracts in one write transaction, folding each contract's stream once.
    private func reconcile(
        _ batch: ArraySlice<SyncTarget>, observations: SyncObservations, pullAssets: Bool, run: Int
    ) throws -> SyncBatchOutcome {
        try command { transaction, commandID in
            var outcome = SyncBatchOutcome()
            for target in batch {
                let state = try contractState(target.id)
                if let problem = observations.unreadable[target.reference.contractID] {
                    outcome.counts.failed += 1
                    try append(
                        [SyncContractFailed(contractID: target.id, reason: problem).event], to: .sync(run),
                        expected: .any, in: transaction, commandID: commandID, syncRun: run, actor: "sync")
                    continue
                }
                let observation = observations.observation(for: target.reference, pullAssets: pullAssets)
                let events: [LedgerEvent]
                do {
                    events = try Decisions.reconcile(state, with: observation, syncRun: run)
                } catch {
                    outcome.counts.failed += 1
                    let failure = SyncContractFailed(contractID: target.id, reason: AutotaskGateway.oneLine(error))
                    try append(
                        [failure.event], to: .sync(run), expected: .any, in: transaction, commandID: commandID,
                        syncRun: run, actor: "sync")
                    continue
                }
                try append(
                    events, to: .contract(target.id), expected: .exact(Int64(state.version)), in: transaction,
                    commandID: commandID, syncRun: run, actor: "sync")
                outcome.counts.checked += 1
                if events.isEmpty {
                    outcome.counts.unchanged += 1
                } else {
                    outcome.counts.changed += 1
                    outcome.changes.append(ContractChanges(contract: target.id, events: events))
                }
                if events.reduce(state, { $0.evolved(by: $1) }).missingReason != nil { outcome.counts.missing += 1 }
            }
            return outcome
        }
    }
}
