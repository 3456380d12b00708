import Foundation

/// The POS-style Open API behind ``PaymentProvider``: a checkout is a POS payment, quoted with GetRate and started
/// with StartPayment; its id is the POS `payment_id`.
///
/// Every ``CheckoutRequest`` field is carried or refused (`invalidRequest` from `openpos` naming the field, nothing
/// sent), never dropped:
///
/// | field | where |
/// | --- | --- |
/// | `amount` | `invoice_amount` and `invoice_currency` (GetRate, StartPayment): a fiat currency (`Asset.isFiat`) |
/// | `payAsset` | `currency` (required: a cryptocurrency by symbol without a network, such as `.btc`) |
/// | `orderReference` | `reference_no` (StartPayment) |
/// | `description` | refused: the API has none |
/// | `payerEmail` | refused: the API has none |
/// | `successURL` | refused: there is no hosted page to redirect from |
/// | `cancelURL` | refused: there is no hosted page to redirect from |
/// | `callbackURL` | refused: the webhook URL is set in the merchant dashboard |
/// | `expiresIn` | refused: POS payments have no expiry |
/// | `metadata` | refused: the API stores none |
///
/// After an unknown outcome of StartPayment (HTTP 5xx, a timeout after sending): the payment id is known from
/// GetRate, so ``createCheckout(_:)`` looks for it in GetTransactions (`GET /GetTransactions/`: the first
/// ``reconciliationScanLimit`` transactions it lists at most, as the API has no search and does not document its
/// order) and, when it is there with its address, records it in the address book and returns it (native object:
/// the `OpenPOSTransaction`). Otherwise it throws StartPayment's error with outcome `unknown`, naming the payment
/// id and `reference_no` to look for; it never starts a second payment by itself.
///
/// CheckPayment, CancelPayment and the webhook lookup need the payment's cryptocurrency and address besides its id.
/// The adapter keeps them in an `OpenPOSAddressBook`: the client's when it has one (StartPayment fills it; pass
/// one through ``ProviderSettings/openPOS(username:apiKey:posID:configuration:addressBook:)``), otherwise a bounded
/// `OpenPOSInMemoryAddressBook` of its own that ``createCheckout(_:)`` fills. So ``checkout(id:)``,
/// ``cancelCheckout(id:)`` and ``verifyWebhook(_:)`` work for checkouts this process created (or that a persistent
/// address book on the client knows); for any other id they fail without sending anything (`notFound`; webhooks:
/// `invalidRequest`, which a webhook route answers with 5xx so that the provider delivers again) — give the client an address book backed by your database to serve
/// checkouts created elsewhere, before a restart or on another instance.
///
/// A ``Checkout`` has ``Checkout/requested`` = the invoice (fiat), ``Checkout/paid`` = what CheckPayment reports as
/// received, in the cryptocurrency (the API reports nothing else), the pay address and asset, no payment URL (the
/// API has no hosted page; StartPayment's QR codes are in the native `OpenPOSStartedPayment`) and no expiry. Its
/// native object is the `OpenPOSStartedPayment` after creation and the `OpenPOSPaymentCheck` afterwards. Webhooks
/// carry no signature: ``verifyWebhook(_:)`` calls CheckPayment and returns the fetched state (`OpenPOSWebhook`),
/// with the idempotency key `<payment_id>:<event>`.
public struct OpenPOSProvider: PaymentProvider {
    /// `ProviderID.openPOS`.
    public var provider: ProviderID { .openPOS }

    /// Fiat prices paid in a cryptocurrency named by symbol (no network: the POS API cannot choose one), which is
    /// required; no description, e-mail, URLs, metadata or expiry; cancellable.
    public var capabilities: CheckoutCapabilities {
        CheckoutCapabilities(
            fiatPrices: true, cryptoPrices: [], payAssets: [.btc, .eth, .ltc], payAsset: .required,
            description: .unsupported, payerEmail: .unsupported, successURL: .unsupported, cancelURL: .unsupported,
            callbackURL: .unsupported, metadata: .unsupported, expiry: nil, canCancel: true)
    }
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

    /// The most transactions ``createCheckout(_:)`` reads from GetTransactions to find a payment whose start had an
    /// unknown outcome: 200, ten of the document's pages of 20.
    public static let reconciliationScanLimit = 200

    /// Quotes and starts a POS payment, `GET /GetRate/` then `GET /StartPayment/`, and records its reference; after
    /// a StartPayment whose outcome is unknown, looks the payment up in GetTransactions.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` for a crypto amount, a blank order reference, a missing pay
    ///   asset, a pay asset with a network or that is fiat, a description, payer e-mail, success, cancel or callback
    ///   URL, an expiry or metadata (nothing is sent); otherwise as `OpenPOSClient.rate(for:options:)` and
    ///   `startPayment(_:options:)`: a StartPayment failure with outcome `unknown` whose payment GetTransactions
    ///   does not show keeps that outcome and names the payment id and reference to look for; whatever the address
    ///   book throws.
    public func createCheckout(_ request: CheckoutRequest) async throws -> Checkout {
        let currency = try Self.payAsset(of: request)
        let quote = try await client.rate(for: OpenPOSQuoteRequest(invoice: request.amount, currency: currency))
        let payment: OpenPOSPayment
        do {
            payment = try await client.startPayment(
                OpenPOSStartPaymentRequest(quote: quote, referenceNumber: request.orderReference))
        } catch let error as PaymentError where error.outcome == .unknown {
            return try await reconcile(quote: quote, currency: currency, request: request, after: error)
        }
        if recordsCheckouts { try await addressBook.record(payment.reference) }
        let started = OpenPOSStartedPayment(quote: quote, payment: payment)
        return Checkout(
            id: payment.paymentID,
            provider: .openPOS,
            status: OpenPOSStatus.waiting.paymentStatus,
            providerStatus: OpenPOSStatus.waiting.rawValue,
            requested: quote.invoice,
            payAddress: payment.address,
            payAsset: started.reference.currency,
            native: started
        )
    }

    /// The payment a StartPayment with an unknown outcome may have started, from GetTransactions.
    private func reconcile(
        quote: OpenPOSQuote,
        currency: Asset,
        request: CheckoutRequest,
        after failure: PaymentError
    ) async throws -> Checkout {
        let check =
            "look for payment_id \(quote.paymentID) (reference_no \(request.orderReference)) in GetTransactions"
        let found: OpenPOSTransaction?
        do {
            found = try await transaction(paymentID: quote.paymentID)
        } catch let lookup as PaymentError {
            throw UnknownOutcome.explained(failure, check: "\(check) (the lookup failed too: \(lookup.message))")
        }
        guard let found, let address = found.address else {
            throw UnknownOutcome.explained(
                failure,
                check: "\(check) (not among the first \(Self.reconciliationScanLimit) transactions listed)")
        }
        let reference = OpenPOSPaymentReference(paymentID: found.paymentID, currency: currency, address: address)
        try await addressBook.record(reference)
        return Checkout(
            id: found.paymentID,
            provider: .openPOS,
            status: found.status.paymentStatus,
            providerStatus: found.status.rawValue,
            requested: quote.invoice,
            paid: found.payment.map { Money($0, currency) },
            payAddress: address,
            payAsset: currency,
            native: found
        )
    }

    /// The transaction with this payment id among the first ``reconciliationScanLimit`` listed, or `nil`.
    private func transaction(paymentID: String) async throws -> OpenPOSTransaction? {
        var scanned = 0
        for try await transaction in try client.allTransactions() {
            if transaction.paymentID == paymentID { return transaction }
            scanned += 1
            if scanned >= Self.reconciliationScanLimit { return nil }
        }
        return nil
    }

    /// The payment as CheckPayment reports it, `GET /CheckPayment/`.
    ///
    /// - Throws: `PaymentError` of kind `notFound` when the address book has no reference for `id` (nothing is
    ///   sent); otherwise as `OpenPOSClient.checkPayment(_:options:)`.
    public func checkout(id: String) async throws -> Checkout {
        let reference = try await reference(for: id, operation: "checkouts.retrieve")
        return Self.checkout(try await client.checkPayment(reference), reference: reference)
    }

    /// Cancels a payment whose transaction has not been sent, `GET /CancelPayment/`, then reports it with
    /// CheckPayment.
    ///
    /// - Throws: `PaymentError` of kind `notFound` when the address book has no reference for `id` (nothing is
    ///   sent); `conflict` when the provider does not cancel (a transaction was already sent); otherwise as
    ///   `OpenPOSClient.cancelPayment(_:reason:comment:options:)` and `checkPayment(_:options:)`.
    public func cancelCheckout(id: String) async throws -> Checkout {
        let reference = try await reference(for: id, operation: "checkouts.cancel")
        _ = try await client.cancelPayment(reference)
        return Self.checkout(try await client.checkPayment(reference), reference: reference)
    }

    /// Authenticates the unsigned webhook by calling CheckPayment for the payment it names (`OpenPOSWebhook`) and
    /// returns the fetched state.
    ///
    /// - Throws: as `OpenPOSWebhook.verify(_:)`: `invalidRequest` (not a rejection: answer 5xx) for a payment the
    ///   address book does not know, `webhookRejected` for one the API does not know or that disagrees.
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
        guard !request.orderReference.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw refuse("openpos sends CheckoutRequest.orderReference as reference_no and needs it not blank")
        }
        guard let payAsset = request.payAsset else {
            throw refuse(
                "openpos needs the cryptocurrency the payer pays in: set payAsset (CheckoutRequest.payAsset, such as BTC)"
            )
        }
        guard OpenPOSAssetMapping.symbol(for: payAsset) != nil else {
            throw refuse(
                payAsset.network == nil
                    ? "openpos takes a cryptocurrency to pay in; got \(payAsset)"
                    : "openpos names currencies by symbol only and cannot choose a network; got \(payAsset)")
        }
        let unsupported: [(Any?, String, String, String)] = [
            (request.description, "a description", "description", "its API has none"),
            (request.payerEmail, "a payer e-mail", "payerEmail", "its API has none"),
            (request.successURL, "a success URL", "successURL", "it has no hosted page to redirect from"),
            (request.cancelURL, "a cancel URL", "cancelURL", "it has no hosted page to redirect from"),
            (request.callbackURL, "a callback URL", "callbackURL", "the webhook URL is set in the merchant dashboard"),
            (request.expiresIn, "an expiry", "expiresIn", "its payments have none"),
        ]
        for (value, what, field, reason) in unsupported {
            try Refusal.unsupported(value, what, field: field, provider: .openPOS, because: reason)
        }
        try Refusal.noMetadata(request.metadata, provider: .openPOS, because: "its API stores none")
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
            status: payment.status.paymentStatus,
            providerStatus: payment.status.rawValue,
            requested: payment.invoice ?? payment.amountDue,
            paid: payment.received,
            payAddress: reference.address,
            payAsset: payment.received.asset,
            native: payment
        )
    }
}
