extension AutotaskClient {
    /// Checks that the API user can read contracts, through `Contracts/entityInformation`.
    ///
    /// This tells "this company has no contracts" apart from "this user cannot see contracts": an empty
    /// query answer means nothing until this check passes.
    ///
    /// - Parameter requireFullAccess: Whether `Restricted` access (results may leave contracts out) also
    ///   fails; `true` by default, since an import needs View = All and Contract Visibility = Full.
    /// - Returns: The query access level: ``AccessLevel/all``, or ``AccessLevel/restricted`` when allowed.
    /// - Throws: ``AutotaskError`` with code ``AutotaskError/Code/permissionDenied`` (its message lists the
    ///   security-level steps that fix it) when the user cannot read contracts.
    @discardableResult
    public func checkContractAccess(requireFullAccess: Bool = true) async throws -> AccessLevel {
        let endpoint = Contract.entityPath
        let info = try await entityInformation(endpoint)
        let access = info.userAccessForQuery ?? (info.canQuery == false ? AccessLevel.none : .all)
        switch access {
        case .all where info.canQuery != false:
            return .all
        case .restricted where !requireFullAccess && info.canQuery != false:
            return .restricted
        case .restricted:
            throw AutotaskError.permissionDenied(
                endpoint: endpoint,
                status: nil,
                messages: ["userAccessForQuery is Restricted: some contracts are hidden from this API user"]
            )
        default:
            throw AutotaskError.permissionDenied(
                endpoint: endpoint,
                status: nil,
                messages: ["userAccessForQuery is None: this API user cannot see any contract"]
            )
        }
    }

    /// Checks, before a large job, that it fits in what is left of the tenant's hourly request threshold.
    ///
    /// - Parameters:
    ///   - requests: The requests the job will make.
    ///   - reserve: Requests to leave for other integrations of the tenant (0 by default).
    /// - Returns: The threshold information read (the check costs one request).
    /// - Throws: ``AutotaskError`` with code ``AutotaskError/Code/budgetExceeded`` when the job would cross it.
    @discardableResult
    public func ensureBudget(requests: Int, reserve: Int = 0) async throws -> ThresholdInformation {
        let threshold = try await thresholdInformation()
        if threshold.currentTimeframeRequestCount + requests + reserve > threshold.externalRequestThreshold {
            throw AutotaskError.budgetExceeded(needed: requests + reserve, threshold: threshold)
        }
        return threshold
    }

    /// The pages needed to read `records` records at `pageSize` per page (at least one).
    public static func pagesNeeded(records: Int, pageSize: Int = 500) -> Int {
        let size = min(max(pageSize, 1), 500)
        return max(1, (records + size - 1) / size)
    }
}
