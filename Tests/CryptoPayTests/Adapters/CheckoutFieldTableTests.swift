import CryptoPay
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// Every ``CheckoutRequest`` field × every adapter: set on a base request the provider accepts, a field either
/// reaches the wire where the adapter's documentation table says, or is refused with `invalidRequest` naming the
/// provider and the field before anything is sent. Never dropped.
final class CheckoutFieldTableTests: XCTestCase {
    /// What setting one field must do.
    enum Expectation {
        /// The create request's JSON body has `value` at the dotted `path`.
        case body(String, JSONValue)
        /// The create request's query has `name` = `value`.
        case query(String, String)
        /// Not sent (the provider has no such field), but shown in the returned checkout.
        case checkout(String, (Checkout) -> Bool)
        /// Refused: `invalidRequest` naming the provider and `CheckoutRequest.<field>`, nothing sent.
        case refused
    }

    /// One field's case: how to set it on the base request (nothing for fields the base must carry) and what follows.
    struct FieldCase {
        let field: String
        let set: (inout CheckoutRequest) -> Void
        let expect: [Expectation]
    }

    /// One adapter: its base request, how to script a successful create, and which request is the create.
    struct Table {
        let provider: ProviderID
        let base: CheckoutRequest
        let make: () throws -> (any PaymentProvider, ReplayTransport)
        let script: (ReplayTransport) throws -> Void
        let isCreate: (RecordedRequest) -> Bool
        let cases: [FieldCase]
    }

    private static let success = URL(string: "https://shop.example/paid")
    private static let cancel = URL(string: "https://shop.example/cancelled")
    private static let callback = URL(string: "https://shop.example/hooks")
    private static let metadata: JSONObject = ["cart": "c-7", "items": 3]

    private static func setDescription(_ request: inout CheckoutRequest) { request.description = "Two mugs" }
    private static func setEmail(_ request: inout CheckoutRequest) { request.payerEmail = "payer@example.com" }
    private static func setSuccess(_ request: inout CheckoutRequest) { request.successURL = success }
    private static func setCancel(_ request: inout CheckoutRequest) { request.cancelURL = cancel }
    private static func setCallback(_ request: inout CheckoutRequest) { request.callbackURL = callback }
    private static func setMetadata(_ request: inout CheckoutRequest) { request.metadata = metadata }
    private static func base(_ request: inout CheckoutRequest) {}

    private func tables() throws -> [Table] {
        let usdtAmount = Money(try decimal("25.5"), .usdtTron)
        return [
            Table(
                provider: .useGateway,
                base: CheckoutRequest(amount: Money(10, .usd), orderReference: "order-7"),
                make: { try Adapters.useGateway() },
                script: { try $0.enqueue(fixture: "UseGateway/payments_create.json", status: 201) },
                isCreate: { $0.method == .post && $0.path == "/v1/payments/" },
                cases: [
                    FieldCase(
                        field: "amount", set: Self.base,
                        expect: [
                            .body("pricing_type", "fixed_price"), .body("local_price.amount", .number(10)),
                            .body("local_price.currency", "USD"),
                        ]),
                    FieldCase(
                        field: "payAsset", set: { $0.payAsset = .btc },
                        expect: [
                            .checkout(
                                "payAddress BTC",
                                {
                                    $0.payAddress == "1NQXdsoSQaB74cESshoDELEwNi51fbGtC9" && $0.payAsset == .btc
                                })
                        ]),
                    FieldCase(
                        field: "orderReference", set: Self.base,
                        expect: [.body("name", "order-7"), .body("metadata.order_reference", "order-7")]),
                    FieldCase(
                        field: "description", set: Self.setDescription, expect: [.body("description", "Two mugs")]),
                    FieldCase(field: "payerEmail", set: Self.setEmail, expect: [.refused]),
                    FieldCase(
                        field: "successURL", set: Self.setSuccess,
                        expect: [.body("redirect_url", "https://shop.example/paid")]),
                    FieldCase(
                        field: "cancelURL", set: Self.setCancel,
                        expect: [.body("cancel_url", "https://shop.example/cancelled")]),
                    FieldCase(field: "callbackURL", set: Self.setCallback, expect: [.refused]),
                    FieldCase(field: "expiresIn", set: { $0.expiresIn = .seconds(900) }, expect: [.refused]),
                    FieldCase(
                        field: "metadata", set: Self.setMetadata,
                        expect: [.body("metadata.cart", "c-7"), .body("metadata.items", .number(3))]),
                ]
            ),
            Table(
                provider: .storeGateway,
                base: CheckoutRequest(amount: Money(100, .usd), payAsset: .btc, orderReference: "order-7"),
                make: { try Adapters.storeGateway() },
                script: { try $0.enqueue(fixture: "StoreGateway/payments_create.json") },
                isCreate: { $0.method == .post && $0.path == "/int/payment" },
                cases: [
                    FieldCase(
                        field: "amount", set: Self.base,
                        expect: [.body("amount", .number(100)), .body("asset_id", "USD")]),
                    FieldCase(field: "payAsset", set: Self.base, expect: [.body("payment_asset_id", "BTC")]),
                    FieldCase(field: "orderReference", set: Self.base, expect: [.body("custom9", "order-7")]),
                    FieldCase(
                        field: "description", set: Self.setDescription, expect: [.body("description", "Two mugs")]),
                    FieldCase(
                        field: "payerEmail", set: Self.setEmail, expect: [.body("payer_email", "payer@example.com")]),
                    FieldCase(
                        field: "successURL", set: Self.setSuccess,
                        expect: [.body("success_url", "https://shop.example/paid")]),
                    FieldCase(
                        field: "cancelURL", set: Self.setCancel,
                        expect: [.body("cancel_url", "https://shop.example/cancelled")]),
                    FieldCase(
                        field: "callbackURL", set: Self.setCallback,
                        expect: [.body("webhook_url", "https://shop.example/hooks")]),
                    FieldCase(
                        field: "expiresIn", set: { $0.expiresIn = .seconds(1800) },
                        expect: [.body("timeout", .number(30))]),
                    FieldCase(
                        field: "metadata", set: Self.setMetadata,
                        expect: [.body("custom.cart", "c-7"), .body("custom.items", .number(3))]),
                ]
            ),
            Table(
                provider: .usdtInvoice,
                base: CheckoutRequest(amount: usdtAmount, orderReference: "order-7"),
                make: { try Adapters.usdtInvoice() },
                script: { try $0.enqueue(fixture: "USDTInvoice/invoices_create.json", status: 201) },
                isCreate: { $0.method == .post && $0.path == "/api/v1/invoices" },
                cases: [
                    FieldCase(
                        field: "amount", set: Self.base,
                        expect: [.body("amountUsdt", .number(usdtAmount.amount)), .body("assetCode", "USDT_TRC20")]),
                    FieldCase(
                        field: "payAsset", set: { $0.payAsset = .usdtTron }, expect: [.body("assetCode", "USDT_TRC20")]),
                    FieldCase(
                        field: "orderReference", set: Self.base,
                        expect: [.body("reference", "order-7"), .body("title", "Order order-7")]),
                    FieldCase(
                        field: "description", set: Self.setDescription, expect: [.body("description", "Two mugs")]),
                    FieldCase(field: "payerEmail", set: Self.setEmail, expect: [.refused]),
                    FieldCase(
                        field: "successURL", set: Self.setSuccess,
                        expect: [.body("returnUrl", "https://shop.example/paid")]),
                    FieldCase(field: "cancelURL", set: Self.setCancel, expect: [.refused]),
                    FieldCase(
                        field: "callbackURL", set: Self.setCallback,
                        expect: [.body("callbackUrl", "https://shop.example/hooks")]),
                    FieldCase(
                        field: "expiresIn", set: { $0.expiresIn = .seconds(600) },
                        expect: [.body("expirySeconds", .number(600))]),
                    FieldCase(
                        field: "metadata", set: Self.setMetadata,
                        expect: [.body("metadata.cart", "c-7"), .body("metadata.items", .number(3))]),
                ]
            ),
            Table(
                provider: .oneXGate,
                base: CheckoutRequest(
                    amount: usdtAmount, orderReference: "order-7", successURL: Self.success, cancelURL: Self.cancel),
                make: { try Adapters.oneXGate() },
                script: { try $0.enqueue(fixture: "OneXGate/payments_create.json", status: 201) },
                isCreate: { $0.method == .post && $0.path.hasPrefix("/v1/integrations/payments") },
                cases: [
                    FieldCase(
                        field: "amount", set: Self.base,
                        expect: [
                            .body("amount", .number(usdtAmount.amount)), .body("currency", "usdt"),
                            .body("network", "trx"),
                        ]),
                    FieldCase(field: "payAsset", set: { $0.payAsset = .usdtTron }, expect: [.body("currency", "usdt")]),
                    FieldCase(field: "orderReference", set: Self.base, expect: [.body("orderId", "order-7")]),
                    FieldCase(
                        field: "description", set: Self.setDescription, expect: [.body("description", "Two mugs")]),
                    FieldCase(
                        field: "payerEmail", set: Self.setEmail,
                        expect: [.body("merchantUserEmail", "payer@example.com")]),
                    FieldCase(
                        field: "successURL", set: Self.base,
                        expect: [.body("callbacks.success", "https://shop.example/paid")]),
                    FieldCase(
                        field: "cancelURL", set: Self.base,
                        expect: [.body("callbacks.failed", "https://shop.example/cancelled")]),
                    FieldCase(field: "callbackURL", set: Self.setCallback, expect: [.refused]),
                    FieldCase(field: "expiresIn", set: { $0.expiresIn = .seconds(900) }, expect: [.refused]),
                    FieldCase(field: "metadata", set: Self.setMetadata, expect: [.refused]),
                ]
            ),
            Table(
                provider: .openPOS,
                base: CheckoutRequest(
                    amount: Money(try decimal("48.25"), .eur), payAsset: .btc, orderReference: "order-7"),
                make: { try Adapters.openPOS() },
                script: {
                    try $0.enqueue(fixture: "OpenPOS/getRate.json")
                    try $0.enqueue(fixture: "OpenPOS/startPayment.json")
                },
                isCreate: { $0.path == "/v2/StartPayment/" },
                cases: [
                    FieldCase(
                        field: "amount", set: Self.base,
                        expect: [.query("invoice_amount", "48.25"), .query("invoice_currency", "EUR")]),
                    FieldCase(field: "payAsset", set: Self.base, expect: [.query("currency", "BTC")]),
                    FieldCase(field: "orderReference", set: Self.base, expect: [.query("reference_no", "order-7")]),
                    FieldCase(field: "description", set: Self.setDescription, expect: [.refused]),
                    FieldCase(field: "payerEmail", set: Self.setEmail, expect: [.refused]),
                    FieldCase(field: "successURL", set: Self.setSuccess, expect: [.refused]),
                    FieldCase(field: "cancelURL", set: Self.setCancel, expect: [.refused]),
                    FieldCase(field: "callbackURL", set: Self.setCallback, expect: [.refused]),
                    FieldCase(field: "expiresIn", set: { $0.expiresIn = .seconds(900) }, expect: [.refused]),
                    FieldCase(field: "metadata", set: Self.setMetadata, expect: [.refused]),
                ]
            ),
        ]
    }

    /// The request's properties, read from the type itself so that a field added later fails this test until every
    /// table says what each adapter does with it.
    private var allFields: [String] {
        let sample = CheckoutRequest(amount: Money(1, .usd), orderReference: "x")
        return Mirror(reflecting: sample).children.compactMap(\.label)
    }

    func testEveryFieldIsCarriedOrRefusedNamingItByEveryAdapter() async throws {
        let tables = try tables()
        XCTAssertEqual(tables.map(\.provider), [.useGateway, .storeGateway, .usdtInvoice, .oneXGate, .openPOS])
        for table in tables {
            XCTAssertEqual(table.cases.map(\.field), allFields, "\(table.provider) covers every field")
            for fieldCase in table.cases {
                try await check(fieldCase, of: table)
            }
        }
    }

    func testUseGatewayRefusesMetadataThatWouldOverwriteTheOrderReference() async throws {
        let (provider, transport) = try Adapters.useGateway()
        let request = CheckoutRequest(
            amount: Money(10, .usd), orderReference: "order-7", metadata: ["order_reference": "order-6"])

        let error = try await paymentError { _ = try await provider.createCheckout(request) }

        XCTAssertEqual(error.kind, .invalidRequest)
        XCTAssertEqual(
            error.message,
            "usegateway keeps the order reference in metadata.order_reference; CheckoutRequest.metadata may not set "
                + "it to something else")
        XCTAssertEqual(transport.requests.count, 0)
    }

    func testOpenPOSRefusesABlankOrderReferenceBeforeTheQuote() async throws {
        let (provider, transport) = try Adapters.openPOS()
        let request = CheckoutRequest(amount: Money(10, .eur), payAsset: .btc, orderReference: " ")

        let error = try await paymentError { _ = try await provider.createCheckout(request) }

        XCTAssertEqual(error.kind, .invalidRequest)
        XCTAssertEqual(
            error.message, "openpos sends CheckoutRequest.orderReference as reference_no and needs it not blank")
        XCTAssertEqual(transport.requests.count, 0)
    }

    private func check(_ fieldCase: FieldCase, of table: Table) async throws {
        let label = "\(table.provider) \(fieldCase.field)"
        let (provider, transport) = try table.make()
        try table.script(transport)
        var request = table.base
        fieldCase.set(&request)
        if case .refused = fieldCase.expect.first {
            let error = try await paymentError { _ = try await provider.createCheckout(request) }
            XCTAssertEqual(error.kind, .invalidRequest, label)
            XCTAssertEqual(error.provider, table.provider, label)
            XCTAssertEqual(error.operation, "checkouts.create", label)
            XCTAssertTrue(
                error.message.contains("CheckoutRequest.\(fieldCase.field)") == true,
                "\(label): \(error.message)")
            XCTAssertTrue(error.message.hasPrefix(table.provider.rawValue) == true, "\(label): names the provider")
            XCTAssertEqual(transport.requests.count, 0, "\(label): nothing sent")
            return
        }
        let checkout = try await provider.createCheckout(request)
        let create = try XCTUnwrap(transport.requests.first(where: table.isCreate), "\(label): no create sent")
        for expectation in fieldCase.expect {
            switch expectation {
            case .body(let path, let value):
                let body = try XCTUnwrap(try create.jsonBody(), label)
                XCTAssertEqual(Self.value(at: path, in: body), value, "\(label) → \(path)")
            case .query(let name, let value):
                let sent = create.queryItems.filter { $0.name == name }.map(\.value)
                XCTAssertEqual(sent, [value], "\(label) → \(name)")
            case .checkout(let what, let holds):
                XCTAssertTrue(holds(checkout), "\(label) → \(what): \(checkout)")
            case .refused:
                XCTFail("\(label): refused must be the only expectation")
            }
        }
    }

    /// The value at a dotted path (`local_price.amount`) of a JSON object.
    private static func value(at path: String, in json: JSONValue) -> JSONValue? {
        path.split(separator: ".").reduce(Optional(json)) { value, key in value?[String(key)] }
    }
}
