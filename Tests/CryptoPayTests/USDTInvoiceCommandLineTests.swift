import CryptoPay
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// `cryptopay` for the USDT invoice API, run as a user runs it.
final class USDTInvoiceCommandLineTests: XCTestCase {
    private var server: LoopbackHTTPServer?

    override func tearDown() {
        if let server { XCTAssertTrue(server.shutdown()) }
        server = nil
        super.tearDown()
    }

    private let apiKey = "test_USDT_SECRET_KEY_4242"
    /// The secret `Fixtures/USDTInvoice/webhook_payment_confirmed_headers.json` was signed with, independently.
    private let webhookSecret = "usdt_whsec_test_3b9f1c"

    private func serve(status: Int, fixture: String) throws -> LoopbackHTTPServer {
        let body = try Fixtures.data("USDTInvoice/\(fixture)")
        let server = try LoopbackHTTPServer { _ in
            LoopbackHTTPServer.Response(status: status, headers: ["Content-Type": "application/json"], body: body)
        }
        self.server = server
        return server
    }

    private func json(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    func testOperationsListsEveryOperation() throws {
        let result = try ToolRunner().run(["operations", "usdtinvoice"])

        XCTAssertEqual(result.status, 0, result.all)
        let names = result.out.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) }
        XCTAssertEqual(
            names,
            [
                "invoices.create", "invoices.retrieve", "invoices.retrieveByReference", "invoices.list",
                "invoices.cancel", "account.retrieve", "account.apiLogs", "sandbox.simulatePayment",
                "sandbox.triggerExpiry", "sandbox.testWebhook",
            ])
        XCTAssertTrue(result.out.contains("GET /api/v1/invoices/reference/{reference}  path: reference"), result.out)
        XCTAssertTrue(
            result.out.contains(
                "body: amountUsdt*, assetCode*, reference, callbackUrl, expirySeconds, metadata, walletId, title, "
                    + "description, useWhiteLabel, returnUrl"),
            result.out)
        XCTAssertTrue(result.out.contains("body: invoiceId*, delaySeconds"), result.out)

        let providers = try ToolRunner().run(["providers"])
        let rows = providers.out.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        XCTAssertTrue(
            rows.contains(
                "usdtinvoice USDTInvoice Authorization: Bearer (test_/live_ key) HMAC-SHA256 hex (X-Webhook-Signature) 10"
            ),
            providers.out)
    }

    func testCallCreateSendsTheExactRequestAndPrintsTheInvoiceExactly() throws {
        let server = try serve(status: 201, fixture: "invoices_create.json")
        let input =
            #"{"amountUsdt": 150.0000, "assetCode": "USDT_TRC20", "reference": "ORDER-12345", "useWhiteLabel": true}"#

        let result = try ToolRunner().run(
            ["call", "usdtinvoice", "invoices.create", "--input", input],
            environment: ["USDTINVOICE_API_KEY": apiKey, "USDTINVOICE_BASE_URL": server.url("").absoluteString]
        )

        XCTAssertEqual(result.status, 0, result.all)
        XCTAssertEqual(server.requests.count, 1)
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.target, "/api/v1/invoices")
        XCTAssertEqual(request.headers["Authorization"], "Bearer \(apiKey)")
        XCTAssertEqual(request.headers["Content-Type"], "application/json")
        XCTAssertEqual(
            try JSONDecoder().decode(JSONValue.self, from: request.body),
            [
                "amountUsdt": 150, "assetCode": "USDT_TRC20", "reference": "ORDER-12345", "useWhiteLabel": true,
            ])
        let printed = try json(result.out)
        XCTAssertEqual(printed, try Fixtures.json("USDTInvoice/invoices_create.json"))
        XCTAssertTrue(result.out.contains(#""amountUsdtExact" : "150.0000""#), result.out)
        XCTAssertEqual(printed["whiteLabel"]?["networkLabel"], "Tron (TRC20)")
        XCTAssertEqual(printed["createdAt"], "2024-01-15T14:30:00Z")
        XCTAssertFalse(result.all.contains(apiKey))
    }

    func testCallByReferenceWithTheBaseURLFlagEncodesTheReferenceAsOneSegment() throws {
        let server = try serve(status: 200, fixture: "invoices_retrieve_confirmed.json")

        let result = try ToolRunner().run(
            [
                "call", "usdtinvoice", "invoices.retrieveByReference", "--reference", "ORDER 12/345", "--base-url",
                server.url("").absoluteString,
            ],
            environment: ["USDTINVOICE_API_KEY": apiKey, "USDTINVOICE_BASE_URL": "https://api.example.com"]
        )

        XCTAssertEqual(result.status, 0, result.all)
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(request.target, "/api/v1/invoices/reference/ORDER%2012%2F345")
        XCTAssertEqual(request.headers["Authorization"], "Bearer \(apiKey)")
        let printed = try json(result.out)
        XCTAssertEqual(printed["status"], "confirmed")
        XCTAssertEqual(printed["amountUsdtExact"], "150.0000")
        XCTAssertEqual(printed["isTest"], true)
    }

    func testCallListSendsTheQueryAndAProviderErrorIsJSONOnStderr() throws {
        let server = try serve(status: 409, fixture: "error_409.json")

        let result = try ToolRunner().run(
            ["call", "usdtinvoice", "invoices.list", "--input", #"{"page": 2, "limit": 20}"#],
            environment: ["USDTINVOICE_API_KEY": apiKey, "USDTINVOICE_BASE_URL": server.url("").absoluteString]
        )

        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.out, "")
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.path, "/api/v1/invoices")
        XCTAssertEqual(
            Set(request.query?.split(separator: "&").map(String.init) ?? []), ["page=2", "limit=20"])
        let error = try json(result.err)
        XCTAssertEqual(error["kind"], "conflict")
        XCTAssertEqual(error["status"], 409)
        XCTAssertEqual(error["code"], "Conflict")
        XCTAssertEqual(error["message"], "Invoice with this reference already exists")
        XCTAssertEqual(error["operation"], "invoices.list")
        XCTAssertFalse(result.all.contains(apiKey))
    }

    func testMissingCredentialsNameTheVariableAndSendNothing() throws {
        let tool = try ToolRunner()

        let noKey = try tool.run(["call", "usdtinvoice", "account.retrieve"])
        let noURL = try tool.run(
            ["call", "usdtinvoice", "account.retrieve"], environment: ["USDTINVOICE_API_KEY": apiKey])
        let badKey = try tool.run(
            ["call", "usdtinvoice", "account.retrieve"],
            environment: ["USDTINVOICE_API_KEY": "sk_USDT_SECRET", "USDTINVOICE_BASE_URL": "https://api.example.com"])

        for (result, message) in [
            (noKey, "set USDTINVOICE_API_KEY to call usdtinvoice"),
            (noURL, "set USDTINVOICE_BASE_URL to call usdtinvoice"),
            (badKey, "the API key must begin with test_ or live_"),
        ] {
            XCTAssertEqual(result.status, 1, result.all)
            XCTAssertEqual(result.out, "")
            let error = try json(result.err)
            XCTAssertEqual(error["kind"], "invalidRequest")
            XCTAssertEqual(error["message"], .string(message))
            XCTAssertEqual(error["outcome"], "notApplied")
        }
        XCTAssertFalse(noURL.all.contains(apiKey))
        XCTAssertFalse(badKey.all.contains("sk_USDT_SECRET"))
    }

    func testWebhookSignMatchesTheIndependentSignatureAndVerifyRoundTrips() throws {
        let tool = try ToolRunner()
        let body = try Fixtures.data("USDTInvoice/webhook_payment_confirmed.json")
        let documentHeaders = try JSONDecoder().decode(
            [String: String].self, from: Fixtures.data("USDTInvoice/webhook_payment_confirmed_headers.json"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cryptopay-\(UUID().uuidString).json")
        try body.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let signed = try tool.run([
            "webhook", "sign", "usdtinvoice", "--secret", webhookSecret, "--id", "9b2f4c1e-7a3d-4e5f-8c6b-1d2e3f4a5b6c",
            "--body-file", file.path,
        ])

        XCTAssertEqual(signed.status, 0, signed.all)
        let headers = signed.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(
            headers,
            [
                "X-Webhook-Signature: \(documentHeaders["X-Webhook-Signature"] ?? "")",
                "X-Webhook-Id: 9b2f4c1e-7a3d-4e5f-8c6b-1d2e3f4a5b6c",
                "X-Invoice-Reference: ORDER-12345",
            ])

        let verify =
            ["webhook", "verify", "usdtinvoice", "--secret", "old_secret", "--secret", webhookSecret]
            + headers.flatMap { ["--header", $0] }
        let verified = try tool.run(verify + ["--body-file", file.path])

        XCTAssertEqual(verified.status, 0, verified.all)
        let json = try json(verified.out)
        XCTAssertEqual(json["provider"], "usdtinvoice")
        XCTAssertEqual(json["idempotencyKey"], "ORDER-12345:confirmed")
        XCTAssertEqual(json["deliveryID"], "9b2f4c1e-7a3d-4e5f-8c6b-1d2e3f4a5b6c")
        XCTAssertEqual(json["authentication"], "signature")
        XCTAssertEqual(json["event"], try Fixtures.json("USDTInvoice/webhook_payment_confirmed.json"))
        XCTAssertTrue(verified.out.contains(#""amount_usdt_exact" : "150.0000""#), verified.out)

        let tampered = try tool.run(
            verify,
            input: Data(
                String(decoding: body, as: UTF8.self).replacingOccurrences(of: "150.0000", with: "15.0000").utf8))
        XCTAssertEqual(tampered.status, 1)
        XCTAssertTrue(tampered.err.contains("no matching signature"), tampered.err)
        let noSecret = try tool.run(["webhook", "verify", "usdtinvoice", "--body-file", file.path])
        XCTAssertEqual(noSecret.status, 1)
        XCTAssertTrue(noSecret.err.contains("usdtinvoice webhooks need --secret"), noSecret.err)
        for result in [signed, verified, tampered] {
            XCTAssertFalse(result.all.contains(webhookSecret))
            XCTAssertFalse(result.all.contains("old_secret"))
        }
    }

    func testDemoForTheInvoiceProviderPassesEveryStepBySignature() throws {
        let result = try ToolRunner().run(["demo", "--provider", "usdtinvoice"])

        XCTAssertEqual(result.status, 0, result.all)
        let row = try XCTUnwrap(result.out.split(separator: "\n").first { $0.hasPrefix("usdtinvoice ") })
        XCTAssertTrue(row.contains("5d7c1a2e-0000-4000-8000-000000000001"), String(row))
        XCTAssertTrue(row.contains("150 USDT on tron"), String(row))
        XCTAssertTrue(row.contains("pending → paid → paid"), String(row))
        XCTAssertTrue(row.contains(" signature "), String(row))
        XCTAssertTrue(result.out.hasSuffix("1 of 1 providers passed every step on the sandbox\n"), result.out)
        XCTAssertEqual(result.err, "")
    }
}
