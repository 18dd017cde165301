import ArgumentParser
import Autotask
import ContractsCore
import EventLog
import Foundation
import Ledger

/// Turns any error into one line on stderr and an exit status.
enum ErrorReport {
    /// Prints `error: <message>` on stderr and returns the exit status.
    static func print(_ error: any Error) -> Int32 {
        let (status, message) = classify(error)
        let line = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        fflush(nil)
        FileHandle.standardError.write(Data("error: \(line)\n".utf8))
        return status.rawValue
    }

    /// The status and message of an error.
    static func classify(_ error: any Error) -> (ExitStatus, String) {
        switch error {
        case let error as CLIError:
            return (error.status, error.message)
        case let error as LedgerError:
            return (status(of: error.code), error.message)
        case let error as EventLogError:
            return (status(of: error.code), error.message)
        case let error as AutotaskError:
            let status: ExitStatus =
                [.invalidCredentials, .invalidConfiguration].contains(error.code) ? .badInput : .autotaskProblem
            return (status, error.message)
        case let error as SyncError:
            return (status(of: error.code), error.message)
        case let error as AutotaskGatewayError:
            return (.badInput, error.message)
        case let error as ImportError:
            return (.badInput, error.message)
        case let error as any LedgerStorageError where error.isDiskFull:
            return (
                .diskFull,
                "disk full: the disk holding the ledger has no room, so nothing was recorded; free some space and try again"
            )
        case let error as any LedgerStorageError:
            return (.ledgerProblem, "the ledger file could not be read or written (\(error)); check the file")
        case let error as ValidationError:
            return (.badInput, error.message)
        default:
            return (.unexpected, "unexpected failure: \(String(describing: type(of: error))); please report it")
        }
    }

    static func status(of code: LedgerError.Code) -> ExitStatus {
        switch code {
        case .malformedAssignment, .unknownField, .invalidValue, .requiredField, .duplicateField,
            .contractNotFound, .invalidSettings:
            .badInput
        case .fieldOwnedByAutotask, .alreadyImported, .overlappingImport, .notImported, .notRenewed, .invalidContract,
            .invalidObservation:
            .refused
        case .unknownEventType, .unsupportedSchemaVersion, .badPayload:
            .ledgerProblem
        }
    }

    static func status(of code: SyncError.Code) -> ExitStatus {
        switch code {
        case .busy: .busy
        case .lockUnavailable: .ledgerProblem
        case .runFailed: .autotaskProblem
        case .interrupted: .interrupted
        case .unknownRun: .badInput
        }
    }

    static func status(of code: EventLogError.Code) -> ExitStatus {
        switch code {
        case .invalidArgument: .unexpected
        case .busy: .busy
        case .diskFull: .diskFull
        default: .ledgerProblem
        }
    }
}
