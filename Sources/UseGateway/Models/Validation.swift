import CryptoPayCore
import Foundation

/// The document's limits, checked before anything is sent.
enum Validation {
    /// The `string (255)` limit of the document's tables.
    static let maximumLength = 255
    /// The largest page size the document permits.
    static let maximumPageSize = 100

    /// A required string: not blank and within the length limit.
    static func required(_ value: String, field: String) throws -> String {
        let value: String = try FieldRules.notBlank(value, field: field)
        try FieldRules.atMost(maximumLength, characters: value, field: field)
        return value
    }

    /// An optional string within the length limit.
    static func limited(_ value: String?, field: String) throws -> String? {
        try FieldRules.atMost(maximumLength, characters: value, field: field)
    }

    /// An amount as the wire `{amount, currency}`, with `Code`'s code for its asset.
    static func wire<Code: UseGatewayAssetCode>(_ money: Money, in code: Code.Type, field: String) throws -> WireMoney {
        guard let currency = Code(asset: money.asset) else {
            throw PaymentError.invalidRequest(
                "\(field).currency must be one of " + Code.documented.map(\.rawValue).joined(separator: ", ")
                    + ", got \(money.asset)"
            )
        }
        return WireMoney(amount: money.amount, currency: currency.rawValue)
    }

    /// A positive amount in a currency `Code` documents (``UseGatewayCurrency`` for prices, ``UseGatewayCryptocurrency``
    /// for crypto withdrawals).
    static func amount<Code: UseGatewayAssetCode>(_ money: WireMoney, in code: Code.Type, field: String) throws {
        try AmountRules.requirePositive(money.amount, field: "\(field).amount")
        guard Code.documented.contains(where: { $0.rawValue == money.currency }) else {
            throw PaymentError.invalidRequest(
                "\(field).currency must be one of " + Code.documented.map(\.rawValue).joined(separator: ", ")
                    + ", got \(money.currency)"
            )
        }
    }

    /// A page number (from 1) and size (1…100).
    static func page(_ page: Int, size: Int) throws {
        guard page >= 1 else { throw PaymentError.invalidRequest("page must be 1 or more, got \(page)") }
        try pageSize(size)
    }

    /// A page size (1…100).
    static func pageSize(_ size: Int) throws {
        guard (1...maximumPageSize).contains(size) else {
            throw PaymentError.invalidRequest("page size must be between 1 and \(maximumPageSize), got \(size)")
        }
    }
}
