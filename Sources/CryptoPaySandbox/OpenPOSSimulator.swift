import Foundation

/// The POS-style Open API v2, simulated: `GET` with query parameters on `/GetRate/`, `/StartPayment/`,
/// `/CheckPayment/`, `/CancelPayment/`, `/AcceptPayment/`, `/RefundPayment/`, `/GetCurrencyList/` and
/// `/GetTransactions/` (trailing slash required), HTTP Basic authentication (``SandboxCredentials/openPOS``), `pos_id`
/// on every call but GetTransactions (whose example sends none), amounts as decimal strings, and unsigned webhooks
/// (`payment.confirmed`, `payment.underpaid`) that the verifier can only confirm by calling CheckPayment here.
///
/// Errors carry the document's `err` element: wrong or missing Basic credentials get HTTP 401
/// `{"err": "Invalid API key or authentication failed"}`, an unknown path or method 404 `{"err": "Invalid endpoint"}`,
/// a missing or malformed parameter 400 `{"err": "Invalid parameters: …"}`; what the parameters are well formed but
/// the payment does not allow (an unknown payment, a second start, an amount that does not match) is answered with
/// HTTP 200 and an `err`, which the document counts as a failure too. AcceptPayment's `accepted_amount` and
/// RefundPayment's `refund_amount` must match CheckPayment's `payment` and `refund_amount_opened` character for
/// character (`0.00024160`, not `0.0002416`): the document says "must match" without saying how the API compares,
/// and a client that passes here passes either way.
///
/// Prices: the sandbox converts the invoice (EUR, USD, GBP or CHF alike) at fixed rates — 50,000 per BTC, 2,500 per
/// ETH, 100 per LTC — rounds to 8 decimals and adds a fixed network fee (0.00000152 BTC, 0.00042 ETH, 0.0001 LTC),
/// so `48.25 EUR` in BTC is `0.000965 + 0.00000152 = 0.00096652 BTC`. A payment needs 2 confirmations (0 with
/// `accept_zero_confirmations=true`); ``SandboxTransport/pay(_:id:_:)`` confirms a payment at once when the amount is
/// covered, and leaves it `underpaid` (to accept with AcceptPayment or refund) otherwise. The API has no expiry,
/// so ``SandboxTransport/expire(_:id:)`` is refused: a point of sale cancels an abandoned payment with CancelPayment.
/// CancelPayment, AcceptPayment and RefundPayment change the state but send no webhook here.
final class OpenPOSSimulator: ProviderSimulator {
    private struct Currency {
        var rate: Decimal
        var networkFee: Decimal
        var fastFee: Decimal
        var fastFeeUnit: String
        var scheme: String
    }

    private struct Payment {
        var id: String
        var posID: String
        var invoiceAmount: Decimal
        var invoiceCurrency: String
        var currency: String
        var address: String
        var referenceNumber: String?
        var acceptZeroConfirmations: Bool
        var received: Decimal = 0
        var refunded: Decimal?
        var state = "waiting"
        var insertedAt: Date
        var confirmedAt: Date?
        var cancelledAt: Date?

        var minConfirmations: Int { acceptZeroConfirmations ? 0 : 2 }
        var confirmations: Int { received > 0 ? minConfirmations : 0 }
        /// What RefundPayment must be asked for: everything received, while the payment is underpaid or confirmed.
        var refundAmountOpened: Decimal? {
            (state == "underpaid" || state == "confirmed") && received > 0 ? received : nil
        }
    }

    private static let currencies: [String: Currency] = [
        "BTC": Currency(
            rate: 50_000, networkFee: Decimal(sign: .plus, exponent: -8, significand: 152),
            fastFee: Decimal(sign: .plus, exponent: -8, significand: 9), fastFeeUnit: "BTC/Byte", scheme: "bitcoin"),
        "ETH": Currency(
            rate: 2_500, networkFee: Decimal(sign: .plus, exponent: -5, significand: 42),
            fastFee: Decimal(sign: .plus, exponent: -8, significand: 2), fastFeeUnit: "ETH/Gas", scheme: "ethereum"),
        "LTC": Currency(
            rate: 100, networkFee: Decimal(sign: .plus, exponent: -4, significand: 1),
            fastFee: Decimal(sign: .plus, exponent: -8, significand: 1), fastFeeUnit: "LTC/Byte", scheme: "litecoin"),
    ]
    private static let fiat: Set<String> = ["EUR", "USD", "GBP", "CHF"]
    private static let waitTime: JSONValue = "5 seconds"
    private static let authorization: String = {
        let credentials = SandboxCredentials.openPOS
        return "Basic " + Data("\(credentials.username):\(credentials.apiKey)".utf8).base64EncodedString()
    }()
    private static let dateStyle = Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day()
        .time(includingFractionalSeconds: false).timeSeparator(.colon).dateTimeSeparator(.space)

    let provider = ProviderID.openPOS
    let baseURL = sandboxURL("openpos", path: "/v2")
    /// Payment ids GetRate issued that StartPayment has not used yet.
    private var quotes: Set<String> = []
    private var payments: [String: Payment] = [:]
    private var order: [String] = []
    private var issued = 0

    init() {}

    func handle(_ request: SandboxRequest, now: Date) -> TransportResponse {
        guard request.headers["Authorization"] == Self.authorization else {
            return SandboxReply.json(401, ["err": "Invalid API key or authentication failed"])
        }
        guard request.method == .get, request.segments.count == 1, request.trailingSlash else {
            return SandboxReply.json(404, ["err": "Invalid endpoint"])
        }
        let query = Query(request.query)
        let endpoint = request.segments[0]
        if endpoint != "GetTransactions" { query.require("pos_id") }
        switch endpoint {
        case "GetRate": return rate(query)
        case "StartPayment": return start(query, now: now)
        case "CheckPayment": return check(query)
        case "CancelPayment": return cancel(query, now: now)
        case "AcceptPayment": return accept(query, now: now)
        case "RefundPayment": return refund(query)
        case "GetCurrencyList":
            return query.invalid ?? SandboxReply.json(200, .array(Self.currencies.keys.sorted().map(JSONValue.string)))
        case "GetTransactions": return transactions(query)
        default: return SandboxReply.json(404, ["err": "Invalid endpoint"])
        }
    }

    func pay(id: String, _ payment: SandboxPayment, now: Date) throws -> [WebhookRequest] {
        guard var stored = payments[id] else { throw unknown(id) }
        guard stored.state == "waiting" || stored.state == "underpaid" else {
            throw notPayable(id, status: stored.state)
        }
        let due = amount(of: stored)
        stored.received += payment.amount(of: due - stored.received).rounded(toPlaces: 8)
        if stored.received >= due {
            stored.state = "confirmed"
            stored.confirmedAt = now
        } else {
            stored.state = "underpaid"
        }
        payments[id] = stored
        return [webhook(stored, now: now)]
    }

    func expire(id: String, now: Date) throws -> [WebhookRequest] {
        guard payments[id] != nil else { throw unknown(id) }
        throw PaymentError(
            .invalidRequest,
            message: "openpos payments do not expire: the POS API has no expiry, and a point of sale cancels an "
                + "abandoned payment with CancelPayment",
            provider: provider)
    }

    // MARK: Operations

    private func rate(_ query: Query) -> TransportResponse {
        let invoice = invoice(query)
        if let invalid = query.invalid { return invalid }
        guard let invoice else { return Self.badRequest(["invoice_amount"]) }
        issued += 1
        let id = String(format: "00000000-0000-4000-8000-%012d", issued)
        quotes.insert(id)
        var body = quote(invoice.amount, invoice.fiat, invoice.currency)
        body["payment_id"] = .string(id)
        return SandboxReply.json(200, .object(body))
    }

    private func start(_ query: Query, now: Date) -> TransportResponse {
        let id = query.require("payment_id")
        let invoice = invoice(query)
        let referenceNumber = query.optional("reference_no")
        let zeroConfirmations = query.flag("accept_zero_confirmations")
        _ = query.optional("payer_ip_address")
        _ = query.optional("payer_user_agent")
        _ = query.flag("require_kyt_for_confirmation")
        if let invalid = query.invalid { return invalid }
        guard let invoice, let id else { return Self.badRequest(["payment_id"]) }
        guard payments[id] == nil else { return Self.failure("Payment already started") }
        guard quotes.remove(id) != nil else { return Self.failure("Payment not found") }
        let payment = Payment(
            id: id,
            posID: query.values["pos_id"] ?? "",
            invoiceAmount: invoice.amount,
            invoiceCurrency: invoice.fiat,
            currency: invoice.currency,
            address: String(format: "SBX-\(invoice.currency)-%06d", order.count + 1),
            referenceNumber: referenceNumber,
            acceptZeroConfirmations: zeroConfirmations ?? false,
            insertedAt: now
        )
        payments[id] = payment
        order.append(id)
        var body = quote(payment.invoiceAmount, payment.invoiceCurrency, payment.currency)
        let scheme = Self.currencies[payment.currency]?.scheme ?? payment.currency.lowercased()
        let uri = "\(scheme):\(payment.address)?amount=\(Self.crypto(amount(of: payment)))"
        let images = "https://openpos.sandbox.cryptopay.invalid/api/qr/?d="
        body["payment_id"] = .string(id)
        body["address"] = .string(payment.address)
        body["qr"] = .string(uri)
        body["qr_alt"] = .string(payment.address)
        body["qr_img"] = .string(images + URLBuilder.percentEncoded(uri))
        body["qr_alt_img"] = .string(images + URLBuilder.percentEncoded(payment.address))
        return SandboxReply.json(200, .object(body))
    }

    private func check(_ query: Query) -> TransportResponse {
        switch lookup(query) {
        case .failed(let response): return response
        case .found(let payment): return SandboxReply.json(200, json(payment))
        }
    }

    private func cancel(_ query: Query, now: Date) -> TransportResponse {
        _ = query.optional("reason")
        _ = query.optional("comment")
        let found = lookup(query)
        guard case .found(var payment) = found else { return found.failure }
        if payment.state == "waiting", payment.received == 0 {
            payment.state = "cancelled"
            payment.cancelledAt = now
            payments[payment.id] = payment
        }
        return SandboxReply.json(200, ["cancelled": .bool(payment.state == "cancelled")])
    }

    private func accept(_ query: Query, now: Date) -> TransportResponse {
        _ = query.amount("accepted_amount", required: true)
        _ = query.amount("accepted_invoice_amount", required: false)
        let found = lookup(query)
        guard case .found(var payment) = found else { return found.failure }
        guard payment.state == "underpaid" else { return Self.failure("Only an underpaid payment can be accepted") }
        guard query.values["accepted_amount"] == Self.crypto(payment.received) else {
            return Self.failure("accepted_amount must match the payment received (\(Self.crypto(payment.received)))")
        }
        payment.state = "confirmed"
        payment.confirmedAt = now
        payments[payment.id] = payment
        return SandboxReply.json(200, ["success": true])
    }

    private func refund(_ query: Query) -> TransportResponse {
        let id = query.require("payment_id")
        let currency = query.require("currency")
        _ = query.require("address_out")
        _ = query.amount("refund_amount", required: true)
        if let invalid = query.invalid { return invalid }
        guard let id, var payment = payments[id], payment.currency == currency else {
            return Self.failure("Payment not found")
        }
        guard let opened = payment.refundAmountOpened else { return Self.failure("Nothing to refund") }
        guard query.values["refund_amount"] == Self.crypto(opened) else {
            return Self.failure("refund_amount must match refund_amount_opened (\(Self.crypto(opened)))")
        }
        payment.state = "refunded"
        payment.refunded = opened
        payments[id] = payment
        return SandboxReply.json(200, ["wait_time": "120 minutes"])
    }

    private func transactions(_ query: Query) -> TransportResponse {
        let offset = query.count("offset") ?? 0
        let limit = query.count("limit") ?? 20
        if let invalid = query.invalid { return invalid }
        guard limit > 0 else { return Self.badRequest(["limit"]) }
        let items = order.dropFirst(offset).prefix(limit).compactMap { payments[$0] }.map(transaction)
        return SandboxReply.json(200, .array(items))
    }

    // MARK: Parameters and state

    /// The invoice GetRate and StartPayment describe, or `nil` with the problems recorded in `query`.
    private func invoice(_ query: Query) -> (amount: Decimal, fiat: String, currency: String)? {
        let fiat = query.require("invoice_currency")
        if let fiat, !Self.fiat.contains(fiat) { query.reject("invoice_currency") }
        let amount = query.amount("invoice_amount", required: true)
        let currency = query.require("currency")
        if let currency, Self.currencies[currency] == nil { query.reject("currency") }
        guard let fiat, let amount, let currency, query.invalid == nil else { return nil }
        return (amount, fiat, currency)
    }

    /// A started payment found by ``lookup(_:)``, or the answer to give when there is none.
    private enum Lookup {
        case found(Payment)
        case failed(TransportResponse)

        var failure: TransportResponse {
            switch self {
            case .failed(let response): response
            case .found: OpenPOSSimulator.failure("Payment not found")
            }
        }
    }

    /// The started payment a query names by `payment_id`, `currency` and `address`.
    private func lookup(_ query: Query) -> Lookup {
        let currency = query.require("currency")
        let id = query.require("payment_id")
        let address = query.require("address")
        if let invalid = query.invalid { return .failed(invalid) }
        guard let id, let payment = payments[id], payment.currency == currency, payment.address == address else {
            return .failed(Self.failure("Payment not found"))
        }
        return .found(payment)
    }

    private func amount(of payment: Payment) -> Decimal {
        Self.amounts(payment.invoiceAmount, payment.currency).amount
    }

    private static func amounts(_ invoice: Decimal, _ currency: String) -> (exchange: Decimal, amount: Decimal) {
        guard let entry = currencies[currency] else { return (0, 0) }
        let exchange = (invoice / entry.rate).rounded(toPlaces: 8)
        return (exchange, exchange + entry.networkFee)
    }

    private func quote(_ invoice: Decimal, _ fiat: String, _ currency: String) -> JSONObject {
        let entry = Self.currencies[currency]
        let amounts = Self.amounts(invoice, currency)
        return [
            "invoice_amount": .string(DecimalText.format(invoice)),
            "invoice_currency": .string(fiat),
            "currency": .string(currency),
            "rate": .string(Self.fixed(entry?.rate ?? 0, places: 2)),
            "amount_exchange": .string(Self.crypto(amounts.exchange)),
            "network_processing_fee": .string(Self.crypto(entry?.networkFee ?? 0)),
            "amount": .string(Self.crypto(amounts.amount)),
            "fast_transaction_fee": .string(Self.crypto(entry?.fastFee ?? 0)),
            "fast_transaction_fee_currency": .string(entry?.fastFeeUnit ?? ""),
            "wait_time": Self.waitTime,
        ]
    }

    private func json(_ payment: Payment) -> JSONValue {
        var body: JSONObject = [
            "reference_no": payment.referenceNumber.map(JSONValue.string) ?? .null,
            "invoice_amount": .string(DecimalText.format(payment.invoiceAmount)),
            "invoice_currency": .string(payment.invoiceCurrency),
            "currency": .string(payment.currency),
            "amount": .string(Self.crypto(amount(of: payment))),
            "payment": .string(Self.crypto(payment.received)),
            "confirmations": .number(Decimal(payment.confirmations)),
            "min_confirmations": .number(Decimal(payment.minConfirmations)),
            "confirmed": .bool(payment.confirmedAt != nil),
            "state": .string(payment.state),
            "status": .string(Self.statusText[payment.state] ?? payment.state),
            "wait_time": payment.state == "refunded" ? "120 minutes" : Self.waitTime,
        ]
        if let opened = payment.refundAmountOpened { body["refund_amount_opened"] = .string(Self.crypto(opened)) }
        return .object(body)
    }

    private static let statusText = [
        "waiting": "Waiting for transaction.", "underpaid": "Payment received but amount is less than expected.",
        "confirmed": "Payment confirmed.", "cancelled": "Payment cancelled.", "refunded": "Payment refunded.",
    ]

    private func transaction(_ payment: Payment) -> JSONValue {
        func date(_ value: Date?) -> JSONValue { value.map { .string(Self.dateStyle.format($0)) } ?? .null }
        return [
            "status": .string(payment.state.prefix(1).uppercased() + payment.state.dropFirst()),
            "pos_id": .string(payment.posID),
            "payment_id": .string(payment.id),
            "invoice_currency": .string(payment.invoiceCurrency),
            "invoice_amount": .string(DecimalText.format(payment.invoiceAmount)),
            "currency": .string(payment.currency),
            "amount": .string(Self.crypto(amount(of: payment))),
            "address": .string(payment.address),
            "type": "Sell",
            "payment": .string(Self.crypto(payment.received)),
            "refund": .string(payment.refunded.map(Self.crypto) ?? ""),
            "refund_amount_opened": .string(payment.refundAmountOpened.map(Self.crypto) ?? ""),
            "refund_status": .null,
            "inserted": date(payment.insertedAt),
            "confirmed": date(payment.confirmedAt),
            "cancelled": date(payment.cancelledAt),
            "double_spending_alert": .null,
            "accept_zero_confirmations": .bool(payment.acceptZeroConfirmations),
            "item_name": "",
            "access_token": .string("sandbox-access-token-\(payment.id.suffix(6))"),
        ]
    }

    private func webhook(_ payment: Payment, now: Date) -> WebhookRequest {
        let event = payment.state == "confirmed" ? "payment.confirmed" : "payment.underpaid"
        let body = SandboxReply.body([
            "event": .string(event),
            "payment_id": .string(payment.id),
            "pos_id": .string(payment.posID),
            "status": .string(payment.state),
            "amount": .string(Self.crypto(amount(of: payment))),
            "currency": .string(payment.currency),
            "timestamp": SandboxReply.date(now),
        ])
        return WebhookRequest(body: body, headers: ["Content-Type": "application/json"])
    }

    // MARK: Replies and text

    private static func badRequest(_ names: [String]) -> TransportResponse {
        SandboxReply.json(400, ["err": .string("Invalid parameters: " + names.joined(separator: ", "))])
    }

    /// A refusal the document reports in a successful response: HTTP 200 with `err`.
    private static func failure(_ message: String) -> TransportResponse {
        SandboxReply.json(200, ["err": .string(message)])
    }

    /// An amount of cryptocurrency as the provider writes it, with 8 decimals (`0.00096652`).
    private static func crypto(_ value: Decimal) -> String {
        fixed(value, places: 8)
    }

    private static func fixed(_ value: Decimal, places: Int) -> String {
        let text = DecimalText.format(value.rounded(toPlaces: places))
        let parts = text.split(separator: ".", maxSplits: 1)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return String(parts[0]) + "." + fraction + String(repeating: "0", count: max(places - fraction.count, 0))
    }

    /// A request's query parameters, read once each, with the names that were missing or malformed.
    private final class Query {
        let values: [String: String]
        private var problems: [String] = []

        init(_ values: [String: String]) {
            self.values = values
        }

        /// The 400 answer naming every problem, or `nil` when there was none.
        var invalid: TransportResponse? {
            problems.isEmpty ? nil : OpenPOSSimulator.badRequest(problems)
        }

        func reject(_ name: String) {
            if !problems.contains(name) { problems.append(name) }
        }

        @discardableResult
        func require(_ name: String) -> String? {
            guard let value = values[name], !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                reject(name)
                return nil
            }
            return value
        }

        func optional(_ name: String) -> String? {
            guard values[name] != nil else { return nil }
            return require(name)
        }

        func amount(_ name: String, required: Bool) -> Decimal? {
            guard required || values[name] != nil else { return nil }
            guard let text = require(name), let amount = DecimalText.parse(text), amount > 0 else {
                reject(name)
                return nil
            }
            return amount
        }

        func flag(_ name: String) -> Bool? {
            switch values[name] {
            case nil: return nil
            case "true", "1": return true
            case "false", "0": return false
            default:
                reject(name)
                return nil
            }
        }

        func count(_ name: String) -> Int? {
            guard let text = values[name] else { return nil }
            guard let count = Int(text), count >= 0 else {
                reject(name)
                return nil
            }
            return count
        }
    }

    func checkouts() -> [SandboxCheckout] {
        order.compactMap { payments[$0] }.map { SandboxCheckout(provider: provider, id: $0.id, status: $0.state) }
    }
}
