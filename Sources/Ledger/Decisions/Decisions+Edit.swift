import Foundation

extension Decisions {
    /// Edits fields of a contract: one ``FieldEdited`` per field whose value changes, in catalogue order.
    ///
    /// LCI-owned fields are editable on every contract; Autotask-owned fields only on native ones.
    /// A refusal names the field, its owner and both ways forward. Assigning the value a field
    /// already has produces nothing, so an empty result means "no change". The edit is all or
    /// nothing: one refused assignment refuses the whole edit. When the edit sets a date, `endDate`
    /// may not precede `startDate` afterwards. `reason`, if given, is stored with each event.
    public static func edit(_ state: ContractState, _ assignments: [FieldAssignment], reason: String? = nil)
        throws(LedgerError) -> [LedgerEvent]
    {
        try requireExisting(state)
        try refuseDuplicates(assignments)
        let reason = try checkedReason(reason)
        for assignment in assignments where state.owner(of: assignment.field) == .autotask {
            throw ownedByAutotask(assignment.field, state: state)
        }
        var fields = state.fields
        for assignment in assignments { fields[assignment.field] = assignment.value }
        if assignments.contains(where: { $0.field == .startDate || $0.field == .endDate }) {
            try checkDates(fields)
        }
        return FieldName.allCases.compactMap { field in
            guard fields[field] != state[field] else { return nil }
            return FieldEdited(field: field, from: state[field], to: fields[field], reason: reason).event
        }
    }

    /// The refusal of an edit of an Autotask-owned field.
    static func ownedByAutotask(_ field: FieldName, state: ContractState) -> LedgerError {
        let source = state.reference.map { " (imported from \($0))" } ?? ""
        return LedgerError(
            .fieldOwnedByAutotask,
            "\(field) is owned by Autotask on \(state.id)\(source); change it in Autotask, "
                + "or run `contracts copy \(state.id)` to make an editable native copy")
    }

    private static func checkedReason(_ reason: String?) throws(LedgerError) -> String? {
        guard let reason else { return nil }
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        guard text.count <= 500, TextRules.forbiddenScalar(in: text) == nil else {
            throw LedgerError(
                .invalidValue, "the reason must be at most 500 characters, without control characters")
        }
        return text
    }
}
