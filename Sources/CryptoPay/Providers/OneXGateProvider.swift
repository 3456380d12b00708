import Foundation

/// 1xGate behind ``PaymentProvider``: a checkout is a 1xGate payment in one of the crypto assets it lists.
///
/// Every ``CheckoutRequest`` field is carried or refused (`invalidRequest` from `onexgate` naming the field, nothing
/// sent), never dropped:
///
/// | field | where |
/// | --- | --- |
/// | `amount` | `currency`, `network`, `amount`: a crypto asset 1xGate lists (`usdt`+`trx`, `btc`, `ltc`, `eth`) |
/// | `payAsset` | the amount's asset only (refused otherwise: 1xGate converts nothing) |
/// | `orderReference` | `orderId` |
/// | `description` | `description` |
/// | `payerEmail` | `merchantUserEmail` |
/// | `successURL` | `callbacks.success` (required) |
/// | `cancelURL` | `callbacks.failed` (required) |
/// | `callbackURL` | refused: the webhook URL is set in the 1xGate panel |
/// | `expiresIn` | refused: 1xGate sets the expiry itself |
/// | `metadata` | refused: the create call takes no metadata |
///
/// After an unknown outcome (HTTP 5xx, a timeout after sending): 1xGate looks payments up only by its own `_id`,
/// which the lost answer carried, and has no search by `orderId`. ``createCheckout(_:)`` therefore does not retry
/// or guess: it throws the create's error with outcome `unknown` and the order id to look for in the 1xGate panel
/// (or in a webhook that names it) in its message. Create again only once you know there is no payment for it.
///
/// 1xGate has no cancellation. Its webhooks carry no signature: ``verifyWebhook(_:)`` fetches the payment and returns
/// the fetched state (`OneXGateWebhook`).
public struct OneXGateProvider: PaymentProvider {
    /// `ProviderID.oneXGate`.
    public var provider: ProviderID { .oneXGate }

    /// Prices in the documented crypto assets only, paid in that asset; success and cancel URLs both required;
    /// description and payer e-mail; no callback URL, metadata or expiry; no cancellation.
    public var capabilities: CheckoutCapabilities {
        CheckoutCapabilities(
            fiatPrices: false, cryptoPrices: OneXGateAssetMapping.documented.map(\.asset), payAssets: [],
            payAsset: .optional, description: .optional, payerEmail: .optional, successURL: .required,
            cancelURL: .required, callbackURL: .unsupported, metadata: .unsupported, expiry: nil, canCancel: false)
    }
    /// The client.
    public let client: OneXGateClient
    private let webhook: OneXGateWebhook

    /// Wraps a client; webhooks are authenticated by looking payments up with the same client.
    public init(client: OneXGateClient) {
        self.client = client
        self.webhook = OneXGateWebhook(client: client)
    }

    /// Creates a 1xGate payment (`payments.create`, at the path `OneXGateClient` finds the service answering on).
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` for a fiat amount, a pay asset other than the amount's, an
    ///   asset 1xGate does not list, a missing success or cancel URL, a callback URL, an expiry or metadata (nothing
    ///   is sent); otherwise as `payments.create`, and with outcome `unknown` the order id to look for.
    public func createCheckout(_ request: CheckoutRequest) async throws -> Checkout {
        let refuse = { (reason: String) in Refusal.make(.oneXGate, "checkouts.create", reason) }
        if let payAsset = request.payAsset, payAsset != request.amount.asset {
            throw refuse(
                "onexgate charges in the asset paid (CheckoutRequest.payAsset); convert \(request.amount.asset) to "
                    + "\(payAsset) first")
        }
        guard let success = request.successURL, let failed = request.cancelURL else {
            throw refuse(
                "onexgate requires both CheckoutRequest.successURL and CheckoutRequest.cancelURL (callbacks.success, "
                    + "callbacks.failed)")
        }
        try Refusal.unsupported(
            request.callbackURL, "a callback URL", field: "callbackURL", provider: provider,
            because: "webhook URLs are set in its panel")
        try Refusal.unsupported(
            request.expiresIn, "an expiry", field: "expiresIn", provider: provider,
            because: "it sets the expiry itself")
        try Refusal.noMetadata(request.metadata, provider: provider, because: "its create call takes none")
        let parameters = OneXGatePaymentParameters(
            amount: request.amount,
            orderID: request.orderReference,
            successURL: success,
            failedURL: failed,
            description: request.description,
            merchantUserEmail: request.payerEmail
        )
        do {
            return Self.checkout(try await client.payments.create(parameters))
        } catch let error as PaymentError where error.outcome == .unknown {
            throw UnknownOutcome.explained(
                error,
                check: "1xGate cannot search by order id, so look for orderId \(request.orderReference) in the "
                    + "1xGate panel")
        }
    }

    /// The payment, `GET /v1/integrations/payments/{paymentId}`.
    ///
    /// - Throws: as `payments.retrieve`.
    public func checkout(id: String) async throws -> Checkout {
        Self.checkout(try await client.payments.retrieve(id: id))
    }

    /// 1xGate has no cancellation.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` always; nothing is sent.
    public func cancelCheckout(id: String) async throws -> Checkout {
        throw Refusal.make(.oneXGate, "checkouts.cancel", "onexgate has no way to cancel a payment")
    }

    /// Authenticates the unsigned webhook by fetching the payment it names (`OneXGateWebhook`).
    ///
    /// - Throws: as `OneXGateWebhook.verify(_:)`.
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
            status: payment.status.paymentStatus,
            providerStatus: payment.status.rawValue,
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
