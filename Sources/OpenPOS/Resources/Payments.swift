import CryptoPayCore
import Foundation

extension OpenPOSClient {
    /// Starts a payment at a quote, `GET /StartPayment/` (operation `startPayment`), and records its reference in
    /// ``addressBook`` when the client has one.
    ///
    /// This call changes state: it is never resent automatically, and a timeout or server error leaves its outcome
    /// unknown (`PaymentError.outcome`).
    ///
    /// - Throws: `PaymentError`: `invalidRequest` for an empty payment id, an amount of zero or less, an invoice
    ///   currency that is not a three-letter code, a cryptocurrency the API cannot express or a blank optional value
    ///   (nothing is sent); the provider's `err` as `authentication` or `validation`; `server`, `transport` or
    ///   `timedOut` with outcome `unknown`; whatever the address book throws.
    public func startPayment(_ request: OpenPOSStartPaymentRequest, options: OpenPOSCallOptions = .none) async throws
        -> OpenPOSPayment
    {
        try await start(
            OpenPOSCall(
                try api.validating(OpenPOSOperations.startPayment.name) { try request.fields() }, options: options))
    }

    /// Gets a rate for the invoice and starts the payment at it: GetRate, then StartPayment, in one call.
    ///
    /// - Parameters:
    ///   - invoiceAmount: the invoice amount in its fiat currency (`48.25 EUR`).
    ///   - currency: the cryptocurrency the customer pays in (`.btc`).
    ///   - referenceNumber: your reference for the payment (`reference_no`).
    ///   - acceptZeroConfirmations: confirm small payments without waiting for a block; sent to both calls.
    ///   - requireKYTForConfirmation: require a KYT check before confirming; sent to both calls.
    ///   - payerIPAddress: the payer's IP address.
    ///   - payerUserAgent: the payer's browser user agent.
    ///   - options: the per-call settings sent with both requests.
    /// - Throws: as ``rate(for:options:)`` and ``startPayment(_:options:)``; when the rate succeeds and the start
    ///   fails, nothing was started unless the error's outcome is `unknown`.
    public func startPayment(
        invoiceAmount: Money,
        currency: Asset,
        referenceNumber: String? = nil,
        acceptZeroConfirmations: Bool? = nil,
        requireKYTForConfirmation: Bool? = nil,
        payerIPAddress: String? = nil,
        payerUserAgent: String? = nil,
        options: OpenPOSCallOptions = .none
    ) async throws -> OpenPOSStartedPayment {
        try api.validating(OpenPOSOperations.startPayment.name) {
            _ = try FieldRules.notBlankIfPresent(referenceNumber, field: "reference_no")
            _ = try FieldRules.notBlankIfPresent(payerIPAddress, field: "payer_ip_address")
            _ = try FieldRules.notBlankIfPresent(payerUserAgent, field: "payer_user_agent")
        }
        let quote = try await rate(
            for: OpenPOSQuoteRequest(
                invoice: invoiceAmount,
                currency: currency,
                acceptZeroConfirmations: acceptZeroConfirmations,
                requireKYTForConfirmation: requireKYTForConfirmation
            ),
            options: options
        )
        let payment = try await startPayment(
            OpenPOSStartPaymentRequest(
                quote: quote,
                referenceNumber: referenceNumber,
                acceptZeroConfirmations: acceptZeroConfirmations,
                payerIPAddress: payerIPAddress,
                payerUserAgent: payerUserAgent,
                requireKYTForConfirmation: requireKYTForConfirmation
            ),
            options: options
        )
        return OpenPOSStartedPayment(quote: quote, payment: payment)
    }

    /// What has arrived for a payment and whether it is confirmed, `GET /CheckPayment/` (operation
    /// `checkPayment`). Read-only: retried after transient failures.
    ///
    /// - Throws: `PaymentError`: `invalidRequest` for an empty id or address or a currency the API cannot express
    ///   (nothing is sent); the provider's `err` as `authentication` or `validation`; otherwise as the client's
    ///   other calls.
    public func checkPayment(_ reference: OpenPOSPaymentReference, options: OpenPOSCallOptions = .none) async throws
        -> OpenPOSPaymentCheck
    {
        try await perform(OpenPOSOperations.checkPayment, options: options) { try OpenPOSReferenceFields(reference) }
    }

    /// Cancels a payment whose transfer will not be sent, `GET /CancelPayment/` (operation `cancelPayment`). A
    /// payment whose blockchain transaction was already sent cannot be cancelled.
    ///
    /// This call changes state: it is never resent automatically.
    ///
    /// - Parameters:
    ///   - reference: the payment.
    ///   - reason: why (the document's example sends `other`); left out when `nil`.
    ///   - comment: a free comment; left out when `nil`.
    ///   - options: the per-call settings sent with the request.
    /// - Throws: `PaymentError`: `invalidRequest` for an empty id or address, a currency the API cannot express
    ///   or a blank reason or comment (nothing is sent); `conflict` when the provider answers `cancelled: false`;
    ///   the provider's `err` as `authentication` or `validation`; `server`, `transport` or `timedOut` with outcome
    ///   `unknown`.
    public func cancelPayment(
        _ reference: OpenPOSPaymentReference,
        reason: String? = nil,
        comment: String? = nil,
        options: OpenPOSCallOptions = .none
    ) async throws -> OpenPOSCancellation {
        let fields = try api.validating(OpenPOSOperations.cancelPayment.name) {
            OpenPOSCancelFields(reference: try OpenPOSReferenceFields(reference), reason: reason, comment: comment)
        }
        return try await cancel(OpenPOSCall(fields, options: options))
    }

    /// Accepts an underpayment for what a CheckPayment answer reports received, `GET /AcceptPayment/` (operation
    /// `acceptPayment`).
    ///
    /// The document requires `accepted_amount` to match the `payment` of CheckPayment's answer: it is sent in the
    /// characters the answer had (``OpenPOSPaymentCheck/paymentAsSent``, `0.01000000`, not `0.01`). Check the payment
    /// just before accepting, so that what is accepted is what has arrived. This call changes state: it is never
    /// resent automatically.
    ///
    /// - Parameters:
    ///   - reference: the payment.
    ///   - check: CheckPayment's answer for that payment.
    ///   - invoiceAmount: the part of the invoice it settles, in fiat (`accepted_invoice_amount`); left out when
    ///     `nil`.
    ///   - options: the per-call settings sent with the request.
    /// - Throws: `PaymentError`: `invalidRequest` when the answer is for another currency than the reference's or
    ///   reports no payment, and as ``acceptPayment(_:amount:invoiceAmount:options:)``.
    public func acceptPayment(
        _ reference: OpenPOSPaymentReference,
        check: OpenPOSPaymentCheck,
        invoiceAmount: Money? = nil,
        options: OpenPOSCallOptions = .none
    ) async throws -> OpenPOSAcceptance {
        let amount = try api.validating("acceptPayment") {
            guard OpenPOSAssetMapping.asset(code: check.currency) == reference.currency else {
                throw PaymentError.invalidRequest(
                    "the CheckPayment answer is in \(check.currency), the payment in \(reference.currency)")
            }
            guard let received = check.paymentAsSent else {
                throw PaymentError.invalidRequest("the CheckPayment answer reports no payment to accept")
            }
            return received
        }
        return try await acceptPayment(reference, amount: amount, invoiceAmount: invoiceAmount, options: options)
    }

    /// Accepts an underpayment for an amount as the provider spelt it, `GET /AcceptPayment/` (operation
    /// `acceptPayment`).
    ///
    /// The document requires `amount` to match the `payment` of the last CheckPayment; prefer
    /// ``acceptPayment(_:check:invoiceAmount:options:)``, which takes it from the answer. `amount` is sent as its
    /// ``OpenPOSWireAmount/text``, in the payment's cryptocurrency. This call changes state: it is never resent
    /// automatically.
    ///
    /// - Parameters:
    ///   - reference: the payment.
    ///   - amount: the amount accepted (`accepted_amount`), as CheckPayment spelt it.
    ///   - invoiceAmount: the part of the invoice it settles, in fiat (`accepted_invoice_amount`); left out when
    ///     `nil`.
    ///   - options: the per-call settings sent with the request.
    /// - Throws: `PaymentError`: `invalidRequest` for an empty id or address, an amount of zero or less or an
    ///   invoice amount that is not fiat (nothing is sent); `conflict` when the provider answers `success: false`;
    ///   the provider's `err` as `authentication` or `validation`; `server`, `transport` or `timedOut` with outcome
    ///   `unknown`.
    public func acceptPayment(
        _ reference: OpenPOSPaymentReference,
        amount: OpenPOSWireAmount,
        invoiceAmount: Money? = nil,
        options: OpenPOSCallOptions = .none
    ) async throws -> OpenPOSAcceptance {
        let fields = try api.validating(OpenPOSOperations.acceptPayment.name) {
            if let invoiceAmount {
                _ = try OpenPOSAssetMapping.requireInvoiceCode(
                    for: invoiceAmount.asset, field: "accepted_invoice_amount")
            }
            return OpenPOSAcceptFields(
                reference: try OpenPOSReferenceFields(reference), acceptedAmount: amount,
                acceptedInvoiceAmount: invoiceAmount.map { OpenPOSWireAmount($0.amount) })
        }
        return try await accept(OpenPOSCall(fields, options: options))
    }

    /// Refunds a payment, `GET /RefundPayment/` (operation `refundPayment`).
    ///
    /// The document requires the amount to match CheckPayment's `refund_amount_opened`: build the request with
    /// ``OpenPOSRefundRequest/init(check:paymentID:to:)``, which keeps the characters the provider sent, and they
    /// are sent unchanged. This call sends money: it is never resent automatically, and after a timeout or server
    /// error check the payment before trying again.
    ///
    /// - Throws: `PaymentError`: `invalidRequest` for an empty id or address, an amount of zero or less or a
    ///   currency the API cannot express (nothing is sent); the provider's `err` as `authentication` or
    ///   `validation`; `server`, `transport` or `timedOut` with outcome `unknown`.
    public func refundPayment(_ request: OpenPOSRefundRequest, options: OpenPOSCallOptions = .none) async throws
        -> OpenPOSRefund
    {
        try await perform(OpenPOSOperations.refundPayment, options: options) { try request.fields() }
    }

    /// Starts a payment and records its reference in ``addressBook``.
    func start(_ call: OpenPOSCall<OpenPOSStartFields>) async throws -> OpenPOSPayment {
        let payment = try await perform(OpenPOSOperations.startPayment, call)
        try await addressBook?.record(payment.reference)
        return payment
    }

    /// Cancels a payment, refusing an answer that did not cancel it.
    func cancel(_ call: OpenPOSCall<OpenPOSCancelFields>) async throws -> OpenPOSCancellation {
        let answer = try await perform(OpenPOSOperations.cancelPayment, call)
        guard answer.cancelled else {
            throw refusal("cancelPayment", "the provider did not cancel the payment; its transaction may be sent")
        }
        return answer
    }

    /// Accepts an underpayment, refusing an answer that did not accept it.
    func accept(_ call: OpenPOSCall<OpenPOSAcceptFields>) async throws -> OpenPOSAcceptance {
        let answer = try await perform(OpenPOSOperations.acceptPayment, call)
        guard answer.success else {
            throw refusal("acceptPayment", "the provider did not accept the payment")
        }
        return answer
    }

    private func refusal(_ operation: String, _ message: String) -> PaymentError {
        PaymentError(.conflict, message: message, provider: .openPOS, operation: operation)
    }
}
