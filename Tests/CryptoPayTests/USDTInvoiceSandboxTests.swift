import CryptoPay
import CryptoPaySandbox
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// The USDT invoice API through ``PaymentProvider`` and its own client on the sandbox: create → pay → signed webhook
/// → verify → fetch, the provider's sandbox endpoints, its error bodies and what the adapter refuses.
final class USDTInvoiceSandboxTests: XCTestCase {
    /// 2024-01-15T14:30:00Z, the document's `createdAt`.
    private static let start = Date(timeIntervalSince1970: 1_705_329_000)
    private let clock = ManualClock(start: USDTInvoiceSandboxTests.start)
    private lazy var sandbox = SandboxTransport(clock: clock.waitClock)

    private let firstID = "5d7c1a2e-0000-4000-8000-000000000001"
    private let tronWallet = "TSbxUSDTInvoiceSandboxWa11et0001"
    private let credentials = SandboxCredentials.usdtInvoice
    private var liveKey: String { "live_" + credentials.apiKey.dropFirst("test_".count) }

    private func client(key: String? = nil) throws -> USDTInvoiceClient {
        try USDTInvoiceClient(
            apiKey: key ?? credentials.apiKey,
            configuration: ClientConfiguration(baseURL: try sandbox.baseURL(for: .usdtInvoice), transport: sandbox))
    }

    private func provider(key: String? = nil) throws -> USDTInvoiceProvider {
        USDTInvoiceProvider(
            client: try client(key: key), webhook: try USDTInvoiceWebhook(secret: credentials.webhookSecret))
    }

    /// The document's order: 150 USDT on Tron, `ORDER-12345`, with a callback, return URL, expiry and metadata.
    private func documentRequest(reference: String = "ORDER-12345") throws -> CheckoutRequest {
        CheckoutRequest(
            amount: try Money("150.0000", .usdtTron),
            orderReference: reference,
            description: "Premium subscription",
            successURL: URL(string: "https://your-site.com/thank-you"),
            callbackURL: URL(string: "https://your-site.com/webhook"),
            expiresIn: .seconds(1800),
            metadata: ["orderId": "12345"]
        )
    }

    /// A request sent straight to the simulator, as `cryptopay call` or any HTTP client would, without the typed
    /// client's checks; returns the status and the JSON body.
    private func raw(
        _ method: RequestMethod,
        _ path: String,
        body: String? = nil,
        key: String? = nil
    ) async throws -> (status: Int, body: JSONValue) {
        let base = try sandbox.baseURL(for: .usdtInvoice).absoluteString
        let url = try XCTUnwrap(URL(string: base + path))
        var headers: HeaderFields = ["Authorization": "Bearer \(key ?? credentials.apiKey)"]
        if body != nil { headers["Content-Type"] = "application/json" }
        let response = try await sandbox.send(
            TransportRequest(method: method, url: url, headers: headers, body: body.map { Data($0.utf8) }))
        return (response.statusCode, try JSONDecoder().decode(JSONValue.self, from: response.body))
    }

    // MARK: Through PaymentProvider

    func testCheckoutIsPaidAndTheSignedWebhookSaysSo() async throws {
        let provider = try provider()
        let created = try await provider.createCheckout(try documentRequest())

        XCTAssertEqual(created.id, firstID)
        XCTAssertEqual(created.provider, .usdtInvoice)
        XCTAssertEqual(created.status, .pending)
        XCTAssertEqual(created.providerStatus, "pending")
        XCTAssertEqual(created.requested, Money(150, .usdtTron))
        XCTAssertNil(created.paid)
        XCTAssertEqual(created.payAddress, tronWallet)
        XCTAssertEqual(created.payAsset, .usdtTron)
        XCTAssertEqual(
            created.paymentURL?.absoluteString, "https://pay.usdtinvoice.sandbox.cryptopay.invalid/\(firstID)")
        XCTAssertEqual(created.expiresAt, Self.start.addingTimeInterval(1800))
        let invoice = try XCTUnwrap(created.native(as: USDTInvoiceDetails.self))
        XCTAssertEqual(invoice.reference, "ORDER-12345")
        XCTAssertEqual(invoice.amountUSDTExact, try decimal("150"))
        XCTAssertEqual(invoice.isTest, true)
        XCTAssertEqual(invoice.metadata, ["orderId": "12345"])
        XCTAssertEqual(invoice.createdAt, Self.start)

        clock.advance(by: .seconds(120))
        let deliveries = try sandbox.pay(.usdtInvoice, id: created.id)

        XCTAssertEqual(deliveries.count, 1)
        let delivery = try XCTUnwrap(deliveries.first)
        XCTAssertEqual(delivery.headers["Content-Type"], "application/json")
        XCTAssertEqual(delivery.headers["X-Webhook-Id"], "9b2f4c1e-7a3d-4e5f-8c6b-000000000001")
        XCTAssertEqual(delivery.headers["X-Invoice-Reference"], "ORDER-12345")
        let expectedSignature = try HMACHeaderSignatureScheme.sign(
            body: delivery.body, secret: credentials.webhookSecret, headerName: "X-Webhook-Signature")
        XCTAssertEqual(delivery.headers["X-Webhook-Signature"], expectedSignature["X-Webhook-Signature"])
        XCTAssertEqual(delivery.headers["X-Webhook-Signature"]?.count, 64)
        XCTAssertFalse(String(decoding: delivery.body, as: UTF8.self).contains("\n"), "the body is compact")
        XCTAssertEqual(
            try JSONDecoder().decode(JSONValue.self, from: delivery.body),
            [
                "invoice_reference": "ORDER-12345",
                "merchant_id": "0d5a7b1e-5a4d-4b0c-8e7f-5a4db0c5e7f1",
                "status": "confirmed",
                "asset_code": "USDT_TRC20",
                "payout_address": .string(tronWallet),
                "amount_usdt_exact": "150.0000",
                "tx_hash": .string("5b7c" + String(repeating: "0", count: 59) + "1"),
                "metadata": ["orderId": "12345"],
                "paid_at": "2024-01-15T14:32:00Z",
            ])

        let event = try await provider.verifyWebhook(delivery)

        XCTAssertEqual(event.provider, .usdtInvoice)
        XCTAssertEqual(event.authentication, .signature)
        XCTAssertEqual(event.idempotencyKey, "ORDER-12345:confirmed")
        XCTAssertEqual(event.checkoutID, created.id)
        XCTAssertEqual(event.status, .paid)
        XCTAssertEqual(event.providerStatus, "confirmed")
        XCTAssertEqual(event.requested, Money(150, .usdtTron))
        XCTAssertEqual(event.paid, Money(150, .usdtTron))
        XCTAssertEqual(event.checkout?.status, .paid)
        let native = try XCTUnwrap(event.native(as: USDTInvoiceWebhookEvent.self))
        XCTAssertEqual(native.paidAt, Self.start.addingTimeInterval(120))
        XCTAssertEqual(native.amountUSDTExact, try decimal("150.0000"))

        let final = try await provider.checkout(id: created.id)
        XCTAssertEqual(final.status, .paid)
        XCTAssertEqual(final.providerStatus, "confirmed")
        XCTAssertEqual(final.paid, Money(150, .usdtTron))
    }

    func testAPartialPaymentConfirmsNothingAndAnOverpaymentConfirms() async throws {
        let provider = try provider()
        let created = try await provider.createCheckout(
            CheckoutRequest(amount: try Money("25.5", .usdtBSC), orderReference: "ORDER-12346"))
        XCTAssertEqual(created.payAddress, "0x5b0000000000000000000000000000000000b5c0")
        XCTAssertEqual(created.payAsset, .usdtBSC)
        XCTAssertEqual(created.expiresAt, Self.start.addingTimeInterval(1800), "the provider's default expiry")

        let partial = try sandbox.pay(.usdtInvoice, id: created.id, .fraction(try decimal("0.5")))

        XCTAssertTrue(partial.isEmpty, "no webhook for an amount that confirms nothing")
        let afterPartial = try await provider.checkout(id: created.id)
        XCTAssertEqual(afterPartial.status, .pending)
        XCTAssertEqual(afterPartial.providerStatus, "pending")
        XCTAssertNil(afterPartial.paid)

        let over = try XCTUnwrap(try sandbox.pay(.usdtInvoice, id: created.id, .over(try decimal("0.1"))).first)
        let event = try await provider.verifyWebhook(over)

        XCTAssertEqual(event.status, .paid)
        XCTAssertEqual(event.providerStatus, "confirmed")
        XCTAssertEqual(event.paid, Money(try decimal("25.5"), .usdtBSC))
        XCTAssertEqual(try JSONDecoder().decode(JSONValue.self, from: over.body)["amount_usdt_exact"], "25.5000")
        XCTAssertEqual(try JSONDecoder().decode(JSONValue.self, from: over.body)["asset_code"], "USDT_BSC")
    }

    func testExpiryEndsTheInvoiceWithoutAWebhookAndNothingCanFollowIt() async throws {
        let provider = try provider()
        let expired = try await provider.createCheckout(try documentRequest(reference: "ORDER-1"))

        XCTAssertEqual(try sandbox.expire(.usdtInvoice, id: expired.id).count, 0)

        let fetched = try await provider.checkout(id: expired.id)
        XCTAssertEqual(fetched.status, .expired)
        XCTAssertEqual(fetched.providerStatus, "expired")
        let cancel = try await paymentError { try await provider.cancelCheckout(id: expired.id) }
        XCTAssertEqual(cancel.kind, .validation)
        XCTAssertEqual(cancel.httpStatus, 400)
        XCTAssertEqual(cancel.message, "Only pending invoices can be cancelled")
        XCTAssertThrowsError(try sandbox.pay(.usdtInvoice, id: expired.id)) {
            XCTAssertEqual(($0 as? PaymentError)?.kind, .conflict)
        }

        var shortRequest = try documentRequest(reference: "ORDER-2")
        shortRequest.expiresIn = .seconds(300)
        let short = try await provider.createCheckout(shortRequest)
        clock.advance(by: .seconds(299))
        let stillPending = try await provider.checkout(id: short.id)
        XCTAssertEqual(stillPending.status, .pending)
        clock.advance(by: .seconds(1))
        let ranOut = try await provider.checkout(id: short.id)
        XCTAssertEqual(ranOut.status, .expired)
        XCTAssertEqual(ranOut.providerStatus, "expired")
    }

    func testAPendingInvoiceIsCancelledAndCannotBePaidAfterwards() async throws {
        let provider = try provider()
        let created = try await provider.createCheckout(try documentRequest())

        let cancelled = try await provider.cancelCheckout(id: created.id)

        XCTAssertEqual(cancelled.id, created.id)
        XCTAssertEqual(cancelled.status, .cancelled)
        XCTAssertEqual(cancelled.providerStatus, "cancelled")
        XCTAssertNil(cancelled.paid)
        XCTAssertThrowsError(try sandbox.pay(.usdtInvoice, id: created.id)) {
            XCTAssertEqual(($0 as? PaymentError)?.kind, .conflict)
        }
        let unknown = try await paymentError { try await provider.checkout(id: "5d7c1a2e-0000-4000-8000-999999999999") }
        XCTAssertEqual(unknown.kind, .notFound)
        XCTAssertEqual(unknown.message, "Invoice not found")
    }

    func testWhatTheInvoiceAPICannotExpressIsRefusedBeforeSending() async throws {
        let provider = try provider()
        let valid = try documentRequest()
        var requests: [(String, CheckoutRequest)] = [
            ("fiat", CheckoutRequest(amount: try Money("10.00", .usd), orderReference: "o-1")),
            ("bitcoin", CheckoutRequest(amount: try Money("0.001", .btc), orderReference: "o-2")),
            (
                "other pay asset",
                CheckoutRequest(amount: Money(1, .usdtTron), payAsset: .usdtBSC, orderReference: "o-3")
            ),
            ("5 decimals", CheckoutRequest(amount: try Money("1.00001", .usdtTron), orderReference: "o-4")),
            ("zero", CheckoutRequest(amount: Money(0, .usdtTron), orderReference: "o-5")),
            (
                "long reference",
                CheckoutRequest(amount: Money(1, .usdtTron), orderReference: String(repeating: "r", count: 51))
            ),
            ("empty reference", CheckoutRequest(amount: Money(1, .usdtTron), orderReference: "")),
        ]
        for (name, expiry) in [
            ("expiry 299", Duration.seconds(299)), ("expiry 7201", .seconds(7201)),
            ("expiry 300.5", .milliseconds(300_500)),
        ] {
            var request = valid
            request.expiresIn = expiry
            requests.append((name, request))
        }
        var withCancel = valid
        withCancel.cancelURL = URL(string: "https://your-site.com/cancelled")
        var withEmail = valid
        withEmail.payerEmail = "payer@example.com"
        requests += [("cancel URL", withCancel), ("payer e-mail", withEmail)]

        for (name, request) in requests {
            let error = try await paymentError { try await provider.createCheckout(request) }
            XCTAssertEqual(error.kind, .invalidRequest, name)
            XCTAssertEqual(error.provider, .usdtInvoice, name)
            XCTAssertEqual(error.operation, "checkouts.create", name)
            XCTAssertTrue(error.message.contains("usdtinvoice") == true, "\(name): \(error.message)")
        }
        let page = try await client().invoices.list()
        XCTAssertTrue(page.items.isEmpty, "nothing was created")
        let logs = try await client().account.apiLogs()
        XCTAssertEqual(logs.map(\.endpoint), ["/api/v1/invoices"], "the list above is the only request that arrived")

        var ethereum = valid
        ethereum.amount = Money(7, .usdtEthereum)
        let accepted = try await provider.createCheckout(ethereum)
        XCTAssertEqual(accepted.native(as: USDTInvoiceDetails.self)?.assetCode, .usdtERC20)
    }

    func testWrongCredentialsGetTheProvidersOwn401() async throws {
        let provider = try provider(key: "test_not_the_sandbox_key")

        let error = try await paymentError { try await provider.checkout(id: self.firstID) }

        XCTAssertEqual(error.kind, .authentication)
        XCTAssertEqual(error.httpStatus, 401)
        XCTAssertEqual(error.message, "Invalid API key")
        XCTAssertEqual(error.providerCode, "Unauthorized")
        XCTAssertFalse(String(describing: error).contains("test_not_the_sandbox_key"))
    }

    func testForgedAndTamperedWebhooksAreRejected() async throws {
        let provider = try provider()
        let created = try await provider.createCheckout(try documentRequest())
        let genuine = try XCTUnwrap(try sandbox.pay(.usdtInvoice, id: created.id).first)
        let text = String(decoding: genuine.body, as: UTF8.self)

        var tampered = genuine
        tampered.body = Data(text.replacingOccurrences(of: "150.0000", with: "1500.0000").utf8)
        var forged = genuine
        forged.body = Data(text.replacingOccurrences(of: "ORDER-12345", with: "ORDER-99999").utf8)
        forged.headers = try HMACHeaderSignatureScheme.sign(
            body: forged.body, secret: "not_the_webhook_secret", headerName: "X-Webhook-Signature")
        var otherReference = genuine
        otherReference.headers["X-Invoice-Reference"] = "ORDER-99999"
        var unsigned = genuine
        unsigned.headers["X-Webhook-Signature"] = nil

        let cases: [(WebhookRequest, WebhookRejectionReason)] = [
            (tampered, .noMatchingSignature), (forged, .noMatchingSignature),
            (otherReference, .malformedHeader("X-Invoice-Reference")),
            (unsigned, .missingHeader("X-Webhook-Signature")),
        ]
        for (request, reason) in cases {
            let error = try await paymentError { try await provider.verifyWebhook(request) }
            XCTAssertEqual(error.kind, .webhookRejected)
            XCTAssertEqual(error.webhookRejection, reason)
            XCTAssertFalse(String(describing: error).contains(credentials.webhookSecret))
        }
        let withoutSecret = USDTInvoiceProvider(client: try client(), webhook: nil)
        let refused = try await paymentError { try await withoutSecret.verifyWebhook(genuine) }
        XCTAssertEqual(refused.kind, .invalidRequest)
    }

    func testRegistryRoutesTheWebhookToTheInvoiceProvider() async throws {
        let providers = ProviderRegistry([try provider()])
        let created = try await providers.provider(.usdtInvoice).createCheckout(try documentRequest())
        let delivery = try XCTUnwrap(try sandbox.pay(.usdtInvoice, id: created.id).first)

        let event = try await providers.verifyWebhook(delivery, for: .usdtInvoice)

        XCTAssertEqual(event.checkoutID, created.id)
        XCTAssertEqual(event.status, .paid)
    }

    // MARK: The provider's own API on the sandbox

    func testTheProvidersSandboxEndpointsPayExpireAndTestWebhooks() async throws {
        let client = try client()
        let first = try await client.invoices.create(
            USDTInvoiceParameters(amount: Money(150, .usdtTron), reference: "ORDER-A"))
        let second = try await client.invoices.create(
            USDTInvoiceParameters(
                amount: Money(20, .usdtTron), reference: "ORDER-B",
                callbackURL: URL(string: "https://your-site.com/webhook")))
        let third = try await client.invoices.create(
            USDTInvoiceParameters(amount: Money(30, .usdtTron), reference: "ORDER-C"))

        let paid = try await client.sandbox.simulatePayment(invoiceID: first.id)
        XCTAssertEqual(paid.success, true)
        XCTAssertEqual(paid.message, "Payment simulated")
        XCTAssertEqual(paid.invoice?.status, .confirmed)
        let retrieved = try await client.invoices.retrieve(id: first.id)
        XCTAssertEqual(retrieved.status, .confirmed)
        let again = try await paymentError { try await client.sandbox.simulatePayment(invoiceID: first.id) }
        XCTAssertEqual(again.kind, .validation)
        XCTAssertEqual(again.message, "Invoice is confirmed, not pending")

        let delayed = try await client.sandbox.simulatePayment(invoiceID: second.id, delaySeconds: 60)
        XCTAssertEqual(delayed.invoice?.status, .pending)
        XCTAssertEqual(delayed.message, "Payment will be confirmed in 60 seconds")
        clock.advance(by: .seconds(59))
        let beforeDelay = try await client.invoices.retrieve(id: second.id)
        XCTAssertEqual(beforeDelay.status, .pending)
        clock.advance(by: .seconds(1))
        let afterDelay = try await client.invoices.retrieve(id: second.id)
        XCTAssertEqual(afterDelay.status, .confirmed)

        let expired = try await client.sandbox.triggerExpiry(invoiceID: third.id)
        XCTAssertEqual(expired.message, "Invoice expired")
        XCTAssertEqual(expired.invoice?.status, .expired)

        let test = try await client.sandbox.testWebhook(invoiceID: second.id)
        XCTAssertEqual(test.success, true)
        XCTAssertEqual(test["url"], "https://your-site.com/webhook")
        let noURL = try await paymentError { try await client.sandbox.testWebhook(invoiceID: first.id) }
        XCTAssertEqual(noURL.kind, .validation)
        let missing = try await paymentError { try await client.sandbox.triggerExpiry(invoiceID: "nope") }
        XCTAssertEqual(missing.kind, .notFound)
    }

    func testLiveKeysCreateRealInvoicesAndTheSandboxEndpointsRefuseThem() async throws {
        let live = try client(key: liveKey)
        XCTAssertEqual(live.mode, .live)
        let real = try await live.invoices.create(
            USDTInvoiceParameters(amount: Money(10, .usdtTron), reference: "LIVE-1"))
        XCTAssertEqual(real.isTest, false)

        let refused = try await raw(
            .post, "/api/v1/sandbox/simulate-payment", body: #"{"invoiceId":"\#(real.id)"}"#, key: liveKey)
        XCTAssertEqual(refused.status, 403)
        XCTAssertEqual(
            refused.body,
            [
                "statusCode": 403, "message": "Sandbox endpoints require a test API key (test_...)",
                "error": "Forbidden",
            ])
        let clientSide = try await paymentError { try await live.sandbox.simulatePayment(invoiceID: real.id) }
        XCTAssertEqual(clientSide.kind, .invalidRequest, "the typed client refuses before sending")

        let notTest = try await paymentError { try await self.client().sandbox.simulatePayment(invoiceID: real.id) }
        XCTAssertEqual(notTest.kind, .validation)
        XCTAssertEqual(notTest.message, "Only test invoices can be simulated")
    }

    func testCreateOrRetrieveFindsTheInvoiceByReferenceAfterAConflict() async throws {
        let client = try client()
        let reference = "ORDER 7/7"
        let parameters = USDTInvoiceParameters(amount: try Money("12.3456", .usdtTron), reference: reference)
        let created = try await client.invoices.create(parameters)

        let duplicate = try await paymentError { try await client.invoices.create(parameters) }
        XCTAssertEqual(duplicate.kind, .conflict)
        XCTAssertEqual(duplicate.message, "Invoice with this reference already exists")

        let found = try await client.invoices.createOrRetrieve(parameters)
        XCTAssertEqual(found.id, created.id)
        XCTAssertEqual(found.amountUSDTExact, try decimal("12.3456"))
        let byReference = try await client.invoices.retrieve(reference: reference)
        XCTAssertEqual(byReference.id, created.id)
        let page = try await client.invoices.list()
        XCTAssertEqual(page.items.map(\.id), [created.id])

        let otherAmount = try await paymentError {
            try await client.invoices.createOrRetrieve(
                USDTInvoiceParameters(amount: Money(13, .usdtTron), reference: reference))
        }
        XCTAssertEqual(otherAmount.kind, .conflict)
    }

    func testTheSimulatorAnswersBadRequestsWithTheProvidersErrorBodies() async throws {
        let decimals = try await raw(
            .post, "/api/v1/invoices", body: #"{"amountUsdt":150.12345,"assetCode":"USDT_TRC20"}"#)
        XCTAssertEqual(decimals.status, 400)
        XCTAssertEqual(
            decimals.body,
            ["statusCode": 400, "message": "Amount must have at most 4 decimal places", "error": "Bad Request"])

        let invalid = try await raw(
            .post, "/api/v1/invoices", body: #"{"amountUsdt":"150","assetCode":"BTC","expirySeconds":299,"colour":1}"#)
        XCTAssertEqual(invalid.status, 400)
        XCTAssertEqual(
            invalid.body["message"],
            [
                "property colour should not exist",
                "amountUsdt must be a number conforming to the specified constraints",
                "assetCode must be one of the following values: USDT_TRC20, USDT_ERC20, USDT_BSC",
                "expirySeconds must not be less than 300",
            ])

        let created = try await raw(
            .post, "/api/v1/invoices",
            body: #"{"amountUsdt":150.0000,"assetCode":"USDT_TRC20","useWhiteLabel":true,"title":"Order #12345"}"#)
        XCTAssertEqual(created.status, 201)
        XCTAssertEqual(created.body["reference"], "INV-00000001", "a reference is generated when none is given")
        XCTAssertEqual(created.body["amountUsdtExact"], "150.0000")
        XCTAssertEqual(created.body["whiteLabel"]?["network"], "tron")
        XCTAssertEqual(created.body["whiteLabel"]?["networkLabel"], "Tron (TRC20)")
        XCTAssertEqual(created.body["whiteLabel"]?["title"], "Order #12345")
        XCTAssertEqual(created.body["whiteLabel"]?["qrData"], .string(tronWallet))

        let notFound = try await raw(.get, "/api/v1/invoices/nope")
        XCTAssertEqual(notFound.status, 404)
        XCTAssertEqual(notFound.body, ["statusCode": 404, "message": "Invoice not found", "error": "Not Found"])
        let noRoute = try await raw(.get, "/api/v1/payments")
        XCTAssertEqual(noRoute.body["message"], "Cannot GET /api/v1/payments")
        let unauthorized = try await raw(.get, "/api/v1/account", key: "test_wrong")
        XCTAssertEqual(unauthorized.status, 401)
        XCTAssertEqual(unauthorized.body, ["statusCode": 401, "message": "Invalid API key", "error": "Unauthorized"])
    }

    func testAccountListAndLogsReflectTheSandboxState() async throws {
        let client = try client()
        let first = try await client.invoices.create(
            USDTInvoiceParameters(amount: Money(150, .usdtTron), reference: "ORDER-1"))
        let second = try await client.invoices.create(
            USDTInvoiceParameters(amount: try Money("25.5", .usdtBSC), reference: "ORDER-2"))
        try sandbox.pay(.usdtInvoice, id: first.id)

        let account = try await client.account.retrieve()
        XCTAssertEqual(account.status, "active")
        XCTAssertEqual(account["statistics"]?["totalInvoices"], 2)
        XCTAssertEqual(account["statistics"]?["confirmedInvoices"], 1)
        XCTAssertEqual(account["statistics"]?["pendingInvoices"], 1)
        XCTAssertEqual(account["statistics"]?["totalVolumeUsdt"], "150.0000")

        let page = try await client.invoices.list(page: 1, limit: 1)
        XCTAssertEqual(page.items.map(\.id), [second.id], "newest first")
        XCTAssertEqual(page.total, 2)
        XCTAssertEqual(page.hasNextPage, true)
        var all: [String] = []
        for try await invoice in try client.invoices.all(pageSize: 1) { all.append(invoice.reference) }
        XCTAssertEqual(all, ["ORDER-2", "ORDER-1"])

        let logs = try await client.account.apiLogs(limit: 2)
        XCTAssertEqual(logs.map(\.method), ["GET", "GET"])
        XCTAssertEqual(logs.map(\.statusCode), [200, 200])
        XCTAssertEqual(logs.first?.endpoint, "/api/v1/invoices")
        XCTAssertEqual(logs.first?.createdAt, Self.start)
    }
}
