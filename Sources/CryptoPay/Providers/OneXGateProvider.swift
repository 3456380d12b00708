import Foundation

/// 1xGate behind ``PaymentProvider``: a checkout is a 1xGate payment in one of the crypto assets it lists.
///
/// Mapping: ``CheckoutRequest/amount`` (a crypto asset 1xGate lists: `usdt`+`trx`, `btc`, `ltc`, `eth`) → currency,
/// network and amount; the order reference → `orderId`; description; payer e-mail → `merchantUserEmail`; success and
/// cancel URLs → `callbacks.success` and `callbacks.failed` (both required). 1xGate has no cancellation, no
/// per-payment webhook URL and no settable expiry. Its webhooks carry no signature: ``verifyWebhook(_:)`` fetches the
/// payment and returns the fetched state (``OneXGateWebhook``).
public struct OneXGateProvider: PaymentProvider {
    /// ``ProviderID/oneXGate``.
    public var provider: ProviderID { .oneXGate }
    /// The client.
    public let client: OneXGateClient
    private let webhook: OneXGateWebhook

    /// Wraps a client; webhooks are authenticated by looking payments up with the same client.
    public init(client: OneXGateClient) {
        self.client = client
        self.webhook = OneXGateWebhook(client: client)
    }

    /// Creates a 1xGate payment, `POST /v1/integrations/payments`.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` for a fiat amount, a pay asset other than the amount's, an
    ///   asset 1xGate does not list, a missing success or cancel URL, a callback URL or an expiry (nothing is sent);
    ///   otherwise as `payments.create`.
    public func createCheckout(_ request: CheckoutRequest) async throws -> Checkout {
        let refuse = { (reason: String) in Refusal.make(.oneXGate, "checkouts.create", reason) }
        if let payAsset = request.payAsset, payAsset != request.amount.asset {
            throw refuse("onexgate charges in the asset paid; convert \(request.amount.asset) to \(payAsset) first")
        }
        guard let success = request.successURL, let failed = request.cancelURL else {
            throw refuse("onexgate requires both a success URL and a cancel URL (callbacks.success, callbacks.failed)")
        }
        try Refusal.unsupported(
            request.callbackURL, "a callback URL", provider: provider, because: "webhook URLs are set in its panel")
        try Refusal.unsupported(
            request.expiresIn, "an expiry", provider: provider, because: "it sets the expiry itself")
        let payment = try await client.payments.create(
            OneXGatePaymentParameters(
                amount: request.amount,
                orderID: request.orderReference,
                successURL: success,
                failedURL: failed,
                description: request.description,
                merchantUserEmail: request.payerEmail
            )
        )
        return Self.checkout(payment)
    }

    /// The payment, `GET /v1/integrations/payments/{paymentId}`.
    ///
    /// - Throws: as `payments.retrieve`.
    public func checkout(id: String) async throws -> Checkout {
        Self.checkout(try await client.payments.retrieve(id: id))
    }

    /// 1xGate has no cancellation.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` always; nothing is sent.
    public func cancelCheckout(id: String) async throws -> Checkout {
        throw Refusal.make(.oneXGate, "checkouts.cancel", "onexgate has no way to cancel a payment")
    }

    /// Authenticates the unsigned webhook by fetching the payment it names (``OneXGateWebhook``).
    ///
    /// - Throws: as ``OneXGateWebhook/verify(_:)``.
    public func verifyWebhook(_ request: WebhookRequest) async throws -> PaymentEvent {
        let verified = try await webhook.verify(request)
        return PaymentEvent(
            checkout: Self.checkout(verified.event),
            idempotencyKey: verified.idempotencyKey,
            authentication: verified.authentication,
            native: verified.event
        )
    }

    static func checkout(_ payment: OneXGatePayment) -> Checkout {
        Checkout(
            id: payment.id,
            provider: .oneXGate,
            status: payment.status,
            requested: payment.requested,
            paid: payment.paid,
            payAddress: payment.address,
            payAsset: payment.asset,
            paymentURL: payment.link,
            expiresAt: payment.expiresAt,
            native: payment
        )
    }
}
