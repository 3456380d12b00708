import CryptoPay
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// The `cryptopay` executable with the Store Gateway, run as a user runs it.
final class StoreGatewayCommandLineTests: XCTestCase {
    private var server: LoopbackHTTPServer?

    override func tearDown() {
        if let server { XCTAssertTrue(server.shutdown()) }
        server = nil
        super.tearDown()
    }

    private let apiKey = "sg_cli_key_7c1d"
    private let apiSecret = "SG_CLI_SECRET_93fe21"
    private var authorization: String { "Basic " + Data("\(apiKey):\(apiSecret)".utf8).base64EncodedString() }

    private func serve(_ status: Int, fixture: String) throws -> LoopbackHTTPServer {
        let body = try Fixtures.data(fixture)
        let server = try LoopbackHTTPServer { _ in
            LoopbackHTTPServer.Response(status: status, headers: ["Content-Type": "application/json"], body: body)
        }
        self.server = server
        return server
    }

    private func assertNoSecret(_ result: ToolRunner.Result, file: StaticString = #filePath, line: UInt = #line) {
        for secret in [apiKey, apiSecret, String(authorization.dropFirst("Basic ".count))] {
            XCTAssertFalse(result.all.contains(secret), "a secret was printed", file: file, line: line)
        }
    }

    func testOperationsListsEveryOperationWithItsInputs() throws {
        let result = try ToolRunner().run(["operations", "storegateway"])

        XCTAssertEqual(result.status, 0, result.all)
        let names = result.out.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) }
        XCTAssertEqual(
            names,
            [
                "assets.list", "accounts.list", "convert", "payments.create", "payments.createFiat", "payments.list",
                "payments.retrieve", "payments.transactions", "withdrawals.create", "withdrawals.retrieve",
                "dedicatedAddresses.create", "dedicatedAddresses.release", "transfers.create",
            ])
        let columns = result.out.split(separator: " ").joined(separator: " ")
        XCTAssertTrue(columns.contains("payments.transactions GET /payment/{payment_id}/txs path: payment_id"))
        XCTAssertTrue(
            columns.contains("payments.list GET /payments path: - query: from*, to*, status, asset_id, dedicate_id"))
        XCTAssertTrue(
            columns.contains(
                "payments.create POST /payment path: - body: payment_type, amount*, asset_id*, payment_asset_id*"),
            result.out)
        XCTAssertTrue(columns.contains("fiat_provider*, fiat_asset_id*"), result.out)
        let providers = try ToolRunner().run(["providers"])
        XCTAssertEqual(providers.status, 0, providers.all)
        XCTAssertTrue(
            providers.out.split(separator: " ").joined(separator: " ").contains(
                "storegateway StoreGateway HTTP Basic (API key, API secret) HMAC-SHA256 (X-Webhook-HMAC-SHA256) 13"),
            providers.out)
    }

    func testCallRetrievesAPaymentWithBasicAuthAndPrintsItExactly() throws {
        let server = try serve(200, fixture: "StoreGateway/payments_create.json")

        let result = try ToolRunner().run(
            ["call", "storegateway", "payments.retrieve", "--id", "f2a681c0-34e6-4668-8cb4-f76bac6b81c3"],
            environment: [
                "STOREGATEWAY_API_KEY": apiKey, "STOREGATEWAY_API_SECRET": apiSecret,
                "STOREGATEWAY_BASE_URL": server.url("/int").absoluteString,
            ]
        )

        XCTAssertEqual(result.status, 0, result.all)
        XCTAssertEqual(server.requests.count, 1)
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(request.target, "/int/payment/f2a681c0-34e6-4668-8cb4-f76bac6b81c3")
        XCTAssertEqual(request.headers["Authorization"], authorization)
        XCTAssertEqual(request.headers["Content-Type"], "application/json")
        let printed = try JSONDecoder().decode(JSONValue.self, from: Data(result.out.utf8))
        XCTAssertEqual(printed["payment_id"], "f2a681c0-34e6-4668-8cb4-f76bac6b81c3")
        XCTAssertEqual(printed["amount"], "100")
        XCTAssertEqual(printed["payment_amount"], "0.00370885")
        XCTAssertEqual(printed["rate"], .number(try decimal("0.00003708847905797581")))
        XCTAssertEqual(printed["rate_date"], "2023-06-02T14:03:33Z")
        XCTAssertEqual(printed["status"], "OPEN")
        XCTAssertEqual(printed["custom1"], " some value 1")
        XCTAssertEqual(printed["timeout"], 0)
        XCTAssertTrue(result.out.contains(#""payment_amount" : "0.00370885""#), result.out)
        assertNoSecret(result)
    }

    func testCallCreatesAPaymentFromInputAndBaseURLOverridesTheVariable() throws {
        let server = try serve(200, fixture: "StoreGateway/payments_create.json")
        let input = try Fixtures.directory().appendingPathComponent("StoreGateway/payments_create_request.json")

        let result = try ToolRunner().run(
            [
                "call", "storegateway", "payments.create", "--input", "@" + input.path, "--base-url",
                server.url("/int").absoluteString,
            ],
            environment: [
                "STOREGATEWAY_API_KEY": apiKey, "STOREGATEWAY_API_SECRET": apiSecret,
                "STOREGATEWAY_BASE_URL": "https://api.storegateway.invalid/int",
            ]
        )

        XCTAssertEqual(result.status, 0, result.all)
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.target, "/int/payment")
        XCTAssertEqual(request.headers["Authorization"], authorization)
        XCTAssertEqual(request.headers["Content-Type"], "application/json")
        XCTAssertEqual(
            try JSONDecoder().decode(JSONValue.self, from: request.body),
            try Fixtures.json("StoreGateway/payments_create_request.json"))
        let printed = try JSONDecoder().decode(JSONValue.self, from: Data(result.out.utf8))
        XCTAssertEqual(printed["remain_amount"], "0.00370885")
        XCTAssertEqual(printed["payment_url"]?.stringValue?.hasPrefix("https://payer.storegateway.com/payment/"), true)
        assertNoSecret(result)
    }

    func testCallPrintsTheProvidersErrorAsJSONWithExitOne() throws {
        let server = try serve(422, fixture: "StoreGateway/error_422.json")

        let result = try ToolRunner().run(
            ["call", "storegateway", "payments.retrieve", "--id", "e5792528-d265-4813-8b59-055cdfef31b1"],
            environment: [
                "STOREGATEWAY_API_KEY": apiKey, "STOREGATEWAY_API_SECRET": apiSecret,
                "STOREGATEWAY_BASE_URL": server.url("/int").absoluteString,
            ]
        )

        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.out, "")
        let error = try JSONDecoder().decode(JSONValue.self, from: Data(result.err.utf8))
        XCTAssertEqual(error["kind"], "notFound")
        XCTAssertEqual(error["status"], 422)
        XCTAssertEqual(error["code"], "ERR_NO_PAYMENT")
        XCTAssertEqual(error["message"], "Payment <e5792528-d265-4813-8b59-055cdfef31b1> not found.")
        XCTAssertEqual(error["operation"], "payments.retrieve")
        XCTAssertEqual(error["outcome"], "notApplied")
        assertNoSecret(result)
    }

    func testMissingCredentialsNameTheVariableAndSendNothing() throws {
        let server = try LoopbackHTTPServer { _ in LoopbackHTTPServer.Response(status: 500) }
        self.server = server
        let tool = try ToolRunner()
        let cases: [([String: String], String)] = [
            ([:], "set STOREGATEWAY_API_KEY to call storegateway"),
            (["STOREGATEWAY_API_KEY": apiKey], "set STOREGATEWAY_API_SECRET to call storegateway"),
            (
                ["STOREGATEWAY_API_KEY": apiKey, "STOREGATEWAY_API_SECRET": apiSecret],
                "set STOREGATEWAY_BASE_URL (or pass --base-url) to call storegateway"
            ),
        ]
        for (environment, message) in cases {
            let result = try tool.run(["call", "storegateway", "assets.list"], environment: environment)
            XCTAssertEqual(result.status, 1, result.all)
            let error = try JSONDecoder().decode(JSONValue.self, from: Data(result.err.utf8))
            XCTAssertEqual(error["kind"], "invalidRequest")
            XCTAssertEqual(error["message"], .string(message))
            assertNoSecret(result)
        }
        let refused = try tool.run(
            ["call", "storegateway", "payments.list", "--input", #"{"from": "2024-03-01"}"#],
            environment: [
                "STOREGATEWAY_API_KEY": apiKey, "STOREGATEWAY_API_SECRET": apiSecret,
                "STOREGATEWAY_BASE_URL": server.url("/int").absoluteString,
            ])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.err.contains("payments.list requires the input to"), refused.err)
        XCTAssertTrue(server.requests.isEmpty)
    }

    func testWebhookSignThenVerifyRoundTripsAndTamperingIsRejected() throws {
        let tool = try ToolRunner()
        let secret = "sg_webhook_secret_5d8a0c"
        let body = try Fixtures.data("StoreGateway/webhook_payment_complete.json")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cryptopay-\(UUID().uuidString).json")
        try body.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let expected = try HMACHeaderSignatureScheme.sign(
            body: body, secret: secret, headerName: HMACHeaderSignatureScheme.storeGatewayHeaderName)

        let signed = try tool.run(["webhook", "sign", "storegateway", "--secret", secret, "--body-file", file.path])

        XCTAssertEqual(signed.status, 0, signed.all)
        let headers = signed.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(headers, ["X-Webhook-HMAC-SHA256: \(expected["X-Webhook-HMAC-SHA256"] ?? "")"])

        let verify = ["webhook", "verify", "storegateway", "--secret", "old-secret", "--secret", secret, "--header"]
        let verified = try tool.run(verify + [headers[0], "--body-file", file.path])
        XCTAssertEqual(verified.status, 0, verified.all)
        let json = try JSONDecoder().decode(JSONValue.self, from: Data(verified.out.utf8))
        XCTAssertEqual(json["provider"], "storegateway")
        XCTAssertEqual(json["authentication"], "signature")
        XCTAssertEqual(
            json["idempotencyKey"],
            "payment:48bfcfc1-5658-48f9-81ca-d56ac92afd9d:payment.complete:COMPLETE:0.002137791379927765")
        XCTAssertNil(json["deliveryID"])
        XCTAssertEqual(json["event"]?["event"], "payment.complete")
        XCTAssertEqual(json["event"]?["payment"]?["amount"], "4")
        XCTAssertEqual(json["event"]?["payment"]?["rate"], .number(try decimal("0.0005344478449819411")))

        let tampered = try tool.run(
            verify + [headers[0]],
            input: Data(String(decoding: body, as: UTF8.self).replacingOccurrences(of: "\"4\"", with: "\"40\"").utf8))
        XCTAssertEqual(tampered.status, 1)
        XCTAssertTrue(tampered.err.contains("no matching signature"), tampered.err)
        let unsigned = try tool.run(["webhook", "verify", "storegateway", "--secret", secret], input: body)
        XCTAssertEqual(unsigned.status, 1)
        XCTAssertTrue(unsigned.err.contains("missing header X-Webhook-HMAC-SHA256"), unsigned.err)
        let noSecret = try tool.run(["webhook", "verify", "storegateway", "--header", headers[0]], input: body)
        XCTAssertEqual(noSecret.status, 1)
        XCTAssertTrue(noSecret.err.contains("--secret"), noSecret.err)
        for result in [signed, verified, tampered, unsigned, noSecret] {
            XCTAssertFalse(result.all.contains(secret), "the webhook secret was printed")
        }
    }

    func testWebhookVerifyByLookupFetchesThePaymentForAStoreWithoutASecret() throws {
        let body = try Fixtures.data("StoreGateway/webhook_payment_complete.json")
        let payment = try JSONEncoder().encode(
            try XCTUnwrap(try Fixtures.json("StoreGateway/webhook_payment_complete.json")["payment"]))
        let server = try LoopbackHTTPServer { _ in
            LoopbackHTTPServer.Response(status: 200, headers: ["Content-Type": "application/json"], body: payment)
        }
        self.server = server

        let result = try ToolRunner().run(
            ["webhook", "verify", "storegateway", "--lookup", "--base-url", server.url("/int").absoluteString],
            environment: ["STOREGATEWAY_API_KEY": apiKey, "STOREGATEWAY_API_SECRET": apiSecret],
            input: body
        )

        XCTAssertEqual(result.status, 0, result.all)
        XCTAssertEqual(server.requests.map(\.target), ["/int/payment/48bfcfc1-5658-48f9-81ca-d56ac92afd9d"])
        XCTAssertEqual(server.requests.first?.headers["Authorization"], authorization)
        let json = try JSONDecoder().decode(JSONValue.self, from: Data(result.out.utf8))
        XCTAssertEqual(json["authentication"], "lookup")
        XCTAssertEqual(json["event"]?["payment"]?["status"], "COMPLETE")
        XCTAssertEqual(json["event"]?["payment"]?["ip_amount"], "0.002137791379927765")
        assertNoSecret(result)
    }

    func testDemoForTheStoreGatewayIsSignedAndEndsPaid() throws {
        let result = try ToolRunner().run(["demo", "--provider", "storegateway"])

        XCTAssertEqual(result.status, 0, result.all)
        let row = try XCTUnwrap(result.out.split(separator: "\n").first { $0.hasPrefix("storegateway ") })
        XCTAssertTrue(row.contains(" 10 USD "), String(row))
        XCTAssertTrue(row.contains("pending → paid → paid"), String(row))
        XCTAssertTrue(row.contains(" signature "), String(row))
        XCTAssertTrue(row.hasSuffix(" ok"), String(row))
        XCTAssertTrue(result.out.hasSuffix("1 of 1 providers passed every step on the sandbox\n"), result.out)
        XCTAssertEqual(result.err, "")
    }
}
