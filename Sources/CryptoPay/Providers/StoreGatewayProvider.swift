import Foundation

/// The Store Gateway behind ``PaymentProvider``: a checkout is a fixed-amount crypto payment (`POST /payment`,
/// `payment_type` `FIXED_AMOUNT`).
///
/// Mapping from ``CheckoutRequest``, as the document's Use Scenarios allow `amount` + `asset_id` +
/// `payment_asset_id`:
/// - a fiat ``CheckoutRequest/amount`` (`10 USD`) with a crypto ``CheckoutRequest/payAsset`` (`BTC`): the service
///   converts the fiat amount at its rate (`amount` 10, `asset_id` `USD`, `payment_asset_id` `BTC`);
/// - a crypto amount (`0.001 BTC`, `25 USDT.TRC20`) with no pay asset or the same one: paid as is (`asset_id` =
///   `payment_asset_id`).
/// Assets go through `StoreGatewayAssetMapping` (`USDT` on tron is `USDT.TRC20`, on ethereum `USDT.ERC20`).
///
/// Every ``CheckoutRequest`` field is carried, never dropped:
///
/// | field | where |
/// | --- | --- |
/// | `amount` | `amount` and `asset_id` |
/// | `payAsset` | `payment_asset_id` (for a crypto amount: the amount's asset, also when `nil`) |
/// | `orderReference` | `custom9` (``orderReferenceSlot``), so that ``createCheckout(_:)`` reconciles a creation whose outcome is unknown (below) |
/// | `description` | `description` |
/// | `payerEmail` | `payer_email` |
/// | `successURL` | `success_url` |
/// | `cancelURL` | `cancel_url` |
/// | `callbackURL` | `webhook_url` |
/// | `expiresIn` | `timeout`, in whole minutes 1…1440 |
/// | `metadata` | `custom`, as a JSON object |
///
/// Refused before sending (`invalidRequest` from `storegateway`, operation `checkouts.create`): an asset the Store
/// Gateway cannot name (a token on another network), a fiat amount without a pay asset, a fiat pay asset, a crypto
/// amount paid in another crypto (the document converts only from the amount's currency into the payment's; convert
/// first with `StoreGatewayClient.convert(_:to:)`), an expiry that is not a whole number of minutes in 1…1440
/// (`timeout` 0 would leave the expiry to the service), and an empty order reference.
///
/// After an unknown outcome (HTTP 500, a timeout after sending), ``createCheckout(_:)`` looks the payment up by its
/// `custom9` once and adopts, recreates or surfaces the error as its own documentation says.
///
/// The document has no cancellation: ``cancelCheckout(id:)`` refuses; the service cancels an unpaid payment when its
/// time runs out. Webhooks are verified by `StoreGatewayWebhook`: by the `X-Webhook-HMAC-SHA256` signature, or by
/// looking the payment up for a store without a webhook secret. The provider sends no delivery id, so a payment
/// event's idempotency key comes from authenticated content: signed, `StoreGatewayWebhookEvent.idempotencyKey`
/// (`payment:<payment_id>:<event>:<status>:<ip_amount>`); looked up, `payment:<id>:<status>:<ip_amount>` of the
/// fetched payment.
public struct StoreGatewayProvider: PaymentProvider {
    /// The custom field the order reference is stored in: `custom9`, leaving `custom1` … `custom8` to you.
    public static let orderReferenceSlot = StoreGatewayCustomSlot.custom9

    /// `ProviderID.storeGateway`.
    public var provider: ProviderID { .storeGateway }

    /// Fiat prices paid in a named cryptocurrency, or crypto prices paid in the same asset; every field; an expiry
    /// of 1 to 1440 whole minutes; no cancellation.
    public var capabilities: CheckoutCapabilities {
        let crypto: [Asset] = [.btc, .eth, .ltc, .trx, .usdtTron, .usdtEthereum]
        return CheckoutCapabilities(
            fiatPrices: true, cryptoPrices: crypto, payAssets: crypto, payAsset: .required, description: .optional,
            payerEmail: .optional, successURL: .optional, cancelURL: .optional, callbackURL: .optional,
            metadata: .optional, expiry: .seconds(60) ... .seconds(1440 * 60), canCancel: false)
    }
    /// The client.
    public let client: StoreGatewayClient
    private let webhook: StoreGatewayWebhook?
    /// Reads the time a creation is sent, which sets the days a reconciliation searches.
    let clock: WaitClock

    /// Wraps a client; `webhook` verifies deliveries (without it, ``verifyWebhook(_:)`` refuses); `clock` tells the
    /// time a creation is sent (the system clock unless a test fixes it).
    public init(client: StoreGatewayClient, webhook: StoreGatewayWebhook?, clock: WaitClock = .system) {
        self.client = client
        self.webhook = webhook
        self.clock = clock
    }

    /// Creates a fixed-amount payment, `POST /payment`, with the order reference in ``orderReferenceSlot``.
    ///
    /// The creation is sent once. When it fails with `PaymentError.outcome` `unknown` (HTTP 500 — after which
    /// the service tries to cancel the payment —, a timeout, a lost connection, an unreadable answer), the payments
    /// carrying the order reference are looked up once (`GET /payments`, the UTC day before the creation was sent
    /// to the second day after it; see `payments.find`), and then:
    /// - a payment that is not cancelled, with the amount, asset and pay asset that were sent: it was created, and
    ///   is returned as the checkout; nothing else is sent;
    /// - only cancelled payments, one of them created when the failed request was sent (its `start_date` at most
    ///   five minutes before, for the clocks' difference): the service cancelled what that request created, so
    ///   nothing the payer could pay exists, and the payment is created once more (same reference) and returned.
    ///   If that second creation fails with an unknown outcome too, its error is thrown; there is no third;
    /// - anything else — nothing found (it may not be visible yet), only cancelled payments older than the
    ///   request, a live payment for another amount or asset, or a lookup that failed — throws the creation's
    ///   error, outcome still `unknown`, its message naming the order reference: ask
    ///   ``checkout(orderReference:createdAround:)`` again at least a minute later before creating it again.
    /// A cancelled payment is never returned, and no second payment is created while a live one may exist.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` for what the type's documentation lists (nothing is
    ///   sent); the creation's error with outcome `unknown` when the lookup cannot settle it (above); otherwise
    ///   as `payments.create`; `CancellationError` when cancelled during the lookup.
    public func createCheckout(_ request: CheckoutRequest) async throws -> Checkout {
        let parameters = try Self.parameters(for: request)
        let sentAt = clock.now()
        do {
            return Self.checkout(try await create(parameters, reference: request.orderReference))
        } catch let failure as PaymentError where failure.outcome == .unknown {
            return try await reconcile(
                failure, parameters: parameters, reference: request.orderReference, sentAt: sentAt)
        }
    }

    /// The payment, `GET /payment/{payment_id}`.
    ///
    /// - Throws: as `payments.retrieve` (`notFound` for `ERR_NO_PAYMENT`).
    public func checkout(id: String) async throws -> Checkout {
        Self.checkout(try await client.payments.retrieve(id: id))
    }

    /// The checkout created for `orderReference` that is not cancelled, or `nil` when there is none: what to ask
    /// after ``createCheckout(_:)`` failed with `PaymentError.outcome` `unknown`, before creating it again.
    ///
    /// `nil` right after the failure does not prove nothing was created: ask again at least a minute later. To tell
    /// "only cancelled payments" from "nothing", use `client.payments.find` (`StoreGatewayReconciliation`).
    ///
    /// - Parameters:
    ///   - orderReference: the `order_id` the creation sent.
    ///   - date: when the creation was sent; the payments of the UTC day before it to the second day after it are
    ///     searched.
    /// - Throws: as `payments.find` (`invalidRequest` for an empty reference; otherwise as `payments.list`).
    public func checkout(orderReference: String, createdAround date: Date) async throws -> Checkout? {
        try await client.payments.find(reconciliationKey: orderReference, slot: Self.orderReferenceSlot, around: date)
            .payment.map(Self.checkout)
    }

    /// The Store Gateway has no cancellation: an unpaid payment is cancelled by the service when its time runs out.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` always; nothing is sent.
    public func cancelCheckout(id: String) async throws -> Checkout {
        throw Refusal.make(
            .storeGateway, "checkouts.cancel",
            "storegateway has no way to cancel a payment; it is cancelled when its timeout runs out")
    }

    /// Verifies the delivery with `StoreGatewayWebhook` and maps a payment event; a dedicate notification or an
    /// undocumented event carries its object's id and an `PaymentStatus.unknown(_:)` status.
    ///
    /// - Throws: `PaymentError` of kind `webhookRejected` as `StoreGatewayWebhook.verify(_:)`; `invalidRequest`
    ///   when no webhook verifier is configured; `CancellationError` when cancelled during a lookup.
    public func verifyWebhook(_ request: WebhookRequest) async throws -> PaymentEvent {
        guard let webhook else {
            throw Refusal.make(.storeGateway, "webhooks.verify", "no Store Gateway webhook secret is configured")
        }
        let verified = try await webhook.verify(request)
        let event = verified.event
        let id: String
        let raw: String
        switch event.payload {
        case .payment(let payment):
            return PaymentEvent(
                checkout: Self.checkout(payment),
                idempotencyKey: verified.idempotencyKey,
                authentication: verified.authentication,
                native: event
            )
        case .dedicatedAddress(let dedication):
            id = dedication.dedicateID
            raw = dedication.status?.rawValue ?? ""
        case .other(let body):
            id = body["payment"]?["payment_id"]?.stringValue ?? body["dedicate_id"]?.stringValue ?? ""
            raw = event.event?.rawValue ?? ""
        }
        return PaymentEvent(
            provider: .storeGateway,
            idempotencyKey: verified.idempotencyKey,
            checkoutID: id,
            status: .unknown(raw),
            providerStatus: raw,
            authentication: verified.authentication,
            native: event
        )
    }

    /// The payment parameters for a checkout request.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` for what the Store Gateway cannot express.
    static func parameters(for request: CheckoutRequest) throws -> StoreGatewayPaymentParameters {
        let refuse = { (reason: String) in Refusal.make(.storeGateway, "checkouts.create", reason) }
        let amountAsset = request.amount.asset
        guard StoreGatewayAssetMapping.id(for: amountAsset) != nil else {
            throw refuse("storegateway has no asset ID for \(amountAsset); tokens must be on tron or ethereum")
        }
        let payAsset: Asset
        if amountAsset.isFiat {
            guard let asset = request.payAsset else {
                throw refuse(
                    "storegateway needs the crypto the payer pays in (CheckoutRequest.payAsset, sent as payment_asset_id) "
                        + "for a \(amountAsset) amount")
            }
            payAsset = asset
        } else {
            payAsset = request.payAsset ?? amountAsset
            guard payAsset == amountAsset else {
                throw refuse(
                    "storegateway takes a crypto amount in the asset paid; convert \(amountAsset) to \(payAsset) first")
            }
        }
        guard !payAsset.isFiat else { throw refuse("storegateway payers pay in crypto, not \(payAsset)") }
        guard StoreGatewayAssetMapping.id(for: payAsset) != nil else {
            throw refuse("storegateway has no asset ID for \(payAsset); tokens must be on tron or ethereum")
        }
        guard !request.orderReference.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw refuse("storegateway needs an order reference: it is stored in custom9 to find the payment again")
        }
        return StoreGatewayPaymentParameters(
            amount: request.amount,
            paymentAsset: payAsset,
            paymentType: .fixedAmount,
            payerEmail: request.payerEmail,
            description: request.description,
            customFields: StoreGatewayCustomFields(custom: request.metadata.isEmpty ? nil : .object(request.metadata)),
            webhookURL: request.callbackURL,
            successURL: request.successURL,
            cancelURL: request.cancelURL,
            timeout: try request.expiresIn.map { try timeout($0, refuse: refuse) }
        )
    }

    /// An expiry as the whole minutes `timeout` takes.
    private static func timeout(_ expiry: Duration, refuse: (String) -> PaymentError) throws -> Int {
        let (seconds, attoseconds) = expiry.components
        guard attoseconds == 0, seconds % 60 == 0, (1...1440).contains(seconds / 60) else {
            throw refuse("storegateway takes an expiry in whole minutes from 1 to 1440 (timeout); got \(expiry)")
        }
        return Int(seconds / 60)
    }

    static func checkout(_ payment: StoreGatewayPayment) -> Checkout {
        Checkout(
            id: payment.paymentID,
            provider: .storeGateway,
            status: payment.status?.paymentStatus ?? .unknown(""),
            providerStatus: payment.status?.rawValue ?? "",
            requested: payment.requested,
            paid: payment.paid,
            payAddress: payment.address,
            payAsset: payment.paymentAssetID.map(StoreGatewayAssetMapping.asset(id:)),
            paymentURL: payment.paymentURL,
            expiresAt: payment.endDate,
            native: payment
        )
    }
}
