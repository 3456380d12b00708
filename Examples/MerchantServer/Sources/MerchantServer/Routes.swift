import CryptoPay
import Foundation
import Hummingbird
import Logging

/// The server's HTTP contract: checkouts, webhooks, orders and health.
struct Routes {
    let providers: ProviderRegistry
    let store: OrderStore
    /// This server's address as payers' browsers reach it.
    let publicURL: URL
    let logger: Logger

    func register(on router: Router<BasicRequestContext>) {
        router.post("checkouts") { request, _ in try await createCheckout(request) }
        router.post("webhooks/:provider") { request, context in
            try await receiveWebhook(request, provider: context.parameters.get("provider") ?? "")
        }
        router.get("orders/:order_id") { _, context in try await order(context.parameters.get("order_id") ?? "") }
        router.get("health") { _, _ in await health() }
    }

    // MARK: Checkouts

    /// What `POST /checkouts` takes.
    struct CheckoutBody: Decodable {
        var orderID: String
        var provider: String
        var amount: String
        var currency: String
        var payAsset: String
        var payNetwork: String?

        enum CodingKeys: String, CodingKey {
            case orderID = "order_id"
            case provider, amount, currency
            case payAsset = "pay_asset"
            case payNetwork = "pay_network"
        }
    }

    /// Where the payer's browser returns to after paying or giving up, for providers with a hosted payment page.
    /// 1xGate requires both; the USDT invoice API takes only the first; the POS API has no page.
    private func redirects(for orderID: String, at id: ProviderID) -> (success: URL?, cancel: URL?) {
        let page = URL(string: "orders/\(orderID)", relativeTo: publicURL)?.absoluteURL
        switch id {
        case .useGateway, .storeGateway, .oneXGate: return (page, page)
        case .usdtInvoice: return (page, nil)
        default: return (nil, nil)
        }
    }

    /// Creates the order's checkout once. The same order id again — even concurrently, on another instance — gets
    /// the checkout the first request created (200), never a second one.
    func createCheckout(_ request: Request) async throws -> Response {
        guard let body = try? JSONDecoder().decode(CheckoutBody.self, from: try await bytes(of: request)) else {
            return Reply.error(
                .badRequest, "the body is not a checkout: order_id, provider, amount, currency, pay_asset")
        }
        let id = ProviderID(rawValue: body.provider)
        guard providers.ids.contains(id) else { return Reply.error(.unprocessableContent, "\(id) is not configured") }
        let checkout: CheckoutRequest
        do {
            let payAsset = Asset(code: body.payAsset, network: body.payNetwork.map { BlockchainNetwork(rawValue: $0) })
            // "10.00 USDT, paid in USDT on tron" prices in the token on that network.
            let currency = body.currency == body.payAsset ? payAsset : Asset(code: body.currency)
            let pages = redirects(for: body.orderID, at: id)
            checkout = CheckoutRequest(
                amount: try Money(body.amount, currency), payAsset: payAsset, orderReference: body.orderID,
                successURL: pages.success, cancelURL: pages.cancel)
        } catch {
            return Reply.error(.badRequest, "amount is not a decimal number: \(body.amount)")
        }

        // Claim the order, or wait for the instance that claimed it; if that one gives up, claim it again.
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if try await store.claim(orderID: body.orderID, provider: id) {
                return try await create(checkout, at: id)
            }
            if let existing = try await store.order(body.orderID) {
                if existing.status == OrderStore.outcomeUnknown {
                    return Reply.error(
                        .conflict,
                        "order \(body.orderID): an earlier create may have reached \(existing.provider); look it up "
                            + "there before creating it again")
                }
                if existing.checkoutID != nil {
                    guard existing.provider == id.rawValue else {
                        return Reply.error(.conflict, "order \(body.orderID) is at \(existing.provider)")
                    }
                    return try Reply.json(existing, status: .ok)
                }
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        return Reply.error(.serviceUnavailable, "order \(body.orderID) is still being created: try again")
    }

    private func create(_ request: CheckoutRequest, at id: ProviderID) async throws -> Response {
        do {
            let checkout = try await providers.provider(id).createCheckout(request)
            try await store.attach(checkout, to: request.orderReference)
            guard let order = try await store.order(request.orderReference) else {
                return Reply.error(.internalServerError, "the order vanished")
            }
            return try Reply.json(order, status: .created)
        } catch let error as PaymentError {
            if error.outcome == .unknown {
                // The create may have happened and the adapter could not find it (see the library's README,
                // "Reconciliation after an unknown outcome"): creating again could charge twice, so the order stays
                // claimed until someone has looked at the provider.
                try await store.markOutcomeUnknown(orderID: request.orderReference)
            } else {
                // Nothing was created: give the order up so that the merchant can try again.
                try await store.release(orderID: request.orderReference)
            }
            logger.warning("checkout failed", metadata: ["order_id": "\(request.orderReference)", "error": "\(error)"])
            switch error.kind {
            case .invalidRequest, .validation: return Reply.error(.unprocessableContent, error.message)
            case .rateLimited, .server, .transport, .timedOut: return Reply.error(.serviceUnavailable, error.message)
            default: return Reply.error(.badGateway, error.message)
            }
        } catch {
            try await store.release(orderID: request.orderReference)
            throw error
        }
    }

    // MARK: Webhooks

    /// Verifies and applies a webhook: 200 once applied (or already applied), 400 when it is not authentic, 404
    /// for a provider that is not configured, 503 for anything transient so that the provider delivers it again.
    func receiveWebhook(_ request: Request, provider: String) async throws -> Response {
        let started = ContinuousClock.now
        let id = ProviderID(rawValue: provider)
        guard providers.ids.contains(id) else { return Reply.error(.notFound, "\(provider) is not configured") }
        let body: Data
        do {
            body = try await bytes(of: request, limit: WebhookRequest.maximumBodyBytes)
        } catch {
            return Reply.error(.contentTooLarge, "the webhook body is too large")
        }
        // The raw bytes and the headers exactly as received: signatures are over these bytes.
        let delivery = WebhookRequest(body: body, headers: request.headers.map { ($0.name.rawName, $0.value) })
        let event: PaymentEvent
        do {
            event = try await providers.verifyWebhook(delivery, for: id)
        } catch let error as PaymentError where error.kind == .webhookRejected {
            logger.warning("webhook rejected", metadata: ["provider": "\(id)", "reason": "\(error.message)"])
            return Reply.error(.badRequest, error.message)
        } catch {
            // The provider's API could not confirm it just now (outage, rate limit): not a rejection.
            logger.warning("webhook not verified yet", metadata: ["provider": "\(id)", "error": "\(error)"])
            return Reply.error(.serviceUnavailable, "could not verify the webhook now: deliver it again")
        }
        let outcome: EventOutcome
        do {
            outcome = try await within(.seconds(5)) { [store] in try await store.apply(event) }
        } catch {
            logger.error(
                "webhook not applied", metadata: ["provider": "\(id)", "error": "\(String(reflecting: error))"])
            return Reply.error(.serviceUnavailable, "the database is unavailable: deliver it again")
        }
        let elapsed = ContinuousClock.now - started
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        var metadata: Logger.Metadata = [
            "provider": "\(id)", "checkout_id": "\(event.checkoutID)", "status": "\(event.status)",
            "idempotency_key": "\(event.idempotencyKey)", "handled_us": "\(micros)",
        ]
        switch outcome {
        case .applied(let changed):
            metadata["changed_order"] = "\(changed)"
            logger.info("webhook applied", metadata: metadata)
            return Reply.status(.ok, "applied")
        case .alreadyApplied:
            logger.info("webhook already applied", metadata: metadata)
            return Reply.status(.ok, "already applied")
        case .unknownCheckout:
            logger.warning("webhook for an unknown checkout", metadata: metadata)
            return Reply.error(.serviceUnavailable, "no order has checkout \(event.checkoutID) yet")
        }
    }

    // MARK: Orders and health

    func order(_ orderID: String) async throws -> Response {
        guard let order = try await store.order(orderID, withEvents: true) else {
            return Reply.error(.notFound, "no order \(orderID)")
        }
        return try Reply.json(order, status: .ok)
    }

    /// 200 while the database answers, 503 while it does not; the pool reconnects by itself when it is back.
    func health() async -> Response {
        do {
            _ = try await within(.seconds(2)) { [store, logger] in
                try await store.client.query("SELECT 1", logger: logger)
            }
            return Reply.status(.ok, "ok")
        } catch {
            return Reply.error(.serviceUnavailable, "the database is unreachable")
        }
    }

    private func bytes(of request: Request, limit: Int = 64 * 1024) async throws -> Data {
        Data(try await request.body.collect(upTo: limit).readableBytesView)
    }
}

/// JSON replies.
enum Reply {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static func json<Value: Encodable>(_ value: Value, status: HTTPResponse.Status) throws -> Response {
        let data = try encoder.encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        (try? json(["error": message], status: status)) ?? Response(status: status)
    }

    static func status(_ status: HTTPResponse.Status, _ text: String) -> Response {
        (try? json(["status": text], status: status)) ?? Response(status: status)
    }
}
