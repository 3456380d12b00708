import Foundation

/// UseGateway REST API v1, simulated: payments (`/payments/`: create, list, retrieve, cancel) with the document's
/// object shape, `x-api-key` authentication, Svix-signed webhooks (`payment.completed`, `payment.unresolved`,
/// `payment.expired`).
///
/// Prices: the sandbox converts the local (fiat) price at fixed rates — 1 USDT_TRC20, 14.5622008 TRX and
/// 0.000043344 BTC per unit of fiat — so that amounts are predictable in tests.
final class UseGatewaySimulator: ProviderSimulator {
    private struct Payment {
        var id: String
        var code: String
        var name: String
        var description: JSONValue
        var metadata: JSONValue
        var redirectURL: JSONValue
        var cancelURL: JSONValue
        var localAmount: Decimal
        var localCurrency: String
        var createdAt: Date
        var expiresAt: Date
        var confirmedAt: Date?
        var timeline: [(status: String, at: Date)]
        var transactions: [JSONValue]

        var status: String { timeline.last?.status ?? "Opened" }
    }

    private static let rates: [(key: String, code: String, rate: Decimal, places: Int)] = [
        ("usdt_trc20", "USDT_TRC20", 1, 6),
        ("tron", "TRX", Decimal(sign: .plus, exponent: -7, significand: 145_622_008), 6),
        ("bitcoin", "BTC", Decimal(sign: .plus, exponent: -9, significand: 43_344), 8),
    ]
    private static let fiat: Set<String> = ["USD", "EUR", "RUB", "UAH", "KZT", "AZN", "TRY"]

    let provider = ProviderID.useGateway
    let baseURL = sandboxURL("usegateway", path: "/v1")
    private var payments: [String: Payment] = [:]
    private var order: [String] = []
    private var deliveries = 0

    init() {}

    func handle(_ request: SandboxRequest, now: Date) -> TransportResponse {
        guard request.headers["x-api-key"] == SandboxCredentials.useGateway.apiKey else {
            return SandboxReply.json(401, ["type": "unauthorized", "message": "Your API key is wrong."])
        }
        if request.matches(.post, "payments") { return create(request, now: now) }
        if request.matches(.get, "payments") { return list(request) }
        if request.matches(.get, "payments", "*"), let payment = payments[request.segments[1]] {
            return SandboxReply.json(200, json(payment))
        }
        if request.matches(.patch, "payments", "*", "cancel"), var payment = payments[request.segments[1]] {
            guard payment.status == "Opened", payment.transactions.isEmpty else {
                return SandboxReply.json(
                    400, ["type": "validation_error", "message": "The payment can no longer be cancelled."])
            }
            payment.timeline.append(("Closed", now))
            payments[payment.id] = payment
            return SandboxReply.json(200, json(payment))
        }
        return SandboxReply.json(404, ["detail": "Not Found"])
    }

    func pay(id: String, _ payment: SandboxPayment, now: Date) throws -> [WebhookRequest] {
        guard var stored = payments[id] else { throw unknown(id) }
        guard stored.status == "Opened" else { throw notPayable(id, status: stored.status) }
        let paidLocal = payment.amount(of: stored.localAmount)
        let crypto = Self.rates[0]
        stored.transactions.append([
            "txid": .string(String(repeating: "ab", count: 32)),
            "network": "tron",
            "status": "Confirmed",
            "exchange_rate_confirmed": .number(1),
            "value": [
                "crypto": ["amount": .number(paidLocal * crypto.rate), "currency": .string(crypto.code)],
                "local": ["amount": .number(paidLocal), "currency": .string(stored.localCurrency)],
            ],
            "detected_at": SandboxReply.date(now),
            "confirmed_at": SandboxReply.date(now),
        ])
        let event: String
        if paidLocal == stored.localAmount {
            stored.timeline.append(("Completed", now))
            stored.confirmedAt = now
            event = "payment.completed"
        } else {
            stored.timeline.append(
                (paidLocal < stored.localAmount ? "Unresolved (Underpaid)" : "Unresolved (Overpaid)", now))
            event = "payment.unresolved"
        }
        payments[id] = stored
        return [try webhook(event, stored, now: now)]
    }

    func expire(id: String, now: Date) throws -> [WebhookRequest] {
        guard var stored = payments[id] else { throw unknown(id) }
        guard stored.status == "Opened" else { throw notPayable(id, status: stored.status) }
        stored.timeline.append(("Expired", now))
        payments[id] = stored
        return [try webhook("payment.expired", stored, now: now)]
    }

    private func create(_ request: SandboxRequest, now: Date) -> TransportResponse {
        var problems: [JSONValue] = []
        let name = request["name"]?.stringValue ?? ""
        if name.isEmpty { problems.append(Self.problem("name", "field required")) }
        let amount = request["local_price"]?["amount"]?.decimalValue ?? 0
        if amount <= 0 { problems.append(Self.problem("local_price.amount", "ensure this value is greater than 0")) }
        let currency = request["local_price"]?["currency"]?.stringValue ?? ""
        if !Self.fiat.contains(currency) {
            problems.append(Self.problem("local_price.currency", "value is not a valid enumeration member"))
        }
        guard problems.isEmpty else { return SandboxReply.json(422, ["detail": .array(problems)]) }
        let number = order.count + 1
        let payment = Payment(
            id: String(format: "00000000-0000-4000-8000-%012d", number),
            code: String(format: "SBX%05d", number),
            name: name,
            description: request["description"] ?? .null,
            metadata: request["metadata"] ?? .object([:]),
            redirectURL: request["redirect_url"] ?? .null,
            cancelURL: request["cancel_url"] ?? .null,
            localAmount: amount,
            localCurrency: currency,
            createdAt: now,
            expiresAt: now.addingTimeInterval(3600),
            timeline: [("Opened", now)],
            transactions: []
        )
        payments[payment.id] = payment
        order.append(payment.id)
        return SandboxReply.json(201, json(payment))
    }

    private func list(_ request: SandboxRequest) -> TransportResponse {
        let page = max(Int(request.query["page"] ?? "1") ?? 1, 1)
        let size = min(max(Int(request.query["size"] ?? "50") ?? 50, 1), 100)
        let items = order.dropFirst((page - 1) * size).prefix(size).compactMap { payments[$0] }.map(json)
        return SandboxReply.json(
            200,
            [
                "items": .array(items), "total": .number(Decimal(order.count)), "page": .number(Decimal(page)),
                "size": .number(Decimal(size)),
            ])
    }

    private func json(_ payment: Payment) -> JSONValue {
        var pricing: [(String, JSONValue)] = [
            ("local", ["amount": .number(payment.localAmount), "currency": .string(payment.localCurrency)])
        ]
        var addresses: [(String, JSONValue)] = []
        for rate in Self.rates {
            let amount = (payment.localAmount * rate.rate).rounded(toPlaces: rate.places)
            pricing.append((rate.key, ["amount": .number(amount), "currency": .string(rate.code)]))
            addresses.append((rate.code, .string("SBX-\(rate.code)-\(payment.code)")))
        }
        return [
            "id": .string(payment.id),
            "resource": "payment",
            "code": .string(payment.code),
            "name": .string(payment.name),
            "description": payment.description,
            "hosted_url": .string("https://usegateway.app/payments/\(payment.code)"),
            "redirect_url": payment.redirectURL,
            "cancel_url": payment.cancelURL,
            "created_at": SandboxReply.date(payment.createdAt),
            "expires_at": SandboxReply.date(payment.expiresAt),
            "confirmed_at": payment.confirmedAt.map(SandboxReply.date) ?? .null,
            "timeline": .array(
                payment.timeline.map { ["status": .string($0.status), "created_at": SandboxReply.date($0.at)] }),
            "metadata": payment.metadata,
            "pricing_type": "fixed_price",
            "addresses": .object(JSONObject(addresses)),
            "pricing": .object(JSONObject(pricing)),
            "transactions": .array(payment.transactions),
        ]
    }

    private func webhook(_ event: String, _ payment: Payment, now: Date) throws -> WebhookRequest {
        deliveries += 1
        let body = SandboxReply.body([
            "event": .string(event), "created_at": SandboxReply.date(now), "data": json(payment),
        ])
        let headers = try SvixSignatureScheme.sign(
            body: body,
            id: "msg_sandbox_\(deliveries)",
            timestamp: now,
            secret: SandboxCredentials.useGateway.webhookSecret
        )
        return WebhookRequest(body: body, headers: headers)
    }

    private static func problem(_ field: String, _ message: String) -> JSONValue {
        let location: [JSONValue] = ["body"] + field.split(separator: ".").map { .string(String($0)) }
        return ["loc": .array(location), "msg": .string(message), "type": "value_error"]
    }

    func checkouts() -> [SandboxCheckout] {
        order.compactMap { payments[$0] }.map { SandboxCheckout(provider: provider, id: $0.id, status: $0.status) }
    }
}
