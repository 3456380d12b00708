import CryptoPay
import CryptoPaySandbox
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// The POS API through ``PaymentProvider`` on the sandbox: quote + start, pay, unsigned webhook confirmed by
/// CheckPayment, fetch; partial, over, cancel, accept, refund; refusals, credentials and forged webhooks.
final class OpenPOSSandboxTests: XCTestCase {
    /// 2024-01-15T10:30:00Z, the document's webhook timestamp.
    private static let now = Date(timeIntervalSince1970: 1_705_314_600)
    /// `Basic base64("sandbox_openpos_user:sandbox_openpos_key")`, computed with Python's `base64`.
    private static let authorization = "Basic c2FuZGJveF9vcGVucG9zX3VzZXI6c2FuZGJveF9vcGVucG9zX2tleQ=="
    private static let firstID = "00000000-0000-4000-8000-000000000001"

    private let sandbox = SandboxTransport(clock: WaitClock(now: { OpenPOSSandboxTests.now }, sleep: { _ in }))
    private lazy var recorder = RecordingTransport(sandbox)

    private func client(
        username: String = SandboxCredentials.openPOS.username,
        apiKey: String = SandboxCredentials.openPOS.apiKey,
        addressBook: (any OpenPOSAddressBook)? = nil
    ) throws -> OpenPOSClient {
        try OpenPOSClient(
            username: username,
            apiKey: apiKey,
            posID: "POS1",
            configuration: ClientConfiguration(
                baseURL: try sandbox.baseURL(for: .openPOS), transport: recorder, retryPolicy: .none),
            addressBook: addressBook
        )
    }

    private func provider(apiKey: String = SandboxCredentials.openPOS.apiKey) throws -> OpenPOSProvider {
        OpenPOSProvider(client: try client(apiKey: apiKey))
    }

    private func request(_ amount: Money = Money(Decimal(4825) / 100, .eur), payAsset: Asset? = .btc)
        -> CheckoutRequest
    {
        CheckoutRequest(amount: amount, payAsset: payAsset, orderReference: "order-1")
    }

    private func rejection(_ body: @escaping () async throws -> Void) async throws -> PaymentError {
        do {
            try await body()
        } catch let error as PaymentError {
            return error
        }
        XCTFail("expected a PaymentError")
        return PaymentError.invalidRequest("no error")
    }

    // MARK: Create → pay → webhook → verify → fetch

    func testCheckoutIsQuotedStartedPaidAndTheLookupConfirmsTheWebhook() async throws {
        let provider = try provider()
        let created = try await provider.createCheckout(request())

        XCTAssertEqual(created.id, Self.firstID)
        XCTAssertEqual(created.provider, .openPOS)
        XCTAssertEqual(created.status, .pending)
        XCTAssertEqual(created.providerStatus, "waiting")
        XCTAssertEqual(created.requested, try Money("48.25", .eur))
        XCTAssertNil(created.paid)
        XCTAssertEqual(created.payAddress, "SBX-BTC-000001")
        XCTAssertEqual(created.payAsset, .btc)
        XCTAssertNil(created.paymentURL)
        XCTAssertNil(created.expiresAt)
        let started = try XCTUnwrap(created.native(as: OpenPOSStartedPayment.self))
        XCTAssertEqual(started.quote.rate, 50_000)
        XCTAssertEqual(started.quote.amountExchange, try decimal("0.000965"))
        XCTAssertEqual(started.quote.networkProcessingFee, try decimal("0.00000152"))
        XCTAssertEqual(started.payment.quote.amountDue, try Money("0.00096652", .btc))
        XCTAssertEqual(started.payment.qr, "bitcoin:SBX-BTC-000001?amount=0.00096652")
        XCTAssertEqual(
            started.payment.qrImage?.absoluteString,
            "https://openpos.sandbox.cryptopay.invalid/api/qr/?d=bitcoin%3ASBX-BTC-000001%3Famount%3D0.00096652")

        let requests = recorder.requests
        XCTAssertEqual(requests.count, 2)
        try requests[0].expect(.get, "/v2/GetRate/")
        try requests[0].expectQuery([
            ("pos_id", "POS1"), ("invoice_currency", "EUR"), ("invoice_amount", "48.25"), ("currency", "BTC"),
        ])
        try requests[0].expectHeader("Authorization", Self.authorization)
        XCTAssertTrue(requests[0].request.isIdempotent)
        try requests[1].expect(.get, "/v2/StartPayment/")
        try requests[1].expectQuery([
            ("pos_id", "POS1"), ("invoice_currency", "EUR"), ("payment_id", Self.firstID),
            ("invoice_amount", "48.25"), ("currency", "BTC"), ("reference_no", "order-1"),
        ])
        XCTAssertFalse(requests[1].request.isIdempotent)

        let waiting = try await provider.checkout(id: created.id)
        XCTAssertEqual(waiting.status, .pending)
        XCTAssertEqual(waiting.providerStatus, "waiting")
        XCTAssertEqual(waiting.paid, Money(0, .btc))
        try recorder.requests[2].expect(.get, "/v2/CheckPayment/")
        try recorder.requests[2].expectQuery([
            ("pos_id", "POS1"), ("currency", "BTC"), ("payment_id", Self.firstID), ("address", "SBX-BTC-000001"),
        ])

        let deliveries = try sandbox.pay(.openPOS, id: created.id)
        XCTAssertEqual(deliveries.count, 1)
        let delivery = try XCTUnwrap(deliveries.first)
        XCTAssertEqual(
            try JSONDecoder().decode(JSONValue.self, from: delivery.body),
            [
                "event": "payment.confirmed", "payment_id": .string(Self.firstID), "pos_id": "POS1",
                "status": "confirmed", "amount": "0.00096652", "currency": "BTC",
                "timestamp": "2024-01-15T10:30:00Z",
            ])
        XCTAssertEqual(delivery.headers.map(\.name), ["Content-Type"])

        let event = try await provider.verifyWebhook(delivery)
        XCTAssertEqual(event.provider, .openPOS)
        XCTAssertEqual(event.authentication, .lookup)
        XCTAssertEqual(event.idempotencyKey, "\(Self.firstID):payment.confirmed")
        XCTAssertEqual(event.checkoutID, created.id)
        XCTAssertEqual(event.status, .paid)
        XCTAssertEqual(event.providerStatus, "confirmed")
        XCTAssertEqual(event.requested, try Money("48.25", .eur))
        XCTAssertEqual(event.paid, try Money("0.00096652", .btc))
        let native = try XCTUnwrap(event.native(as: OpenPOSPaymentEvent.self))
        XCTAssertEqual(native.type, .paymentConfirmed)
        XCTAssertEqual(native.payment.confirmations, 2)
        XCTAssertEqual(native.payment.minConfirmations, 2)
        XCTAssertEqual(native.payment.referenceNumber, "order-1")
        XCTAssertEqual(native.payment.refundAmountOpened, try decimal("0.00096652"))

        let final = try await provider.checkout(id: created.id)
        XCTAssertEqual(final.status, .paid)
        XCTAssertEqual(final.providerStatus, "confirmed")
        XCTAssertEqual(final.paid, try Money("0.00096652", .btc))
        XCTAssertEqual(final.payAddress, "SBX-BTC-000001")
    }

    func testPartialPaymentIsUnderpaidUntilTheRestArrives() async throws {
        let provider = try provider()
        let created = try await provider.createCheckout(request())

        let underpaid = try XCTUnwrap(try sandbox.pay(.openPOS, id: created.id, .fraction(try decimal("0.5"))).first)
        let event = try await provider.verifyWebhook(underpaid)
        XCTAssertEqual(event.idempotencyKey, "\(created.id):payment.underpaid")
        XCTAssertEqual(event.status, .partiallyPaid)
        XCTAssertEqual(event.providerStatus, "underpaid")
        XCTAssertEqual(event.paid, try Money("0.00048326", .btc))
        let check = try XCTUnwrap(event.native(as: OpenPOSPaymentEvent.self)).payment
        XCTAssertEqual(check.refundAmountOpened, try decimal("0.00048326"))
        XCTAssertEqual(check.outstanding, try Money("0.00048326", .btc))
        XCTAssertFalse(check.confirmed)

        let rest = try XCTUnwrap(try sandbox.pay(.openPOS, id: created.id).first)
        let confirmed = try await provider.verifyWebhook(rest)
        XCTAssertEqual(confirmed.status, .paid)
        XCTAssertEqual(confirmed.providerStatus, "confirmed")
        XCTAssertEqual(confirmed.paid, try Money("0.00096652", .btc))
        XCTAssertThrowsError(try sandbox.pay(.openPOS, id: created.id)) {
            XCTAssertEqual(($0 as? PaymentError)?.kind, .conflict)
        }
    }

    func testOverpaymentConfirmsWithTheAmountReceived() async throws {
        let provider = try provider()
        let created = try await provider.createCheckout(request())
        let delivery = try XCTUnwrap(try sandbox.pay(.openPOS, id: created.id, .over(try decimal("0.1"))).first)

        let event = try await provider.verifyWebhook(delivery)

        XCTAssertEqual(event.status, .paid)
        XCTAssertEqual(event.providerStatus, "confirmed")
        XCTAssertEqual(event.paid, try Money("0.00106317", .btc))
        XCTAssertEqual(event.checkout?.native(as: OpenPOSPaymentCheck.self)?.amount, try decimal("0.00096652"))
    }

    func testAnUnderpaymentIsAcceptedOnlyForTheAmountReceived() async throws {
        let client = try client(addressBook: OpenPOSInMemoryAddressBook())
        let provider = OpenPOSProvider(client: client)
        let created = try await provider.createCheckout(request())
        try sandbox.pay(.openPOS, id: created.id, .fraction(try decimal("0.25")))
        let recorded = try await provider.addressBook.reference(forPaymentID: created.id)
        let reference = try XCTUnwrap(recorded)

        let wrong = try await rejection {
            _ = try await client.acceptPayment(reference, amount: try XCTUnwrap(OpenPOSWireAmount("0.0001")))
        }
        XCTAssertEqual(wrong.kind, .validation)
        XCTAssertEqual(wrong.httpStatus, 200)
        XCTAssertEqual(wrong.message, "accepted_amount must match the payment received (0.00024163)")
        XCTAssertEqual(wrong.outcome, .notApplied)

        let check = try await client.checkPayment(reference)
        let accepted = try await client.acceptPayment(reference, check: check)
        XCTAssertTrue(accepted.success)
        let final = try await provider.checkout(id: created.id)
        XCTAssertEqual(final.status, .paid)
        XCTAssertEqual(final.providerStatus, "confirmed")
        XCTAssertEqual(final.paid, try Money("0.00024163", .btc))
    }

    /// 48.25 EUR in LTC is `0.4825 + 0.0001 = 0.48260000`; half of it arrives, and CheckPayment reports
    /// `0.24130000`, which AcceptPayment and RefundPayment must send back as such, not as `0.2413`.
    func testAcceptAndRefundSendCheckPaymentsOwnDigits() async throws {
        let client = try client(addressBook: OpenPOSInMemoryAddressBook())
        let provider = OpenPOSProvider(client: client)
        let accepted = try await provider.createCheckout(request(payAsset: .ltc))
        let refunded = try await provider.createCheckout(
            CheckoutRequest(amount: try Money("48.25", .eur), payAsset: .ltc, orderReference: "order-2"))
        var checks: [OpenPOSPaymentCheck] = []
        var references: [OpenPOSPaymentReference] = []
        for created in [accepted, refunded] {
            try sandbox.pay(.openPOS, id: created.id, .fraction(try decimal("0.5")))
            let recorded = try await provider.addressBook.reference(forPaymentID: created.id)
            references.append(try XCTUnwrap(recorded))
            checks.append(try await client.checkPayment(try XCTUnwrap(references.last)))
        }
        XCTAssertEqual(checks.map { $0.paymentAsSent?.text }, ["0.24130000", "0.24130000"])

        let plainText = OpenPOSWireAmount(try decimal("0.2413"))
        let plain = try await rejection {
            _ = try await client.acceptPayment(references[0], amount: plainText)
        }
        XCTAssertEqual(plain.message, "accepted_amount must match the payment received (0.24130000)")
        let acceptance = try await client.acceptPayment(references[0], check: checks[0])
        XCTAssertTrue(acceptance.success)
        _ = try await client.refundPayment(
            try OpenPOSRefundRequest(check: checks[1], paymentID: refunded.id, to: "payer-address"))

        let final = try await [provider.checkout(id: accepted.id), provider.checkout(id: refunded.id)]
        XCTAssertEqual(final.map(\.status), [.paid, .refunded])
        XCTAssertEqual(final.map(\.providerStatus), ["confirmed", "refunded"])
        XCTAssertEqual(
            recorder.requests.compactMap { request in
                request.queryItems.first { $0.name == "accepted_amount" || $0.name == "refund_amount" }?.value
            },
            ["0.2413", "0.24130000", "0.24130000"])
    }

    func testARefundMustMatchTheOpenedAmountAndRefundsThePayment() async throws {
        let client = try client(addressBook: OpenPOSInMemoryAddressBook())
        let provider = OpenPOSProvider(client: client)
        let created = try await provider.createCheckout(request())
        try sandbox.pay(.openPOS, id: created.id)
        let paid = try await provider.checkout(id: created.id)
        let check = try XCTUnwrap(paid.native(as: OpenPOSPaymentCheck.self))

        let wrong = try await rejection {
            _ = try await client.refundPayment(
                OpenPOSRefundRequest(
                    paymentID: created.id, to: "payer-address", amount: OpenPOSWireAmount(1), currency: .btc))
        }
        XCTAssertEqual(wrong.message, "refund_amount must match refund_amount_opened (0.00096652)")

        let refund = try await client.refundPayment(
            try OpenPOSRefundRequest(check: check, paymentID: created.id, to: "payer-address"))
        XCTAssertEqual(refund.waitDuration, .seconds(7200))
        try recorder.requests.last?.expectQuery([
            ("pos_id", "POS1"), ("currency", "BTC"), ("payment_id", created.id), ("address_out", "payer-address"),
            ("refund_amount", "0.00096652"),
        ])
        let refunded = try await provider.checkout(id: created.id)
        XCTAssertEqual(refunded.status, .refunded)
        XCTAssertEqual(refunded.providerStatus, "refunded")
    }

    func testCancelBeforeAnyTransactionAndConflictAfterOne() async throws {
        let provider = try provider()
        let first = try await provider.createCheckout(request())

        let cancelled = try await provider.cancelCheckout(id: first.id)

        XCTAssertEqual(cancelled.status, .cancelled)
        XCTAssertEqual(cancelled.providerStatus, "cancelled")
        XCTAssertEqual(recorder.requests.map(\.path).suffix(2), ["/v2/CancelPayment/", "/v2/CheckPayment/"])
        XCTAssertFalse(try XCTUnwrap(recorder.requests.dropLast().last).request.isIdempotent)
        XCTAssertThrowsError(try sandbox.pay(.openPOS, id: first.id)) {
            XCTAssertEqual(($0 as? PaymentError)?.kind, .conflict)
        }

        let second = try await provider.createCheckout(request())
        try sandbox.pay(.openPOS, id: second.id, .fraction(try decimal("0.5")))
        let refused = try await rejection { _ = try await provider.cancelCheckout(id: second.id) }
        XCTAssertEqual(refused.kind, .conflict)
        XCTAssertEqual(refused.operation, "cancelPayment")
    }

    func testExpiryIsRefusedBecauseTheAPIHasNone() async throws {
        let provider = try provider()
        let created = try await provider.createCheckout(request())

        XCTAssertThrowsError(try sandbox.expire(.openPOS, id: created.id)) {
            XCTAssertEqual(($0 as? PaymentError)?.kind, .invalidRequest)
            XCTAssertTrue("\($0)".contains("no expiry"), "\($0)")
        }
        XCTAssertThrowsError(try sandbox.expire(.openPOS, id: "missing")) {
            XCTAssertEqual(($0 as? PaymentError)?.kind, .notFound)
        }
        let unchanged = try await provider.checkout(id: created.id)
        XCTAssertEqual(unchanged.status, .pending)
    }

    // MARK: Refusals, credentials, unknown ids

    func testRequestsTheAPICannotExpressAreRefusedBeforeSending() async throws {
        let provider = try provider()
        let eur = Money(10, .eur)
        var cases: [(CheckoutRequest, String)] = [
            (request(Money(1, .btc)), "fiat"),
            (request(eur, payAsset: nil), "set payAsset"),
            (request(eur, payAsset: .usdtTron), "cannot choose a network"),
            (request(eur, payAsset: .usd), "takes a cryptocurrency"),
        ]
        let extras: [(inout CheckoutRequest) -> Void] = [
            { $0.description = "Order 1" }, { $0.payerEmail = "payer@example.com" },
            { $0.successURL = URL(string: "https://shop.example/ok") },
            { $0.cancelURL = URL(string: "https://shop.example/no") },
            { $0.callbackURL = URL(string: "https://shop.example/hook") }, { $0.expiresIn = .seconds(600) },
            { $0.metadata = ["order": "1"] },
        ]
        for (extra, expected) in zip(
            extras,
            [
                "a description", "a payer e-mail", "a success URL", "a cancel URL", "a callback URL", "an expiry",
                "metadata",
            ]
        ) {
            var request = request(eur)
            extra(&request)
            cases.append((request, "openpos cannot take \(expected)"))
        }
        for (request, expected) in cases {
            let error = try await rejection { _ = try await provider.createCheckout(request) }
            XCTAssertEqual(error.kind, .invalidRequest, expected)
            XCTAssertEqual(error.provider, .openPOS)
            XCTAssertEqual(error.operation, "checkouts.create")
            XCTAssertTrue(error.message.contains(expected), "\(error.message) lacks \(expected)")
        }
        XCTAssertTrue(recorder.requests.isEmpty)
    }

    func testACurrencyTheSandboxDoesNotListGetsTheProviders400() async throws {
        let provider = try provider()
        let error = try await rejection {
            _ = try await provider.createCheckout(self.request(Money(10, .usd), payAsset: Asset(code: "DOGE")))
        }
        XCTAssertEqual(error.kind, .validation)
        XCTAssertEqual(error.httpStatus, 400)
        XCTAssertEqual(error.message, "Invalid parameters: currency")
        XCTAssertEqual(error.operation, "getRate")
        XCTAssertEqual(recorder.requests.count, 1)
    }

    func testWrongCredentialsGetTheProviders401() async throws {
        for client in [try client(apiKey: "not-the-sandbox-key"), try client(username: "someone-else")] {
            let error = try await rejection {
                _ = try await OpenPOSProvider(client: client).createCheckout(self.request())
            }
            XCTAssertEqual(error.kind, .authentication)
            XCTAssertEqual(error.httpStatus, 401)
            XCTAssertEqual(error.message, "Invalid API key or authentication failed")
            XCTAssertEqual(error.operation, "getRate")
            XCTAssertFalse("\(error)".contains("not-the-sandbox-key"))
        }
    }

    func testUnknownCheckoutIsNotFoundWithoutSendingAndAnotherAddressBookCannotSeeIt() async throws {
        let first = try provider()
        let created = try await first.createCheckout(request())
        let other = try provider()
        let sent = recorder.requests.count

        for id in ["missing", created.id] {
            let error = try await rejection { _ = try await other.checkout(id: id) }
            XCTAssertEqual(error.kind, .notFound)
            XCTAssertEqual(error.operation, "checkouts.retrieve")
            XCTAssertTrue(error.message.contains("payment \(id)"), error.message)
            let cancel = try await rejection { _ = try await other.cancelCheckout(id: id) }
            XCTAssertEqual(cancel.kind, .notFound)
        }
        XCTAssertEqual(recorder.requests.count, sent)
    }

    func testTheClientsAddressBookIsTheOneTheAdapterUses() async throws {
        let addresses = OpenPOSInMemoryAddressBook()
        let provider = OpenPOSProvider(client: try client(addressBook: addresses))
        let created = try await provider.createCheckout(request())

        let reference = await addresses.reference(forPaymentID: created.id)
        XCTAssertEqual(
            reference,
            OpenPOSPaymentReference(paymentID: created.id, currency: .btc, address: "SBX-BTC-000001"))
        XCTAssertTrue(provider.addressBook as AnyObject === addresses)
    }

    // MARK: Webhooks that must not pass

    func testForgedAndTamperedWebhooksAreRejectedByTheLookup() async throws {
        let provider = try provider()
        let created = try await provider.createCheckout(request())
        func delivery(_ json: String) -> WebhookRequest {
            WebhookRequest(body: Data(json.utf8), headers: ["Content-Type": "application/json"])
        }

        let forged = try await rejection {
            _ = try await provider.verifyWebhook(
                delivery(
                    #"{"event":"payment.confirmed","payment_id":"\#(created.id)","pos_id":"POS1","status":"confirmed","amount":"0.00096652","currency":"BTC"}"#
                ))
        }
        XCTAssertEqual(forged.kind, .webhookRejected)
        XCTAssertEqual(forged.webhookRejection, .notConfirmedByProvider(field: "status"))

        let genuine = try XCTUnwrap(try sandbox.pay(.openPOS, id: created.id).first)
        let body = String(decoding: genuine.body, as: UTF8.self)
        let tampered = try await rejection {
            _ = try await provider.verifyWebhook(
                delivery(body.replacingOccurrences(of: "0.00096652", with: "0.50000000")))
        }
        XCTAssertEqual(tampered.webhookRejection, .notConfirmedByProvider(field: "amount"))
        let otherEvent = try await rejection {
            _ = try await provider.verifyWebhook(
                delivery(body.replacingOccurrences(of: "payment.confirmed", with: "payment.refunded")))
        }
        XCTAssertEqual(otherEvent.webhookRejection, .notConfirmedByProvider(field: "event"))
        let unknown = try await rejection {
            _ = try await provider.verifyWebhook(
                delivery(body.replacingOccurrences(of: created.id, with: "00000000-0000-4000-8000-999999999999")))
        }
        // No address is recorded for it, so CheckPayment cannot be asked: not a rejection (another process may
        // have started it), nothing is sent, and the route answers 5xx.
        XCTAssertEqual(unknown.kind, .invalidRequest)
        XCTAssertNil(unknown.webhookRejection)
        let malformed = try await rejection { _ = try await provider.verifyWebhook(delivery("{\"event\": 1}")) }
        XCTAssertEqual(malformed.webhookRejection, .malformedPayload)

        let event = try await provider.verifyWebhook(genuine)
        XCTAssertEqual(event.status, .paid)
    }

    // MARK: The rest of the simulated API

    func testTheSimulatorAnswersErrorsAsTheDocumentShows() async throws {
        let base = try sandbox.baseURL(for: .openPOS)
        func get(_ path: String, authorization: String? = OpenPOSSandboxTests.authorization) async throws
            -> (Int, JSONValue)
        {
            var headers = HeaderFields()
            if let authorization { headers["Authorization"] = authorization }
            let response = try await sandbox.send(
                TransportRequest(
                    method: .get, url: try XCTUnwrap(URL(string: base.absoluteString + path)), headers: headers))
            return (response.statusCode, try JSONDecoder().decode(JSONValue.self, from: response.body))
        }

        let unauthorized = try await get("/GetCurrencyList/?pos_id=POS1", authorization: nil)
        XCTAssertEqual(unauthorized.0, 401)
        XCTAssertEqual(unauthorized.1, ["err": "Invalid API key or authentication failed"])
        for path in ["/GetBalance/?pos_id=POS1", "/GetRate?pos_id=POS1", "/v3/GetRate/?pos_id=POS1"] {
            let missing = try await get(path)
            XCTAssertEqual(missing.0, 404, path)
            XCTAssertEqual(missing.1, ["err": "Invalid endpoint"])
        }
        let noPOS = try await get("/GetRate/?invoice_currency=EUR&invoice_amount=1&currency=BTC")
        XCTAssertEqual(noPOS.0, 400)
        XCTAssertEqual(noPOS.1, ["err": "Invalid parameters: pos_id"])
        let invalid = try await get("/GetRate/?pos_id=POS1&invoice_currency=BTC&invoice_amount=-1&currency=BTC")
        XCTAssertEqual(invalid.1, ["err": "Invalid parameters: invoice_currency, invoice_amount"])
        let unknown = try await get(
            "/StartPayment/?pos_id=POS1&payment_id=nope&invoice_currency=EUR&invoice_amount=1&currency=BTC")
        XCTAssertEqual(unknown.0, 200)
        XCTAssertEqual(unknown.1, ["err": "Payment not found"])
    }

    func testAStartedQuoteCannotBeStartedTwiceAndErrInA200IsAFailure() async throws {
        let client = try client()
        let quote = try await client.rate(for: OpenPOSQuoteRequest(invoice: Money(20, .usd), currency: .ltc))
        XCTAssertEqual(quote.amountDue, try Money("0.2001", .ltc))
        XCTAssertEqual(quote.fastTransactionFeeCurrency, "LTC/Byte")
        let payment = try await client.startPayment(
            OpenPOSStartPaymentRequest(quote: quote, acceptZeroConfirmations: true))
        XCTAssertEqual(payment.address, "SBX-LTC-000001")

        let again = try await rejection {
            _ = try await client.startPayment(OpenPOSStartPaymentRequest(quote: quote))
        }
        XCTAssertEqual(again.kind, .validation)
        XCTAssertEqual(again.httpStatus, 200)
        XCTAssertEqual(again.message, "Payment already started")
        XCTAssertEqual(again.outcome, .notApplied)

        let check = try await client.checkPayment(payment.reference)
        XCTAssertEqual(check.minConfirmations, 0)
        XCTAssertNil(check.referenceNumber)
        XCTAssertEqual(check.statusMessage, "Waiting for transaction.")
        let wrongAddress = try await rejection {
            _ = try await client.checkPayment(
                OpenPOSPaymentReference(paymentID: payment.paymentID, currency: .ltc, address: "elsewhere"))
        }
        XCTAssertEqual(wrongAddress.message, "Payment not found")
    }

    func testCurrencyListAndTransactionsReflectTheSandboxsState() async throws {
        let client = try client()
        let currencies = try await client.currencyList()
        XCTAssertEqual(currencies.symbols, ["BTC", "ETH", "LTC"])
        let provider = OpenPOSProvider(client: client)
        let paid = try await provider.createCheckout(request())
        try sandbox.pay(.openPOS, id: paid.id)
        let waiting = try await provider.createCheckout(request(Money(5, .usd), payAsset: .eth))

        let transactions = try await client.transactions()

        XCTAssertEqual(transactions.map(\.paymentID), [paid.id, waiting.id])
        let first = transactions[0]
        XCTAssertEqual(first.status, OpenPOSStatus(rawValue: "Confirmed", paymentStatus: .paid))
        XCTAssertEqual(first.posID, "POS1")
        XCTAssertEqual(first.invoiceAmount, try decimal("48.25"))
        XCTAssertEqual(first.amount, try decimal("0.00096652"))
        XCTAssertEqual(first.payment, try decimal("0.00096652"))
        XCTAssertEqual(first.refundAmountOpened, try decimal("0.00096652"))
        XCTAssertNil(first.refund)
        XCTAssertEqual(first.insertedAt, Self.now)
        XCTAssertEqual(first.confirmedAt, Self.now)
        XCTAssertNil(first.cancelledAt)
        XCTAssertEqual(first.type, .sell)
        XCTAssertNotNil(first.accessToken)
        XCTAssertEqual(transactions[1].status, OpenPOSStatus(rawValue: "Waiting", paymentStatus: .pending))
        XCTAssertEqual(transactions[1].amount, try decimal("0.00242"))
        try recorder.requests.last?.expectQuery([("pos_id", "POS1"), ("offset", "0"), ("limit", "20")])

        let page = try await client.transactions(offset: 1, limit: 5)
        XCTAssertEqual(page.map(\.paymentID), [waiting.id])
    }

    func testTheRegistryRoutesOpenPOSWebhooks() async throws {
        let providers = ProviderRegistry([try provider()])
        let created = try await providers.provider(.openPOS).createCheckout(request())
        let delivery = try XCTUnwrap(try sandbox.pay(.openPOS, id: created.id).first)

        let event = try await providers.verifyWebhook(delivery, for: .openPOS)

        XCTAssertEqual(event.checkoutID, created.id)
        XCTAssertEqual(event.authentication, .lookup)
    }
}

/// A transport that records every request before passing it on.
private final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    private let base: any HTTPTransport
    // Guards `recorded`.
    private let lock = NSLock()
    private var recorded: [RecordedRequest] = []

    init(_ base: any HTTPTransport) {
        self.base = base
    }

    var requests: [RecordedRequest] { lock.withLock { recorded } }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        lock.withLock { recorded.append(RecordedRequest(request)) }
        return try await base.send(request)
    }
}
