/// The tenant's picklists: values are integers, sent as strings in field information.
enum Picklists {
    static let companyType = list([
        (1, "Customer"), (2, "Lead"), (3, "Prospect"), (4, "Dead"), (6, "Cancellation"), (7, "Vendor"),
        (8, "Partner"),
    ])
    static let companyClassification = list([(1, "Gold"), (2, "Silver"), (3, "Bronze")], system: false)
    static let contractType = list([
        (1, "Time and Materials"), (3, "Fixed Price"), (4, "Block Hours"), (6, "Retainer"),
        (7, "Recurring Service"), (8, "Per Ticket"),
    ])
    static let contractStatus = list([(0, "Inactive"), (1, "Active")], defaultValue: 1)
    static let contractCategory = list(
        [(1, "Managed Services"), (2, "Break/Fix"), (3, "Projects"), (4, "Backup and Recovery"), (5, "Cloud")],
        system: false)
    static let periodType = list([(1, "Monthly"), (2, "Quarterly"), (3, "Semi-Annual"), (4, "Yearly")])
    static let billingPreference = list([(1, "Manually"), (2, "Immediately"), (3, "Timesheet Approved")])
    static let serviceLevelAgreement = list([(1, "Standard SLA"), (2, "Premium SLA")], system: false)
    static let configurationItemType = list(
        [
            (1, "Workstation"), (2, "Server"), (3, "Network Device"), (4, "Printer"), (5, "Mobile Device"),
            (6, "Software License"),
        ],
        system: false)
    static let configurationItemCategory = list([(1, "Standard"), (2, "Critical")], defaultValue: 1, system: false)
    static let productCategory = list([(1, "Hardware"), (2, "Software"), (3, "Networking")], system: false)

    /// The number of months in one billing period of a `contractPeriodType` / `periodType` value.
    static func months(ofPeriodType value: Int64?) -> Int {
        switch value {
        case 2: return 3
        case 3: return 6
        case 4: return 12
        default: return 1
        }
    }

    /// The label of a picklist value, if the value is on the list.
    static func label(_ value: Int64, in list: [PicklistValue]) -> String? {
        list.first { Int64($0.value) == value }?.label
    }

    private static func list(
        _ entries: [(Int, String)], defaultValue: Int? = nil, system: Bool = true
    ) -> [PicklistValue] {
        entries.map { PicklistValue(value: $0.0, label: $0.1, isDefault: $0.0 == defaultValue, isSystem: system) }
    }
}
