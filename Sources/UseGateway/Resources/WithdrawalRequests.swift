import CryptoPayCore

extension UseGatewayClient {
    /// Withdrawal requests, `/withdrawal_requests/`: list, all, create, retrieve, decline.
    public struct WithdrawalRequests: Sendable {
        let calls: CollectionCalls<UseGatewayWithdrawalRequest>

        /// One page of withdrawal requests, `GET /withdrawal_requests/?page=&size=`.
        ///
        /// - Parameters:
        ///   - page: the page number, from 1.
        ///   - size: items per page, 1…100; the provider's default is 50.
        /// - Throws: `PaymentError`: `invalidRequest` for a page below 1 or a size outside 1…100 (nothing is
        ///   sent), otherwise as `APIClient.send(_:)` (`authentication`, `rateLimited`, `server`, `transport`,
        ///   `decoding` …).
        public func list(page: Int = 1, size: Int = 50) async throws -> ListPage<UseGatewayWithdrawalRequest> {
            try await calls.list(page: page, size: size)
        }

        /// Every one of the withdrawal requests, fetching pages of `pageSize` only as the previous page is consumed.
        ///
        /// - Throws: `PaymentError` of kind `invalidRequest` for a size outside 1…100 (nothing is sent); the
        ///   stream ends with whatever ``list(page:size:)`` throws.
        public func all(pageSize: Int = 50) throws -> AsyncThrowingStream<UseGatewayWithdrawalRequest, any Error> {
            try calls.all(pageSize: pageSize)
        }

        /// The one with this id, `GET /withdrawal_requests/{id}/`.
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an empty id (nothing is sent), `notFound` when there is
        ///   no such object, otherwise as `APIClient.send(_:)`.
        public func retrieve(id: String) async throws -> UseGatewayWithdrawalRequest {
            try await calls.retrieve(id: id)
        }

        /// Creates a withdrawal request, `POST /withdrawal_requests/`.
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for a crypto withdrawal without an address, a comment over 255
        ///   characters, an amount of zero or less or a currency UseGateway does not document (nothing is sent);
        ///   `validation` when the provider rejects the data; otherwise as `APIClient.send(_:)`.
        public func create(_ parameters: UseGatewayWithdrawalRequestParameters) async throws
            -> UseGatewayWithdrawalRequest
        {
            try await calls.create(UseGatewayOperations.withdrawalRequestsCreate, parameters.body)
        }

        /// Declines a withdrawal request not yet paid, `POST /withdrawal_requests/{id}/decline`, with an optional
        /// comment. Without one the body is `{}`, which the server accepts whether its body model is optional or
        /// required.
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an empty id or a comment over 255 characters (nothing is
        ///   sent), `validation` when the request can no longer be declined, `notFound` when there is no such request,
        ///   otherwise as `APIClient.send(_:)`.
        public func decline(id: String, comment: String? = nil) async throws -> UseGatewayWithdrawalRequest {
            try await calls.api.perform(
                UseGatewayOperations.withdrawalRequestsDecline, DeclineParameters(id: id, comment: comment))
        }
    }
}
