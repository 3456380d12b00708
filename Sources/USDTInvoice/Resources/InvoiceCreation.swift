import CryptoPayCore
import Foundation

extension USDTInvoiceClient.Invoices {
    /// Creates an invoice, `POST /api/v1/invoices` (HTTP 201), with a generated reference when
    /// ``USDTInvoiceParameters/reference`` is `nil`; the invoice returned carries it. Rate limit: 100 per minute
    /// (class `create`).
    ///
    /// The request is sent once: a create that may have reached the provider is never resent. When the error's
    /// `PaymentError.outcome` is `unknown` (HTTP 5xx, a timeout after sending, a connection lost mid-response),
    /// look the invoice up by its reference, or use ``createOrRetrieve(_:)``, which does so.
    ///
    /// - Throws: `PaymentError`: `invalidRequest` (nothing is sent) for an amount below 0.0001 or with more than
    ///   four decimal places, an asset other than USDT on Tron, Ethereum or BNB Smart Chain, an empty reference or
    ///   one over 50 characters, `expirySeconds` outside 300…7200, a URL over 500 characters, a title over 200 or a
    ///   description over 500; `validation` (HTTP 400) with the provider's messages; `conflict` (HTTP 409) for a
    ///   reference already used; `rateLimited` (HTTP 429, with `PaymentError.retryAfter`), not resent;
    ///   otherwise as ``retrieve(id:)``.
    public func create(_ parameters: USDTInvoiceParameters) async throws -> USDTInvoiceDetails {
        try await send(parameters)
    }

    /// Creates an invoice, or returns the one that already has its reference, so that a create whose outcome is
    /// unclear never leaves you with none or two.
    ///
    /// The create is sent once, as in ``create(_:)``. When it fails with an unknown outcome (HTTP 5xx, a timeout
    /// after sending, a connection lost mid-response) or with HTTP 409 for the reference just sent, the invoice is
    /// looked up by that reference (`invoices.retrieveByReference`) and returned, provided its amount and asset are
    /// the ones asked for and it is not expired or cancelled. A confirmed invoice is returned: the order behind the
    /// reference is paid, and a new invoice would charge the payer twice. An expired or cancelled one is never
    /// handed back as if it were new: the payer could not pay it. Give a reference you stored with your order, so
    /// that calling again after a crash finds the same invoice; without one, a reference is generated and named in
    /// any error.
    ///
    /// - Throws: `PaymentError`: as ``create(_:)`` for failures that prove nothing was created (`invalidRequest`,
    ///   `validation`, `rateLimited`, …); `conflict` when the reference belongs to an invoice of another amount or
    ///   asset, or to one that is expired or cancelled (the message names its status, id and the reference: create
    ///   the order's next attempt under a new reference); the create's error, with outcome `unknown` and the reference in its message, when the lookup
    ///   finds no invoice yet (calling again with the same reference is safe) or fails too.
    public func createOrRetrieve(_ parameters: USDTInvoiceParameters) async throws -> USDTInvoiceDetails {
        let (body, reference) = try prepared(parameters)
        do {
            return try await send(body)
        } catch let error as PaymentError where error.outcome == .unknown || error.kind == .conflict {
            return try await reconcile(body, reference: reference, after: error)
        }
    }

    private static let createOperation = USDTInvoiceOperations.invoicesCreate.name

    /// The parameters with a reference, checked against the document's limits.
    private func prepared(_ parameters: USDTInvoiceParameters) throws -> (
        body: USDTInvoiceParameters, reference: String
    ) {
        let body = try api.validating(Self.createOperation) { try parameters.validated() }
        return (body, body.reference ?? "")
    }

    private func send(_ body: USDTInvoiceParameters) async throws -> USDTInvoiceDetails {
        try await client.perform(USDTInvoiceOperations.invoicesCreate, body)
    }

    /// Looks up the invoice a failed create may have made, by its reference.
    private func reconcile(
        _ body: USDTInvoiceParameters,
        reference: String,
        after failure: PaymentError
    ) async throws -> USDTInvoiceDetails {
        let found: USDTInvoiceDetails
        do {
            found = try await retrieve(reference: reference)
        } catch let lookup as PaymentError {
            var error = failure
            if lookup.kind == .notFound {
                error.message +=
                    "; no invoice has reference \(reference) yet: creating again with the same reference is safe"
            } else {
                error.message += "; looking up reference \(reference) failed too: \(lookup.message)"
            }
            throw error
        }
        guard found.amountUSDTExact == body.amountUSDT, found.assetCode == body.assetCode else {
            throw PaymentError(
                .conflict,
                message: "reference \(reference) belongs to invoice \(found.id) for \(found.amount), "
                    + "not \(body.amount)",
                provider: .usdtInvoice,
                operation: Self.createOperation,
                httpStatus: failure.httpStatus
            )
        }
        let status = found.status.paymentStatus
        guard !status.isFinal || status.isPaid else {
            throw PaymentError(
                .conflict,
                message: "reference \(reference) belongs to invoice \(found.id), which is \(found.status.rawValue) "
                    + "and can no longer be paid; create the next attempt under a new reference",
                provider: .usdtInvoice,
                operation: Self.createOperation,
                httpStatus: failure.httpStatus
            )
        }
        return found
    }
}
