import EventLog
import Foundation
import Ledger
import Projections

extension LedgerStore {
    /// The result of a command: the contract it concerns and the events it wrote (none for "no change").
    public struct CommandResult: Sendable {
        /// The contract the command created or changed, if any.
        public let contractID: ContractID?
        /// The events written, in order.
        public let events: [LedgerEvent]
    }

    /// Runs a command in one write transaction with a fresh command id.
    func command<T>(_ body: (LogTransaction, String) throws -> T) throws -> T {
        let commandID = options.makeEventID()
        return try log.write { try body($0, commandID) }
    }

    /// The ledger's settings.
    public func settings() throws -> LedgerSettings {
        LedgerSettings.fold(try events(of: .ledger))
    }

    /// The current state of a contract, folded from its stream; refuses an unknown id.
    public func contractState(_ id: ContractID) throws -> ContractState {
        let state = ContractState.fold(id: id, try events(of: .contract(id)))
        guard state.exists else {
            throw LedgerError(.contractNotFound, "there is no contract \(id); `contracts list` shows the contracts")
        }
        return state
    }

    /// Sets the primary integration (Autotask or IT Glue).
    @discardableResult
    public func setPrimaryIntegration(_ integration: PrimaryIntegration) throws -> CommandResult {
        try command { transaction, commandID in
            let settings = try settings()
            let events = Decisions.setPrimaryIntegration(integration, settings: settings)
            try append(
                events, to: .ledger, expected: Self.expected(afterVersion: settings.version), in: transaction,
                commandID: commandID)
            return CommandResult(contractID: nil, events: events)
        }
    }

    /// Records the Autotask connection (never the secret).
    @discardableResult
    public func configureConnection(discoveryURL: String?, zoneURL: String?, userName: String, integrationCode: String)
        throws -> CommandResult
    {
        try command { transaction, commandID in
            let settings = try settings()
            let connection = AutotaskConnectionConfigured(
                discoveryURL: discoveryURL, zoneURL: zoneURL, userName: userName, integrationCode: integrationCode)
            let events = try Decisions.configureAutotaskConnection(connection, settings: settings)
            try append(
                events, to: .ledger, expected: Self.expected(afterVersion: settings.version), in: transaction,
                commandID: commandID)
            return CommandResult(contractID: nil, events: events)
        }
    }

    /// Records a fetch made to browse a company's contracts.
    public func recordBrowse(_ browse: ContractsBrowsed) throws {
        try command { transaction, commandID in
            try append([browse.event], to: .browse, expected: .any, in: transaction, commandID: commandID)
        }
    }

    /// Imports a whole Autotask contract (with its assets when Autotask is primary) as a new LCI contract.
    @discardableResult
    public func importContract(_ contract: AutotaskContractSnapshot, assets: [AutotaskAssetSnapshot]) throws
        -> CommandResult
    {
        try command { transaction, commandID in
            let id = try nextContractID()
            let events = try Decisions.importContract(
                contract, assets: assets, as: id, settings: try settings(),
                index: try importIndex(for: .contract(contract.contractID)))
            try append(events, to: .contract(id), expected: .noStream, in: transaction, commandID: commandID)
            return CommandResult(contractID: id, events: events)
        }
    }

    /// Imports one service of an Autotask contract as a new LCI contract (no assets).
    @discardableResult
    public func importService(_ service: AutotaskServiceSnapshot, of contract: AutotaskContractSnapshot) throws
        -> CommandResult
    {
        try command { transaction, commandID in
            let id = try nextContractID()
            let events = try Decisions.importService(
                service, of: contract, as: id, index: try importIndex(for: service.reference))
            try append(events, to: .contract(id), expected: .noStream, in: transaction, commandID: commandID)
            return CommandResult(contractID: id, events: events)
        }
    }

    /// Edits fields of a contract; Autotask-owned fields of an imported contract are refused.
    @discardableResult
    public func edit(_ id: ContractID, _ assignments: [FieldAssignment]) throws -> CommandResult {
        try command { transaction, commandID in
            let state = try contractState(id)
            let events = try Decisions.edit(state, assignments)
            try append(
                events, to: .contract(id), expected: .exact(Int64(state.version)), in: transaction,
                commandID: commandID)
            return CommandResult(contractID: id, events: events)
        }
    }

    /// Copies any contract to a new native LCI contract, every field editable.
    @discardableResult
    public func copy(_ id: ContractID) throws -> CommandResult {
        try command { transaction, commandID in
            let source = try contractState(id)
            let newID = try nextContractID()
            let events = try Decisions.copy(source, as: newID)
            try append(events, to: .contract(newID), expected: .noStream, in: transaction, commandID: commandID)
            return CommandResult(contractID: newID, events: events)
        }
    }

    /// Creates a native LCI contract by hand.
    @discardableResult
    public func create(_ assignments: [FieldAssignment]) throws -> CommandResult {
        try command { transaction, commandID in
            let id = try nextContractID()
            let events = try Decisions.create(id, assignments: assignments)
            try append(events, to: .contract(id), expected: .noStream, in: transaction, commandID: commandID)
            return CommandResult(contractID: id, events: events)
        }
    }

    /// Turns the nightly sync of an imported contract on or off.
    @discardableResult
    public func setAutoSync(_ id: ContractID, enabled: Bool) throws -> CommandResult {
        try command { transaction, commandID in
            let state = try contractState(id)
            let events = try Decisions.setAutoSync(state, enabled: enabled)
            try append(
                events, to: .contract(id), expected: .exact(Int64(state.version)), in: transaction,
                commandID: commandID)
            return CommandResult(contractID: id, events: events)
        }
    }

    /// The next free `LC-<n>` id (call inside the write transaction).
    func nextContractID() throws -> ContractID {
        ContractID.numbered(try projections.highestContractNumber() + 1)
    }

    /// The import index as far as one reference is concerned: the imports of its Autotask contract
    /// (the whole contract and its services alone), which is all the import rules look at.
    func importIndex(for reference: AutotaskReference) throws -> ImportIndex {
        try projections.importIndex(ofAutotaskContract: reference.contractID)
    }
}
