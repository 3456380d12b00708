import CryptoPay
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// `cryptopay call` runs the Swift API's code: its defaults, its validation, its typed parameters.
final class TypedCallCommandLineTests: XCTestCase {
    private var server: LoopbackHTTPServer?

    override func tearDown() {
        if let server { XCTAssertTrue(server.shutdown()) }
        server = nil
        super.tearDown()
    }

    private func serve(_ fixture: String) throws -> String {
        let body = try Fixtures.data(fixture)
        let server = try LoopbackHTTPServer { _ in
            LoopbackHTTPServer.Response(status: 200, headers: ["Content-Type": "application/json"], body: body)
        }
        self.server = server
        return server.url("").absoluteString
    }

    func testP2PCreateSendsIsP2PTrueAsTheSwiftAPIDoes() throws {
        let base = try serve("UseGateway/deposits_create.json")

        let result = try ToolRunner().run(
            [
                "call", "usegateway", "p2p.create", "--base-url", base, "--input",
                #"{"user_id": "u1", "site": "shop.example"}"#,
            ],
            environment: ["USEGATEWAY_API_KEY": "ug_typed_key"])

        XCTAssertEqual(result.status, 0, result.all)
        let request = try XCTUnwrap(server?.requests.first)
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.target, "/deposits/")
        let body = try JSONDecoder().decode(JSONValue.self, from: request.body)
        XCTAssertEqual(body, ["user_id": "u1", "site": "shop.example", "is_p2p": true])
    }

    func testFiveDecimalsAndMistypedOrUnknownFieldsAreRefusedBeforeSending() throws {
        let base = try serve("USDTInvoice/invoices_create.json")
        let tool = try ToolRunner()
        let environment = ["USDTINVOICE_API_KEY": "test_typed_key"]
        let cases: [(String, String)] = [
            (#"{"amountUsdt": 10.12345, "assetCode": "USDT_TRC20"}"#, "amountUsdt"),
            (#"{"amountUsdt": 10, "assetCode": "USDT_TRC20", "expirySeconds": "soon"}"#, "expirySeconds"),
            (#"{"amountUsdt": 10, "assetCode": "USDT_TRC20", "colour": "red"}"#, "colour"),
        ]
        for (input, field) in cases {
            let result = try tool.run(
                ["call", "usdtinvoice", "invoices.create", "--base-url", base, "--input", input],
                environment: environment)
            XCTAssertEqual(result.status, 1, result.all)
            let error = try JSONDecoder().decode(JSONValue.self, from: Data(result.err.utf8))
            XCTAssertEqual(error["kind"], "invalidRequest", result.err)
            XCTAssertTrue(error["message"]?.stringValue?.contains(field) == true, result.err)
        }
        XCTAssertEqual(server?.requests.count, 0)
    }

    func testACreateWithoutReferenceGetsTheGeneratedOneAsInTheSwiftAPI() throws {
        let base = try serve("USDTInvoice/invoices_create.json")

        let result = try ToolRunner().run(
            [
                "call", "usdtinvoice", "invoices.create", "--base-url", base, "--input",
                #"{"amountUsdt": "150.10", "assetCode": "USDT_TRC20"}"#,
            ],
            environment: ["USDTINVOICE_API_KEY": "test_typed_key"])

        XCTAssertEqual(result.status, 0, result.all)
        let request = try XCTUnwrap(server?.requests.first)
        XCTAssertEqual(request.target, "/api/v1/invoices")
        let body = try JSONDecoder().decode(JSONValue.self, from: request.body)
        XCTAssertEqual(body["amountUsdt"], .number(try XCTUnwrap(DecimalText.parse("150.1"))))
        XCTAssertTrue(body["reference"]?.stringValue?.hasPrefix("cp-") == true, "\(body)")
    }
}
