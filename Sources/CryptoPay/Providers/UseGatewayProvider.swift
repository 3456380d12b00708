import Foundation

/// UseGateway behind ``PaymentProvider``: a checkout is a UseGateway payment (`fixed_price`), priced in fiat; the
/// payer picks the cryptocurrency on the hosted page, or pays ``CheckoutRequest/payAsset``'s address directly.
///
/// Mapping: ``CheckoutRequest/amount`` → `local_price` (a fiat currency UseGateway prices in), the order reference →
/// `name` (and `metadata.order_reference`), description, success / cancel URLs → `redirect_url` / `cancel_url`.
/// UseGateway has no per-payment webhook URL (endpoints are set in its dashboard), no settable expiry and no payer
/// e-mail, so those are refused. Webhooks are Svix-signed; the event's key is the `svix-id`.
public struct UseGatewayProvider: PaymentProvider {
    /// ``ProviderID/useGateway``.
    public var provider: ProviderID { .useGateway }
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
    /// - Throws: ``PaymentError`` of kind `invalidRequest` for a crypto amount, a pay asset UseGateway does not
    ///   take, a callback URL, an expiry or a payer e-mail (nothing is sent); otherwise as `payments.create`.
    public func createCheckout(_ request: CheckoutRequest) async throws -> Checkout {
        let refuse = { (reason: String) in Refusal.make(.useGateway, "checkouts.create", reason) }
        guard request.amount.asset.isFiat else {
            throw refuse("usegateway prices payments in fiat; got \(request.amount.asset)")
        }
        if let asset = request.payAsset, UseGatewayCryptocurrency(asset: asset) == nil {
            throw refuse("usegateway does not take \(asset)")
        }
        try Refusal.unsupported(
            request.callbackURL, "a callback URL", provider: provider,
            because: "webhook endpoints are set in its dashboard")
        try Refusal.unsupported(
            request.expiresIn, "an expiry", provider: provider, because: "it sets the expiry itself")
        try Refusal.unsupported(request.payerEmail, "a payer e-mail", provider: provider, because: "its API has none")
        var metadata = request.metadata
        metadata["order_reference"] = .string(request.orderReference)
        let payment = try await client.payments.create(
            UseGatewayPaymentParameters(
                name: request.orderReference,
                pricing: .fixed(request.amount),
                description: request.description,
                metadata: metadata,
                redirectURL: request.successURL,
                cancelURL: request.cancelURL
            )
        )
        return checkout(payment, payAsset: request.payAsset)
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
    /// - Throws: ``PaymentError`` of kind `webhookRejected` as ``UseGatewayWebhook/verify(_:)``; `invalidRequest`
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
        status: ProviderStatus?
    ) -> PaymentEvent {
        let raw = verified.event.type.rawValue
        return PaymentEvent(
            provider: .useGateway,
            idempotencyKey: verified.idempotencyKey,
            checkoutID: id,
            status: status ?? ProviderStatus(.unknown(raw), raw: raw),
            authentication: .signature,
            native: verified.event
        )
    }

    private func checkout<Kind>(_ payment: UseGatewayCheckout<Kind>, payAsset: Asset?) -> Checkout {
        let requested = payment.localPrice ?? payment.pricing.values.first ?? Money(0, .usd)
        let received = payment.transactions.compactMap(\.localValue).total(of: requested.asset)
        let address = payAsset.flatMap(UseGatewayCryptocurrency.init(asset:)).flatMap { payment.addresses[$0] }
        let raw = payment.currentStatusEntry?.status ?? "Opened"
        return Checkout(
            id: payment.id,
            provider: .useGateway,
            status: payment.status ?? Kind.statusTable.status(for: raw),
            requested: requested,
            paid: received,
            payAddress: address,
            payAsset: address == nil ? nil : payAsset,
            paymentURL: payment.hostedURL,
            expiresAt: payment.expiresAt,
            native: payment
        )
    }
}
