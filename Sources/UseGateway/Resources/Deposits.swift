import CryptoPayCore

extension UseGatewayClient {
    /// Deposits, `/deposits/`: list, all, create, retrieve, cancel, resolve.
    public struct Deposits: Sendable {
        let calls: CollectionCalls<UseGatewayDeposit>

        /// One page of deposits, `GET /deposits/?page=&size=`.
        ///
        /// - Parameters:
        ///   - page: the page number, from 1.
        ///   - size: items per page, 1…100; the provider's default is 50.
        /// - Throws: `PaymentError`: `invalidRequest` for a page below 1 or a size outside 1…100 (nothing is
        ///   sent), otherwise as `APIClient.send(_:)` (`authentication`, `rateLimited`, `server`, `transport`,
        ///   `decoding` …).
        public func list(page: Int = 1, size: Int = 50) async throws -> ListPage<UseGatewayDeposit> {
            try await calls.list(page: page, size: size)
        }

        /// Every one of the deposits, fetching pages of `pageSize` only as the previous page is consumed.
        ///
        /// - Throws: `PaymentError` of kind `invalidRequest` for a size outside 1…100 (nothing is sent); the
        ///   stream ends with whatever ``list(page:size:)`` throws.
        public func all(pageSize: Int = 50) throws -> AsyncThrowingStream<UseGatewayDeposit, any Error> {
            try calls.all(pageSize: pageSize)
        }

        /// The one with this id, `GET /deposits/{id}/`.
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an empty id (nothing is sent), `notFound` when there is
        ///   no such object, otherwise as `APIClient.send(_:)`.
        public func retrieve(id: String) async throws -> UseGatewayDeposit {
            try await calls.retrieve(id: id)
        }

        /// Creates a deposit, `POST /deposits/`, sending `is_p2p` as the parameters say (``UseGatewayClient/p2p``
        /// creates P2P deposits without setting it).
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an empty user id or site, a string over 255 characters, a
        ///   price of zero or less or a currency UseGateway does not price in (nothing is sent); `validation` when the
        ///   provider rejects the data; otherwise as `APIClient.send(_:)`.
        public func create(_ parameters: UseGatewayDepositParameters) async throws -> UseGatewayDeposit {
            try await calls.create(UseGatewayOperations.depositsCreate, parameters.body)
        }

        /// Cancels it, `PATCH /deposits/{id}/cancel`. Deposits can be cancelled at any time.
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an empty id (nothing is sent), `validation` (HTTP 400)
        ///   when it can no longer be cancelled, `notFound` when there is no such object, otherwise as
        ///   `APIClient.send(_:)`.
        public func cancel(id: String) async throws -> UseGatewayDeposit {
            try await calls.cancel(id: id)
        }

        /// Marks an unresolved one resolved, `PATCH /deposits/{id}/resolve`.
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an empty id (nothing is sent), `validation` (HTTP 400)
        ///   when it is not unresolved, `notFound` when there is no such object, otherwise as
        ///   `APIClient.send(_:)`.
        public func resolve(id: String) async throws -> UseGatewayDeposit {
            try await calls.resolve(id: id)
        }
    }
}
