import Foundation

/// The USDT invoice API, simulated under `/api/v1`: invoices (create → 201, retrieve by id and by reference, list,
/// cancel), the account and its request log, and the provider's own sandbox endpoints (`simulate-payment` with an
/// optional delay, `trigger-expiry`, `test-webhook`). `Authorization: Bearer` with the sandbox's `test_` key, or its
/// `live_` twin (the same key with `live_` in place of `test_`), which creates real (`isTest: false`) invoices and is
/// refused by the sandbox endpoints with 403, as the document keeps those to test keys. Errors are the provider's
/// `{statusCode, message, error}` bodies: validation messages as a list, the document's own
/// `Amount must have at most 4 decimal places`, 401 `Invalid API key`, 404 `Invoice not found`, 409 for a duplicate
/// reference.
///
/// Payments: the provider confirms an invoice when its exact amount (`amountUsdtExact`) arrives at the merchant's
/// wallet, and sends an HMAC-signed webhook (`X-Webhook-Signature`, `X-Webhook-Id`, `X-Invoice-Reference`, the
/// document's snake_case body) only for that confirmation. So ``pay(id:_:now:)`` confirms on a full or larger payment
/// and returns that webhook; a partial payment confirms nothing, leaves the invoice pending and sends nothing.
/// ``expire(id:now:)`` and a pending invoice's passing `expiresAt` make it `expired` without a webhook. The HTTP
/// sandbox endpoints change state the same way; the in-process sandbox has no network, so the webhook a confirmation
/// through them causes goes only to ``SandboxTransport/answerWithWebhooks(_:)``'s caller (the sandbox server, which
/// delivers it). Rate limits are not simulated.
final class USDTInvoiceSimulator: ProviderSimulator {
    private struct Invoice {
        var id: String
        var reference: String
        var wallet: Wallet
        var amount: Decimal
        var status = "pending"
        var isTest: Bool
        var metadata: JSONValue
        var callbackURL: String?
        var title: String?
        var description: String?
        var whiteLabel: Bool
        var createdAt: Date
        var expiresAt: Date
        /// When a `simulate-payment` with a delay confirms it.
        var confirmsAt: Date?
        var txHash: String?
        var paidAt: Date?
    }

    private struct Wallet {
        var id: String
        var assetCode: String
        var address: String
        var network: String
        var networkLabel: String
    }

    private struct Entry {
        var id: String
        var method: String
        var endpoint: String
        var statusCode: Int
        var at: Date
    }

    private enum Mode { case test, live }

    private static let wallets = [
        Wallet(
            id: "a3bb189e-8bf9-4888-9912-ace4e6543001", assetCode: "USDT_TRC20",
            address: "TSbxUSDTInvoiceSandboxWa11et0001", network: "tron", networkLabel: "Tron (TRC20)"),
        Wallet(
            id: "a3bb189e-8bf9-4888-9912-ace4e6543002", assetCode: "USDT_ERC20",
            address: "0x5b0000000000000000000000000000000000e2c0", network: "ethereum",
            networkLabel: "Ethereum (ERC20)"),
        Wallet(
            id: "a3bb189e-8bf9-4888-9912-ace4e6543003", assetCode: "USDT_BSC",
            address: "0x5b0000000000000000000000000000000000b5c0", network: "bsc",
            networkLabel: "BNB Smart Chain (BEP20)"),
    ]
    private static let merchantID = "0d5a7b1e-5a4d-4b0c-8e7f-5a4db0c5e7f1"
    private static let accountCreatedAt = Date(timeIntervalSince1970: 1_704_099_600)
    private static let creationFields: Set<String> = [
        "amountUsdt", "assetCode", "reference", "callbackUrl", "expirySeconds", "metadata", "walletId", "title",
        "description", "useWhiteLabel", "returnUrl",
    ]

    let provider = ProviderID.usdtInvoice
    let baseURL = sandboxURL("usdtinvoice", path: "")
    private var invoices: [String: Invoice] = [:]
    private var order: [String] = []
    private var log: [Entry] = []
    private var deliveries = 0

    init() {}

    func handle(_ request: SandboxRequest, now: Date) -> TransportResponse {
        settle(now: now)
        guard let mode = mode(of: request) else {
            return Self.error(401, "Invalid API key", "Unauthorized")
        }
        let response = route(request, mode: mode, now: now)
        log.append(
            Entry(
                id: String(format: "e4da3b7f-bbce-4345-d777-%012d", log.count + 1),
                method: request.method.rawValue,
                endpoint: "/" + request.segments.joined(separator: "/"),
                statusCode: response.statusCode,
                at: now
            ))
        return response
    }

    func pay(id: String, _ payment: SandboxPayment, now: Date) throws -> [WebhookRequest] {
        settle(now: now)
        guard var invoice = invoices[id] else { throw unknown(id) }
        guard invoice.status == "pending" else { throw notPayable(id, status: invoice.status) }
        guard payment.amount(of: invoice.amount) >= invoice.amount else { return [] }
        confirm(&invoice, at: now)
        invoices[id] = invoice
        return [try webhook(invoice)]
    }

    func expire(id: String, now: Date) throws -> [WebhookRequest] {
        settle(now: now)
        guard var invoice = invoices[id] else { throw unknown(id) }
        guard invoice.status == "pending" else { throw notPayable(id, status: invoice.status) }
        invoice.status = "expired"
        invoice.confirmsAt = nil
        invoices[id] = invoice
        return []
    }

    // MARK: Routes

    private func route(_ request: SandboxRequest, mode: Mode, now: Date) -> TransportResponse {
        let path = Array(request.segments.dropFirst(2))
        guard request.segments.starts(with: ["api", "v1"]), let resource = path.first else {
            return Self.routeNotFound(request)
        }
        switch (request.method, resource, path.count) {
        case (.post, "invoices", 1): return create(request, mode: mode, now: now)
        case (.get, "invoices", 1): return list(request)
        case (.get, "invoices", 2): return found(invoices[path[1]])
        case (.get, "invoices", 3...) where path[1] == "reference":
            let reference = path.dropFirst(2).joined(separator: "/")
            return found(invoices.values.first { $0.reference == reference })
        case (.post, "invoices", 3) where path[2] == "cancel": return cancel(id: path[1])
        case (.get, "account", 1): return SandboxReply.json(200, account)
        case (.get, "account", 2) where path[1] == "api-logs": return apiLogs(request)
        case (.post, "sandbox", 2):
            guard mode == .test else {
                return Self.error(403, "Sandbox endpoints require a test API key (test_...)", "Forbidden")
            }
            switch path[1] {
            case "simulate-payment": return simulatePayment(request, now: now)
            case "trigger-expiry": return triggerExpiry(request)
            case "test-webhook": return testWebhook(request)
            default: return Self.routeNotFound(request)
            }
        default: return Self.routeNotFound(request)
        }
    }

    private func create(_ request: SandboxRequest, mode: Mode, now: Date) -> TransportResponse {
        let body = request.json?.objectValue ?? [:]
        var problems: [JSONValue] = body.keys.filter { !Self.creationFields.contains($0) }.map {
            .string("property \($0) should not exist")
        }
        let amount = body["amountUsdt"].flatMap { if case .number(let value) = $0 { value } else { nil } }
        if amount == nil {
            problems.append("amountUsdt must be a number conforming to the specified constraints")
        } else if let amount, amount < Decimal(sign: .plus, exponent: -4, significand: 1) {
            problems.append("amountUsdt must not be less than 0.0001")
        }
        let assetCode = body["assetCode"]?.stringValue ?? ""
        if !Self.wallets.contains(where: { $0.assetCode == assetCode }) {
            problems.append(
                .string(
                    "assetCode must be one of the following values: "
                        + Self.wallets.map(\.assetCode).joined(separator: ", ")))
        }
        problems += Self.text(body, "reference", atMost: 50)
        problems += Self.url(body, "callbackUrl") + Self.url(body, "returnUrl")
        problems += Self.text(body, "title", atMost: 200) + Self.text(body, "description", atMost: 500)
        problems += Self.text(body, "walletId", atMost: nil)
        let expiry = Self.integer(body, "expirySeconds", in: 300...7200, problems: &problems)
        if let metadata = body["metadata"], metadata.objectValue == nil {
            problems.append("metadata must be an object")
        }
        if let flag = body["useWhiteLabel"], flag != .bool(true), flag != .bool(false) {
            problems.append("useWhiteLabel must be a boolean value")
        }
        guard problems.isEmpty, let amount else { return Self.error(400, .array(problems), "Bad Request") }
        guard amount.decimalPlaces <= 4 else {
            return Self.error(400, "Amount must have at most 4 decimal places", "Bad Request")
        }
        let walletID = body["walletId"]?.stringValue
        guard
            let wallet = Self.wallets.first(where: { $0.assetCode == assetCode && (walletID ?? $0.id) == $0.id })
        else {
            return Self.error(404, "Wallet not found", "Not Found")
        }
        let reference = body["reference"]?.stringValue ?? generatedReference()
        guard !invoices.values.contains(where: { $0.reference == reference }) else {
            return Self.error(409, "Invoice with this reference already exists", "Conflict")
        }
        let invoice = Invoice(
            id: String(format: "5d7c1a2e-0000-4000-8000-%012d", order.count + 1),
            reference: reference,
            wallet: wallet,
            amount: amount,
            isTest: mode == .test,
            metadata: body["metadata"] ?? .null,
            callbackURL: body["callbackUrl"]?.stringValue,
            title: body["title"]?.stringValue,
            description: body["description"]?.stringValue,
            whiteLabel: body["useWhiteLabel"] == .bool(true),
            createdAt: now,
            expiresAt: now.addingTimeInterval(TimeInterval(expiry ?? 1800))
        )
        invoices[invoice.id] = invoice
        order.append(invoice.id)
        return SandboxReply.json(201, json(invoice))
    }

    private func list(_ request: SandboxRequest) -> TransportResponse {
        var problems: [JSONValue] = []
        let page = Self.queryInteger(request, "page", default: 1, in: 1...Int.max, problems: &problems)
        let limit = Self.queryInteger(request, "limit", default: 20, in: 1...100, problems: &problems)
        guard problems.isEmpty else { return Self.error(400, .array(problems), "Bad Request") }
        let newestFirst = order.reversed().compactMap { invoices[$0] }
        let items = newestFirst.dropFirst((page - 1) * limit).prefix(limit).map { json($0) }
        let totalPages = (order.count + limit - 1) / limit
        return SandboxReply.json(
            200,
            [
                "data": .array(Array(items)),
                "meta": [
                    "total": .number(Decimal(order.count)), "page": .number(Decimal(page)),
                    "limit": .number(Decimal(limit)), "totalPages": .number(Decimal(totalPages)),
                ],
            ])
    }

    private func cancel(id: String) -> TransportResponse {
        guard var invoice = invoices[id] else { return Self.invoiceNotFound }
        guard invoice.status == "pending" else {
            return Self.error(400, "Only pending invoices can be cancelled", "Bad Request")
        }
        invoice.status = "cancelled"
        invoice.confirmsAt = nil
        invoices[id] = invoice
        return SandboxReply.json(200, json(invoice))
    }

    private func apiLogs(_ request: SandboxRequest) -> TransportResponse {
        var problems: [JSONValue] = []
        let limit = Self.queryInteger(request, "limit", default: 50, in: 1...100, problems: &problems)
        guard problems.isEmpty else { return Self.error(400, .array(problems), "Bad Request") }
        let entries: [JSONValue] = log.suffix(limit).reversed().map { entry in
            [
                "id": .string(entry.id), "method": .string(entry.method), "endpoint": .string(entry.endpoint),
                "statusCode": .number(Decimal(entry.statusCode)), "responseTimeMs": 1, "ipAddress": "127.0.0.1",
                "createdAt": SandboxReply.date(entry.at),
            ]
        }
        return SandboxReply.json(200, .array(entries))
    }

    // MARK: The provider's sandbox endpoints

    private func simulatePayment(_ request: SandboxRequest, now: Date) -> TransportResponse {
        var problems: [JSONValue] = []
        let delay = Self.integer(request.json?.objectValue ?? [:], "delaySeconds", in: 0...3600, problems: &problems)
        return updatingTestInvoice(request, accepting: ["invoiceId", "delaySeconds"], problems: problems) { invoice in
            if let delay, delay > 0 {
                invoice.confirmsAt = now.addingTimeInterval(TimeInterval(delay))
                return "Payment will be confirmed in \(delay) seconds"
            }
            confirm(&invoice, at: now)
            return "Payment simulated"
        }
    }

    private func triggerExpiry(_ request: SandboxRequest) -> TransportResponse {
        updatingTestInvoice(request, accepting: ["invoiceId"], problems: []) { invoice in
            invoice.status = "expired"
            invoice.confirmsAt = nil
            return "Invoice expired"
        }
    }

    private func testWebhook(_ request: SandboxRequest) -> TransportResponse {
        let body = request.json?.objectValue ?? [:]
        var problems = Self.url(body, "url") + Self.text(body, "invoiceId", atMost: nil)
        problems += body.keys.filter { $0 != "url" && $0 != "invoiceId" }.map {
            .string("property \($0) should not exist")
        }
        guard problems.isEmpty else { return Self.error(400, .array(problems), "Bad Request") }
        var invoice: Invoice?
        if let id = body["invoiceId"]?.stringValue {
            guard let found = invoices[id] else { return Self.invoiceNotFound }
            invoice = found
        }
        guard let url = body["url"]?.stringValue ?? invoice?.callbackURL else {
            return Self.error(400, "No webhook URL: pass url, or an invoiceId with a callbackUrl", "Bad Request")
        }
        return SandboxReply.json(
            200,
            [
                "success": true,
                "message": "Test webhook signed; the in-process sandbox sends nothing over the network",
                "url": .string(url),
            ])
    }

    /// Applies `change` to the pending test invoice named by the body's `invoiceId` and answers with the provider's
    /// `{success, message, invoice}`; refuses a missing id, an unknown, live or no longer pending invoice.
    private func updatingTestInvoice(
        _ request: SandboxRequest,
        accepting fields: Set<String>,
        problems: [JSONValue],
        _ change: (inout Invoice) -> String
    ) -> TransportResponse {
        var problems = problems
        let body = request.json?.objectValue ?? [:]
        let id = body["invoiceId"]?.stringValue ?? ""
        if id.isEmpty { problems.insert("invoiceId should not be empty", at: 0) }
        problems += body.keys.filter { !fields.contains($0) }.map {
            .string("property \($0) should not exist")
        }
        guard problems.isEmpty else { return Self.error(400, .array(problems), "Bad Request") }
        guard var invoice = invoices[id] else { return Self.invoiceNotFound }
        guard invoice.isTest else { return Self.error(400, "Only test invoices can be simulated", "Bad Request") }
        guard invoice.status == "pending" else {
            return Self.error(400, .string("Invoice is \(invoice.status), not pending"), "Bad Request")
        }
        let message = change(&invoice)
        invoices[id] = invoice
        return SandboxReply.json(200, ["success": true, "message": .string(message), "invoice": json(invoice)])
    }

    // MARK: State

    private func mode(of request: SandboxRequest) -> Mode? {
        let key = SandboxCredentials.usdtInvoice.apiKey
        let header = request.headers["Authorization"]
        if header == "Bearer \(key)" { return .test }
        if header == "Bearer live_\(key.dropFirst("test_".count))" { return .live }
        return nil
    }

    /// Confirms the payments a delayed `simulate-payment` scheduled and expires invoices past `expiresAt`.
    private func settle(now: Date) {
        for id in order {
            guard var invoice = invoices[id], invoice.status == "pending" else { continue }
            if let confirmsAt = invoice.confirmsAt, confirmsAt <= now, confirmsAt <= invoice.expiresAt {
                confirm(&invoice, at: confirmsAt)
            } else if invoice.expiresAt <= now {
                invoice.status = "expired"
                invoice.confirmsAt = nil
            } else {
                continue
            }
            invoices[id] = invoice
        }
    }

    private func confirm(_ invoice: inout Invoice, at time: Date) {
        invoice.status = "confirmed"
        invoice.confirmsAt = nil
        invoice.paidAt = time
        invoice.txHash = String(format: "5b7c%060d", order.firstIndex(of: invoice.id).map { $0 + 1 } ?? 0)
    }

    private func generatedReference() -> String {
        var number = order.count + 1
        while invoices.values.contains(where: { $0.reference == String(format: "INV-%08d", number) }) { number += 1 }
        return String(format: "INV-%08d", number)
    }

    private func found(_ invoice: Invoice?) -> TransportResponse {
        guard let invoice else { return Self.invoiceNotFound }
        return SandboxReply.json(200, json(invoice))
    }

    // MARK: Bodies

    private func json(_ invoice: Invoice) -> JSONValue {
        let page = "https://pay.usdtinvoice.sandbox.cryptopay.invalid/\(invoice.id)"
        var object: JSONObject = [
            "id": .string(invoice.id),
            "reference": .string(invoice.reference),
            "assetCode": .string(invoice.wallet.assetCode),
            "payoutAddress": .string(invoice.wallet.address),
            "amountUsdtExact": .string(Self.exactText(invoice.amount)),
            "status": .string(invoice.status),
            "expiresAt": SandboxReply.date(invoice.expiresAt),
            "paymentUrl": .string(page),
            "createdAt": SandboxReply.date(invoice.createdAt),
            "isTest": .bool(invoice.isTest),
            "metadata": invoice.metadata,
        ]
        if invoice.whiteLabel {
            object["whiteLabel"] = [
                "cancelUrl": .string(page + "/cancel"),
                "statusUrl": .string(page + "/status"),
                "qrData": .string(invoice.wallet.address),
                "network": .string(invoice.wallet.network),
                "networkLabel": .string(invoice.wallet.networkLabel),
                "expiresAt": SandboxReply.date(invoice.expiresAt),
                "title": invoice.title.map(JSONValue.string) ?? .null,
                "description": invoice.description.map(JSONValue.string) ?? .null,
            ]
        }
        return .object(object)
    }

    private var account: JSONValue {
        let all = invoices.values
        let confirmed = all.filter { $0.status == "confirmed" }
        return [
            "id": .string(Self.merchantID),
            "email": "merchant@sandbox.cryptopay.invalid",
            "businessName": "CryptoPay Sandbox",
            "status": "active",
            "createdAt": SandboxReply.date(Self.accountCreatedAt),
            "wallets": .array(
                Self.wallets.map { wallet in
                    [
                        "id": .string(wallet.id), "assetCode": .string(wallet.assetCode),
                        "address": .string(wallet.address), "isDefault": true,
                    ]
                }),
            "statistics": [
                "totalInvoices": .number(Decimal(all.count)),
                "confirmedInvoices": .number(Decimal(confirmed.count)),
                "pendingInvoices": .number(Decimal(all.filter { $0.status == "pending" }.count)),
                "expiredInvoices": .number(Decimal(all.filter { $0.status == "expired" }.count)),
                "totalVolumeUsdt": .string(Self.exactText(confirmed.reduce(Decimal(0)) { $0 + $1.amount })),
            ],
        ]
    }

    /// The payment webhook, signed as the provider signs it: hex HMAC-SHA256 of the compact body it sends
    /// (`JSON.stringify` output: no spaces, slashes unescaped).
    private func webhook(_ invoice: Invoice) throws -> WebhookRequest {
        deliveries += 1
        let body: JSONValue = [
            "invoice_reference": .string(invoice.reference),
            "merchant_id": .string(Self.merchantID),
            "status": .string(invoice.status),
            "asset_code": .string(invoice.wallet.assetCode),
            "payout_address": .string(invoice.wallet.address),
            "amount_usdt_exact": .string(Self.exactText(invoice.amount)),
            "tx_hash": invoice.txHash.map(JSONValue.string) ?? .null,
            "metadata": invoice.metadata,
            "paid_at": invoice.paidAt.map(SandboxReply.date) ?? .null,
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let bytes = try encoder.encode(body)
        var headers = try HMACHeaderSignatureScheme.sign(
            body: bytes,
            secret: SandboxCredentials.usdtInvoice.webhookSecret,
            headerName: HMACHeaderSignatureScheme.usdtInvoiceHeaderName
        )
        headers["Content-Type"] = "application/json"
        headers["X-Webhook-Id"] = String(format: "9b2f4c1e-7a3d-4e5f-8c6b-%012d", deliveries)
        headers["X-Invoice-Reference"] = invoice.reference
        return WebhookRequest(body: bytes, headers: headers)
    }

    /// An amount as the provider writes it: a string with four decimals (`150.0000`).
    private static func exactText(_ amount: Decimal) -> String {
        let text = DecimalText.format(amount)
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return parts[0] + "." + fraction.padding(toLength: max(4, fraction.count), withPad: "0", startingAt: 0)
    }

    // MARK: Errors and checks, as the provider's validation writes them

    private static func error(_ status: Int, _ message: JSONValue, _ error: String) -> TransportResponse {
        SandboxReply.json(
            status, ["statusCode": .number(Decimal(status)), "message": message, "error": .string(error)])
    }

    private static let invoiceNotFound = error(404, "Invoice not found", "Not Found")

    private static func routeNotFound(_ request: SandboxRequest) -> TransportResponse {
        let path = "/" + request.segments.joined(separator: "/")
        return error(404, .string("Cannot \(request.method.rawValue) \(path)"), "Not Found")
    }

    /// A string field no longer than `limit`, when present.
    private static func text(_ body: JSONObject, _ field: String, atMost limit: Int?) -> [JSONValue] {
        guard let value = body[field] else { return [] }
        guard let text = value.stringValue else { return [.string("\(field) must be a string")] }
        if let limit, text.unicodeScalars.count > limit {
            return [.string("\(field) must be shorter than or equal to \(limit) characters")]
        }
        return text.isEmpty ? [.string("\(field) should not be empty")] : []
    }

    /// An http(s) URL of at most 500 characters, when present.
    private static func url(_ body: JSONObject, _ field: String) -> [JSONValue] {
        let problems = text(body, field, atMost: 500)
        guard problems.isEmpty, let text = body[field]?.stringValue else { return problems }
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            return [.string("\(field) must be a URL address")]
        }
        return []
    }

    /// A whole number within `range`, when present.
    private static func integer(
        _ body: JSONObject,
        _ field: String,
        in range: ClosedRange<Int>,
        problems: inout [JSONValue]
    ) -> Int? {
        guard let value = body[field] else { return nil }
        guard case .number(let number) = value, number.decimalPlaces == 0,
            let whole = Int(DecimalText.format(number))
        else {
            problems.append(.string("\(field) must be an integer number"))
            return nil
        }
        if whole < range.lowerBound { problems.append(.string("\(field) must not be less than \(range.lowerBound)")) }
        if whole > range.upperBound {
            problems.append(.string("\(field) must not be greater than \(range.upperBound)"))
        }
        return whole
    }

    /// A query parameter that is a whole number within `range`, or `fallback` when absent.
    private static func queryInteger(
        _ request: SandboxRequest,
        _ name: String,
        default fallback: Int,
        in range: ClosedRange<Int>,
        problems: inout [JSONValue]
    ) -> Int {
        guard let text = request.query[name] else { return fallback }
        guard let value = Int(text) else {
            problems.append(.string("\(name) must be an integer number"))
            return fallback
        }
        if value < range.lowerBound { problems.append(.string("\(name) must not be less than \(range.lowerBound)")) }
        if value > range.upperBound { problems.append(.string("\(name) must not be greater than \(range.upperBound)")) }
        return value
    }

    func checkouts() -> [SandboxCheckout] {
        order.compactMap { invoices[$0] }.map { SandboxCheckout(provider: provider, id: $0.id, status: $0.status) }
    }

    /// The payment webhook of a confirmed invoice: what the provider posts after its own sandbox endpoint
    /// (`simulate-payment`) confirmed it.
    func webhooks(afterChangeOf id: String) throws -> [WebhookRequest] {
        guard let invoice = invoices[id], invoice.status == "confirmed" else { return [] }
        return [try webhook(invoice)]
    }
}

extension JSONValue {
    /// The object, when this is one.
    fileprivate var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }
}
