import CryptoPay
import CryptoPaySandbox
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// The Store Gateway through ``PaymentProvider`` on the sandbox: create, pay, signed webhooks, verify, fetch.
final class StoreGatewaySandboxTests: XCTestCase {
    /// 2024-03-01T12:00:00Z: the sandbox's clock, so that every date is exact.
    private static let start = Date(timeIntervalSince1970: 1_709_294_400)
    private let sandbox = SandboxTransport(clock: WaitClock(now: { StoreGatewaySandboxTests.start }, sleep: { _ in }))
    private let header = HMACHeaderSignatureScheme.storeGatewayHeaderName

    private func client(secret: String = SandboxCredentials.storeGateway.apiSecret) throws -> StoreGatewayClient {
        try StoreGatewayClient(
            apiKey: SandboxCredentials.storeGateway.apiKey,
            apiSecret: secret,
            configuration: ClientConfiguration(baseURL: try sandbox.baseURL(for: .storeGateway), transport: sandbox)
        )
    }

    private func provider(secret: String = SandboxCredentials.storeGateway.apiSecret) throws -> StoreGatewayProvider {
        StoreGatewayProvider(
            client: try client(secret: secret),
            webhook: try StoreGatewayWebhook(secret: SandboxCredentials.storeGateway.webhookSecret)
        )
    }

    private func native(_ checkout: Checkout) throws -> StoreGatewayPayment {
        try XCTUnwrap(checkout.native(as: StoreGatewayPayment.self))
    }

    func testFiatCheckoutIsPaidInBTCAndTheSignedWebhooksSaySo() async throws {
        let provider = try provider()
        let request = CheckoutRequest(
            amount: try Money("10.00", .usd),
            payAsset: .btc,
            orderReference: "order-1001",
            description: "Two coffees",
            payerEmail: "payer@shop.example",
            successURL: URL(string: "https://shop.example/paid"),
            cancelURL: URL(string: "https://shop.example/cancelled"),
            callbackURL: URL(string: "https://shop.example/webhooks/storegateway"),
            expiresIn: .seconds(30 * 60),
            metadata: ["cart": "42", "items": 2]
        )

        let created = try await provider.createCheckout(request)

        XCTAssertEqual(created.provider, .storeGateway)
        XCTAssertEqual(created.id, "5a7e0000-0000-4000-8900-000000000001")
        XCTAssertEqual(created.status, .pending)
        XCTAssertEqual(created.providerStatus, "OPEN")
        XCTAssertEqual(created.requested, Money(10, .usd))
        XCTAssertEqual(created.paid, Money(0, .usd))
        XCTAssertEqual(created.payAsset, .btc)
        XCTAssertEqual(created.payAddress, "SBX-BTC-1")
        XCTAssertEqual(
            created.paymentURL?.absoluteString,
            "https://payer.storegateway.sandbox.cryptopay.invalid/payment/5a7e0000-0000-4000-8900-000000000001")
        XCTAssertEqual(created.expiresAt, Self.start.addingTimeInterval(1800))
        let payment = try native(created)
        XCTAssertEqual(payment.paymentType, .fixedAmount)
        XCTAssertEqual(payment.paymentAmount, try decimal("0.0004"))
        XCTAssertEqual(payment.paymentAssetID, "BTC")
        XCTAssertEqual(payment.rate, try decimal("0.00004"))
        XCTAssertEqual(payment.remainAmount, try decimal("0.0004"))
        XCTAssertEqual(payment.timeout, 30)
        XCTAssertEqual(payment.startDate, Self.start)
        XCTAssertEqual(payment.customFields[StoreGatewayProvider.orderReferenceSlot], "order-1001")
        XCTAssertEqual(payment.customFields.custom, .object(["cart": "42", "items": 2]))
        XCTAssertEqual(payment.description, "Two coffees")
        XCTAssertEqual(payment.payerEmail, "payer@shop.example")
        XCTAssertEqual(payment.webhookURL, URL(string: "https://shop.example/webhooks/storegateway"))
        XCTAssertEqual(payment.successURL, URL(string: "https://shop.example/paid"))
        XCTAssertEqual(payment.cancelURL, URL(string: "https://shop.example/cancelled"))
        XCTAssertEqual(payment.isTest, true)

        let deliveries = try sandbox.pay(.storeGateway, id: created.id)

        XCTAssertEqual(deliveries.count, 2)
        for delivery in deliveries {
            let expected = try HMACHeaderSignatureScheme.sign(
                body: delivery.body, secret: SandboxCredentials.storeGateway.webhookSecret, headerName: header)
            XCTAssertEqual(delivery.headers[header], expected[header])
            XCTAssertEqual(delivery.headers[header]?.count, 64)
        }
        let opened = try await provider.verifyWebhook(deliveries[0])
        XCTAssertEqual(opened.status, .processing)
        XCTAssertEqual(opened.providerStatus, "OPEN")
        XCTAssertEqual(opened.idempotencyKey, "payment:\(created.id):payment.open:OPEN:0.0004")
        XCTAssertEqual(opened.native(as: StoreGatewayWebhookEvent.self)?.event, .paymentOpen)

        let completed = try await provider.verifyWebhook(deliveries[1])
        XCTAssertEqual(completed.authentication, .signature)
        XCTAssertEqual(completed.checkoutID, created.id)
        XCTAssertEqual(completed.status, .paid)
        XCTAssertEqual(completed.providerStatus, "COMPLETE")
        XCTAssertEqual(completed.idempotencyKey, "payment:\(created.id):payment.complete:COMPLETE:0.0004")
        XCTAssertEqual(completed.requested, Money(10, .usd))
        XCTAssertEqual(completed.paid, Money(10, .usd))
        XCTAssertEqual(completed.native(as: StoreGatewayWebhookEvent.self)?.type, "notification")

        let final = try await provider.checkout(id: created.id)
        XCTAssertEqual(final.status, .paid)
        XCTAssertEqual(final.providerStatus, "COMPLETE")
        XCTAssertEqual(final.paid, Money(10, .usd))
        let paid = try native(final)
        XCTAssertEqual(paid.ipAmount, try decimal("0.0004"))
        XCTAssertEqual(paid.remainAmount, 0)
        XCTAssertEqual(paid.completeDate, Self.start)
        let transactions = try await provider.client.payments.transactions(id: created.id)
        XCTAssertEqual(transactions.count, 1)
        XCTAssertEqual(transactions.first?.amount, try decimal("0.0004"))
        XCTAssertEqual(transactions.first?.address, "SBX-BTC-1")
    }

    func testPartialPaymentStaysOpenAsPartiallyPaidUntilTheRestArrives() async throws {
        let provider = try provider()
        let created = try await provider.createCheckout(
            CheckoutRequest(amount: Money(25, .usdtTron), orderReference: "order-usdt"))
        XCTAssertEqual(created.payAsset, .usdtTron)
        XCTAssertEqual(try native(created).assetID, "USDT.TRC20")
        XCTAssertEqual(try native(created).paymentAssetID, "USDT.TRC20")

        let partial = try sandbox.pay(.storeGateway, id: created.id, .fraction(try decimal("0.4")))

        XCTAssertEqual(partial.count, 1)
        let event = try await provider.verifyWebhook(try XCTUnwrap(partial.first))
        XCTAssertEqual(event.status, .partiallyPaid)
        XCTAssertEqual(event.providerStatus, "OPEN")
        XCTAssertEqual(event.paid, Money(10, .usdtTron))
        XCTAssertEqual(event.idempotencyKey, "payment:\(created.id):payment.open:OPEN:10")
        let fetched = try await provider.checkout(id: created.id)
        XCTAssertEqual(fetched.status, .partiallyPaid)
        XCTAssertEqual(try native(fetched).ipAmount, 10)
        XCTAssertEqual(try native(fetched).remainAmount, 15)

        let rest = try sandbox.pay(.storeGateway, id: created.id)

        XCTAssertEqual(rest.count, 2)
        let completed = try await provider.verifyWebhook(rest[1])
        XCTAssertEqual(completed.status, .paid)
        XCTAssertEqual(completed.providerStatus, "COMPLETE")
        XCTAssertEqual(completed.paid, Money(25, .usdtTron))
        let transactions = try await provider.client.payments.transactions(id: created.id)
        XCTAssertEqual(transactions.map(\.amount), [10, 15])
    }

    func testOverpaymentCompletesWithTheWholeAmountReceived() async throws {
        let provider = try provider()
        let created = try await provider.createCheckout(
            CheckoutRequest(amount: try Money("0.01", .eth), payAsset: .eth, orderReference: "order-eth"))

        let deliveries = try sandbox.pay(.storeGateway, id: created.id, .over(try decimal("0.1")))

        let event = try await provider.verifyWebhook(try XCTUnwrap(deliveries.last))
        XCTAssertEqual(event.status, .paid)
        XCTAssertEqual(event.providerStatus, "COMPLETE")
        XCTAssertEqual(event.paid, try Money("0.011", .eth))
        let fetched = try native(try await provider.checkout(id: created.id))
        XCTAssertEqual(fetched.ipAmount, try decimal("0.011"))
        XCTAssertEqual(fetched.remainAmount, 0)
    }

    func testExpiryCancelsThePaymentAsExpiredAndThereIsNoCancelEndpoint() async throws {
        let provider = try provider()
        let created = try await provider.createCheckout(
            CheckoutRequest(amount: Money(20, .eur), payAsset: .ltc, orderReference: "order-ltc"))
        XCTAssertEqual(try native(created).paymentAmount, try decimal("0.27"))
        XCTAssertEqual(created.expiresAt, Self.start.addingTimeInterval(90 * 60))
        do {
            _ = try await provider.cancelCheckout(id: created.id)
            XCTFail("the Store Gateway has no cancellation")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .invalidRequest)
            XCTAssertEqual(error.provider, .storeGateway)
            XCTAssertEqual(error.operation, "checkouts.cancel")
        }

        let deliveries = try sandbox.expire(.storeGateway, id: created.id)

        let event = try await provider.verifyWebhook(try XCTUnwrap(deliveries.first))
        XCTAssertEqual(deliveries.count, 1)
        XCTAssertEqual(event.status, .expired)
        XCTAssertEqual(event.providerStatus, "CANCEL")
        XCTAssertEqual(event.native(as: StoreGatewayWebhookEvent.self)?.event, .paymentCancel)
        let expired = try await provider.checkout(id: created.id)
        XCTAssertEqual(expired.status, .expired)
        XCTAssertEqual(expired.providerStatus, "CANCEL")
        XCTAssertEqual(try native(expired).completeDate, Self.start.addingTimeInterval(90 * 60))
        XCTAssertThrowsError(try sandbox.pay(.storeGateway, id: created.id)) {
            XCTAssertEqual(($0 as? PaymentError)?.kind, .conflict)
        }
    }

    func testRefusesWhatItCannotExpressBeforeSending() async throws {
        let transport = ReplayTransport()
        let provider = StoreGatewayProvider(
            client: try StoreGatewayClient(
                apiKey: "key", apiSecret: "secret",
                configuration: ClientConfiguration(
                    baseURL: URL(string: "https://api.example-gateway.com/int"), transport: transport)),
            webhook: nil
        )
        let refused: [(CheckoutRequest, String)] = [
            (CheckoutRequest(amount: Money(10, .usd), orderReference: "o"), "payment_asset_id"),
            (CheckoutRequest(amount: Money(10, .usd), payAsset: .eur, orderReference: "o"), "pay in crypto"),
            (CheckoutRequest(amount: Money(10, .usd), payAsset: .usdtBSC, orderReference: "o"), "no asset ID"),
            (CheckoutRequest(amount: Money(5, .usdtBSC), orderReference: "o"), "no asset ID"),
            (CheckoutRequest(amount: Money(1, .btc), payAsset: .eth, orderReference: "o"), "convert BTC"),
            (CheckoutRequest(amount: Money(10, .usd), payAsset: .btc, orderReference: " "), "order reference"),
            (
                CheckoutRequest(amount: Money(10, .usd), payAsset: .btc, orderReference: "o", expiresIn: .seconds(90)),
                "whole minutes"
            ),
            (
                CheckoutRequest(amount: Money(10, .usd), payAsset: .btc, orderReference: "o", expiresIn: .zero),
                "whole minutes"
            ),
            (
                CheckoutRequest(
                    amount: Money(10, .usd), payAsset: .btc, orderReference: "o", expiresIn: .seconds(1441 * 60)),
                "whole minutes"
            ),
        ]
        for (request, reason) in refused {
            do {
                _ = try await provider.createCheckout(request)
                XCTFail("\(request) must be refused")
            } catch let error as PaymentError {
                XCTAssertEqual(error.kind, .invalidRequest)
                XCTAssertEqual(error.provider, .storeGateway)
                XCTAssertEqual(error.operation, "checkouts.create")
                XCTAssertTrue(error.message.contains("storegateway"), error.message)
                XCTAssertTrue(error.message.contains(reason), "\(reason): \(error.message)")
            }
        }
        XCTAssertTrue(transport.requests.isEmpty)
        do {
            _ = try await provider.verifyWebhook(WebhookRequest(body: Data("{}".utf8), headers: HeaderFields()))
            XCTFail("no verifier is configured")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .invalidRequest)
        }
    }

    func testExpiryBoundsAreWholeMinutesFromOneToADay() async throws {
        let provider = try provider()
        for minutes in [1, 1440] {
            let created = try await provider.createCheckout(
                CheckoutRequest(
                    amount: Money(1, .usd), payAsset: .trx, orderReference: "order-\(minutes)",
                    expiresIn: .seconds(minutes * 60)))
            XCTAssertEqual(try native(created).timeout, minutes)
            XCTAssertEqual(try native(created).paymentAmount, try decimal("12.5"))
            XCTAssertEqual(created.expiresAt, Self.start.addingTimeInterval(TimeInterval(minutes * 60)))
        }
    }

    func testOrderReferenceFindsTheCheckoutAfterAnUnknownOutcome() async throws {
        let provider = try provider()
        let created = try await provider.createCheckout(
            CheckoutRequest(amount: Money(3, .usd), payAsset: .usdtEthereum, orderReference: "order-find"))
        _ = try await provider.createCheckout(
            CheckoutRequest(amount: Money(4, .usd), payAsset: .usdtEthereum, orderReference: "order-other"))

        let found = try await provider.checkout(orderReference: "order-find", createdAround: Self.start)
        let missing = try await provider.checkout(orderReference: "order-never", createdAround: Self.start)

        XCTAssertEqual(found?.id, created.id)
        XCTAssertEqual(found?.payAsset, .usdtEthereum)
        XCTAssertNil(missing)
    }

    func testWrongCredentialsGetTheProvidersOwn401() async throws {
        let provider = try provider(secret: "not-the-sandbox-secret")
        do {
            _ = try await provider.checkout(id: "5a7e0000-0000-4000-8900-000000000001")
            XCTFail("expected authentication")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .authentication)
            XCTAssertEqual(error.httpStatus, 401)
            XCTAssertEqual(error.providerCode, "ERR_AUTH")
            XCTAssertEqual(error.message, "Unauthorized")
            XCTAssertFalse(error.description.contains("not-the-sandbox-secret"))
        }
    }

    func testUnknownPaymentIsTheDocumentsERR_NO_PAYMENT() async throws {
        do {
            _ = try await provider().checkout(id: "e5792528-d265-4813-8b59-055cdfef31b1")
            XCTFail("expected notFound")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .notFound)
            XCTAssertEqual(error.httpStatus, 422)
            XCTAssertEqual(error.providerCode, "ERR_NO_PAYMENT")
            XCTAssertEqual(error.message, "Payment <e5792528-d265-4813-8b59-055cdfef31b1> not found.")
        }
        XCTAssertThrowsError(try sandbox.pay(.storeGateway, id: "missing")) {
            XCTAssertEqual(($0 as? PaymentError)?.kind, .notFound)
        }
    }

    func testTamperedForgedAndUnsignedWebhooksAreRejected() async throws {
        let provider = try provider()
        let created = try await provider.createCheckout(
            CheckoutRequest(amount: Money(10, .usd), payAsset: .btc, orderReference: "order-forged"))
        let genuine = try XCTUnwrap(try sandbox.pay(.storeGateway, id: created.id, .fraction(try decimal("0.5"))).first)
        let text = String(decoding: genuine.body, as: UTF8.self)
        XCTAssertTrue(text.contains(#""status":"OPEN""#), text)
        let claimingCompletion = Data(
            text.replacingOccurrences(of: #""status":"OPEN""#, with: #""status":"COMPLETE""#).utf8)
        let otherSecret = try HMACHeaderSignatureScheme.sign(
            body: claimingCompletion, secret: "someone-elses-secret", headerName: header)

        let cases: [(WebhookRequest, WebhookRejectionReason)] = [
            (WebhookRequest(body: claimingCompletion, headers: genuine.headers), .noMatchingSignature),
            (WebhookRequest(body: claimingCompletion, headers: otherSecret), .noMatchingSignature),
            (WebhookRequest(body: genuine.body, headers: HeaderFields()), .missingHeader(header)),
        ]
        for (request, reason) in cases {
            do {
                _ = try await provider.verifyWebhook(request)
                XCTFail("must be rejected: \(reason)")
            } catch let error as PaymentError {
                XCTAssertEqual(error.kind, .webhookRejected)
                XCTAssertEqual(error.webhookRejection, reason)
            }
        }

        let lookup = StoreGatewayProvider(
            client: try client(), webhook: StoreGatewayWebhook(confirmingWith: try client()))
        let confirmed = try await lookup.verifyWebhook(WebhookRequest(body: genuine.body, headers: HeaderFields()))
        XCTAssertEqual(confirmed.authentication, .lookup)
        XCTAssertEqual(confirmed.status, .partiallyPaid)
        XCTAssertEqual(confirmed.providerStatus, "OPEN")
        XCTAssertEqual(confirmed.paid, Money(5, .usd))
        do {
            _ = try await lookup.verifyWebhook(WebhookRequest(body: claimingCompletion, headers: HeaderFields()))
            XCTFail("an unsigned claim the API does not confirm must be rejected")
        } catch let error as PaymentError {
            XCTAssertEqual(error.webhookRejection, .notConfirmedByProvider(field: "status"))
        }
    }

    func testTheSandboxAnswersTheOtherDocumentedReadsAndConversion() async throws {
        let client = try client()
        let provider = try provider()
        let created = try await provider.createCheckout(
            CheckoutRequest(amount: Money(50, .usd), payAsset: .btc, orderReference: "order-reads"))
        try sandbox.pay(.storeGateway, id: created.id)

        let assets = try await client.assets.list()
        let conversion = try await client.convert(Money(100, .usd), to: .btc)
        let accounts = try await client.accounts.list()
        let listed = try await client.payments.list(from: "2024-03-01", to: "2024-03-01", status: .complete)
        let otherDay = try await client.payments.list(from: "2024-02-28", to: "2024-02-29")

        XCTAssertEqual(
            assets.map(\.assetID), ["BTC", "ETH", "LTC", "TRX", "USDT.TRC20", "USDT.ERC20", "USD", "EUR"])
        XCTAssertEqual(conversion.result, try Money("0.004", .btc))
        XCTAssertEqual(conversion.rate, try decimal("0.00004"))
        let bitcoin = try XCTUnwrap(accounts.accounts.first { $0.assetID == "BTC" })
        XCTAssertEqual(bitcoin.balance, try decimal("0.002"))
        XCTAssertEqual(bitcoin.baseBalance, 50)
        XCTAssertEqual(accounts.balance, 50)
        XCTAssertEqual(listed.map(\.paymentID), [created.id])
        XCTAssertTrue(otherDay.isEmpty)
    }

    func testTheSandboxRefusesRequestsTheDocumentDoesNotAllow() async throws {
        let base = try sandbox.baseURL(for: .storeGateway)
        let credentials = SandboxCredentials.storeGateway
        let authorization =
            "Basic " + Data("\(credentials.apiKey):\(credentials.apiSecret)".utf8).base64EncodedString()
        func send(_ headers: HeaderFields, _ body: String) async throws -> (Int, JSONValue) {
            let response = try await sandbox.send(
                TransportRequest(
                    method: .post, url: base.appendingPathComponent("payment"), headers: headers,
                    body: Data(body.utf8)))
            return (response.statusCode, try JSONDecoder().decode(JSONValue.self, from: response.body))
        }
        let json: HeaderFields = ["Authorization": authorization, "Content-Type": "application/json"]
        let valid = #"{"amount": 10, "asset_id": "USD", "payment_asset_id": "BTC"}"#

        let noContentType = try await send(["Authorization": authorization], valid)
        let amountAsText = try await send(json, #"{"amount": "10", "asset_id": "USD", "payment_asset_id": "BTC"}"#)
        let fiatPayment = try await send(json, #"{"amount": 10, "asset_id": "USD", "payment_asset_id": "EUR"}"#)
        let longTimeout = try await send(
            json, #"{"amount": 10, "asset_id": "USD", "payment_asset_id": "BTC", "timeout": 1441}"#)
        let accepted = try await send(json, valid)

        XCTAssertEqual(noContentType.0, 422)
        XCTAssertEqual(noContentType.1["code"], "ERR_CONTENT_TYPE")
        XCTAssertEqual(amountAsText.1["code"], "ERR_AMOUNT")
        XCTAssertEqual(fiatPayment.1["code"], "ERR_NO_ASSET")
        XCTAssertEqual(longTimeout.1["code"], "ERR_TIMEOUT")
        XCTAssertEqual(accepted.0, 200)
        XCTAssertEqual(accepted.1["amount"], "10")
        XCTAssertEqual(accepted.1["payment_amount"], "0.0004")
        XCTAssertEqual(accepted.1["rate"], .number(try decimal("0.00004")))
        XCTAssertEqual(accepted.1["status"], "OPEN")
        XCTAssertEqual(accepted.1["timeout"], 0)
    }

    func testDemoRequestRunsThroughTheRegistry() async throws {
        let providers = ProviderRegistry([try provider()])
        let created = try await providers.provider(.storeGateway).createCheckout(
            CheckoutRequest(amount: Money(7, .usd), payAsset: .trx, orderReference: "order-registry"))
        let delivery = try XCTUnwrap(try sandbox.pay(.storeGateway, id: created.id).last)

        let event = try await providers.verifyWebhook(delivery, for: .storeGateway)

        XCTAssertEqual(event.checkoutID, created.id)
        XCTAssertEqual(event.status, .paid)
        XCTAssertEqual(event.paid, Money(7, .usd))
    }
}
