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
            userID: userID,
            site: site,
            name: name,
            description: description,
            isP2P: isP2P,
            localPrice: try localPrice.map {
                try Validation.wire($0, in: UseGatewayCurrency.self, field: "local_price")
            },
            metadata: metadata.map(JSONValue.object)
        )
    }

    /// The JSON body under UseGateway's field names: the parameters of `deposits.create` and `p2p.create`.
    struct Body: Codable, Sendable, OperationParameters {
        var userID: String
        var site: String
        var name: String?
        var description: String?
        var isP2P: Bool?
        var localPrice: WireMoney?
        var metadata: JSONValue?

        /// Checks the user id, site, strings and price against the document.
        ///
        /// - Throws: `PaymentError` of kind `invalidRequest` naming the field.
        func validated() throws -> Self {
            _ = try Validation.required(userID, field: "user_id")
            _ = try Validation.required(site, field: "site")
            _ = try Validation.limited(name, field: "name")
            _ = try Validation.limited(description, field: "description")
            if let localPrice { try Validation.amount(localPrice, in: UseGatewayCurrency.self, field: "local_price") }
            return self
        }

        private enum CodingKeys: String, CodingKey {
            case site, name, description, metadata
            case userID = "user_id"
            case isP2P = "is_p2p"
            case localPrice = "local_price"
        }
    }
}
