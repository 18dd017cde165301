import Foundation
import Testing

@testable import Autotask

@Suite("Decoding entities of the real shapes")
struct EntityDecodingTests {
    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0)
        -> Date
    {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(
            from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        )!
    }

    @Test("a contract with every field a ledger needs decodes")
    func contractDecodes() throws {
        let json = """
            {"id":1001,"companyID":101,"contractName":"Acme Managed IT Services","contractNumber":"C-1001",
             "contractType":7,"contractCategory":3,"status":1,"startDate":"2024-01-01T00:00:00Z",
             "endDate":"2025-12-31T00:00:00","contractPeriodType":1,"billingPreference":2,
             "estimatedRevenue":12345.67,"estimatedCost":0.1,"estimatedHours":10,"setupFee":null,
             "isDefaultContract":false,"isCompliant":true,"renewedContractID":1007,"exclusionContractID":null,
             "description":"Managed services","lastModifiedDateTime":"2025-03-17T10:32:29.52Z",
             "purchaseOrderNumber":"PO-1","contactName":"Ann","billToCompanyID":101,
             "userDefinedFields":[{"name":"NAV ID","value":"0.0000"},{"name":"Region","value":null}]}
            """
        let contract = try Self.decode(Contract.self, json)
        #expect(contract.id == 1001)
        #expect(contract.companyID == 101)
        #expect(contract.contractName == "Acme Managed IT Services")
        #expect(contract.contractNumber == "C-1001")
        #expect(contract.contractType == 7)
        #expect(contract.contractType?.intValue == 7)
        #expect(contract.status == 1)
        #expect(contract.startDate == Self.utc(2024, 1, 1))
        #expect(contract.endDate == Self.utc(2025, 12, 31))
        #expect(contract.contractPeriodType == 1)
        #expect(contract.estimatedRevenue == Decimal(string: "12345.67"))
        #expect(contract.estimatedCost == Decimal(string: "0.1"))
        #expect(contract.estimatedHours == 10)
        #expect(contract.setupFee == nil)
        #expect(contract.isDefaultContract == false)
        #expect(contract.isCompliant == true)
        #expect(contract.renewedContractID == 1007)
        #expect(contract.exclusionContractID == nil)
        #expect(contract.description == "Managed services")
        #expect(contract.lastModifiedDateTime == Self.utc(2025, 3, 17, 10, 32, 29).addingTimeInterval(0.52))
        #expect(contract.userDefinedFields.count == 2)
        #expect(contract.userDefinedFields[udf: "nav id"] == "0.0000")
        #expect(contract.userDefinedFields[udf: "Region"] == nil)
    }

    @Test(
        "timestamps decode with 0 to 7 fraction digits, with or without Z",
        arguments: [
            ("2023-05-04T08:53:10", 0.0), ("2023-05-04T08:53:10Z", 0.0), ("2023-05-04T08:53:10.5", 0.5),
            ("2023-05-04T08:53:10.5Z", 0.5), ("2023-05-04T08:53:10.52Z", 0.52), ("2023-05-04T08:53:10.167", 0.167),
            ("2023-05-04T08:53:10.1675Z", 0.1675), ("2023-05-04T08:53:10.16751", 0.16751),
            ("2023-05-04T08:53:10.167512Z", 0.167512), ("2023-05-04T08:53:10.1675123", 0.1675123),
            ("2023-05-04T08:53:10.1675123Z", 0.1675123),
        ]
    )
    func timestamps(text: String, fraction: Double) throws {
        let date = try #require(AutotaskDate.parse(text))
        let expected = Self.utc(2023, 5, 4, 8, 53, 10).timeIntervalSince1970 + fraction
        #expect(abs(date.timeIntervalSince1970 - expected) < 0.000_001)
        let contract = try Self.decode(Contract.self, #"{"id":1,"lastModifiedDateTime":"\#(text)"}"#)
        #expect(contract.lastModifiedDateTime == date)
    }

    @Test("date-only values and explicit offsets decode; garbage does not")
    func otherTimestampForms() {
        #expect(AutotaskDate.parse("2024-02-29") == Self.utc(2024, 2, 29))
        #expect(AutotaskDate.parse("2024-02-29T01:00:00+01:00") == Self.utc(2024, 2, 29))
        #expect(AutotaskDate.parse("2024-02-29T00:00:00-0130") == Self.utc(2024, 2, 29, 1, 30))
        #expect(AutotaskDate.parse("1999-12-31T23:59:59Z") == Self.utc(1999, 12, 31, 23, 59, 59))
        #expect(AutotaskDate.parse("not a date") == nil)
        #expect(AutotaskDate.parse("2024-13-01T00:00:00Z") == nil)
        #expect(AutotaskDate.parse("2024-01-01T00:00:00Zjunk") == nil)
        #expect(AutotaskDate.parse("") == nil)
    }

    @Test("dates format as the UTC timestamps Autotask accepts, and parse back")
    func formatting() {
        let date = Self.utc(2024, 5, 1, 12, 0, 0).addingTimeInterval(0.25)
        #expect(AutotaskDate.string(from: date) == "2024-05-01T12:00:00.250Z")
        #expect(AutotaskDate.parse(AutotaskDate.string(from: date)) == date)
        #expect(AutotaskDate.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(AutotaskDate.string(from: Self.utc(1969, 12, 31, 23, 59, 59)) == "1969-12-31T23:59:59.000Z")
    }

    @Test("numbers sent as strings, and picklists as numbers or strings, decode")
    func looseNumbers() throws {
        let json = """
            {"id":"1001","companyID":"101","contractType":"7","status":1,"contractPeriodType":"m",
             "estimatedRevenue":"1234.5600","renewedContractID":1007.0,"contractCategory":" 3 "}
            """
        let contract = try Self.decode(Contract.self, json)
        #expect(contract.id == 1001)
        #expect(contract.companyID == 101)
        #expect(contract.contractType == 7)
        #expect(contract.contractType == PicklistValue(rawValue: "7"))
        #expect(contract.status?.intValue == 1)
        #expect(contract.contractPeriodType == "m")
        #expect(contract.contractPeriodType?.intValue == nil)
        #expect(contract.estimatedRevenue == Decimal(string: "1234.56"))
        #expect(contract.renewedContractID == 1007)
        #expect(contract.contractCategory == 3)
    }

    @Test("money decodes exactly as Decimal, from numbers and from strings")
    func exactMoney() throws {
        let json = """
            {"id":3001,"contractID":1001,"serviceID":201,"unitPrice":79.99,"unitCost":0.3,
             "adjustedPrice":"1234567890123.4567","internalCurrencyUnitPrice":1e2,"invoiceDescription":"Desktop"}
            """
        let service = try Self.decode(ContractService.self, json)
        #expect(service.unitPrice == Decimal(string: "79.99"))
        #expect(service.unitCost == Decimal(string: "0.3"))
        #expect(service.adjustedPrice == Decimal(string: "1234567890123.4567"))
        #expect(service.internalCurrencyUnitPrice == 100)
        #expect(service.invoiceDescription == "Desktop")
        let partial = try Self.decode(ContractService.self, #"{"id":1,"unitPrice":"12abc","adjustedPrice":"-0.5"}"#)
        #expect(partial.unitPrice == nil)
        #expect(partial.adjustedPrice == Decimal(string: "-0.5"))
    }

    @Test(
        "booleans decode from true/false, 1/0 and strings",
        arguments: [
            ("true", true), ("false", false), ("1", true), ("0", false), (#""true""#, true), (#""False""#, false),
            (#""1""#, true), (#""0""#, false),
        ]
    )
    func booleans(literal: String, expected: Bool) throws {
        let item = try Self.decode(ConfigurationItem.self, #"{"id":5001,"isActive":\#(literal)}"#)
        #expect(item.isActive == expected)
    }

    @Test("unknown keys are ignored, keys match in any case, nulls become nil")
    func unknownKeysCaseAndNulls() throws {
        let json = """
            {"ID":5001,"CompanyID":101,"ContractID":1001,"contractServiceID":null,"REFERENCETITLE":"Laptop 1",
             "serialNumber":"SN-1","productID":401,"isActive":true,"configurationItemType":"2",
             "lastModifiedTime":"2024-06-01T10:00:00.123","rmmDeviceAuditArchitecture":"x64",
             "someFutureField":{"nested":[1,2,3]},"userDefinedFields":[]}
            """
        let item = try Self.decode(ConfigurationItem.self, json)
        #expect(item.id == 5001)
        #expect(item.companyID == 101)
        #expect(item.contractID == 1001)
        #expect(item.contractServiceID == nil)
        #expect(item.referenceTitle == "Laptop 1")
        #expect(item.serialNumber == "SN-1")
        #expect(item.productID == 401)
        #expect(item.configurationItemType == 2)
        #expect(item.lastModifiedTime == Self.utc(2024, 6, 1, 10).addingTimeInterval(0.123))
        #expect(item.userDefinedFields.isEmpty)
    }

    @Test("a record without an id fails; a value of the wrong shape becomes nil")
    func idIsRequired() throws {
        #expect(throws: DecodingError.self) { try Self.decode(Contract.self, #"{"contractName":"x"}"#) }
        #expect(throws: DecodingError.self) { try Self.decode(Contract.self, #"{"id":null}"#) }
        let contract = try Self.decode(Contract.self, #"{"id":1,"companyID":{"x":1},"startDate":42}"#)
        #expect(contract.companyID == nil)
        #expect(contract.startDate == nil)
    }

    @Test("units, services, bundles, products and companies decode")
    func otherEntities() throws {
        let unit = try Self.decode(
            ContractServiceUnit.self,
            """
            {"id":7001,"contractID":1001,"contractServiceID":3001,"serviceID":201,"units":25,"price":1999.75,
             "cost":"100","startDate":"2025-01-01T00:00:00","endDate":"2025-01-31T00:00:00Z",
             "approveAndPostDate":null}
            """
        )
        #expect(unit.units == 25)
        #expect(unit.price == Decimal(string: "1999.75"))
        #expect(unit.cost == 100)
        #expect(unit.startDate == Self.utc(2025, 1, 1))
        #expect(unit.endDate == Self.utc(2025, 1, 31))
        #expect(unit.approveAndPostDate == nil)

        let service = try Self.decode(
            Service.self,
            #"{"id":201,"name":"Managed Desktop","periodType":"1","unitPrice":35.5,"isActive":1}"#
        )
        #expect(service.name == "Managed Desktop")
        #expect(service.periodType == 1)
        #expect(service.unitPrice == Decimal(string: "35.5"))
        #expect(service.isActive == true)

        let bundle = try Self.decode(
            ContractServiceBundle.self,
            #"{"id":3501,"contractID":1001,"serviceBundleID":301,"adjustedPrice":99.95}"#
        )
        #expect(bundle.adjustedPrice == Decimal(string: "99.95"))

        let product = try Self.decode(Product.self, #"{"id":401,"name":"Laptop","isSerialized":"true"}"#)
        #expect(product.isSerialized == true)

        let company = try Self.decode(
            Company.self,
            #"{"id":0,"companyName":"Northwind","companyType":1,"isActive":true,"lastActivityDate":"2024-01-01T00:00:00"}"#
        )
        #expect(company.id == 0)
        #expect(company.companyType == 1)
    }

    @Test("answer envelopes: item null, items with page details, counts")
    func envelopes() throws {
        let missing = try Self.decode(ItemEnvelope<Contract>.self, #"{"item":null}"#)
        #expect(missing.item == nil)
        let found = try Self.decode(ItemEnvelope<Contract>.self, #"{"Item":{"id":5}}"#)
        #expect(found.item?.id == 5)
        let page = try Self.decode(
            ItemsPage<Contract>.self,
            """
            {"items":[{"id":1},{"id":2}],"pageDetails":{"count":2,"requestCount":500,"prevPageUrl":null,
             "nextPageUrl":"https://example/V1.0/Contracts/query/next?paging=x"}}
            """
        )
        #expect(page.items.map(\.id) == [1, 2])
        #expect(page.pageDetails?.requestCount == 500)
        #expect(page.pageDetails?.nextPageUrl == "https://example/V1.0/Contracts/query/next?paging=x")
        let last = try Self.decode(ItemsPage<Contract>.self, #"{"items":[],"pageDetails":{"nextPageUrl":null}}"#)
        #expect(last.items.isEmpty)
        #expect(last.pageDetails?.nextPageUrl == nil)
        #expect(try Self.decode(CountEnvelope.self, #"{"queryCount":7}"#).queryCount == 7)
        #expect(throws: DecodingError.self) { try Self.decode(ItemsPage<Contract>.self, #"{"items":[{"id":1}"#) }
    }

    @Test("entity information reads access levels as names or numbers")
    func entityInformation() throws {
        let named = try Self.decode(
            InfoEnvelope.self,
            #"{"info":{"name":"Contract","canQuery":true,"userAccessForQuery":"Restricted","userAccessForCreate":"None"}}"#
        )
        #expect(named.info.userAccessForQuery == .restricted)
        #expect(named.info.userAccessForCreate == AccessLevel.none)
        let numbered = try Self.decode(InfoEnvelope.self, #"{"info":{"canQuery":"true","userAccessForQuery":1}}"#)
        #expect(numbered.info.userAccessForQuery == .all)
        #expect(numbered.info.canQuery == true)
        let none = try Self.decode(InfoEnvelope.self, #"{"info":{"userAccessForQuery":0}}"#)
        #expect(none.info.userAccessForQuery == AccessLevel.none)
    }

    @Test("field metadata reads picklist values as strings, even when sent as numbers")
    func fieldMetadata() throws {
        let json = """
            {"fields":[{"name":"contractType","dataType":"integer","isPickList":true,"isQueryable":true,
              "picklistValues":[{"value":"7","label":"Recurring Service","isDefaultValue":false,"sortOrder":0,
              "parentValue":"","isActive":true,"isSystem":true},{"value":1,"label":"Time and Materials"}]},
             {"name":"contractName","dataType":"string","length":100,"isPickList":false,"picklistValues":null}]}
            """
        let fields = try Self.decode(FieldsEnvelope.self, json).fields
        #expect(fields.count == 2)
        #expect(fields[0].picklistValues?.map(\.value) == ["7", "1"])
        #expect(fields[0].label(for: 7) == "Recurring Service")
        #expect(fields[0].label(for: "1") == "Time and Materials")
        #expect(fields[1].picklistValues == nil)
        #expect(fields[1].length == 100)
    }

    @Test("threshold information and zone information decode")
    func thresholdAndZone() throws {
        let threshold = try Self.decode(
            ThresholdInformation.self,
            #"{"externalRequestThreshold":10000,"requestThresholdTimeframe":60,"currentTimeframeRequestCount":124}"#
        )
        #expect(threshold.remaining == 9_876)
        let zone = try Self.decode(
            ZoneInformation.self,
            #"{"ZoneName":"America West","Url":"https://webservices5.autotask.net/atservicesrest/","WebUrl":"https://ww5.autotask.net","CI":5}"#
        )
        #expect(zone.url == "https://webservices5.autotask.net/atservicesrest/")
        #expect(zone.ci == 5)
    }

    @Test("error bodies yield their messages in every known form")
    func errorBodies() {
        #expect(ErrorBody.messages(from: Array(#"{"errors":["a","b"]}"#.utf8)) == ["a", "b"])
        #expect(
            ErrorBody.messages(
                from: Array(#"{"Message":"The requested resource does not support http method 'GET'."}"#.utf8)) == [
                    "The requested resource does not support http method 'GET'."
                ])
        #expect(ErrorBody.messages(from: Array(#"{"errors":[{"message":"x"}]}"#.utf8)) == ["x"])
        #expect(ErrorBody.messages(from: Array("plain failure".utf8)) == ["plain failure"])
        #expect(ErrorBody.messages(from: []) == [])
    }
}
