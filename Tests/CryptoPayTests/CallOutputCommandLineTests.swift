import CryptoPay
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// What `cryptopay call` prints: the module's fields with the provider's own decimal text, or with `--raw` the body
/// as received.
final class CallOutputCommandLineTests: XCTestCase {
    private var server: LoopbackHTTPServer?

    override func tearDown() {
        if let server { XCTAssertTrue(server.shutdown()) }
        server = nil
        super.tearDown()
    }

    private let key = "POS_OUTPUT_KEY_0b5e"

    private func serve(_ body: String) throws -> [String: String] {
        let server = try LoopbackHTTPServer { _ in
            LoopbackHTTPServer.Response(
                status: 200, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
        }
        self.server = server
        return [
            "OPENPOS_USERNAME": "merchant", "OPENPOS_API_KEY": key, "OPENPOS_POS_ID": "POS1",
            "OPENPOS_BASE_URL": server.url("/v2/").absoluteString,
        ]
    }

    private let check = [
        "call", "openpos", "checkPayment", "--input",
        #"{"currency": "BTC", "payment_id": "p1", "address": "bc1qaddress"}"#,
    ]

    func testDefaultOutputKeepsTheProvidersDecimalTextAndLeavesOutUnknownFields() throws {
        let environment = try serve(
            #"{"invoice_amount": "201.20", "invoice_currency": "EUR", "currency": "BTC", "amount": "0.00668120", "#
                + #""payment": "0.00000000", "confirmations": 0, "min_confirmations": 1, "confirmed": false, "#
                + #""state": "waiting", "status": "Waiting", "surprise": {"nested": 1.50}}"#)

        let result = try ToolRunner().run(check, environment: environment)

        XCTAssertEqual(result.status, 0, result.all)
        XCTAssertTrue(result.out.contains(#""invoice_amount" : "201.20""#), result.out)
        XCTAssertTrue(result.out.contains(#""payment" : "0.00000000""#), result.out)
        XCTAssertTrue(result.out.contains(#""amount" : "0.00668120""#), result.out)
        XCTAssertFalse(result.out.contains("surprise"), result.out)
        let printed = try JSONDecoder().decode(JSONValue.self, from: Data(result.out.utf8))
        XCTAssertEqual(printed["confirmed"], false)
        XCTAssertEqual(printed["min_confirmations"], 1)
    }

    func testRawPrintsTheBodyAsReceivedWithUnknownFieldsAndRedactsTokens() throws {
        let body =
            #"{"invoice_amount": "201.20", "invoice_currency": "EUR", "currency": "BTC", "amount": "0.00668120", "#
            + #""payment": "0.00000000", "confirmations": 0, "confirmed": false, "state": "waiting", "#
            + #""surprise": {"nested": 1.50}}"#
        let environment = try serve(body)

        let raw = try ToolRunner().run(check + ["--raw"], environment: environment)

        XCTAssertEqual(raw.status, 0, raw.all)
        XCTAssertEqual(raw.out, body + "\n")
    }

    func testRawRedactsAccessTokensAndTheDefaultOutputToo() throws {
        let token = "tok_live_9f8e7d"
        var body = String(decoding: try Fixtures.data("OpenPOS/getTransactions.json"), as: UTF8.self)
        body = body.replacingOccurrences(of: "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", with: token)
        let environment = try serve(body)
        let tool = try ToolRunner()

        let raw = try tool.run(["call", "openpos", "getTransactions", "--raw"], environment: environment)
        let decoded = try tool.run(["call", "openpos", "getTransactions"], environment: environment)

        for result in [raw, decoded] {
            XCTAssertEqual(result.status, 0, result.all)
            XCTAssertFalse(result.all.contains(token), result.all)
            XCTAssertTrue(result.out.contains("[REDACTED]"), result.out)
            XCTAssertFalse(result.all.contains(key))
        }
        XCTAssertTrue(decoded.out.contains(#""amount" : "0.01729569""#), decoded.out)
    }

    func testNumbersKeepTheirDigitsWhereTheModuleWritesThemBack() throws {
        let body = String(decoding: try Fixtures.data("UseGateway/payments_retrieve.json"), as: UTF8.self)
            .replacingOccurrences(of: #""amount": 10,"#, with: #""amount": 10.00,"#)
            .replacingOccurrences(of: #""amount": 145.622008,"#, with: #""amount": 145.6220080,"#)
        let server = try LoopbackHTTPServer { _ in
            LoopbackHTTPServer.Response(
                status: 200, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
        }
        self.server = server

        let result = try ToolRunner().run(
            ["call", "usegateway", "payments.retrieve", "--id", "p1", "--base-url", server.url("").absoluteString],
            environment: ["USEGATEWAY_API_KEY": "ug_output_key"])

        XCTAssertEqual(result.status, 0, result.all)
        XCTAssertTrue(result.out.contains(#""amount" : 10.00,"#), result.out)
        XCTAssertTrue(result.out.contains(#""amount" : 145.6220080,"#), result.out)
    }
}
