import CryptoPay
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// The `cryptopay` executable, run as a user runs it.
final class CommandLineTests: XCTestCase {
    private var server: LoopbackHTTPServer?

    override func tearDown() {
        if let server { XCTAssertTrue(server.shutdown()) }
        server = nil
        super.tearDown()
    }

    private let secretKey = "ONEXGATE_SECRET_KEY_4242"

    func testDemoRunsEveryProviderOnTheSandboxAndExitsZero() throws {
        let result = try ToolRunner().run(["demo"])

        XCTAssertEqual(result.status, 0, result.all)
        let lines = result.out.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("provider"), result.out)
        for provider in ProviderIDs.all {
            let row = try XCTUnwrap(lines.first { $0.hasPrefix(provider + " ") }, "no row for \(provider)")
            XCTAssertTrue(row.hasSuffix(" ok"), row)
            XCTAssertTrue(row.contains("pending → paid → paid"), row)
        }
        XCTAssertEqual(
            lines.last,
            "\(ProviderIDs.all.count) of \(ProviderIDs.all.count) providers passed every step on the sandbox")
        XCTAssertEqual(result.err, "")
    }

    func testDemoForOneProviderShowsHowItsWebhookWasAuthenticated() throws {
        let signed = try ToolRunner().run(["demo", "--provider", "usegateway"])
        XCTAssertEqual(signed.status, 0, signed.all)
        XCTAssertTrue(signed.out.contains(" signature "), signed.out)
        let lookup = try ToolRunner().run(["demo", "--provider", "onexgate"])
        XCTAssertTrue(lookup.out.contains(" lookup "), lookup.out)
        XCTAssertTrue(lookup.out.hasSuffix("1 of 1 providers passed every step on the sandbox\n"), lookup.out)
    }

    func testUsageErrorsExitTwoWithAOneLineHint() throws {
        let tool = try ToolRunner()
        let cases: [([String], String)] = [
            ([], "usage: cryptopay"),
            (["launch"], "error: unknown command launch (see 'cryptopay --help')"),
            (["demo", "--provider"], "error: --provider needs a value (see 'cryptopay demo --help')"),
            (["demo", "--colour", "red"], "error: unknown option --colour (see 'cryptopay demo --help')"),
            (["operations"], "error: operations takes one provider id (see 'cryptopay operations --help')"),
            (["call", "paypal", "x"], "error: unknown provider paypal"),
            (["webhook", "verify"], "error: webhook takes 'verify' or 'sign' and a provider id"),
        ]
        for (arguments, expected) in cases {
            let result = try tool.run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.all)")
            XCTAssertTrue(result.err.hasPrefix(expected), "\(arguments): \(result.err)")
            XCTAssertEqual(result.out, "", "\(arguments)")
        }
    }

    func testEveryCommandHasHelp() throws {
        let tool = try ToolRunner()
        for command in ["demo", "providers", "operations", "call", "webhook"] {
            let result = try tool.run([command, "--help"])
            XCTAssertEqual(result.status, 0, command)
            XCTAssertTrue(result.out.hasPrefix("usage: cryptopay \(command)"), result.out)
        }
    }

    func testProvidersAndOperationsListWhatTheModulesDescribe() throws {
        let tool = try ToolRunner()
        let providers = try tool.run(["providers"])
        XCTAssertEqual(providers.status, 0)
        let rows = providers.out.split(separator: "\n").map {
            $0.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        XCTAssertEqual(rows.first, ["id", "module", "authentication", "webhooks", "operations"])
        XCTAssertEqual(
            rows.first { $0.first == "onexgate" },
            ["onexgate", "OneXGate", "x-integration-key header", "unsigned; verified by lookup", "3"])
        XCTAssertEqual(rows.dropFirst().map { $0[0] }, ProviderIDs.all)

        let operations = try tool.run(["operations", "onexgate"])
        XCTAssertEqual(operations.status, 0)
        let lines = operations.out.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) }
        XCTAssertEqual(lines, ["payments.create", "payments.retrieve", "settings.payment"])
        XCTAssertTrue(operations.out.contains("GET /v1/integrations/payments/{paymentId}  path: paymentId"))
        XCTAssertTrue(operations.out.contains("body: currency*, network*, amount*, orderId*"), operations.out)
    }

    func testCallWithoutCredentialsNamesTheVariableAndSendsNothing() throws {
        let result = try ToolRunner().run(["call", "onexgate", "payments.retrieve", "--id", "p1"])

        XCTAssertEqual(result.status, 1)
        let error = try JSONDecoder().decode(JSONValue.self, from: Data(result.err.utf8))
        XCTAssertEqual(error["kind"], "invalidRequest")
        XCTAssertEqual(error["message"], "set ONEXGATE_API_KEY to call onexgate")
        XCTAssertEqual(error["outcome"], "notApplied")
    }

    func testCallAgainstALoopbackServerPrintsTheDecodedResponseExactly() throws {
        let body = try Fixtures.data("OneXGate/payments_retrieve.json")
        let server = try LoopbackHTTPServer { _ in
            LoopbackHTTPServer.Response(status: 200, headers: ["Content-Type": "application/json"], body: body)
        }
        self.server = server

        let result = try ToolRunner().run(
            [
                "call", "onexgate", "payments.retrieve", "--id", "66ad24125dececa8b9a16bf3", "--base-url",
                server.url("").absoluteString,
            ],
            environment: ["ONEXGATE_API_KEY": secretKey]
        )

        XCTAssertEqual(result.status, 0, result.all)
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(request.target, "/v1/integrations/payments/66ad24125dececa8b9a16bf3")
        XCTAssertEqual(request.headers["x-integration-key"], secretKey)
        let printed = try JSONDecoder().decode(JSONValue.self, from: Data(result.out.utf8))
        XCTAssertEqual(printed["_id"], "66ad24125dececa8b9a16bf3")
        XCTAssertEqual(printed["amountUsd"], .number(try XCTUnwrap(DecimalText.parse("2.29839"))))
        XCTAssertEqual(printed["createdAt"], "2024-08-02T18:23:14.867Z")
        XCTAssertTrue(result.out.contains("\"amountUsd\" : 2.29839"), result.out)
        XCTAssertFalse(result.all.contains(secretKey))
    }

    func testCallProviderErrorIsJSONOnStderrWithExitOne() throws {
        let server = try LoopbackHTTPServer { _ in
            LoopbackHTTPServer.Response(
                status: 401, headers: ["Content-Type": "application/json"],
                body: Data(#"{"statusCode":401,"message":"Unauthorized"}"#.utf8))
        }
        self.server = server

        let result = try ToolRunner().run(
            ["call", "onexgate", "payments.retrieve", "--id", "p1", "--base-url", server.url("").absoluteString],
            environment: ["ONEXGATE_API_KEY": secretKey]
        )

        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.out, "")
        let error = try JSONDecoder().decode(JSONValue.self, from: Data(result.err.utf8))
        XCTAssertEqual(error["kind"], "authentication")
        XCTAssertEqual(error["status"], 401)
        XCTAssertEqual(error["message"], "Unauthorized")
        XCTAssertEqual(error["operation"], "payments.retrieve")
        XCTAssertFalse(result.all.contains(secretKey))
    }

    func testCallRefusesUnknownInputsAndMissingPathParametersWithoutSending() throws {
        let server = try LoopbackHTTPServer { _ in LoopbackHTTPServer.Response(status: 500) }
        self.server = server
        let tool = try ToolRunner()
        let environment = ["ONEXGATE_API_KEY": secretKey]
        let base = server.url("").absoluteString

        let missing = try tool.run(
            ["call", "onexgate", "payments.retrieve", "--base-url", base], environment: environment)
        let unknown = try tool.run(
            ["call", "onexgate", "payments.create", "--input", #"{"colour": "red"}"#, "--base-url", base],
            environment: environment)
        let plainHTTP = try tool.run(
            ["call", "onexgate", "settings.payment", "--base-url", "http://example.com"], environment: environment)

        for result in [missing, unknown, plainHTTP] {
            XCTAssertEqual(result.status, 1, result.all)
            let error = try JSONDecoder().decode(JSONValue.self, from: Data(result.err.utf8))
            XCTAssertEqual(error["kind"], "invalidRequest", result.err)
        }
        XCTAssertTrue(unknown.err.contains("takes no input colour"), unknown.err)
        XCTAssertTrue(server.requests.isEmpty)
    }

    func testWebhookSignThenVerifyRoundTripsAndTamperingIsRejected() throws {
        let tool = try ToolRunner()
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        let body = try Fixtures.data("UseGateway/webhook_payment_completed.json")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cryptopay-\(UUID().uuidString).json")
        try body.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let signed = try tool.run([
            "webhook", "sign", "usegateway", "--secret", secret, "--id", "msg_cli_1", "--timestamp", "1700000000",
            "--body-file", file.path,
        ])
        XCTAssertEqual(signed.status, 0, signed.all)
        let headers = signed.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(headers.count, 3)
        XCTAssertTrue(headers.contains("svix-id: msg_cli_1"))
        XCTAssertTrue(headers.contains("svix-timestamp: 1700000000"))

        let verify =
            ["webhook", "verify", "usegateway", "--secret", secret, "--now", "1700000010"]
            + headers.flatMap { ["--header", $0] }
        let verified = try tool.run(verify + ["--body-file", file.path])
        XCTAssertEqual(verified.status, 0, verified.all)
        let json = try JSONDecoder().decode(JSONValue.self, from: Data(verified.out.utf8))
        XCTAssertEqual(json["idempotencyKey"], "msg_cli_1")
        XCTAssertEqual(json["authentication"], "signature")
        XCTAssertEqual(json["event"]?["event"], "payment.completed")
        XCTAssertEqual(
            json["event"]?["data"]?["pricing"]?["tron"]?["amount"],
            .number(try XCTUnwrap(DecimalText.parse("145.622008"))))

        let tampered = try tool.run(
            verify,
            input: Data(String(decoding: body, as: UTF8.self).replacingOccurrences(of: "145.622008", with: "1.0").utf8))
        XCTAssertEqual(tampered.status, 1)
        XCTAssertTrue(tampered.err.contains("no matching signature"), tampered.err)
        for result in [signed, verified, tampered] {
            XCTAssertFalse(result.all.contains("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        }
    }

    func testUnsignedProvidersNeitherSignNorVerifyWithoutLookup() throws {
        let tool = try ToolRunner()
        let sign = try tool.run(["webhook", "sign", "onexgate", "--secret", "s"], input: Data("{}".utf8))
        XCTAssertEqual(sign.status, 1)
        XCTAssertTrue(sign.err.contains("does not sign its webhooks"), sign.err)
        let verify = try tool.run(["webhook", "verify", "onexgate"], input: Data("{}".utf8))
        XCTAssertEqual(verify.status, 1)
        XCTAssertTrue(verify.err.contains("--lookup"), verify.err)
    }
}

/// The providers the demo runs.
enum ProviderIDs {
    static let all = [
        "usegateway",
        "storegateway",
        "usdtinvoice",
        "onexgate",
        "openpos",
    ]
}
