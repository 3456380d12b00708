import CryptoPayCore
import Foundation

/// Authenticates the POS API's webhooks, which carry no signature, by asking the provider: it parses the body,
/// calls CheckPayment for the payment it names, and accepts the webhook only when the fetched payment agrees.
///
/// ```swift
/// let addresses = OpenPOSInMemoryAddressBook()
/// let client = try OpenPOSClient(username: user, apiKey: key, posID: "WEB1", configuration: configuration,
///                                addressBook: addresses)
/// let webhook = OpenPOSWebhook(client: client)
/// let verified = try await webhook.verify(WebhookRequest(body: rawBody, headers: headers))
/// // verified.event.payment is the provider's answer; verified.idempotencyKey is "<payment_id>:<event>".
/// ```
///
/// CheckPayment needs the payment's address, which the webhook does not carry: it comes from the address book
/// (filled by ``OpenPOSClient/startPayment(_:options:)``) or from the caller (``verify(_:address:)``). The check
/// is made for the webhook's `pos_id` (the client's when it has none) and, with an address from the caller, in the
/// webhook's currency.
///
/// A webhook is rejected (`PaymentError` of kind `webhookRejected`) only when it is known not to be genuine: the
/// body is not a webhook (`malformedPayload`, also when `verify(_:address:)` gets one without a currency); the
/// provider says the payment does not exist (`lookupFailed`: CheckPayment answers with an `err` saying it is not
/// found, in an HTTP 200 or a 4xx); or the fetched payment disagrees
/// (`notConfirmedByProvider(field:)`, naming `status`, `event`, `currency` or `amount`): its status differs from the
/// body's `status` or from the status the event implies, its currency differs, or the body's amount is neither the
/// amount due nor the amount received. An event the document does not list cannot be confirmed and is rejected too.
///
/// Any other failure of the lookup is thrown as it is, never as a rejection: CheckPayment rate limited (with its
/// `retryAfter`), failing (`server`), unreachable or slow (`transport`, `timedOut`), the credentials refused, an
/// HTTP 404 (the document's "Invalid endpoint": a wrong base URL), the address book's storage failing, or the
/// address book holding no address for the payment (`invalidRequest`: nothing is sent; the payment may have been
/// started by another process or before a restart, so only a shared address book can confirm it). Answer those with
/// 5xx so that the provider delivers the webhook again.
public struct OpenPOSWebhook: WebhookAuthenticator {
    private let client: OpenPOSClient
    private let addressBook: (any OpenPOSAddressBook)?

    /// Creates a verifier that looks payments up through `client`.
    ///
    /// - Parameters:
    ///   - client: the client that asks CheckPayment about each notified payment.
    ///   - addressBook: where to find each payment's address; the client's address book when `nil`.
    public init(client: OpenPOSClient, addressBook: (any OpenPOSAddressBook)? = nil) {
        self.client = client
        self.addressBook = addressBook ?? client.addressBook
    }

    /// Authenticates a delivery, finding the payment's address in the address book.
    ///
    /// - Throws: `PaymentError` of kind `webhookRejected` as described on the type, the lookup's own error when it
    ///   fails for another reason, or `invalidRequest` when neither this verifier nor the client has an address
    ///   book (a configuration error: nothing is sent); `CancellationError` when the task is cancelled during the
    ///   lookup.
    public func verify(_ request: WebhookRequest) async throws -> VerifiedWebhook<OpenPOSPaymentEvent> {
        guard addressBook != nil else {
            throw PaymentError.invalidRequest(
                "OpenPOSWebhook has no address book; give the client one or pass the address to verify(_:address:)")
        }
        return try await verifier(address: nil).verify(request)
    }

    /// Authenticates a delivery for a payment whose address the caller knows (from its own order records).
    ///
    /// - Throws: `PaymentError` of kind `webhookRejected` as described on the type, or the lookup's own error when
    ///   it fails for another reason; `CancellationError` when the task is cancelled during the lookup.
    public func verify(_ request: WebhookRequest, address: String) async throws -> VerifiedWebhook<OpenPOSPaymentEvent>
    {
        try await verifier(address: address).verify(request)
    }

    private struct Lookup: Sendable {
        var reference: OpenPOSPaymentReference
        var payment: OpenPOSPaymentCheck
    }

    private func verifier(address: String?) -> LookupWebhookVerifier<OpenPOSWebhookEvent, Lookup, OpenPOSPaymentEvent> {
        LookupWebhookVerifier(
            provider: .openPOS,
            fetch: { [client, addressBook] notice in
                let reference = try await Self.reference(for: notice, address: address, addressBook: addressBook)
                let posID = notice.posID.flatMap { $0.isEmpty ? nil : $0 }
                let payment = try await client.checkPayment(reference, options: OpenPOSCallOptions(posID: posID))
                return Lookup(reference: reference, payment: payment)
            },
            compare: Self.mismatch,
            build: { notice, lookup in
                (
                    event: OpenPOSPaymentEvent(type: notice.type, reference: lookup.reference, payment: lookup.payment),
                    idempotencyKey: Self.idempotencyKey(for: lookup)
                )
            },
            isUnknownPayment: Self.isUnknownPayment
        )
    }

    /// `<payment_id>:<event>` from the lookup alone: the payment id CheckPayment was asked about and the event its
    /// answer's status stands for (the body's event has been checked to be that one; the body itself is unsigned).
    private static func idempotencyKey(for lookup: Lookup) -> String {
        let status = lookup.payment.status.paymentStatus
        let event = OpenPOSWebhookEventType.documented.first { $0.impliedStatus == status }
        return "\(lookup.reference.paymentID):\(event?.rawValue ?? status.description)"
    }

    /// True when CheckPayment's answer says the payment does not exist: an `err` saying "not found" (the POS API
    /// answers an unknown payment so, in an HTTP 200 or a 4xx). A 404 alone is not enough: the document uses it for
    /// "Invalid endpoint", a wrong base URL that says nothing about the payment.
    private static func isUnknownPayment(_ error: PaymentError) -> Bool {
        guard error.httpStatus != nil, [.validation, .notFound, .invalidRequest].contains(error.kind) else {
            return false
        }
        let message = error.message.lowercased()
        return message.contains("not found") && !message.contains("endpoint")
    }

    private static func reference(
        for notice: OpenPOSWebhookEvent,
        address: String?,
        addressBook: (any OpenPOSAddressBook)?
    ) async throws -> OpenPOSPaymentReference {
        if let address {
            guard let currency = notice.currency else {
                throw PaymentError.webhookRejected(
                    .malformedPayload, "The webhook names no currency to check the payment in.", provider: .openPOS)
            }
            return OpenPOSPaymentReference(
                paymentID: notice.paymentID, currency: OpenPOSAssetMapping.asset(code: currency), address: address)
        }
        guard let reference = try await addressBook?.reference(forPaymentID: notice.paymentID) else {
            var error = PaymentError.invalidRequest(
                "The address book holds no address for payment \(notice.paymentID), so CheckPayment cannot be asked "
                    + "about it. Give every process one shared address book; answer 5xx so that the webhook comes "
                    + "again.",
                operation: "checkPayment"
            )
            error.provider = .openPOS
            throw error
        }
        return reference
    }

    private static func mismatch(_ notice: OpenPOSWebhookEvent, _ lookup: Lookup) -> WebhookMismatch? {
        let fetched = lookup.payment
        let status = fetched.status
        if let claimed = notice.status, OpenPOSStatus(rawValue: claimed).paymentStatus != status.paymentStatus {
            return WebhookMismatch(field: "status", claimed: claimed, confirmed: status.description)
        }
        guard notice.type.impliedStatus == status.paymentStatus else {
            return WebhookMismatch(field: "event", claimed: notice.type.rawValue, confirmed: status.description)
        }
        if let claimed = notice.currency, claimed.uppercased() != fetched.currency.uppercased() {
            return WebhookMismatch(field: "currency", claimed: claimed, confirmed: fetched.currency)
        }
        if let claimed = notice.amount, claimed != fetched.amount, claimed != fetched.payment {
            return WebhookMismatch(
                field: "amount", claimed: DecimalText.format(claimed), confirmed: DecimalText.format(fetched.amount))
        }
        return nil
    }
}
