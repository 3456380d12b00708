import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import UseGateway
import XCTest

/// Every response and webhook fixture decodes, encodes back to the provider's fields, and decodes again to the same
/// value.
///
/// The rule for optional values: `nil` is left out of the encoding, so a fixture's `null` and a missing key count as
/// the same. Everything else must match exactly: keys as the provider spells them (typos included), numbers as
/// exact decimals, strings (dates included) as the same text.
final class CodableRoundTripTests: XCTestCase {
    /// The model that reads a fixture.
    private enum Model {
        case payment
        case invoice
        case deposit
        case withdrawalRequest
        case rate
        case webhook
    }

    /// Every response and webhook fixture, with its model and whether it is a page (`{items, total, page, size}`)
    /// of that model. Request bodies (`*_request.json`) and error bodies (`error_*.json`) are not models.
    private static let fixtures: [String: (model: Model, isPage: Bool)] = [
        "payments_create.json": (.payment, false),
        "payments_retrieve.json": (.payment, false),
        "payments_cancel.json": (.payment, false),
        "payments_resolve.json": (.payment, false),
        "payments_list.json": (.payment, true),
        "payments_page_1.json": (.payment, true),
        "payments_page_2.json": (.payment, true),
        "payments_page_3.json": (.payment, true),
        "invoices_create.json": (.invoice, false),
        "invoices_retrieve.json": (.invoice, false),
        "invoices_cancel.json": (.invoice, false),
        "invoices_resolve.json": (.invoice, false),
        "invoices_list.json": (.invoice, true),
        "deposits_create.json": (.deposit, false),
        "deposits_create_p2p.json": (.deposit, false),
        "deposits_retrieve.json": (.deposit, false),
        "deposits_cancel.json": (.deposit, false),
        "deposits_resolve.json": (.deposit, false),
        "deposits_list.json": (.deposit, true),
        "withdrawal_requests_create.json": (.withdrawalRequest, false),
        "withdrawal_requests_retrieve.json": (.withdrawalRequest, false),
        "withdrawal_requests_decline.json": (.withdrawalRequest, false),
        "withdrawal_requests_list.json": (.withdrawalRequest, true),
        "pagination_example.json": (.withdrawalRequest, true),
        "rates_get.json": (.rate, false),
        "webhook_payment_completed.json": (.webhook, false),
        "webhook_invoice_paid.json": (.webhook, false),
        "webhook_deposit_replenished.json": (.webhook, false),
        "webhook_withdrawal_request_declined.json": (.webhook, false),
        "webhook_unknown_event.json": (.webhook, false),
    ]

    /// Keys of a fixture that no UseGateway model keeps, and why. Only the page envelope: its items are
    /// round-tripped one by one, and the envelope's numbers go into CryptoPayCore's `ListPage` (checked by
    /// `PaginationTests`).
    private static let notKept: [String: String] = [
        "total": "page envelope, returned in CryptoPayCore's ListPage",
        "page": "page envelope, returned in CryptoPayCore's ListPage",
        "size": "page envelope, returned in CryptoPayCore's ListPage",
    ]

    /// Keys an encoding writes that its fixture does not have, per fixture, and why.
    private static let added: [String: [String: String]] = [
        "rates_get.json": [
            "currency1": "the pair asked for: a path parameter of the request, not repeated in the body",
            "currency2": "the pair asked for: a path parameter of the request, not repeated in the body",
        ]
    ]

    private struct Items<Item: Decodable>: Decodable {
        var items: [Item]
    }

    func testEveryFixtureIsARoundTrippedModelOrARequestOrErrorBody() throws {
        let folder = try Fixtures.directory().appendingPathComponent("UseGateway")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        for name in names where Self.fixtures[name] == nil {
            XCTAssertTrue(
                name.hasSuffix("_request.json") || name.hasPrefix("error_"),
                "\(name) is a response or webhook without a round-trip test: add it to CodableRoundTripTests.fixtures"
            )
        }
        for name in Self.fixtures.keys {
            XCTAssertTrue(names.contains(name), "\(name) is listed but not in Fixtures/UseGateway")
        }
        XCTAssertEqual(Self.fixtures.count, 30)
    }

    func testEveryResponseAndWebhookFixtureRoundTrips() throws {
        for (name, entry) in Self.fixtures.sorted(by: { $0.key < $1.key }) {
            switch entry.model {
            case .payment: try check(UseGatewayPayment.self, name, isPage: entry.isPage)
            case .invoice: try check(UseGatewayInvoice.self, name, isPage: entry.isPage)
            case .deposit: try check(UseGatewayDeposit.self, name, isPage: entry.isPage)
            case .withdrawalRequest: try check(UseGatewayWithdrawalRequest.self, name, isPage: entry.isPage)
            case .rate: try check(UseGatewayRate.self, name, isPage: entry.isPage)
            case .webhook: try check(UseGatewayWebhookEvent.self, name, isPage: entry.isPage)
            }
        }
    }

    /// Decodes a fixture (each item of a page), then round-trips and compares each value.
    private func check<Model: Codable & Hashable>(_ type: Model.Type, _ name: String, isPage: Bool) throws {
        let data = try Fixtures.data("UseGateway/\(name)")
        let original = try Fixtures.json("UseGateway/\(name)")
        let decoder = JSONCoding.makeDecoder()
        guard isPage else {
            let value = try decoder.decode(Model.self, from: data)
            return try roundTrip(value, original: original, fixture: name, added: Self.added[name] ?? [:])
        }
        guard case .object(let envelope) = original, case .array(let originalItems)? = envelope["items"] else {
            return XCTFail("\(name): not a page")
        }
        XCTAssertEqual(Set(envelope.keys), Set(Self.notKept.keys).union(["items"]), "\(name): page keys")
        let items = try decoder.decode(Items<Model>.self, from: data).items
        XCTAssertEqual(items.count, originalItems.count, name)
        XCTAssertFalse(items.isEmpty, "\(name): a page without items tests nothing")
        for (index, (item, originalItem)) in zip(items, originalItems).enumerated() {
            try roundTrip(item, original: originalItem, fixture: "\(name) items[\(index)]", added: [:])
        }
    }

    /// Encodes a decoded value, decodes the encoding and compares both the values and the JSON.
    private func roundTrip<Model: Codable & Hashable>(
        _ value: Model,
        original: JSONValue,
        fixture: String,
        added: [String: String]
    ) throws {
        let encoder = JSONCoding.makeEncoder()
        let encoded = try encoder.encode(value)
        let again = try JSONCoding.makeDecoder().decode(Model.self, from: encoded)
        XCTAssertEqual(again, value, "\(fixture): the encoding decodes to another value")
        XCTAssertEqual(try encoder.encode(again), encoded, "\(fixture): encoding again gives other bytes")

        var json = try JSONDecoder().decode(JSONValue.self, from: encoded)
        for key in added.keys.sorted() {
            XCTAssertNotNil(json[key], "\(fixture): expected the added key \(key)")
            if case .object(var object) = json {
                object[key] = nil
                json = .object(object)
            }
        }
        let differences = Self.differences(original, json, at: "")
        XCTAssertTrue(differences.isEmpty, "\(fixture):\n" + differences.joined(separator: "\n"))
    }

    /// Where `encoded` differs from `original`, recursively, a missing key counting as `null`. Numbers compare as
    /// exact decimals, strings as text.
    private static func differences(_ original: JSONValue, _ encoded: JSONValue, at path: String) -> [String] {
        switch (original, encoded) {
        case (.object(let lhs), .object(let rhs)):
            return Set(lhs.keys).union(rhs.keys).sorted().flatMap { key in
                differences(lhs[key] ?? .null, rhs[key] ?? .null, at: path.isEmpty ? key : "\(path).\(key)")
            }
        case (.array(let lhs), .array(let rhs)):
            guard lhs.count == rhs.count else { return ["\(path): \(lhs.count) items became \(rhs.count)"] }
            return zip(lhs, rhs).enumerated().flatMap { index, pair in
                differences(pair.0, pair.1, at: "\(path)[\(index)]")
            }
        default:
            return original == encoded ? [] : ["\(path): \(original) became \(encoded)"]
        }
    }

    // MARK: - What the fixtures do not show

    private func decode<Model: Decodable>(_ type: Model.Type, _ json: String) throws -> Model {
        try JSONCoding.makeDecoder().decode(Model.self, from: Data(json.utf8))
    }

    private func encodedJSON(_ value: some Encodable) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONCoding.makeEncoder().encode(value))
    }

    func testAmountsAreWrittenAsExactNumbersWithTheProviderCode() throws {
        var deposit = try JSONCoding.makeDecoder().decode(
            UseGatewayDeposit.self,
            from: Fixtures.data("UseGateway/deposits_create.json")
        )
        let digits = try decimal("0.000000000000000001")
        deposit.localPrice = Money(digits, .busdBSC)
        var json = try encodedJSON(deposit)
        XCTAssertEqual(json["local_price"], .object(["amount": .number(digits), "currency": .string("BUSD_BEP20")]))
        let text = String(decoding: try JSONCoding.makeEncoder().encode(deposit), as: UTF8.self)
        XCTAssertTrue(text.contains(#""amount":0.000000000000000001"#), text)

        deposit.localPrice = Money(10, .usdtTron)
        json = try encodedJSON(deposit)
        XCTAssertEqual(json["local_price"]?["currency"], .string("USDT_TRC20"))

        deposit.localPrice = Money(10, Asset(code: "USDC", network: .polygon))
        XCTAssertThrowsError(try JSONCoding.makeEncoder().encode(deposit)) { error in
            guard case EncodingError.invalidValue(_, let context) = error else {
                return XCTFail("expected invalidValue, got \(error)")
            }
            XCTAssertEqual(context.codingPath.map(\.stringValue), ["local_price"])
        }
    }

    func testUndocumentedCodesRoundTripAndLowerCaseCodesComeBackUpperCase() throws {
        let payment = try decode(
            UseGatewayPayment.self,
            #"""
            {"id": "p", "code": "C", "name": "N", "created_at": "2019-08-24T14:15:22Z",
             "addresses": {"BNB": "bnb1q", "USDT_BEP20": "0xabc"},
             "pricing": {"bnb": {"amount": 0.5, "currency": "BNB"},
                         "usdt_bep20": {"amount": 10.25, "currency": "usdt_bep20"}}}
            """#
        )
        let json = try encodedJSON(payment)
        XCTAssertEqual(json["addresses"], .object(["BNB": .string("bnb1q"), "USDT_BEP20": .string("0xabc")]))
        XCTAssertEqual(json["pricing"]?["bnb"]?["currency"], .string("BNB"))
        // The asset is what is kept, not its spelling: `usdt_bep20` is USDT on BSC, written as UseGateway's code.
        XCTAssertEqual(json["pricing"]?["usdt_bep20"]?["currency"], .string("USDT_BEP20"))
        XCTAssertEqual(json["pricing"]?["usdt_bep20"]?["amount"], .number(try decimal("10.25")))
        XCTAssertEqual(try decode(UseGatewayPayment.self, json.description), payment)
        // Lists and maps the object did not have are written empty; absent optionals are left out.
        XCTAssertEqual(json["timeline"], .array([]))
        XCTAssertEqual(json["transactions"], .array([]))
        XCTAssertNil(json["payment_threshold"])
        XCTAssertNil(json["confirmed_at"])
    }

    func testWithdrawalStatusObjectAndBareStringAreWrittenAsTheTableObject() throws {
        let object = try decode(
            UseGatewayWithdrawalRequest.self,
            #"{"id": "w", "status": {"status": "Received", "created_at": "2019-08-24T14:15:22Z"}}"#
        )
        var json = try encodedJSON(object)
        XCTAssertEqual(
            json["status"],
            .object(["status": .string("Received"), "created_at": .string("2019-08-24T14:15:22Z")])
        )
        XCTAssertEqual(try decode(UseGatewayWithdrawalRequest.self, json.description), object)

        let bare = try decode(UseGatewayWithdrawalRequest.self, #"{"id": "w", "status": "Declcined"}"#)
        json = try encodedJSON(bare)
        XCTAssertEqual(json["status"], .object(["status": .string("Declcined")]))
        let again = try decode(UseGatewayWithdrawalRequest.self, json.description)
        XCTAssertEqual(again, bare)
        XCTAssertEqual(again.status, .init(rawValue: "Declcined", paymentStatus: .failed))
    }

    func testWebhookEpochTimestampIsWrittenAsISO8601AndOtherDataAsSent() throws {
        let event = try decode(
            UseGatewayWebhookEvent.self,
            #"{"event": "transaction.refunded", "created_at": 1659300602, "data": {"txid": "t", "amount": 1.10}}"#
        )
        let json = try encodedJSON(event)
        XCTAssertEqual(json["created_at"], .string("2022-07-31T20:50:02Z"))
        XCTAssertEqual(json["event"], .string("transaction.refunded"))
        XCTAssertEqual(json["data"], .object(["txid": .string("t"), "amount": .number(try decimal("1.10"))]))
        XCTAssertEqual(try decode(UseGatewayWebhookEvent.self, json.description), event)

        let empty = try decode(UseGatewayWebhookEvent.self, #"{"event": "withdrawal.completed"}"#)
        XCTAssertEqual(try encodedJSON(empty), .object(["event": .string("withdrawal.completed"), "data": .null]))
        XCTAssertEqual(try decode(UseGatewayWebhookEvent.self, try encodedJSON(empty).description), empty)
    }

    func testWebhookWhoseDataIsNotTheResourceItsEventNamesIsNotEncoded() throws {
        var event = try JSONCoding.makeDecoder().decode(
            UseGatewayWebhookEvent.self,
            from: Fixtures.data("UseGateway/webhook_payment_completed.json")
        )
        event.type = .invoicePaid
        XCTAssertThrowsError(try JSONCoding.makeEncoder().encode(event)) { error in
            guard case EncodingError.invalidValue = error else { return XCTFail("expected invalidValue, got \(error)") }
        }
        event.type = .paymentCompleted
        event.data = .other(.object([:]))
        XCTAssertThrowsError(try JSONCoding.makeEncoder().encode(event))
        event.type = .unknown("payment.teleported")
        XCTAssertNoThrow(try JSONCoding.makeEncoder().encode(event))
    }

    func testRateWithSeveralPairsRoundTripsThroughItsPathParameterNames() throws {
        let btc = try decimal("31234.4262")
        let rate = UseGatewayRate(
            base: "BTC",
            quote: "USD",
            rate: btc,
            rates: ["BTC-USD": btc, "ETH-USD": try decimal("1890.000001")]
        )
        let json = try encodedJSON(rate)
        XCTAssertEqual(json["currency1"], .string("BTC"))
        XCTAssertEqual(json["currency2"], .string("USD"))
        XCTAssertEqual(try decode(UseGatewayRate.self, json.description), rate)

        let text = #"{"rate": {"BTC-USD": 1, "ETH-USD": 2}}"#
        XCTAssertThrowsError(try decode(UseGatewayRate.self, text), "two pairs and no currency1: ambiguous")

        let inconsistent = UseGatewayRate(base: "BTC", quote: "EUR", rate: btc, rates: ["BTC-USD": btc])
        XCTAssertThrowsError(try JSONCoding.makeEncoder().encode(inconsistent))
    }
}
