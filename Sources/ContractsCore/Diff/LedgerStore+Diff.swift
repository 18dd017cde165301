import EventLog
import Foundation
import Ledger
import Projections

extension LedgerStore {
    /// Compares the state at the end of run `runA` with the state at the end of run `runB`, optionally
    /// for one contract.
    ///
    /// Both states are folded by the projections' own code into scratch databases, up to each run's last
    /// position (the log is read once: up to the earlier run, then a copy continues to the later one), and
    /// their tables are compared.
    ///
    /// `progress`, when given, is called now and then with the events folded and the position to reach.
    public func diff(
        _ runA: Int, _ runB: Int, contract: ContractID? = nil, progress: ((Int64, Int64) -> Void)? = nil
    ) throws -> SyncDiff {
        let (positionA, unfinishedA) = try end(of: runA)
        let (positionB, unfinishedB) = try end(of: runB)
        let scratch = try ProjectionScratch()
        let (before, after) = try scratch.fold(log, through: positionA, and: positionB, progress: progress)
        let delta = try ProjectionDelta(from: before, to: after, contract: contract)
        var diff = SyncDiff(
            runA: runA, runB: runB, positionA: Int(positionA), positionB: Int(positionB),
            contractsAdded: delta.contractsAdded.map(\.rawValue).sorted(by: Self.idOrder),
            contractsRemoved: delta.contractsRemoved.map(\.rawValue).sorted(by: Self.idOrder), fields: [],
            assetsAdded: [], assetsRemoved: [], autotaskStatus: [])
        diff.unfinished = [unfinishedA, unfinishedB].compactMap { $0 }.reduce(into: []) { runs, run in
            if !runs.contains(run) { runs.append(run) }
        }
        for field in delta.fields {
            guard let type = try log.event(at: field.position)?.type else {
                throw EventLogError(
                    .damaged,
                    "the log has no event at position \(field.position), which the projections name; "
                        + "run ledger-replay to audit the ledger")
            }
            diff.fields.append(
                .init(
                    contract: field.contract.rawValue, field: field.field, from: field.from, to: field.to,
                    position: Int(field.position), event: type))
        }
        diff.fields.sort { ($0.contract, $0.position) < ($1.contract, $1.position) }
        diff.assetsAdded = delta.assetsAdded.map {
            .init(contract: $0.contract.rawValue, assetID: $0.assetID, name: $0.name, position: Int($0.linkedPosition))
        }
        for asset in delta.assetsRemoved {
            diff.assetsRemoved.append(
                .init(
                    contract: asset.contract.rawValue, assetID: asset.assetID, name: asset.name,
                    position: try unlinkPosition(asset, after: positionA, through: positionB)))
        }
        diff.assetsAdded.sort { ($0.contract, $0.assetID) < ($1.contract, $1.assetID) }
        diff.assetsRemoved.sort { ($0.contract, $0.assetID) < ($1.contract, $1.assetID) }
        diff.autotaskStatus = try statusChanges(delta.statuses, positions: (positionA, positionB))
        return diff
    }

    /// Where a run's state ends: its last event when it finished; when it did not (still running, or killed
    /// and marked interrupted by a later run), the last event it committed itself, with how many contract
    /// events that was.
    func end(of run: Int) throws -> (position: Int64, unfinished: SyncDiff.UnfinishedRun?) {
        guard let row = try syncRun(run), row.status == .running || row.status == .interrupted else {
            return (try endPosition(of: run), nil)
        }
        var last = Int64(row.startedPosition)
        var changes = 0
        try log.read {
            try log.cursor(from: Int64(row.startedPosition)).visit { recorded in
                guard EventMetadata.syncRun(in: recorded.metadata) == run else { return }
                if recorded.stream == StreamName.sync(run).rawValue || recorded.stream.hasPrefix("contract/") {
                    last = recorded.position
                    if recorded.stream.hasPrefix("contract/") { changes += 1 }
                }
            }
        }
        return (last, SyncDiff.UnfinishedRun(run: run, status: row.status, committedChanges: changes))
    }

    /// The last position of a run: its finishing event, or its stream's last event while it runs.
    func endPosition(of run: Int) throws -> Int64 {
        if let row = try syncRun(run), let finished = row.finishedPosition { return Int64(finished) }
        guard let last = try log.events(in: StreamName.sync(run).rawValue).last else {
            throw SyncError(.unknownRun, "there is no sync run #\(run); `contracts runs` lists the runs")
        }
        return last.position
    }

    private func unlinkPosition(_ asset: ProjectionDelta.Asset, after start: Int64, through end: Int64) throws -> Int? {
        for recorded in try log.events(in: StreamName.contract(asset.contract).rawValue).reversed()
        where recorded.position > start && recorded.position <= end {
            if case .assetUnlinked(let unlinked) = try Projector.decode(recorded), unlinked.assetID == asset.assetID {
                return Int(recorded.position)
            }
        }
        return nil
    }

    /// `LC-2` before `LC-10`.
    ///
    /// Two `LC-<n>` ids with different numbers compare by number without Foundation's numeric string
    /// comparison, which costs about a microsecond: the audit sorts a run's ten thousand contracts.
    static func idOrder(_ lhs: String, _ rhs: String) -> Bool {
        if let left = ContractID(lhs).number, let right = ContractID(rhs).number, left != right {
            return left < right
        }
        return lhs.compare(rhs, options: .numeric) == .orderedAscending
    }

    /// The contracts whose missing reason, renewal or Autotask reference differ between the two states,
    /// each with the last event between the two positions that set the new value.
    ///
    /// A followed renewal is one row (`autotaskReference`, from the old reference to the new); the
    /// renewal it followed is not reported again as `renewedTo` going back to nothing.
    private func statusChanges(
        _ statuses: [ProjectionDelta.StatusChange], positions: (from: Int64, through: Int64)
    ) throws -> [SyncDiff.StatusChange] {
        var changes: [SyncDiff.StatusChange] = []
        for status in statuses.sorted(by: { Self.idOrder($0.contract.rawValue, $1.contract.rawValue) }) {
            let columns = [
                (
                    SyncDiff.StatusChange.Field.missingInAutotask, status.missingReason,
                    [MissingInAutotask.eventType, FoundInAutotask.eventType]
                ),
                (.renewedTo, status.renewedTo, [RenewedInAutotask.eventType, RenewalFollowed.eventType]),
                (.autotaskReference, status.reference, [RenewalFollowed.eventType]),
            ]
            for (field, value, types) in columns where value.changed {
                if field == .renewedTo, status.reference.changed, value.to == nil { continue }
                let event = try lastEvent(of: types, contract: status.contract, in: positions)
                changes.append(
                    .init(
                        contract: status.contract.rawValue, field: field, from: value.from, to: value.to,
                        position: event.map { Int($0.position) }, event: event?.type))
            }
        }
        return changes
    }

    /// The contract's last event of one of `types` in `(from, through]`, if any.
    private func lastEvent(
        of types: [String], contract: ContractID, in positions: (from: Int64, through: Int64)
    ) throws -> RecordedEvent? {
        try log.events(in: StreamName.contract(contract).rawValue).last {
            $0.position > positions.from && $0.position <= positions.through && types.contains($0.type)
        }
    }
}
