import Foundation

/// How an LCI contract came to be, which decides who owns its fields.
public enum ContractOrigin: Hashable, Sendable, CustomStringConvertible {
    /// Imported from Autotask; its Autotask fields are owned by Autotask.
    case imported(AutotaskReference)
    /// Created by hand in LCI; native, every field owned by LCI.
    case created
    /// Copied from another LCI contract; native, every field owned by LCI.
    case copied(from: ContractID)

    /// Whether the contract was imported from Autotask.
    public var isImported: Bool { reference != nil }

    /// The Autotask reference of an imported contract.
    public var reference: AutotaskReference? {
        if case .imported(let reference) = self { return reference }
        return nil
    }

    /// Who owns a field on a contract of this origin.
    public func owner(of field: FieldName) -> FieldOwner {
        isImported && field.isAutotaskField ? .autotask : .lci
    }

    /// For people: `imported from Autotask contract 123`, `created in LCI`, `copied from LC-1`.
    public var description: String {
        switch self {
        case .imported(let reference): "imported from \(reference)"
        case .created: "created in LCI"
        case .copied(let source): "copied from \(source)"
        }
    }
}
