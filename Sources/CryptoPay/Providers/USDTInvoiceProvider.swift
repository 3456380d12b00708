import Foundation

/// The USDT invoice API behind ``PaymentProvider``: a checkout is an invoice for an exact amount of USDT on Tron,
/// Ethereum or BNB Smart Chain, paid straight to the merchant's wallet.
///
/// Every ``CheckoutRequest`` field is carried or refused (`invalidRequest` from `usdtinvoice` naming the field,
/// nothing sent), never dropped (`invoices.create`, `POST /api/v1/invoices`):
///
/// | field | where |
/// | --- | --- |
/// | `amount` | `amountUsdt` and `assetCode`: USDT on tron (`USDT_TRC20`), ethereum (`USDT_ERC20`) or bsc (`USDT_BSC`), positive, at most 4 decimal places; fiat and other assets are refused (the API converts nothing) |
/// | `payAsset` | `assetCode`: only the amount's asset (refused otherwise) |
/// | `orderReference` | `reference` (1 to 50 characters), the key the invoice is found by; `title` is `Order <reference>` |
/// | `description` | `description` (at most 500 characters) |
/// | `payerEmail` | refused: the API takes none |
/// | `successURL` | `returnUrl` (at most 500 characters) |
/// | `cancelURL` | refused: an invoice has only a return URL |
/// | `callbackURL` | `callbackUrl` (at most 500 characters) |
/// | `expiresIn` | `expirySeconds`: whole seconds from 300 to 7200 (without it the provider's 1800 applies) |
/// | `metadata` | `metadata` (left out when empty) |
///
/// After an unknown outcome: ``createCheckout(_:)`` creates with `invoices.createOrRetrieve`, so a create that
/// fails with HTTP 5xx or a timeout after sending (or with HTTP 409 for the reference) is looked up by the order
/// reference, `GET /api/v1/invoices/reference/{reference}`, and the invoice found is returned when it has the amount
/// and asset asked for; it is a `conflict` naming its status when it is expired or cancelled. When the lookup finds
/// nothing, the create's error is thrown with outcome `unknown` and the reference in its message; calling again
/// with the same order reference is then safe (the API refuses a second invoice with that reference). Nothing is
/// ever created twice for one order reference.
///
/// ``checkout(id:)`` is `invoices.retrieve`, ``cancelCheckout(id:)`` is `invoices.cancel` (pending invoices only).
/// A ``Checkout`` asks for the invoice's `amountUsdtExact`; its paid amount is that same amount once the invoice is
/// `confirmed`, and `nil` before, because the API confirms only the exact amount and reports no partial payments. The
/// pay address is the `payoutAddress`, in the invoice's asset.
///
/// Webhooks are verified by `USDTInvoiceWebhook` (`X-Webhook-Signature`, hex HMAC-SHA256 of the raw body). Their
/// idempotency key is `<invoice_reference>:<status>` from the signed body (the `X-Webhook-Id` header is not signed:
/// it is only the event's delivery id). The signed body names the invoice by reference only, so
/// ``verifyWebhook(_:)`` then fetches the invoice by that reference for its id (``PaymentEvent/checkoutID``).
public struct USDTInvoiceProvider: PaymentProvider {
    /// `ProviderID.usdtInvoice`.
    public var provider: ProviderID { .usdtInvoice }

    /// Prices in USDT on Tron, Ethereum or BNB Smart Chain only, paid in that asset; description, success (return)
    /// and callback URLs, metadata, an expiry of 300 to 7200 whole seconds; no payer e-mail or cancel URL;
    /// cancellable.
    public var capabilities: CheckoutCapabilities {
        CheckoutCapabilities(
            fiatPrices: false, cryptoPrices: [.usdtTron, .usdtEthereum, .usdtBSC], payAssets: [], payAsset: .optional,
            description: .optional, payerEmail: .unsupported, successURL: .optional, cancelURL: .unsupported,
            callbackURL: .optional, metadata: .optional, expiry: .seconds(300) ... .seconds(7200), canCancel: true)
    }
    /// The client.
    public let client: USDTInvoiceClient
    private let webhook: USDTInvoiceWebhook?

    /// Wraps a client; `webhook` verifies deliveries (without it, ``verifyWebhook(_:)`` refuses).
    public init(client: USDTInvoiceClient, webhook: USDTInvoiceWebhook?) {
        self.client = client
        self.webhook = webhook
    }

    /// Creates the order's invoice, `POST /api/v1/invoices`, or returns the one that already has its reference
    /// (`invoices.createOrRetrieve`): calling again for the same order never creates a second invoice.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` (nothing is sent) for an amount that is not USDT on tron,
    ///   ethereum or bsc (fiat included), a different pay asset, an amount that is not positive or has more than 4
    ///   decimal places, an empty reference or one over 50 characters, an expiry that is not whole seconds from 300
    ///   to 7200, a cancel URL, a payer e-mail, a URL over 500 characters or a description over 500; otherwise as
    ///   `invoices.createOrRetrieve`: `conflict` when the reference belongs to an invoice of another amount or
    ///   asset, or to an expired or cancelled one (the message names its status); the create's error with outcome
    ///   `unknown` and the reference in its message when the invoice may exist but the lookup did not find it.
    public func createCheckout(_ request: CheckoutRequest) async throws -> Checkout {
        let refuse = { (reason: String) in Refusal.make(.usdtInvoice, "checkouts.create", reason) }
        let asset = request.amount.asset
        guard USDTInvoiceAssetCode(asset: asset) != nil else {
            throw refuse(
                "usdtinvoice invoices are amounts of USDT on tron, ethereum or bsc; it converts nothing, got \(asset)")
        }
        if let payAsset = request.payAsset, payAsset != asset {
            throw refuse(
                "usdtinvoice is paid in the invoice's asset (CheckoutRequest.payAsset); convert \(asset) to "
                    + "\(payAsset) first")
        }
        guard request.amount.amount > 0, request.amount.amount.decimalPlaces <= 4 else {
            throw refuse("usdtinvoice takes a positive amount with at most 4 decimal places, got \(request.amount)")
        }
        guard !request.orderReference.isEmpty, request.orderReference.unicodeScalars.count <= 50 else {
            throw refuse("usdtinvoice takes an order reference of 1 to 50 characters")
        }
        try Refusal.unsupported(
            request.cancelURL, "a cancel URL", field: "cancelURL", provider: provider,
            because: "an invoice has only a return URL")
        try Refusal.unsupported(
            request.payerEmail, "a payer e-mail", field: "payerEmail", provider: provider, because: "its API has none")
        let invoice = try await client.invoices.createOrRetrieve(
            USDTInvoiceParameters(
                amount: request.amount,
                reference: request.orderReference,
                callbackURL: request.callbackURL,
                expirySeconds: try request.expiresIn.map { try Self.expirySeconds($0, refuse: refuse) },
                metadata: request.metadata.isEmpty ? nil : request.metadata,
                title: "Order \(request.orderReference)",
                description: request.description,
                returnURL: request.successURL
            )
        )
        return Self.checkout(invoice)
    }

    /// The invoice, `GET /api/v1/invoices/{id}`.
    ///
    /// - Throws: as `invoices.retrieve` (`notFound` for an unknown id).
    public func checkout(id: String) async throws -> Checkout {
        Self.checkout(try await client.invoices.retrieve(id: id))
    }

    /// Cancels a pending invoice, `POST /api/v1/invoices/{id}/cancel`.
    ///
    /// - Throws: as `invoices.cancel` (`validation` when the invoice is no longer pending).
    public func cancelCheckout(id: String) async throws -> Checkout {
        Self.checkout(try await client.invoices.cancel(id: id))
    }

    /// Verifies the HMAC signature, then fetches the invoice the signed body names by reference for its id. The
    /// event's status and amounts are the signed body's; its ``PaymentEvent/checkout`` is the invoice as fetched.
    ///
    /// - Throws: `PaymentError` of kind `webhookRejected` as `USDTInvoiceWebhook.verify(_:)`; `invalidRequest`
    ///   when no webhook secret is configured; the lookup's error (`invoices.retrieveByReference`) when the invoice
    ///   cannot be fetched, so that the delivery is answered with an error and retried by the provider.
    public func verifyWebhook(_ request: WebhookRequest) async throws -> PaymentEvent {
        guard let webhook else {
            throw Refusal.make(.usdtInvoice, "webhooks.verify", "no USDT invoice webhook secret is configured")
        }
        let verified = try await webhook.verify(request)
        let event = verified.event
        let invoice = try await client.invoices.retrieve(reference: event.invoiceReference)
        let amount = event.amount ?? invoice.amount
        return PaymentEvent(
            provider: .usdtInvoice,
            idempotencyKey: verified.idempotencyKey,
            checkoutID: invoice.id,
            status: event.status.paymentStatus,
            providerStatus: event.status.rawValue,
            requested: amount,
            paid: event.status == .confirmed ? amount : nil,
            authentication: verified.authentication,
            checkout: Self.checkout(invoice),
            native: event
        )
    }

    private static func expirySeconds(
        _ duration: Duration,
        refuse: (String) -> PaymentError
    ) throws -> Int {
        let (seconds, attoseconds) = duration.components
        guard attoseconds == 0, (300...7200).contains(seconds) else {
            throw refuse("usdtinvoice takes an expiry of whole seconds from 300 to 7200, got \(duration)")
        }
        return Int(seconds)
    }

    static func checkout(_ invoice: USDTInvoiceDetails) -> Checkout {
        Checkout(
            id: invoice.id,
            provider: .usdtInvoice,
            status: invoice.status.paymentStatus,
            providerStatus: invoice.status.rawValue,
            requested: invoice.amount,
            paid: invoice.status == .confirmed ? invoice.amount : nil,
            payAddress: invoice.payoutAddress,
            payAsset: invoice.assetCode.asset,
            paymentURL: invoice.paymentURL,
            expiresAt: invoice.expiresAt,
            native: invoice
        )
    }
}
