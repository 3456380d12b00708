import CryptoPay
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// The `cryptopay` executable with the POS API: operations, `call` against a loopback server, webhook lookup.
final class OpenPOSCommandLineTests: XCTestCase {
    private var server: LoopbackHTTPServer?

    override func tearDown() {
        if let server { XCTAssertTrue(server.shutdown()) }
        server = nil
        super.tearDown()
    }

    private static let apiKey = "POS_SECRET_KEY_7c21"
    /// `Basic base64("merchant:POS_SECRET_KEY_7c21")`, computed with Python's `base64`.
    private static let authorization = "Basic bWVyY2hhbnQ6UE9TX1NFQ1JFVF9LRVlfN2MyMQ=="
    private static let paymentID = "123e4567-e89b-12d3-a456-426614174000"
    private static let address = "38wGZr2xLgbHWsYrsNCER1C9mZkNHwyd69"

    /// A loopback server answering each path with a fixture (or a literal body) and `status`.
    private func serve(_ routes: [String: (status: Int, body: Data)]) throws -> LoopbackHTTPServer {
        let server = try LoopbackHTTPServer { request in
            guard let route = routes[request.path] else {
                return LoopbackHTTPServer.Response(status: 404, body: Data(#"{"err":"Invalid endpoint"}"#.utf8))
            }
            return LoopbackHTTPServer.Response(
                status: route.status, headers: ["Content-Type": "application/json"], body: route.body)
        }
        self.server = server
        return server
    }

    private func environment(_ server: LoopbackHTTPServer) -> [String: String] {
        [
            "OPENPOS_USERNAME": "merchant", "OPENPOS_API_KEY": Self.apiKey,
            "OPENPOS_BASE_URL": server.url("/v2/").absoluteString, "OPENPOS_POS_ID": "POS1",
        ]
    }

    private func query(_ request: LoopbackHTTPServer.Request) throws -> [(String, String)] {
        let components = try XCTUnwrap(URLComponents(string: "http://host" + request.target))
        return (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }
    }

    private func json(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    func testOperationsListEveryOperationAndProvidersShowsTheRow() throws {
        let tool = try ToolRunner()
        let operations = try tool.run(["operations", "openpos"])

        XCTAssertEqual(operations.status, 0, operations.all)
        let lines = operations.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(
            lines.map { $0.split(separator: " ").first.map(String.init) },
            [
                "getRate", "startPayment", "checkPayment", "cancelPayment", "acceptPayment", "refundPayment",
                "getCurrencyList", "getTransactions",
            ])
        let columns = lines.map { $0.components(separatedBy: "  ").filter { !$0.isEmpty }.map(trimmed) }
        XCTAssertEqual(
            columns[1],
            [
                "startPayment", "GET /StartPayment/", "path: -",
                "query: pos_id, payment_id*, invoice_currency*, invoice_amount*, currency*, reference_no, "
                    + "accept_zero_confirmations, payer_ip_address, payer_user_agent, require_kyt_for_confirmation, "
                    + "locale, user",
            ])
        XCTAssertEqual(
            columns[2],
            [
                "checkPayment", "GET /CheckPayment/", "path: -",
                "query: pos_id, currency*, payment_id*, address*, locale, user",
            ])
        XCTAssertEqual(
            columns[7],
            ["getTransactions", "GET /GetTransactions/", "path: -", "query: pos_id, offset, limit, locale, user"])

        let providers = try tool.run(["providers"])
        let row = try XCTUnwrap(providers.out.split(separator: "\n").first { $0.hasPrefix("openpos ") })
        XCTAssertEqual(
            row.components(separatedBy: "  ").filter { !$0.isEmpty }.map(trimmed),
            ["openpos", "OpenPOS", "HTTP Basic (username:api key), pos_id", "unsigned; verified by lookup", "8"])
    }

    func testCallStartPaymentSendsTheDocumentsRequestOnceAndPrintsExactAmounts() throws {
        let server = try serve(["/v2/StartPayment/": (200, try Fixtures.data("OpenPOS/startPayment.json"))])
        let input = """
            {"payment_id": "\(Self.paymentID)", "invoice_currency": "EUR", "invoice_amount": 48.25,
             "currency": "BTC", "reference_no": "12-23-456", "accept_zero_confirmations": true,
             "payer_ip_address": "1.1.1.1"}
            """

        let result = try ToolRunner().run(
            ["call", "openpos", "startPayment", "--input", input], environment: environment(server))

        XCTAssertEqual(result.status, 0, result.all)
        XCTAssertEqual(server.requests.count, 1)
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(request.path, "/v2/StartPayment/")
        XCTAssertEqual(request.headers["Authorization"], Self.authorization)
        let sent = try query(request)
        XCTAssertEqual(sent.first?.0, "pos_id")
        XCTAssertEqual(
            Dictionary(uniqueKeysWithValues: sent),
            [
                "pos_id": "POS1", "payment_id": Self.paymentID, "invoice_currency": "EUR", "invoice_amount": "48.25",
                "currency": "BTC", "reference_no": "12-23-456", "accept_zero_confirmations": "true",
                "payer_ip_address": "1.1.1.1",
            ])
        let printed = try json(result.out)
        XCTAssertEqual(printed["payment_id"], .string(Self.paymentID))
        XCTAssertEqual(printed["amount"], "0.00701648")
        XCTAssertEqual(printed["rate"], "6467.35")
        XCTAssertEqual(printed["network_processing_fee"], "0.00000152")
        XCTAssertEqual(printed["address"], .string(Self.address))
        XCTAssertEqual(
            printed["qr_img"],
            "https://api.demoURL.com/api/qr/?d=bitcoin%3A38wGZr2xLgbHWsYrsNCER1C9mZkNHwyd69%3Famount%3D0.00701648")
        XCTAssertTrue(result.out.contains(#""amount" : "0.00701648""#), result.out)
        XCTAssertFalse(result.all.contains(Self.apiKey))
        XCTAssertEqual(result.err, "")
    }

    func testAPosIDInTheInputReplacesTheEnvironmentsAndLocaleIsPassedOn() throws {
        let server = try serve(["/v2/GetRate/": (200, try Fixtures.data("OpenPOS/getRate.json"))])

        let result = try ToolRunner().run(
            [
                "call", "openpos", "getRate", "--input",
                #"{"pos_id": "WEB1", "invoice_currency": "EUR", "invoice_amount": "48.25", "currency": "BTC", "locale": "de"}"#,
            ],
            environment: environment(server))

        XCTAssertEqual(result.status, 0, result.all)
        let sent = try query(try XCTUnwrap(server.requests.first))
        XCTAssertEqual(sent.filter { $0.0 == "pos_id" }.map(\.1), ["WEB1"])
        XCTAssertEqual(sent.first { $0.0 == "locale" }?.1, "de")
        XCTAssertEqual(try json(result.out)["amount"], "0.00701726")
    }

    func testAStateChangingCallIsSentOnceAfterA500AndItsOutcomeIsUnknown() throws {
        let server = try serve(["/v2/CancelPayment/": (500, Data(#"{"err":"Internal Server Error"}"#.utf8))])

        let result = try ToolRunner().run(
            [
                "call", "openpos", "cancelPayment", "--input",
                #"{"currency": "BTC", "payment_id": "\#(Self.paymentID)", "address": "\#(Self.address)"}"#,
            ],
            environment: environment(server))

        XCTAssertEqual(result.status, 1, result.all)
        XCTAssertEqual(server.requests.count, 1)
        let error = try json(result.err)
        XCTAssertEqual(error["kind"], "server")
        XCTAssertEqual(error["status"], 500)
        XCTAssertEqual(error["message"], "Internal Server Error")
        XCTAssertEqual(error["outcome"], "unknown")
        XCTAssertEqual(error["operation"], "cancelPayment")
        XCTAssertEqual(result.out, "")
    }

    func testErrInA200AndThe401AreAuthenticationErrors() throws {
        let err = Data(#"{"err":"Invalid API key or authentication failed"}"#.utf8)
        let server = try serve(["/v2/GetCurrencyList/": (200, err), "/v2/GetTransactions/": (401, err)])
        let tool = try ToolRunner()

        let inTheBody = try tool.run(["call", "openpos", "getCurrencyList"], environment: environment(server))
        let unauthorized = try tool.run(["call", "openpos", "getTransactions"], environment: environment(server))

        for (result, status) in [(inTheBody, 200), (unauthorized, 401)] {
            XCTAssertEqual(result.status, 1, result.all)
            let error = try json(result.err)
            XCTAssertEqual(error["kind"], "authentication")
            XCTAssertEqual(error["status"], .number(Decimal(status)))
            XCTAssertEqual(error["message"], "Invalid API key or authentication failed")
            XCTAssertEqual(error["outcome"], "notApplied")
            XCTAssertFalse(result.all.contains(Self.apiKey))
        }
    }

    func testGetTransactionsPrintsExactValuesAndNoAccessToken() throws {
        let server = try serve(["/v2/GetTransactions/": (200, try Fixtures.data("OpenPOS/getTransactions.json"))])

        let result = try ToolRunner().run(
            ["call", "openpos", "getTransactions", "--input", #"{"offset": 0, "limit": 2}"#],
            environment: environment(server))

        XCTAssertEqual(result.status, 0, result.all)
        XCTAssertEqual(
            Dictionary(uniqueKeysWithValues: try query(try XCTUnwrap(server.requests.first))),
            ["pos_id": "POS1", "offset": "0", "limit": "2"])
        guard case .array(let transactions) = try json(result.out), let printed = transactions.first else {
            return XCTFail("expected an array of transactions: \(result.out)")
        }
        XCTAssertEqual(transactions.count, 1)
        XCTAssertEqual(printed["status"], "Confirmed")
        XCTAssertEqual(printed["payment_id"], .string(Self.paymentID))
        XCTAssertEqual(printed["invoice_amount"], "100")
        XCTAssertEqual(printed["amount"], "0.01729569")
        XCTAssertEqual(printed["refund"], "")
        XCTAssertEqual(printed["inserted"], "2020-03-27 11:00:00")
        XCTAssertEqual(printed["confirmed"], .null)
        XCTAssertEqual(printed["access_token"], "[REDACTED]")
        XCTAssertFalse(result.all.contains("XXXXXXXXXX"), result.out)
    }

    func testMissingCredentialsNameTheVariableAndNothingIsSent() throws {
        let server = try serve([:])
        let tool = try ToolRunner()
        let full = environment(server)

        for variable in ["OPENPOS_USERNAME", "OPENPOS_API_KEY", "OPENPOS_BASE_URL", "OPENPOS_POS_ID"] {
            var partial = full
            partial[variable] = nil
            let result = try tool.run(["call", "openpos", "getCurrencyList"], environment: partial)
            XCTAssertEqual(result.status, 1, result.all)
            let error = try json(result.err)
            XCTAssertEqual(error["kind"], "invalidRequest")
            XCTAssertEqual(error["message"], .string("set \(variable) to call openpos"))
            XCTAssertFalse(result.all.contains(Self.apiKey))
        }
        var withoutURL = full
        withoutURL["OPENPOS_BASE_URL"] = nil
        withoutURL["OPENPOS_POS_ID"] = nil
        let flagged = try tool.run(
            ["call", "openpos", "getCurrencyList", "--base-url", server.url("/v2/").absoluteString],
            environment: withoutURL)
        XCTAssertEqual(try json(flagged.err)["message"], "set OPENPOS_POS_ID to call openpos")
        let missingInput = try tool.run(
            ["call", "openpos", "checkPayment", "--input", #"{"currency": "BTC"}"#], environment: full)
        XCTAssertEqual(try json(missingInput.err)["message"], "checkPayment requires the input payment_id")
        XCTAssertTrue(server.requests.isEmpty)
    }

    func testWebhookVerifyByLookupFindsTheAddressThenConfirmsWithCheckPayment() throws {
        let server = try serve([
            "/v2/GetTransactions/": (200, try Fixtures.data("OpenPOS/getTransactions.json")),
            "/v2/CheckPayment/": (200, try Fixtures.data("OpenPOS/checkPayment_confirmed.json")),
        ])

        let result = try ToolRunner().run(
            ["webhook", "verify", "openpos", "--lookup"], environment: environment(server),
            input: try Fixtures.data("OpenPOS/webhook_payment_confirmed.json"))

        XCTAssertEqual(result.status, 0, result.all)
        XCTAssertEqual(server.requests.map(\.path), ["/v2/GetTransactions/", "/v2/CheckPayment/"])
        XCTAssertEqual(
            try query(server.requests[0]).map { "\($0.0)=\($0.1)" }, ["pos_id=POS1", "offset=0", "limit=100"])
        XCTAssertEqual(
            try query(server.requests[1]).map { "\($0.0)=\($0.1)" },
            ["pos_id=POS1", "currency=BTC", "payment_id=\(Self.paymentID)", "address=\(Self.address)"])
        for request in server.requests { XCTAssertEqual(request.headers["Authorization"], Self.authorization) }
        let printed = try json(result.out)
        XCTAssertEqual(printed["provider"], "openpos")
        XCTAssertEqual(printed["idempotencyKey"], .string("\(Self.paymentID):payment.confirmed"))
        XCTAssertEqual(printed["authentication"], "lookup")
        XCTAssertEqual(printed["event"]?["event"], "payment.confirmed")
        XCTAssertEqual(printed["event"]?["payment_id"], .string(Self.paymentID))
        XCTAssertEqual(printed["event"]?["address"], .string(Self.address))
        XCTAssertEqual(printed["event"]?["currency"], "BTC")
        XCTAssertEqual(printed["event"]?["payment"]?["payment"], "0.00701648")
        XCTAssertEqual(printed["event"]?["payment"]?["confirmed"], true)
        XCTAssertEqual(printed["event"]?["payment"]?["state"], "confirmed")
        XCTAssertFalse(result.all.contains(Self.apiKey))
    }

    func testWebhookVerifyByLookupRejectsWhatTheProviderDoesNotConfirm() throws {
        let server = try serve([
            "/v2/GetTransactions/": (200, try Fixtures.data("OpenPOS/getTransactions.json")),
            "/v2/CheckPayment/": (200, try Fixtures.data("OpenPOS/checkPayment.json")),
        ])
        let tool = try ToolRunner()
        let genuine = String(decoding: try Fixtures.data("OpenPOS/webhook_payment_confirmed.json"), as: UTF8.self)

        let forged = try tool.run(
            ["webhook", "verify", "openpos", "--lookup"], environment: environment(server), input: Data(genuine.utf8))
        let unknown = try tool.run(
            ["webhook", "verify", "openpos", "--lookup"], environment: environment(server),
            input: Data(genuine.replacingOccurrences(of: "426614174000", with: "426614174999").utf8))

        XCTAssertEqual(forged.status, 1, forged.all)
        XCTAssertEqual(try json(forged.err)["kind"], "webhookRejected")
        XCTAssertEqual(try json(forged.err)["reason"], "not confirmed by the provider's API (status)")
        XCTAssertEqual(unknown.status, 1, unknown.all)
        XCTAssertEqual(try json(unknown.err)["kind"], "invalidRequest")
        XCTAssertEqual(forged.out + unknown.out, "")
    }

    func testWebhookSignIsRefusedAndVerifyNeedsLookup() throws {
        let tool = try ToolRunner()
        let body = try Fixtures.data("OpenPOS/webhook_payment_confirmed.json")

        let sign = try tool.run(["webhook", "sign", "openpos", "--secret", "s"], input: body)
        let verify = try tool.run(["webhook", "verify", "openpos"], input: body)

        XCTAssertEqual(sign.status, 1)
        XCTAssertEqual(
            try json(sign.err)["message"], "openpos does not sign its webhooks; they are authenticated by lookup")
        XCTAssertEqual(verify.status, 1)
        XCTAssertTrue(verify.err.contains("--lookup"), verify.err)
    }

    func testTheDemoRunsOpenPOSThroughTheWholeFlow() throws {
        let result = try ToolRunner().run(["demo", "--provider", "openpos"])

        XCTAssertEqual(result.status, 0, result.all)
        let row = try XCTUnwrap(result.out.split(separator: "\n").first { $0.hasPrefix("openpos ") })
        XCTAssertEqual(
            row.components(separatedBy: "  ").filter { !$0.isEmpty }.map(trimmed),
            ["openpos", "00000000-0000-4000-8000-000000000001", "48.25 EUR", "pending → paid → paid", "lookup", "ok"])
        XCTAssertTrue(result.out.hasSuffix("1 of 1 providers passed every step on the sandbox\n"), result.out)
    }
}

private func trimmed(_ text: String) -> String {
    text.trimmingCharacters(in: .whitespaces)
}
