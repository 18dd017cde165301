import EventLog
import Foundation

/// Heads of the log kept outside the ledger (`contracts head`), against which the audit checks the log.
///
/// The hash chain alone has no key: someone who rewrites the file and recomputes every hash passes it. A
/// head kept where that person cannot write closes the gap: the event at its position must still have
/// its hash, or everything up to it was rewritten.
public enum AuditAnchors {
    /// Reads `POSITION HASH` lines (hash in hex); blank lines and `#` comments are skipped.
    ///
    /// - Throws: ``AnchorError`` naming the line of a malformed line.
    public static func parse(_ text: String) throws -> [(position: Int64, hash: Data)] {
        var anchors: [(Int64, Data)] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if parts.isEmpty { continue }
            guard parts.count == 2, let position = Int64(parts[0]), position > 0, let hash = hexData(parts[1]) else {
                throw AnchorError(
                    "line \(number + 1) of the anchor file is not `POSITION HASH` (as `contracts head` prints it)")
            }
            anchors.append((position, hash))
        }
        return anchors
    }

    /// The faults of a log that does not hold every anchored head.
    public static func check(path: String, anchors: [(position: Int64, hash: Data)]) throws -> [AuditFault] {
        let log = try EventLog.open(path: path, options: EventLog.Options(readOnly: true))
        var faults: [AuditFault] = []
        for (position, hash) in anchors {
            guard let event = try log.event(at: position) else {
                faults.append(
                    AuditFault(
                        kind: "anchor-missing", position: position,
                        detail:
                            "the anchored head at position \(position) is past the end of the log: events were removed")
                )
                continue
            }
            if event.hash != hash {
                faults.append(
                    AuditFault(
                        kind: "anchor-mismatch", position: position, stream: event.stream,
                        detail: "the event at the anchored position has another hash than the one kept: the log up "
                            + "to it was rewritten"))
            }
        }
        return faults
    }

    static func hexData<S: StringProtocol>(_ text: S) -> Data? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0, !digits.isEmpty else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return Data(bytes)
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// An anchor file that cannot be read.
public struct AnchorError: Error, CustomStringConvertible {
    /// What is wrong, in one line.
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
