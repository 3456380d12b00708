import CryptoPayCore
import Foundation

/// What to create a deposit (or a P2P deposit) with (`DepositPayloadSchema`).
public struct UseGatewayDepositParameters: Hashable, Sendable {
    /// Your identifier of the user (an e-mail address, an id, a phone number): required, at most 255 characters.
    public var userID: String
    /// The site the user belongs to: required, at most 255 characters.
    public var site: String
    /// A name, at most 255 characters.
    public var name: String?
    /// A longer description, at most 255 characters.
    public var description: String?
    /// Whether the deposit is P2P; `nil` leaves it to the provider (not P2P). ``UseGatewayClient/P2P`` sets it.
    public var isP2P: Bool?
    /// A price in a fiat currency, greater than zero when given.
    public var localPrice: Money?
    /// Your own key-value pairs.
    public var metadata: JSONObject?

    /// Creates parameters.
    public init(
        userID: String,
        site: String,
        name: String? = nil,
        description: String? = nil,
        isP2P: Bool? = nil,
        localPrice: Money? = nil,
        metadata: JSONObject? = nil
    ) {
        self.userID = userID
        self.site = site
        self.name = name
        self.description = description
        self.isP2P = isP2P
        self.localPrice = localPrice
        self.metadata = metadata
    }

    func body() throws -> Body {
        Body(
            userID: try Validation.required(userID, field: "user_id"),
            site: try Validation.required(site, field: "site"),
            name: try Validation.limited(name, field: "name"),
            description: try Validation.limited(description, field: "description"),
            isP2P: isP2P,
            localPrice: try localPrice.map {
                try Validation.amount($0, in: UseGatewayCurrency.self, field: "local_price")
            },
            metadata: metadata.map(JSONValue.object)
        )
    }

    struct Body: Encodable, Sendable {
        var userID: String
        var site: String
        var name: String?
        var description: String?
        var isP2P: Bool?
        var localPrice: WireMoney?
        var metadata: JSONValue?

        private enum CodingKeys: String, CodingKey {
            case site, name, description, metadata
            case userID = "user_id"
            case isP2P = "is_p2p"
            case localPrice = "local_price"
        }
    }
}
