import CryptoPayCore

extension UseGatewayClient {
    /// Invoices, `/invoices/`: list, all, create, retrieve, cancel, resolve.
    public struct Invoices: Sendable {
        let calls: CollectionCalls<UseGatewayInvoice>

        /// One page of invoices, `GET /invoices/?page=&size=`.
        ///
        /// - Parameters:
        ///   - page: the page number, from 1.
        ///   - size: items per page, 1…100; the provider's default is 50.
        /// - Throws: `PaymentError`: `invalidRequest` for a page below 1 or a size outside 1…100 (nothing is
        ///   sent), otherwise as `APIClient.send(_:)` (`authentication`, `rateLimited`, `server`, `transport`,
        ///   `decoding` …).
        public func list(page: Int = 1, size: Int = 50) async throws -> ListPage<UseGatewayInvoice> {
            try await calls.list(page: page, size: size)
        }

        /// Every one of the invoices, fetching pages of `pageSize` only as the previous page is consumed.
        ///
        /// - Throws: `PaymentError` of kind `invalidRequest` for a size outside 1…100 (nothing is sent); the
        ///   stream ends with whatever ``list(page:size:)`` throws.
        public func all(pageSize: Int = 50) throws -> AsyncThrowingStream<UseGatewayInvoice, any Error> {
            try calls.all(pageSize: pageSize)
        }

        /// The one with this id, `GET /invoices/{id}/`.
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an empty id (nothing is sent), `notFound` when there is
        ///   no such object, otherwise as `APIClient.send(_:)`.
        public func retrieve(id: String) async throws -> UseGatewayInvoice {
            try await calls.retrieve(id: id)
        }

        /// Creates an invoice, `POST /invoices/`.
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an empty name, a string over 255 characters, an amount of
        ///   zero or less or a currency UseGateway does not price in (nothing is sent); `validation` when the provider
        ///   rejects the data; otherwise as `APIClient.send(_:)`.
        public func create(_ parameters: UseGatewayInvoiceParameters) async throws -> UseGatewayInvoice {
            try await calls.create(UseGatewayOperations.invoicesCreate, parameters.body)
        }

        /// Cancels it, `PATCH /invoices/{id}/cancel`. Invoices can be cancelled only before a transaction is detected.
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an empty id (nothing is sent), `validation` (HTTP 400)
        ///   when it can no longer be cancelled, `notFound` when there is no such object, otherwise as
        ///   `APIClient.send(_:)`.
        public func cancel(id: String) async throws -> UseGatewayInvoice {
            try await calls.cancel(id: id)
        }

        /// Marks an unresolved one resolved, `PATCH /invoices/{id}/resolve`.
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an empty id (nothing is sent), `validation` (HTTP 400)
        ///   when it is not unresolved, `notFound` when there is no such object, otherwise as
        ///   `APIClient.send(_:)`.
        public func resolve(id: String) async throws -> UseGatewayInvoice {
            try await calls.resolve(id: id)
        }
    }
}
