import CryptoPayCore
import Foundation

/// What to create a withdrawal request with (`WithdrawalRequestPayloadSchema`): an amount of a cryptocurrency sent
/// to an address, or an amount of a fiat currency paid out by other means described in the comment.
public struct UseGatewayWithdrawalRequestParameters: Hashable, Sendable {
    /// The amount and, for a cryptocurrency, the address.
    public enum Value: Hashable, Sendable {
        /// An amount of a documented cryptocurrency, sent to `address` (required).
        case crypto(Money, address: String)
        /// An amount of a documented fiat currency; the address is optional.
        case local(Money, address: String?)
    }

    /// The amount and destination.
    public var value: Value
    /// Any additional information (payment details for a fiat withdrawal), at most 255 characters.
    public var comment: String?

    /// Creates parameters.
    public init(value: Value, comment: String? = nil) {
        self.value = value
        self.comment = comment
    }

    /// A withdrawal of a cryptocurrency amount to an address.
    public static func crypto(_ amount: Money, to address: String, comment: String? = nil) -> Self {
        Self(value: .crypto(amount, address: address), comment: comment)
    }

    /// A withdrawal of a fiat amount; say in `comment` how it is to be paid.
    public static func local(_ amount: Money, address: String? = nil, comment: String? = nil) -> Self {
        Self(value: .local(amount, address: address), comment: comment)
    }

    func body() throws -> Body {
        switch value {
        case .crypto(let amount, let address):
            Body(
                address: address,
                value: [
                    "crypto": try Validation.wire(amount, in: UseGatewayCryptocurrency.self, field: "value.crypto")
                ],
                comment: comment
            )
        case .local(let amount, let address):
            Body(
                address: address,
                value: ["local": try Validation.wire(amount, in: UseGatewayCurrency.self, field: "value.local")],
                comment: comment
            )
        }
    }

    /// The JSON body under UseGateway's field names: the parameters of `withdrawalRequests.create`.
    struct Body: Codable, Sendable, OperationParameters {
        var address: String?
        var value: [String: WireMoney]
        var comment: String?

        /// Checks the comment, and that the value is one documented crypto amount sent to an address or one
        /// documented fiat amount.
        ///
        /// - Throws: `PaymentError` of kind `invalidRequest` naming the field.
        func validated() throws -> Self {
            _ = try Validation.limited(comment, field: "comment")
            guard value.count == 1, let (kind, amount) = value.first else {
                throw PaymentError.invalidRequest("value must hold exactly one of crypto and local")
            }
            switch kind {
            case "crypto":
                _ = try Validation.required(address ?? "", field: "address")
                try Validation.amount(amount, in: UseGatewayCryptocurrency.self, field: "value.crypto")
            case "local":
                try Validation.amount(amount, in: UseGatewayCurrency.self, field: "value.local")
            default:
                throw PaymentError.invalidRequest("value must hold crypto or local, got \(kind)")
            }
            return self
        }
    }
}

/// The parameters of a decline: the request's id in the path and an optional comment in the body.
struct DeclineParameters: Decodable, Sendable, OperationParameters {
    var id: String
    /// Left out when `nil`, so that a decline without a comment sends `{}`.
    var comment: String?

    /// Checks the comment's length.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest`.
    func validated() throws -> Self {
        _ = try Validation.limited(comment, field: "comment")
        return self
    }

    /// The body: the comment alone.
    struct Body: Encodable, Sendable {
        var comment: String?
    }
}
