import Foundation

/// The zone serving an API user's database (`/v1.0/zoneInformation?user=`).
public struct ZoneInformation: Sendable, Hashable, Codable {
    /// The zone's name, such as `America West`.
    public var zoneName: String?
    /// The REST base of the zone, such as `https://webservices5.autotask.net/atservicesrest/`.
    public var url: String
    /// The web UI of the zone, such as `https://ww5.autotask.net`.
    public var webUrl: String?
    /// The zone's numeric id.
    public var ci: Int?

    /// Creates a value.
    public init(zoneName: String? = nil, url: String, webUrl: String? = nil, ci: Int? = nil) {
        self.zoneName = zoneName
        self.url = url
        self.webUrl = webUrl
        self.ci = ci
    }

    /// Decodes leniently: keys in any case (`Url`, `url`).
    public init(from decoder: any Decoder) throws {
        let object = try LenientObject(from: decoder)
        guard let url = object.string("url"), !url.isEmpty else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "zone without url")
            )
        }
        self.url = url
        zoneName = object.string("zoneName")
        webUrl = object.string("webUrl")
        ci = object.int("ci")
    }
}
