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
/// A webhook is rejected (``PaymentError`` of kind `webhookRejected`) when the body is not a webhook
/// (`malformedPayload`), when the lookup fails (`lookupFailed`: no address known, or CheckPayment failed), or when
/// the fetched payment disagrees (`notConfirmedByProvider(field:)`, naming `status`, `event`, `currency` or
/// `amount`): its status differs from the body's `status` or from the status the event implies, its currency
/// differs, or the body's amount is neither the amount due nor the amount received. An event the document does
/// not list cannot be confirmed and is rejected too.
public struct OpenPOSWebhook: WebhookAuthenticator {
    private let client: OpenPOSClient
    private let addressBook: (any OpenPOSAddressBook)?

    /// Creates a verifier that looks payments up through `client`.
    ///
    /// - Parameter addressBook: where to find each payment's address; the client's address book when `nil`.
    public init(client: OpenPOSClient, addressBook: (any OpenPOSAddressBook)? = nil) {
        self.client = client
        self.addressBook = addressBook ?? client.addressBook
    }

    /// Authenticates a delivery, finding the payment's address in the address book.
    ///
    /// - Throws: ``PaymentError`` of kind `webhookRejected` as described on the type; `CancellationError` when the
    ///   task is cancelled during the lookup.
    public func verify(_ request: WebhookRequest) async throws -> VerifiedWebhook<OpenPOSPaymentEvent> {
        try await verifier(address: nil).verify(request)
    }

    /// Authenticates a delivery for a payment whose address the caller knows (from its own order records).
    ///
    /// - Throws: ``PaymentError`` of kind `webhookRejected` as described on the type; `CancellationError` when the
    ///   task is cancelled during the lookup.
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
                    idempotencyKey: "\(lookup.reference.paymentID):\(notice.type.rawValue)"
                )
            }
        )
    }

    private static func reference(
        for notice: OpenPOSWebhookEvent,
        address: String?,
        addressBook: (any OpenPOSAddressBook)?
    ) async throws -> OpenPOSPaymentReference {
        if let address {
            guard let currency = notice.currency else {
                throw PaymentError.invalidRequest("the webhook names no currency to check the payment in")
            }
            return OpenPOSPaymentReference(
                paymentID: notice.paymentID, currency: OpenPOSAssets.asset(code: currency), address: address)
        }
        guard let addressBook else {
            throw PaymentError.invalidRequest(
                "no address book is set; pass the payment's address to verify(_:address:)")
        }
        guard let reference = try await addressBook.reference(forPaymentID: notice.paymentID) else {
            throw PaymentError.invalidRequest("no address is recorded for payment \(notice.paymentID)")
        }
        return reference
    }

    private static func mismatch(_ notice: OpenPOSWebhookEvent, _ lookup: Lookup) -> WebhookMismatch? {
        let fetched = lookup.payment
        let status = fetched.status
        if let claimed = notice.status, OpenPOSStatus.status(transactionStatus: claimed).status != status.status {
            return WebhookMismatch(field: "status", claimed: claimed, confirmed: status.description)
        }
        guard notice.type.impliedStatus == status.status else {
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
