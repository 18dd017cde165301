import EventLog
import Foundation
import Ledger
import Projections

/// Money as every output prints it: a decimal with exactly two places (`15150.00`), rounded half up.
enum Money {
    /// The amount with two decimals.
    static func text(_ amount: Decimal) -> String {
        var value = amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        let plain = rounded.description
        let negative = plain.hasPrefix("-")
        let digits = negative ? String(plain.dropFirst()) : plain
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts.first.map(String.init).flatMap { $0.isEmpty ? nil : $0 } ?? "0"
        var fraction = parts.count > 1 ? String(parts[1].prefix(2)) : ""
        while fraction.count < 2 { fraction += "0" }
        let isZero = whole.allSatisfy { $0 == "0" } && fraction == "00"
        return (negative && !isZero ? "-" : "") + whole + "." + fraction
    }

    /// Stored amount text (such as `15150` or `1200.5`) with two decimals; other text as it is.
    static func text(stored: String?) -> String? {
        guard let stored else { return nil }
        guard let amount = Decimal(string: stored, locale: Locale(identifier: "en_US_POSIX")) else { return stored }
        return text(amount)
    }
}

extension JSONValue {
    /// A field value in its typed JSON form: numbers as numbers, money as a two-decimal string, dates as
    /// ISO dates, lists as arrays of strings, an empty value as null.
    static func field(_ value: FieldValue) -> JSONValue {
        switch value {
        case .empty: .null
        case .text(let text): .string(text)
        case .integer(let number): .number(String(number))
        case .money(let amount): .string(Money.text(amount))
        case .date(let date): .string(date.description)
        case .choice(let choice): .string(choice)
        case .list(let items): .array(items.map { .string($0) })
        }
    }

    /// A field's stored text (as the projections keep it) in its typed JSON form.
    static func field(_ name: String, stored: String?) -> JSONValue {
        guard let stored else { return .null }
        guard let field = FieldName(rawValue: name) else { return .string(stored) }
        switch field.kind {
        case .integer: return Int(stored).map { .number(String($0)) } ?? .string(stored)
        case .money: return .string(Money.text(stored: stored) ?? stored)
        case .list: return .array(stored.components(separatedBy: ", ").map { .string($0) })
        default: return .string(stored)
        }
    }

    /// One stored event as every command prints it: `type`, `position`, `recordedAt`, `by` (the actor),
    /// `run` (the sync run, if any) and `data` (the whole payload, amounts with two decimals).
    static func event(_ recorded: RecordedEvent, decoded: LedgerEvent? = nil) -> JSONValue {
        let metadata = EventMetadata.decode(recorded.metadata)
        let event = decoded ?? (try? Projector.decode(recorded))
        return .object([
            ("type", .string(recorded.type)), ("position", .int64(recorded.position)),
            ("recordedAt", .string(recorded.recordedAt)), ("by", .text(metadata.actor)),
            ("run", .int(event?.syncRun ?? metadata.syncRun)),
            ("data", (JSONValue.parse(recorded.payload) ?? .null).moneyWithTwoPlaces()),
        ])
    }

    /// The value with every amount of a money field written with two decimals: the `from` and `to` of an
    /// object whose `field` is a money field, and the money fields of a `fields` object.
    func moneyWithTwoPlaces() -> JSONValue {
        switch self {
        case .array(let items): return .array(items.map { $0.moneyWithTwoPlaces() })
        case .object(let pairs):
            var moneyField = false
            if case .string(let name)? = pairs.first(where: { $0.0 == "field" })?.1,
                let field = FieldName(rawValue: name),
                case .money = field.kind
            {
                moneyField = true
            }
            return .object(
                pairs.map { key, value in
                    if moneyField, key == "from" || key == "to" { return (key, value.asMoney()) }
                    if key == "fields", case .object(let fields) = value {
                        return (
                            key,
                            .object(
                                fields.map { name, value in
                                    guard let field = FieldName(rawValue: name), case .money = field.kind else {
                                        return (name, value)
                                    }
                                    return (name, value.asMoney())
                                })
                        )
                    }
                    return (key, value.moneyWithTwoPlaces())
                })
        default: return self
        }
    }

    private func asMoney() -> JSONValue {
        guard case .string(let text) = self else { return self }
        return .string(Money.text(stored: text) ?? text)
    }
}
