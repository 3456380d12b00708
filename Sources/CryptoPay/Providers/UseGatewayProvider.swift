import Foundation

/// UseGateway behind ``PaymentProvider``: a checkout is a UseGateway payment (`fixed_price`), priced in fiat; the
/// payer picks the cryptocurrency on the hosted page, or pays ``CheckoutRequest/payAsset``'s address directly.
///
/// Every ``CheckoutRequest`` field is carried or refused (`invalidRequest` from `usegateway` naming the field, nothing
/// sent), never dropped:
///
/// | field | where |
/// | --- | --- |
/// | `amount` | `local_price` (`pricing_type` `fixed_price`): a fiat currency UseGateway prices in |
/// | `payAsset` | not sent (the payer picks on the hosted page); selects the checkout's ``Checkout/payAddress`` and ``Checkout/payAsset`` from the payment's `addresses` |
/// | `orderReference` | `name` and `metadata.order_reference` |
/// | `description` | `description` |
/// | `payerEmail` | refused: the API has none |
/// | `successURL` | `redirect_url` |
/// | `cancelURL` | `cancel_url` |
/// | `callbackURL` | refused: webhook endpoints are set in the dashboard |
/// | `expiresIn` | refused: UseGateway sets the expiry itself |
/// | `metadata` | `metadata`, beside `order_reference` (a different `order_reference` key of your own is refused) |
///
/// ``Checkout/requested`` is the `local` pricing entry (the fiat price the payment was created with); without one,
/// the entry whose pricing key sorts first (`bitcoin` before `litecoin`, `tron`, `usdt_trc20`), so that the same
/// payment always gives the same amount; `nil` when the payment has no pricing at all — never a made-up amount.
///
/// After an unknown outcome (HTTP 5xx, a timeout after sending): UseGateway lists payments but cannot search them
/// by metadata, so ``createCheckout(_:)`` does not look up by itself; it throws the create's error with outcome
/// `unknown` naming the order reference. Find the payment with ``checkout(orderReference:)`` (it walks your
/// payments for `metadata.order_reference`) before creating again.
///
/// Webhooks are Svix-signed; the event's key is the `svix-id`.
public struct UseGatewayProvider: PaymentProvider {
    /// `ProviderID.useGateway`.
    public var provider: ProviderID { .useGateway }

    /// Fiat prices paid in BTC, ETH, LTC, TRX or USDT on Tron (chosen on the hosted page unless `payAsset` picks the
    /// address); description, success and cancel URLs and metadata; no payer e-mail, callback URL or expiry;
    /// cancellable.
    public var capabilities: CheckoutCapabilities {
        CheckoutCapabilities(
            fiatPrices: true, cryptoPrices: [], payAssets: [.btc, .eth, .ltc, .trx, .usdtTron], payAsset: .optional,
            description: .optional, payerEmail: .unsupported, successURL: .optional, cancelURL: .optional,
            callbackURL: .unsupported, metadata: .optional, expiry: nil, canCancel: true)
    }
    /// The client.
    public let client: UseGatewayClient
    private let webhook: UseGatewayWebhook?

    /// Wraps a client; `webhook` verifies deliveries (without it, ``verifyWebhook(_:)`` refuses).
    public init(client: UseGatewayClient, webhook: UseGatewayWebhook?) {
        self.client = client
        self.webhook = webhook
    }

    /// Creates a UseGateway payment, `POST /payments/`.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` for a crypto amount, a pay asset UseGateway does not
    ///   take, a callback URL, an expiry, a payer e-mail or metadata whose `order_reference` differs from the order
    ///   reference (nothing is sent); otherwise as `payments.create`, and with outcome `unknown` the order
    ///   reference to look for with ``checkout(orderReference:)``.
    public func createCheckout(_ request: CheckoutRequest) async throws -> Checkout {
        let refuse = { (reason: String) in Refusal.make(.useGateway, "checkouts.create", reason) }
        guard request.amount.asset.isFiat else {
            throw refuse("usegateway prices payments in fiat; got \(request.amount.asset)")
        }
        if let asset = request.payAsset, UseGatewayCryptocurrency(asset: asset) == nil {
            throw refuse("usegateway does not take \(asset) (CheckoutRequest.payAsset)")
        }
        try Refusal.unsupported(
            request.callbackURL, "a callback URL", field: "callbackURL", provider: provider,
            because: "webhook endpoints are set in its dashboard")
        try Refusal.unsupported(
            request.expiresIn, "an expiry", field: "expiresIn", provider: provider,
            because: "it sets the expiry itself")
        try Refusal.unsupported(
            request.payerEmail, "a payer e-mail", field: "payerEmail", provider: provider, because: "its API has none")
        let reference = JSONValue.string(request.orderReference)
        var metadata = request.metadata
        if let own = metadata[Self.orderReferenceKey], own != reference {
            throw refuse(
                "usegateway keeps the order reference in metadata.\(Self.orderReferenceKey); "
                    + "CheckoutRequest.metadata may not set it to something else")
        }
        metadata[Self.orderReferenceKey] = reference
        let parameters = UseGatewayPaymentParameters(
            name: request.orderReference,
            pricing: .fixed(request.amount),
            description: request.description,
            metadata: metadata,
            redirectURL: request.successURL,
            cancelURL: request.cancelURL
        )
        do {
            return checkout(try await client.payments.create(parameters), payAsset: request.payAsset)
        } catch let error as PaymentError where error.outcome == .unknown {
            throw UnknownOutcome.explained(
                error,
                check: "find metadata.order_reference \(request.orderReference) with checkout(orderReference:)")
        }
    }

    /// The metadata key the order reference is stored under.
    public static let orderReferenceKey = "order_reference"

    /// The payment created for `orderReference` (its `metadata.order_reference`), or `nil` when there is none: what
    /// to ask after ``createCheckout(_:)`` failed with `PaymentError.outcome` `unknown`, before creating it
    /// again. UseGateway cannot search by metadata, so this walks every payment, `GET /payments/?page=&size=100`,
    /// until it finds one; when several have the reference, the first listed is returned.
    ///
    /// - Throws: as `payments.list`.
    public func checkout(orderReference: String) async throws -> Checkout? {
        let wanted = JSONValue.string(orderReference)
        for try await payment in try client.payments.all(pageSize: 100)
        where payment.metadata?[Self.orderReferenceKey] == wanted {
            return checkout(payment, payAsset: nil)
        }
        return nil
    }

    /// The payment, `GET /payments/{id}/`.
    ///
    /// - Throws: as `payments.retrieve`.
    public func checkout(id: String) async throws -> Checkout {
        checkout(try await client.payments.retrieve(id: id), payAsset: nil)
    }

    /// Cancels the payment, `PATCH /payments/{id}/cancel` (only before a transaction is detected).
    ///
    /// - Throws: as `payments.cancel`.
    public func cancelCheckout(id: String) async throws -> Checkout {
        checkout(try await client.payments.cancel(id: id), payAsset: nil)
    }

    /// Verifies the Svix signature and maps a payment or invoice event; other events carry their object's id and
    /// status.
    ///
    /// - Throws: `PaymentError` of kind `webhookRejected` as `UseGatewayWebhook.verify(_:)`; `invalidRequest`
    ///   when no webhook secret is configured.
    public func verifyWebhook(_ request: WebhookRequest) async throws -> PaymentEvent {
        guard let webhook else {
            throw Refusal.make(.useGateway, "webhooks.verify", "no UseGateway webhook secret is configured")
        }
        let verified = try await webhook.verify(request)
        let event = verified.event
        switch event.data {
        case .payment(let payment):
            return PaymentEvent(
                checkout: checkout(payment, payAsset: nil),
                idempotencyKey: verified.idempotencyKey,
                authentication: .signature,
                native: event
            )
        case .invoice(let invoice):
            return PaymentEvent(
                checkout: checkout(invoice, payAsset: nil),
                idempotencyKey: verified.idempotencyKey,
                authentication: .signature,
                native: event
            )
        case .deposit(let deposit):
            return otherEvent(verified, id: deposit.id, status: deposit.status)
        case .withdrawalRequest(let request):
            return otherEvent(verified, id: request.id, status: request.status)
        case .other(let data):
            return otherEvent(verified, id: data["id"]?.stringValue ?? "", status: nil)
        }
    }

    private func otherEvent(
        _ verified: VerifiedWebhook<UseGatewayWebhookEvent>,
        id: String,
        status: (any UseGatewayStatus)?
    ) -> PaymentEvent {
        let raw = verified.event.type.rawValue
        return PaymentEvent(
            provider: .useGateway,
            idempotencyKey: verified.idempotencyKey,
            checkoutID: id,
            status: status?.paymentStatus ?? .unknown(raw),
            providerStatus: status?.rawValue ?? raw,
            authentication: .signature,
            native: verified.event
        )
    }

    private func checkout<Kind>(_ payment: UseGatewayCheckout<Kind>, payAsset: Asset?) -> Checkout {
        let requested = Self.requested(payment)
        let received = requested.flatMap { requested in
            payment.transactions.flatMap { [$0.localValue, $0.cryptoValue].compactMap { $0 } }
                .total(of: requested.asset)
        }
        let address = payAsset.flatMap(UseGatewayCryptocurrency.init(asset:)).flatMap { payment.addresses[$0] }
        let status = payment.status ?? Kind.Status(rawValue: "Opened")
        return Checkout(
            id: payment.id,
            provider: .useGateway,
            status: status.paymentStatus,
            providerStatus: status.rawValue,
            requested: requested,
            paid: received,
            payAddress: address,
            payAsset: address == nil ? nil : payAsset,
            paymentURL: payment.hostedURL,
            expiresAt: payment.expiresAt,
            native: payment
        )
    }

    /// The `local` price, else the price under the pricing key that sorts first, else `nil`.
    static func requested<Kind>(_ payment: UseGatewayCheckout<Kind>) -> Money? {
        payment.localPrice ?? payment.pricing.min { $0.key < $1.key }?.value
    }
}
