import Foundation

/// Client-side refusals of what a provider cannot express, labelled with the provider and the operation so that
/// the message says who refused and why.
enum Refusal {
    /// A `PaymentError` of kind `invalidRequest` from `provider` for `operation`.
    static func make(_ provider: ProviderID, _ operation: String, _ reason: String) -> PaymentError {
        PaymentError(.invalidRequest, message: reason, provider: provider, operation: operation)
    }

    /// Throws when `value` is set: the provider cannot take it per checkout. The message names the provider and
    /// the ``CheckoutRequest`` property (`field`), so that nothing a merchant sets is dropped without a word.
    static func unsupported<Value>(
        _ value: Value?,
        _ what: String,
        field: String,
        provider: ProviderID,
        because reason: String
    ) throws {
        guard value != nil else { return }
        throw make(
            provider, "checkouts.create", "\(provider) cannot take \(what) (CheckoutRequest.\(field)): \(reason)")
    }

    /// Throws when `metadata` is not empty: the provider stores none.
    static func noMetadata(_ metadata: JSONObject, provider: ProviderID, because reason: String) throws {
        try unsupported(
            metadata.isEmpty ? nil : metadata, "metadata", field: "metadata", provider: provider, because: reason)
    }
}

extension Sequence where Element == Money {
    /// The sum of the amounts of `asset`, or `nil` when there are none.
    func total(of asset: Asset) -> Money? {
        let matching = filter { $0.asset == asset }
        guard !matching.isEmpty else { return nil }
        return Money(matching.reduce(Decimal(0)) { $0 + $1.amount }, asset)
    }
}
