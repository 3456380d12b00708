import Foundation

/// 1xGate, simulated: payments (`POST /v1/integrations/payments` and its `/external` spelling, `GET
/// /v1/integrations/payments/{paymentId}`) and the public `GET /v1/settings/payment`, every response inside
/// `{"data": …}`, `x-integration-key` authentication, and unsigned webhooks — which the verifier can only confirm by
/// looking the payment up here.
final class OneXGateSimulator: ProviderSimulator {
    private struct Payment {
        var id: String
        var currency: String
        var network: String
        var amount: Decimal
        var amountPaid: Decimal
        var orderID: String
        var status: String
        var description: JSONValue
        var email: JSONValue
        var userID: JSONValue
        var callbacks: JSONValue
        var createdAt: Date
        var updatedAt: Date
    }

    private static let assets: [String: (networks: Set<String>, decimals: Int)] = [
        "usdt": (["trx"], 6), "btc": (["btc"], 8), "ltc": (["ltc"], 8), "eth": (["eth"], 8),
    ]

    let provider = ProviderID.oneXGate
    let baseURL = sandboxURL("onexgate", path: "")
    private var payments: [String: Payment] = [:]

    init() {}

    func handle(_ request: SandboxRequest, now: Date) -> TransportResponse {
        if request.matches(.get, "v1", "settings", "payment") { return SandboxReply.json(200, ["data": settings]) }
        guard request.headers["x-integration-key"] == SandboxCredentials.oneXGate.apiKey else {
            return SandboxReply.json(401, ["statusCode": 401, "message": "Unauthorized"])
        }
        if request.matches(.post, "v1", "integrations", "payments")
            || request.matches(.post, "v1", "integrations", "payments", "external")
        {
            return create(request, now: now)
        }
        if request.matches(.get, "v1", "integrations", "payments", "*"), let payment = payments[request.segments[3]] {
            return SandboxReply.json(200, ["data": json(payment)])
        }
        return SandboxReply.json(404, ["statusCode": 404, "message": "Payment not found", "error": "Not Found"])
    }

    func pay(id: String, _ payment: SandboxPayment, now: Date) throws -> [WebhookRequest] {
        guard var stored = payments[id] else { throw unknown(id) }
        guard stored.status == "pending" || stored.status == "partiallyPaid" else {
            throw notPayable(id, status: stored.status)
        }
        stored.amountPaid += payment.amount(of: stored.amount - stored.amountPaid)
        stored.status = stored.amountPaid >= stored.amount ? "success" : "partiallyPaid"
        stored.updatedAt = now
        payments[id] = stored
        return [webhook(stored)]
    }

    func expire(id: String, now: Date) throws -> [WebhookRequest] {
        guard var stored = payments[id] else { throw unknown(id) }
        guard stored.status == "pending" || stored.status == "partiallyPaid" else {
            throw notPayable(id, status: stored.status)
        }
        stored.status = "expired"
        stored.updatedAt = now
        payments[id] = stored
        return [webhook(stored)]
    }

    private func create(_ request: SandboxRequest, now: Date) -> TransportResponse {
        let currency = request["currency"]?.stringValue ?? ""
        let network = request["network"]?.stringValue ?? ""
        let amount = request["amount"]?.decimalValue ?? 0
        let orderID = request["orderId"]?.stringValue ?? ""
        let callbacks = request["callbacks"] ?? .null
        var problems: [JSONValue] = []
        if Self.assets[currency]?.networks.contains(network) != true {
            problems.append("currency and network must be a supported pair")
        }
        if amount <= 0 { problems.append("amount must be a positive number") }
        if orderID.isEmpty { problems.append("orderId should not be empty") }
        if callbacks["success"]?.stringValue == nil || callbacks["failed"]?.stringValue == nil {
            problems.append("callbacks.success and callbacks.failed must be URLs")
        }
        if payments.values.contains(where: { $0.orderID == orderID }) {
            problems.append("orderId must be unique")
        }
        guard problems.isEmpty else {
            return SandboxReply.json(400, ["statusCode": 400, "message": .array(problems), "error": "Bad Request"])
        }
        let payment = Payment(
            id: String(format: "5a4b%020x", payments.count + 1),
            currency: currency,
            network: network,
            amount: amount,
            amountPaid: 0,
            orderID: orderID,
            status: "pending",
            description: request["description"] ?? .null,
            email: request["merchantUserEmail"] ?? .null,
            userID: request["merchantUserId"] ?? .null,
            callbacks: callbacks,
            createdAt: now,
            updatedAt: now
        )
        payments[payment.id] = payment
        return SandboxReply.json(201, ["data": json(payment)])
    }

    private func json(_ payment: Payment) -> JSONValue {
        [
            "_id": .string(payment.id),
            "currency": .string(payment.currency),
            "network": .string(payment.network),
            "address": .string("SBX-\(payment.currency.uppercased())-\(payment.id)"),
            "memo": .null,
            "amount": .number(payment.amount),
            "amountUsd": .number(payment.amount),
            "amountPaid": .number(payment.amountPaid),
            "amountPaidUsd": .number(payment.amountPaid),
            "priceUnit": 1,
            "wage": 0,
            "orderId": .string(payment.orderID),
            "type": "external",
            "status": .string(payment.status),
            "description": payment.description,
            "merchantUserId": payment.userID,
            "merchantUserEmail": payment.email,
            "transactions": [],
            "inUse": true,
            "expireAt": .string(DateCoding.formatWithMilliseconds(payment.createdAt.addingTimeInterval(1800))),
            "callbacks": payment.callbacks,
            "meta": [:],
            "updatedAt": .string(DateCoding.formatWithMilliseconds(payment.updatedAt)),
            "createdAt": .string(DateCoding.formatWithMilliseconds(payment.createdAt)),
            "link": .string("https://pay.1xgate.com/\(payment.id)"),
        ]
    }

    private func webhook(_ payment: Payment) -> WebhookRequest {
        let body = SandboxReply.body([
            "_id": .string(payment.id),
            "type": "payment",
            "status": .string(payment.status),
            "modifiedAt": .string(DateCoding.formatWithMilliseconds(payment.updatedAt)),
            "amount": .number(payment.amount),
            "amountPaid": .number(payment.amountPaid),
            "currency": .string(payment.currency),
            "network": .string(payment.network),
        ])
        return WebhookRequest(body: body, headers: ["Content-Type": "application/json"])
    }

    private var settings: JSONValue {
        .array(
            Self.assets.keys.sorted().map { currency in
                let entry = Self.assets[currency]
                return [
                    "currency": .string(currency),
                    "name": .string(currency.uppercased()),
                    "icon": .string("/icons/\(currency).png"),
                    "decimal": .number(Decimal(entry?.decimals ?? 8)),
                    "type": "crypto",
                    "wallet": [:],
                    "networks": .array(
                        (entry?.networks.sorted() ?? []).map { network in
                            [
                                "network": .string(network), "name": .string(network.uppercased()),
                                "icon": .string("/icons/\(network).png"), "color": "#26A17B", "min": 1,
                                "max": 100_000, "waitingTime": 30,
                            ]
                        }),
                ]
            })
    }

    func checkouts() -> [SandboxCheckout] {
        payments.values.sorted { $0.createdAt < $1.createdAt || ($0.createdAt == $1.createdAt && $0.id < $1.id) }
            .map { SandboxCheckout(provider: provider, id: $0.id, status: $0.status) }
    }
}
