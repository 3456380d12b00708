import CryptoPayCore
import Foundation

extension USDTInvoiceClient {
    /// Invoices, `/api/v1/invoices`: create (and create-or-retrieve by reference), retrieve by id or reference, list,
    /// cancel, and wait for a final status.
    public struct Invoices: Sendable {
        let client: USDTInvoiceClient

        var api: APIClient { client.api }

        /// The invoice with this id, `GET /api/v1/invoices/{id}`. Rate limit: 300 per minute (class `get`).
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an empty id (nothing is sent), `notFound` when there is
        ///   no such invoice, otherwise as any call (`authentication`, `permission`, `rateLimited`, `server`,
        ///   `transport`, `decoding`).
        public func retrieve(id: String) async throws -> USDTInvoiceDetails {
            try await client.perform(USDTInvoiceOperations.invoicesRetrieve, PathParameters(["id": id]))
        }

        /// The invoice with your reference, `GET /api/v1/invoices/reference/{reference}` (the reference is
        /// percent-encoded as one path segment). Rate limit: 300 per minute (class `get`).
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an empty reference or one over 50 characters (nothing
        ///   is sent), `notFound` when no invoice has it, otherwise as ``retrieve(id:)``.
        public func retrieve(reference: String) async throws -> USDTInvoiceDetails {
            try await client.perform(
                USDTInvoiceOperations.invoicesRetrieveByReference, ReferenceParameters(reference: reference))
        }

        /// One page of your invoices, `GET /api/v1/invoices?page=&limit=`. Rate limit: 60 per minute (class
        /// `list`).
        ///
        /// The document does not show the response; a bare array and an object holding the items (under `data`,
        /// `items` or `invoices`) with `page`, `limit`, `total` and `totalPages` are both read. Without a total, a
        /// full page means another may follow.
        ///
        /// - Parameters:
        ///   - page: the page number, from 1.
        ///   - limit: invoices per page, at least 1 (the document's example asks for 20).
        /// - Throws: `PaymentError`: `invalidRequest` for a page or limit below 1 (nothing is sent), otherwise as
        ///   ``retrieve(id:)``.
        public func list(page: Int = 1, limit: Int = 20) async throws -> ListPage<USDTInvoiceDetails> {
            try await client.perform(USDTInvoiceOperations.invoicesList, PageQuery(page: page, limit: limit))
                .page(page, limit: limit)
        }

        /// Every invoice, fetching pages of `pageSize` only as the previous page is consumed.
        ///
        /// - Throws: `PaymentError` of kind `invalidRequest` for a size below 1 (nothing is sent); the stream ends
        ///   with whatever ``list(page:limit:)`` throws.
        public func all(pageSize: Int = 20) throws -> AsyncThrowingStream<USDTInvoiceDetails, any Error> {
            try api.validating(USDTInvoiceOperations.invoicesList.name) {
                try FieldRules.atLeastOne(pageSize, field: "limit")
            }
            return Pagination.items { page in try await list(page: page, limit: pageSize) }
        }

        /// Cancels a pending invoice, `POST /api/v1/invoices/{id}/cancel`; only pending invoices can be cancelled.
        /// Not resent automatically: after an unknown outcome, retrieve the invoice to see whether it was cancelled.
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an empty id (nothing is sent), `validation` (HTTP 400)
        ///   when the invoice is no longer pending, `notFound` when there is no such invoice, otherwise as
        ///   ``retrieve(id:)``.
        public func cancel(id: String) async throws -> USDTInvoiceDetails {
            try await client.perform(USDTInvoiceOperations.invoicesCancel, PathParameters(["id": id]))
        }

        /// Polls the invoice, as the document recommends for custom payment pages, until its status ends a wait
        /// (`PaymentStatus.endsWait`; the invoice statuses that do are the final ones: confirmed, expired or
        /// cancelled), and returns it. An undocumented status is not final: polling goes on.
        ///
        /// A failed fetch that may pass (rate limit, server error, transport) does not end the wait. Cancel the task
        /// to stop waiting.
        ///
        /// - Parameters:
        ///   - id: the invoice.
        ///   - pollEvery: the time between fetches; the document recommends 5 to 10 seconds.
        ///   - timeout: how long to wait in all. Invoices expire after at most 7200 seconds.
        ///   - clock: the time and the wait between fetches; inject a manual one in tests.
        /// - Throws: `PaymentError`: `invalidRequest` for an empty id or a non-positive interval (nothing is sent),
        ///   `timedOut` when the timeout passes first, a fetch's lasting error (`notFound`, `authentication` …) at
        ///   once; `CancellationError` when the task is cancelled.
        public func waitForFinalStatus(
            id: String,
            pollEvery: Duration = .seconds(5),
            timeout: Duration,
            clock: WaitClock = .system
        ) async throws -> USDTInvoiceDetails {
            let operation = "invoices.waitForFinalStatus"
            try api.validating(operation) { try FieldRules.notBlank(id, field: "id") }
            return try await Polling.until(
                every: pollEvery,
                timeout: timeout,
                clock: clock,
                provider: .usdtInvoice,
                operation: operation,
                fetch: { try await retrieve(id: id) },
                isDone: { $0.status.paymentStatus.endsWait }
            )
        }
    }
}
