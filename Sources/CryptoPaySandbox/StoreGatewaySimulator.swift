import Foundation

/// The Store Gateway (Crypto Payment Gateway, Integration API v10.2), simulated as a test store: `GET /assets`,
/// `GET /accounts`, `POST /convert`, payments (`POST /payment` — crypto and fiat bodies alike —, `GET /payments`,
/// `GET /payment/{payment_id}`, `GET /payment/{payment_id}/txs`) with the document's object shape, HTTP Basic
/// authentication, the required `Content-Type: application/json`, `{code, message}` errors with HTTP 422
/// (`ERR_NO_PAYMENT` for an unknown payment) and 401, and webhooks `{type, event, payment}` signed in
/// `X-Webhook-HMAC-SHA256`.
///
/// Payments follow the Use Scenarios: the amount ordered (fiat, or the crypto paid) is converted into the payment
/// asset at a fixed sandbox price — USD 1, EUR 1.08, BTC 25 000, ETH 2 000, LTC 80, TRX 0.08, USDT 1 — rounded up to
/// the asset's precision. A payment of the whole amount sends `payment.open` (the transaction arrived) and then
/// `payment.complete`; a fixed-amount payment paid in part stays `OPEN` with `ip_amount` > 0 and sends
/// `payment.open`; an open-amount payment completes on any amount; expiry cancels it (`CANCEL`, `complete_date` at
/// `end_date`) and sends `payment.cancel`. The store's underpayment threshold is zero. Withdrawals, dedicated
/// addresses and transfers are not simulated (404 `ERR_NOT_SIMULATED`). Error codes other than `ERR_NO_PAYMENT` are
/// the sandbox's own: the document names no other.
final class StoreGatewaySimulator: ProviderSimulator {
    private struct SandboxAsset {
        var id: String
        var name: String
        var currency: String
        var isCrypto: Bool
        var symbol: String
        var price: Decimal
        var places: Int
        var network: (code: String, name: String, confirmations: Int)?
    }

    private struct Payment {
        var id: String
        var number: Int
        var type: String
        var amount: Decimal
        var asset: SandboxAsset
        var paymentAmount: Decimal
        var paymentAsset: SandboxAsset
        var rate: Decimal
        var received: Decimal = 0
        var status = "OPEN"
        var startDate: Date
        var endDate: Date
        var completeDate: Date?
        var timeout: Int
        /// The request's own fields, returned as given: payer, description, custom fields, URLs, dedicate ID.
        var echoed: [(String, JSONValue)]
        var transactions: [JSONValue] = []

        var remaining: Decimal { max(paymentAmount - received, 0) }
        var address: String { "SBX-\(paymentAsset.id)-\(number)" }
    }

    private static let usd = SandboxAsset(
        id: "USD", name: "US Dollar", currency: "USD", isCrypto: false, symbol: "$", price: 1, places: 2)
    private static let assets: [SandboxAsset] = [
        SandboxAsset(
            id: "BTC", name: "Bitcoin", currency: "BTC", isCrypto: true, symbol: "฿", price: 25_000, places: 8,
            network: ("BITCOIN", "Bitcoin", 6)),
        SandboxAsset(
            id: "ETH", name: "Ethereum", currency: "ETH", isCrypto: true, symbol: "Ξ", price: 2_000, places: 18,
            network: ("ETHEREUM", "Ethereum", 10)),
        SandboxAsset(
            id: "LTC", name: "Litecoin", currency: "LTC", isCrypto: true, symbol: "Ł", price: 80, places: 8,
            network: ("LITECOIN", "Litecoin", 6)),
        SandboxAsset(
            id: "TRX", name: "Tron", currency: "TRX", isCrypto: true, symbol: "TRX", price: Decimal(8) / 100,
            places: 6, network: ("TRON", "Tron", 20)),
        SandboxAsset(
            id: "USDT.TRC20", name: "Tether USD (TRC20)", currency: "USDT", isCrypto: true, symbol: "₮", price: 1,
            places: 6, network: ("TRON", "Tron", 20)),
        SandboxAsset(
            id: "USDT.ERC20", name: "Tether USD (ERC20)", currency: "USDT", isCrypto: true, symbol: "₮", price: 1,
            places: 6, network: ("ETHEREUM", "Ethereum", 10)),
        usd,
        SandboxAsset(
            id: "EUR", name: "Euro", currency: "EUR", isCrypto: false, symbol: "€", price: Decimal(108) / 100,
            places: 2),
    ]
    private static let languages: Set<String> = ["ar", "en", "es", "fa", "fr", "ja", "pt", "ru", "tr", "zh"]
    private static let echoedFields =
        ["payer_email", "payer_name", "payer_lang", "description", "custom"] + (1...9).map { "custom\($0)" } + [
            "dedicate_id", "webhook_url", "success_url", "cancel_url",
        ]
    private static let storeID = identifier(0, 1)
    private static let statusNames = ["OPEN": "Open", "COMPLETE": "Completed", "CANCEL": "Cancelled"]

    let provider = ProviderID.storeGateway
    let baseURL = sandboxURL("storegateway", path: "/int")
    private var payments: [String: Payment] = [:]
    private var order: [String] = []

    init() {}

    func handle(_ request: SandboxRequest, now: Date) -> TransportResponse {
        let credentials = SandboxCredentials.storeGateway
        let expected = "Basic " + Data("\(credentials.apiKey):\(credentials.apiSecret)".utf8).base64EncodedString()
        guard request.headers["Authorization"] == expected else {
            return Self.error(401, "ERR_AUTH", "Unauthorized")
        }
        guard request.headers["Content-Type"]?.lowercased().hasPrefix("application/json") == true else {
            return Self.error(422, "ERR_CONTENT_TYPE", "Requests must carry Content-Type: application/json.")
        }
        if request.matches(.get, "assets") {
            return SandboxReply.json(
                200, .array(Self.assets.enumerated().map { Self.json(($0.offset + 1) * 10, $0.element) }))
        }
        if request.matches(.get, "accounts") { return accounts(now: now) }
        if request.matches(.post, "convert") { return convert(request, now: now) }
        if request.matches(.post, "payment") { return create(request, now: now) }
        if request.matches(.get, "payments") { return list(request) }
        if request.matches(.get, "payment", "*") || request.matches(.get, "payment", "*", "txs") {
            guard let payment = payments[request.segments[1]] else {
                return Self.error(422, "ERR_NO_PAYMENT", "Payment <\(request.segments[1])> not found.")
            }
            return SandboxReply.json(200, request.segments.count == 2 ? json(payment) : .array(payment.transactions))
        }
        if let first = request.segments.first, ["withdraw", "dedicate", "transfer"].contains(first) {
            return Self.error(404, "ERR_NOT_SIMULATED", "The Store Gateway sandbox does not simulate /\(first).")
        }
        return Self.error(404, "ERR_NOT_FOUND", "Not found.")
    }

    func pay(id: String, _ payment: SandboxPayment, now: Date) throws -> [WebhookRequest] {
        guard var stored = payments[id] else { throw unknown(id) }
        guard stored.status == "OPEN" else { throw notPayable(id, status: stored.status) }
        let amount = payment.amount(of: stored.remaining).rounded(toPlaces: stored.paymentAsset.places, mode: .down)
        guard amount > 0 else {
            throw PaymentError.invalidRequest("a Store Gateway sandbox transaction must be greater than zero")
        }
        stored.received += amount
        stored.transactions.append(transaction(stored, amount: amount, now: now))
        var deliveries = [try webhook("payment.open", stored)]
        if stored.type == "OPEN_AMOUNT" || stored.remaining == 0 {
            stored.status = "COMPLETE"
            stored.completeDate = now
            deliveries.append(try webhook("payment.complete", stored))
        }
        payments[id] = stored
        return deliveries
    }

    func expire(id: String, now: Date) throws -> [WebhookRequest] {
        guard var stored = payments[id] else { throw unknown(id) }
        guard stored.status == "OPEN" else { throw notPayable(id, status: stored.status) }
        stored.status = "CANCEL"
        stored.completeDate = max(now, stored.endDate)
        payments[id] = stored
        return [try webhook("payment.cancel", stored)]
    }

    private func create(_ request: SandboxRequest, now: Date) -> TransportResponse {
        guard case .object(let body) = request.json else {
            return Self.error(422, "ERR_BAD_REQUEST", "The request body must be a JSON object.")
        }
        let type = body["payment_type"]?.stringValue ?? "FIXED_AMOUNT"
        guard body["payment_type"] == nil || ["FIXED_AMOUNT", "OPEN_AMOUNT"].contains(type) else {
            return Self.error(422, "ERR_PAYMENT_TYPE", "payment_type must be FIXED_AMOUNT or OPEN_AMOUNT.")
        }
        guard case .number(let amount) = body["amount"], amount > 0 else {
            return Self.error(422, "ERR_AMOUNT", "amount must be a number greater than zero.")
        }
        guard let asset = Self.asset(body["asset_id"]) else {
            return Self.error(422, "ERR_NO_ASSET", "Asset <\(body["asset_id"]?.stringValue ?? "")> not found.")
        }
        guard let paymentAsset = Self.asset(body["payment_asset_id"]), paymentAsset.isCrypto else {
            return Self.error(
                422, "ERR_NO_ASSET",
                "Payment asset <\(body["payment_asset_id"]?.stringValue ?? "")> is not a crypto currency of the store."
            )
        }
        let timeout: Int
        switch body["timeout"] {
        case nil: timeout = 0
        case .number(let minutes) where minutes >= 0 && minutes <= 1440 && minutes.decimalPlaces == 0:
            timeout = NSDecimalNumber(decimal: minutes).intValue
        default: return Self.error(422, "ERR_TIMEOUT", "timeout must be a whole number of minutes, 0 to 1440.")
        }
        if let language = body["payer_lang"], !Self.languages.contains(language.stringValue ?? "") {
            return Self.error(422, "ERR_LANG", "payer_lang is not a supported language.")
        }
        for slot in 1...9 {
            if let value = body["custom\(slot)"], value.stringValue == nil {
                return Self.error(422, "ERR_CUSTOM", "custom\(slot) must be a string.")
            }
        }
        let rate = (asset.price / paymentAsset.price).rounded(toPlaces: 18)
        let start = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let number = order.count + 1
        let payment = Payment(
            id: Self.identifier(9, number),
            number: number,
            type: type,
            amount: amount,
            asset: asset,
            paymentAmount: (amount * rate).rounded(toPlaces: paymentAsset.places, mode: .up),
            paymentAsset: paymentAsset,
            rate: rate,
            startDate: start,
            endDate: start.addingTimeInterval(TimeInterval((timeout == 0 ? 90 : timeout) * 60)),
            timeout: timeout,
            echoed: Self.echoedFields.compactMap { name in body[name].map { (name, $0) } }
        )
        payments[payment.id] = payment
        order.append(payment.id)
        return SandboxReply.json(200, json(payment))
    }

    private func list(_ request: SandboxRequest) -> TransportResponse {
        guard let from = request.query["from"].flatMap(Self.day), let to = request.query["to"].flatMap(Self.day) else {
            return Self.error(422, "ERR_DATE", "from and to are required, written YYYY-MM-DD.")
        }
        let matching = order.compactMap { payments[$0] }.filter { payment in
            let day = DateCoding.format(payment.startDate).prefix(10)
            return day >= from && day <= to
                && request.query["status"].map { $0 == payment.status } != false
                && request.query["asset_id"].map { $0 == payment.paymentAsset.id || $0 == payment.asset.id } != false
                && request.query["dedicate_id"].map { id in
                    payment.echoed.contains { $0.0 == "dedicate_id" && $0.1.stringValue == id }
                } != false
        }
        return SandboxReply.json(200, .array(matching.map(json)))
    }

    private func convert(_ request: SandboxRequest, now: Date) -> TransportResponse {
        guard case .number(let amount) = request["from_amount"], amount > 0 else {
            return Self.error(422, "ERR_AMOUNT", "from_amount must be a number greater than zero.")
        }
        guard let from = Self.asset(request["from_asset_id"]), let to = Self.asset(request["asset_id"]) else {
            return Self.error(422, "ERR_NO_ASSET", "from_asset_id and asset_id must be assets of the store.")
        }
        let rate = (from.price / to.price).rounded(toPlaces: 18)
        let converted = (amount * rate).rounded(toPlaces: to.places)
        return SandboxReply.json(
            200,
            [
                "from_amount": .number(amount), "from_amount_str": .string(DecimalText.format(amount)),
                "from_asset_id": .string(from.id), "amount": .number(converted),
                "amount_str": .string(DecimalText.format(converted)), "asset_id": .string(to.id),
                "rate": .number(rate), "rate_date": SandboxReply.date(now),
            ])
    }

    private func accounts(now: Date) -> TransportResponse {
        var total: Decimal = 0
        var accounts: [JSONValue] = []
        for (index, asset) in Self.assets.enumerated() where asset.isCrypto {
            let balance = payments.values.filter { $0.paymentAsset.id == asset.id }.reduce(Decimal(0)) {
                $0 + $1.received
            }
            let base = (balance * asset.price).rounded(toPlaces: 2)
            total += base
            accounts.append([
                "account_id": .string(Self.accountID(asset)),
                "store_id": .string(Self.storeID), "account_num": .number(Decimal(index + 1)),
                "crypto_network": .string(asset.network?.code ?? ""),
                "crypto_network_name": .string(asset.network?.name ?? ""), "asset_id": .string(asset.id),
                "balance": Self.text(balance), "available": Self.text(balance), "on_hold": "0",
                "currency": .string(asset.currency), "base_asset_id": "USD", "base_balance": Self.text(base),
                "base_available": Self.text(base), "base_on_hold": "0", "base_currency": "USD",
                "rate": .number(asset.price), "rate_date": SandboxReply.date(now),
            ])
        }
        return SandboxReply.json(
            200,
            [
                "balance": Self.text(total), "available": Self.text(total), "on_hold": "0", "asset_id": "USD",
                "accounts": .array(accounts),
            ])
    }

    private func json(_ payment: Payment) -> JSONValue {
        let network = payment.paymentAsset.network
        let paid = (payment.amount * payment.received / payment.paymentAmount).rounded(toPlaces: payment.asset.places)
        var object: JSONObject = [
            "payment_id": .string(payment.id),
            "store_id": .string(Self.storeID),
            "account_id": .string(Self.accountID(payment.paymentAsset)),
            "store_name": "Sandbox",
            "payment_num": .string(String(payment.number)),
            "payment_type": .string(payment.type),
            "payment_type_name": .string(payment.type == "OPEN_AMOUNT" ? "Open Amount" : "Fixed Amount"),
            "is_test": true,
            "amount": Self.text(payment.amount),
            "asset_id": .string(payment.asset.id),
            "paid_amount": Self.text(paid),
            "payment_amount": Self.text(payment.paymentAmount),
            "payment_asset_id": .string(payment.paymentAsset.id),
            "rate": .number(payment.rate),
            "rate_date": SandboxReply.date(payment.startDate),
            "ip_amount": Self.text(payment.received),
            "ip_asset_id": .string(payment.paymentAsset.id),
            "remain_amount": Self.text(payment.remaining),
            "remain_asset_id": .string(payment.paymentAsset.id),
            "status": .string(payment.status),
            "status_name": .string(Self.statusNames[payment.status] ?? payment.status),
            "crypto_network": .string(network?.code ?? ""),
            "crypto_network_name": .string(network?.name ?? ""),
            "address_id": .string(Self.identifier(3, payment.number)),
            "address": .string(payment.address),
            "confirms": .number(Decimal(network?.confirmations ?? 0)),
            "start_date": SandboxReply.date(payment.startDate),
            "end_date": SandboxReply.date(payment.endDate),
            "payment_url": .string("https://payer.storegateway.sandbox.cryptopay.invalid/payment/\(payment.id)"),
            "qrcode_url": .string("\(baseURL.absoluteString)/payment/\(payment.id)/qrcode"),
            "timeout": .number(Decimal(payment.timeout)),
        ]
        if let completeDate = payment.completeDate { object["complete_date"] = SandboxReply.date(completeDate) }
        for (name, value) in payment.echoed { object[name] = value }
        return .object(object)
    }

    private func transaction(_ payment: Payment, amount: Decimal, now: Date) -> JSONValue {
        let hash = Self.padded(String(payment.number * 1_000 + payment.transactions.count + 1, radix: 16), to: 64)
        return [
            "status": "COMPLETE", "status_name": "Complete",
            "trx_date": SandboxReply.date(now), "trx_received": SandboxReply.date(now),
            "crypto_network": .string(payment.paymentAsset.network?.code ?? ""),
            "crypto_network_name": .string(payment.paymentAsset.network?.name ?? ""),
            "address": .string(payment.address), "trx_hash": .string(hash),
            "amount": Self.text(amount), "currency": .string(payment.paymentAsset.currency),
            "asset_id": .string(payment.paymentAsset.id),
        ]
    }

    private func webhook(_ event: String, _ payment: Payment) throws -> WebhookRequest {
        let body = SandboxReply.body(["type": "notification", "event": .string(event), "payment": json(payment)])
        var headers = try HMACHeaderSignatureScheme.sign(
            body: body,
            secret: SandboxCredentials.storeGateway.webhookSecret,
            headerName: HMACHeaderSignatureScheme.storeGatewayHeaderName
        )
        headers["Content-Type"] = "application/json"
        return WebhookRequest(body: body, headers: headers)
    }

    private static func json(_ sortOrder: Int, _ asset: SandboxAsset) -> JSONValue {
        var object: JSONObject = [
            "asset_id": .string(asset.id), "asset_name": .string(asset.name), "currency": .string(asset.currency),
            "currency_name": .string(asset.name), "language": "en",
            "asset_type": .string(asset.isCrypto ? "CRYPTO" : "FIAT"),
            "asset_type_name": .string(asset.isCrypto ? "Crypto Currencies" : "Fiat Currencies"),
            "symbol": .string(asset.symbol), "sort_order": .number(Decimal(sortOrder)),
            "min_size": .number(Decimal(sign: .plus, exponent: -asset.places, significand: 1)),
            "precision": .number(Decimal(asset.places)),
        ]
        if let network = asset.network {
            object["timeout_to_trx"] = 90
            object["timeout_to_wdr"] = 1440
            object["crypto_network"] = .string(network.code)
            object["crypto_network_name"] = .string(network.name)
            object["crypto_network_confirmations"] = .number(Decimal(network.confirmations))
        }
        return .object(object)
    }

    private static func asset(_ id: JSONValue?) -> SandboxAsset? {
        guard let id = id?.stringValue else { return nil }
        return assets.first { $0.id == id }
    }

    /// The `YYYY-MM-DD` text itself when it is a real day, for comparing with the first ten characters of a date.
    private static func day(_ text: String) -> Substring? {
        guard text.count == 10, let date = DateCoding.parse(text + "T00:00:00Z") else { return nil }
        let day = DateCoding.format(date).prefix(10)
        return day == text ? day : nil
    }

    /// A UUID-shaped sandbox identifier: `5a7e0000-0000-4000-8<kind>00-<number, 12 digits>`.
    private static func identifier(_ kind: Int, _ number: Int) -> String {
        "5a7e0000-0000-4000-8\(kind)00-" + padded(String(number), to: 12)
    }

    /// The ID of the store's coin account for a crypto asset.
    private static func accountID(_ asset: SandboxAsset) -> String {
        identifier(1, (assets.firstIndex { $0.id == asset.id } ?? 0) + 1)
    }

    private static func padded(_ text: String, to length: Int) -> String {
        String(repeating: "0", count: max(length - text.count, 0)) + text
    }

    private static func text(_ value: Decimal) -> JSONValue {
        .string(DecimalText.format(value))
    }

    private static func error(_ status: Int, _ code: String, _ message: String) -> TransportResponse {
        SandboxReply.json(status, ["code": .string(code), "message": .string(message)])
    }

    func checkouts() -> [SandboxCheckout] {
        order.compactMap { payments[$0] }.map { SandboxCheckout(provider: provider, id: $0.id, status: $0.status) }
    }
}
