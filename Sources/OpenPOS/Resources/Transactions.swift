import CryptoPayCore
import Foundation

extension OpenPOSClient {
    /// The page size the document's example asks for.
    public static let defaultTransactionPageSize = 20

    /// Up to `limit` of the merchant's transactions after skipping `offset`, `GET /GetTransactions/` (operation
    /// `getTransactions`).
    ///
    /// The document's example sends only `offset` and `limit`; the client also sends `pos_id`, which the API
    /// Overview requires on every call. Access tokens in the answer never reach an error's response body.
    ///
    /// - Throws: `PaymentError`: `invalidRequest` for a negative offset or a limit below 1 (nothing is sent); the
    ///   provider's `err` as `authentication` or `validation`; otherwise as the client's other calls.
    public func transactions(
        offset: Int = 0,
        limit: Int = defaultTransactionPageSize,
        options: OpenPOSCallOptions = .none
    ) async throws -> [OpenPOSTransaction] {
        try await perform(OpenPOSOperations.getTransactions, options: options) {
            OpenPOSPageFields(offset: offset, limit: limit)
        }
    }

    /// Every transaction, fetching `pageSize` at a time (offset 0, `pageSize`, 2 × `pageSize` …) only as the
    /// previous batch is consumed; the walk ends after a batch shorter than `pageSize`.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` for a page size below 1 (nothing is sent); the stream
    ///   ends with whatever ``transactions(offset:limit:options:)`` throws.
    public func allTransactions(
        pageSize: Int = defaultTransactionPageSize,
        options: OpenPOSCallOptions = .none
    ) throws -> AsyncThrowingStream<OpenPOSTransaction, any Error> {
        _ = try api.validating(OpenPOSOperations.getTransactions.name) {
            try OpenPOSPageFields(offset: 0, limit: pageSize).queryItems()
        }
        return Pagination.items(offsetFrom: 0, limit: pageSize) { offset, limit in
            try await transactions(offset: offset, limit: limit, options: options)
        }
    }
}
