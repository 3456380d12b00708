import Foundation

/// The POS-style Open API behind ``PaymentProvider``: a checkout is a POS payment, quoted with GetRate and started
/// with StartPayment; its id is the POS `payment_id`.
///
/// Mapping: ``CheckoutRequest/amount`` (a fiat currency, ``Asset/isFiat``) → `invoice_amount` and `invoice_currency`;
/// ``CheckoutRequest/payAsset`` (required: the cryptocurrency, by symbol and without a network, such as `.btc`) →
/// `currency`; the order reference → `reference_no`. The API has no description, payer e-mail, redirect URLs,
/// per-payment webhook URL (it is set in the merchant dashboard), expiry or metadata, so a request with any of them
/// is refused before anything is sent, as are a crypto amount, a missing pay asset and a pay asset with a network.
///
/// CheckPayment, CancelPayment and the webhook lookup need the payment's cryptocurrency and address besides its id.
/// The adapter keeps them in an ``OpenPOSAddressBook``: the client's when it has one (StartPayment fills it),
/// otherwise an ``OpenPOSInMemoryAddressBook`` of its own that ``createCheckout(_:)`` fills. So ``checkout(id:)``,
/// ``cancelCheckout(id:)`` and ``verifyWebhook(_:)`` work for checkouts this process created (or that a persistent
/// address book on the client knows); for any other id they fail with `notFound` (webhooks: `webhookRejected`,
/// `lookupFailed`) without sending anything — give the client an address book backed by your database to serve
/// checkouts created elsewhere or before a restart.
///
/// A ``Checkout`` has ``Checkout/requested`` = the invoice (fiat), ``Checkout/paid`` = what CheckPayment reports as
/// received, in the cryptocurrency (the API reports nothing else), the pay address and asset, no payment URL (the
/// API has no hosted page; StartPayment's QR codes are in the native ``OpenPOSStartedPayment``) and no expiry. Its
/// native object is the ``OpenPOSStartedPayment`` after creation and the ``OpenPOSPaymentCheck`` afterwards. Webhooks
/// carry no signature: ``verifyWebhook(_:)`` calls CheckPayment and returns the fetched state (``OpenPOSWebhook``),
/// with the idempotency key `<payment_id>:<event>`.
public struct OpenPOSProvider: PaymentProvider {
    /// ``ProviderID/openPOS``.
    public var provider: ProviderID { .openPOS }
    /// The client.
    public let client: OpenPOSClient
    /// Where each checkout's cryptocurrency and address are kept: the client's address book, or the adapter's own.
    public let addressBook: any OpenPOSAddressBook
    private let recordsCheckouts: Bool
    private let webhook: OpenPOSWebhook

    /// Wraps a client; webhooks are authenticated by looking payments up with the same client.
    public init(client: OpenPOSClient) {
        self.client = client
        let addressBook = client.addressBook ?? OpenPOSInMemoryAddressBook()
        self.addressBook = addressBook
        self.recordsCheckouts = client.addressBook == nil
        self.webhook = OpenPOSWebhook(client: client, addressBook: addressBook)
    }

    /// Quotes and starts a POS payment, `GET /GetRate/` then `GET /StartPayment/`, and records its reference.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` for a crypto amount, a missing pay asset, a pay asset with
    ///   a network or that is fiat, a description, payer e-mail, success, cancel or callback URL, an expiry or
    ///   metadata (nothing is sent); otherwise as `OpenPOSClient.startPayment(invoiceAmount:currency:…)` (a
    ///   StartPayment failure with outcome `unknown` may have started the payment); whatever the address book
    ///   throws.
    public func createCheckout(_ request: CheckoutRequest) async throws -> Checkout {
        let currency = try Self.payAsset(of: request)
        let started = try await client.startPayment(
            invoiceAmount: request.amount, currency: currency, referenceNumber: request.orderReference)
        if recordsCheckouts { try await addressBook.record(started.reference) }
        return Checkout(
            id: started.payment.paymentID,
            provider: .openPOS,
            status: ProviderStatus(.pending, raw: OpenPOSPaymentState.waiting.rawValue),
            requested: started.payment.quote.invoice,
            payAddress: started.payment.address,
            payAsset: started.reference.currency,
            native: started
        )
    }

    /// The payment as CheckPayment reports it, `GET /CheckPayment/`.
    ///
    /// - Throws: ``PaymentError`` of kind `notFound` when the address book has no reference for `id` (nothing is
    ///   sent); otherwise as `OpenPOSClient.checkPayment(_:options:)`.
    public func checkout(id: String) async throws -> Checkout {
        let reference = try await reference(for: id, operation: "checkouts.retrieve")
        return Self.checkout(try await client.checkPayment(reference), reference: reference)
    }

    /// Cancels a payment whose transaction has not been sent, `GET /CancelPayment/`, then reports it with
    /// CheckPayment.
    ///
    /// - Throws: ``PaymentError`` of kind `notFound` when the address book has no reference for `id` (nothing is
    ///   sent); `conflict` when the provider does not cancel (a transaction was already sent); otherwise as
    ///   `OpenPOSClient.cancelPayment(_:reason:comment:options:)` and `checkPayment(_:options:)`.
    public func cancelCheckout(id: String) async throws -> Checkout {
        let reference = try await reference(for: id, operation: "checkouts.cancel")
        _ = try await client.cancelPayment(reference)
        return Self.checkout(try await client.checkPayment(reference), reference: reference)
    }

    /// Authenticates the unsigned webhook by calling CheckPayment for the payment it names (``OpenPOSWebhook``) and
    /// returns the fetched state.
    ///
    /// - Throws: as ``OpenPOSWebhook/verify(_:)``: `webhookRejected` with `lookupFailed` for a payment the address
    ///   book does not know.
    public func verifyWebhook(_ request: WebhookRequest) async throws -> PaymentEvent {
        let verified = try await webhook.verify(request)
        return PaymentEvent(
            checkout: Self.checkout(verified.event.payment, reference: verified.event.reference),
            idempotencyKey: verified.idempotencyKey,
            authentication: verified.authentication,
            native: verified.event
        )
    }

    /// The cryptocurrency the request is paid in, or a refusal of what the POS API cannot express.
    private static func payAsset(of request: CheckoutRequest) throws -> Asset {
        let refuse = { (reason: String) in Refusal.make(.openPOS, "checkouts.create", reason) }
        guard request.amount.asset.isFiat else {
            throw refuse("openpos prices invoices in a fiat currency (invoice_currency); got \(request.amount.asset)")
        }
        guard let payAsset = request.payAsset else {
            throw refuse("openpos needs the cryptocurrency the payer pays in: set payAsset (such as BTC)")
        }
        guard OpenPOSAssets.symbol(for: payAsset) != nil else {
            throw refuse(
                payAsset.network == nil
                    ? "openpos takes a cryptocurrency to pay in; got \(payAsset)"
                    : "openpos names currencies by symbol only and cannot choose a network; got \(payAsset)")
        }
        let unsupported: [(Any?, String, String)] = [
            (request.description, "a description", "its API has none"),
            (request.payerEmail, "a payer e-mail", "its API has none"),
            (request.successURL, "a success URL", "it has no hosted page to redirect from"),
            (request.cancelURL, "a cancel URL", "it has no hosted page to redirect from"),
            (request.callbackURL, "a callback URL", "the webhook URL is set in the merchant dashboard"),
            (request.expiresIn, "an expiry", "its payments have none"),
            (request.metadata.isEmpty ? nil : request.metadata, "metadata", "its API stores none"),
        ]
        for (value, what, reason) in unsupported {
            try Refusal.unsupported(value, what, provider: .openPOS, because: reason)
        }
        return payAsset
    }

    private func reference(for id: String, operation: String) async throws -> OpenPOSPaymentReference {
        guard let reference = try await addressBook.reference(forPaymentID: id) else {
            throw PaymentError(
                .notFound,
                message: "openpos needs a payment's currency and address to look it up, and none is recorded for "
                    + "payment \(id): it was not created through this address book",
                provider: .openPOS,
                operation: operation)
        }
        return reference
    }

    static func checkout(_ payment: OpenPOSPaymentCheck, reference: OpenPOSPaymentReference) -> Checkout {
        Checkout(
            id: reference.paymentID,
            provider: .openPOS,
            status: payment.status,
            requested: payment.invoice ?? payment.amountDue,
            paid: payment.received,
            payAddress: reference.address,
            payAsset: payment.received.asset,
            native: payment
        )
    }
}
