import CryptoPayCore
import Foundation

extension OpenPOSClient {
    /// The currencies the merchant can take, `GET /GetCurrencyList/` (operation `getCurrencyList`).
    ///
    /// The document does not show the answer, so it is read tolerantly and kept whole in
    /// ``OpenPOSCurrencyList/raw``.
    ///
    /// - Throws: `PaymentError`: the provider's `err` as `authentication` or `validation`; `decoding` only when
    ///   the answer is not JSON; otherwise as the client's other calls.
    public func currencyList(options: OpenPOSCallOptions = .none) async throws -> OpenPOSCurrencyList {
        try await perform(OpenPOSOperations.getCurrencyList, options: options) { OpenPOSNoFields() }
    }
}
