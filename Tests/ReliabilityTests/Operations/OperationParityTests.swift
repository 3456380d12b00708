import CryptoPay
import Foundation
import TestKit
import XCTest

/// Every declared operation of the five providers, sent once through the Swift API and once through the command
/// line's path (the operation's entry, decoding JSON input): the requests on the wire must be byte-identical.
final class OperationParityTests: XCTestCase {
    func testEveryOperationSendsTheSameRequestThroughTheSwiftAPIAndTheCommandLine() async throws {
        for row in OperationRows.all {
            let swift = WireRecorder()
            _ = try? await row.swift(try ParityClients(swift))
            let swiftRequests = swift.requests
            XCTAssertFalse(swiftRequests.isEmpty, "\(row.name): the Swift call sent nothing")

            let line = WireRecorder()
            let input = try row.input ?? Self.bodyObject(swiftRequests.first)
            _ = try? await row.call(try ParityClients(line), input)
            let lineRequests = line.requests

            XCTAssertEqual(lineRequests.count, swiftRequests.count, row.name)
            for (sent, expected) in zip(lineRequests, swiftRequests) {
                XCTAssertEqual(sent.method, expected.method, row.name)
                XCTAssertEqual(sent.url, expected.url, row.name)
                XCTAssertEqual(Array(sent.headers), Array(expected.headers), row.name)
                XCTAssertEqual(
                    sent.body, expected.body, "\(row.name): \(Self.text(sent.body)) ≠ \(Self.text(expected.body))")
            }
        }
    }

    func testEveryDeclaredOperationHasARow() {
        let declared =
            UseGatewayOperations.entries.map { "usegateway \($0.name)" }
            + StoreGatewayOperations.entries.map { "storegateway \($0.name)" }
            + USDTInvoiceOperations.entries.map { "usdtinvoice \($0.name)" }
            + OneXGateOperations.entries.map { "onexgate \($0.name)" }
            + OpenPOSOperations.entries.map { "openpos \($0.name)" }
        XCTAssertEqual(OperationRows.all.map(\.name).sorted(), declared.sorted())
    }

    func testP2PSetsIsP2PAndFiveDecimalsAreRefusedOnBothPaths() async throws {
        let line = WireRecorder()
        let clients = try ParityClients(line)
        let p2p = try XCTUnwrap(UseGatewayOperations.entries.first { $0.name == "p2p.create" })
        _ = try? await p2p.call(clients.useGateway, pathParameters: [:], input: ["user_id": "u1", "site": "shop"])
        let body = try JSONDecoder().decode(JSONValue.self, from: XCTUnwrap(line.requests.first?.body))
        XCTAssertEqual(body["is_p2p"], true)

        let create = try XCTUnwrap(USDTInvoiceOperations.entries.first { $0.name == "invoices.create" })
        do {
            _ = try await create.call(
                clients.usdtInvoice, pathParameters: [:],
                input: ["amountUsdt": .number(try XCTUnwrap(DecimalText.parse("10.12345"))), "assetCode": "USDT_TRC20"])
            XCTFail("five decimals were accepted")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .invalidRequest)
            XCTAssertTrue(error.message.contains("amountUsdt"), error.message)
        }
        XCTAssertEqual(line.requests.count, 1, "only the P2P deposit was sent")
    }

    func testAnUnknownOrMistypedFieldIsRefusedNamingItAndNothingIsSent() async throws {
        let line = WireRecorder()
        let clients = try ParityClients(line)
        let create = try XCTUnwrap(USDTInvoiceOperations.entries.first { $0.name == "invoices.create" })
        for (input, field) in [
            (["amountUsdt": 10, "assetCode": "USDT_TRC20", "colour": "red"] as JSONObject, "colour"),
            (["amountUsdt": 10, "assetCode": "USDT_TRC20", "expirySeconds": "soon"] as JSONObject, "expirySeconds"),
        ] {
            do {
                _ = try await create.call(clients.usdtInvoice, pathParameters: [:], input: input)
                XCTFail("\(field) was accepted")
            } catch let error as PaymentError {
                XCTAssertEqual(error.kind, .invalidRequest)
                XCTAssertTrue(error.message.contains(field), error.message)
            }
        }
        XCTAssertTrue(line.requests.isEmpty)
    }

    private static func bodyObject(_ request: TransportRequest?) throws -> JSONObject {
        guard let body = request?.body, case .object(let object) = try JSONDecoder().decode(JSONValue.self, from: body)
        else { return [:] }
        return object
    }

    private static func text(_ body: Data?) -> String {
        body.map { String(decoding: $0, as: UTF8.self) } ?? "nil"
    }
}

/// Records every request and answers `{}`: what follows the request (decoding) does not matter here.
final class WireRecorder: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [TransportRequest] = []

    var requests: [TransportRequest] { lock.withLock { recorded } }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        lock.withLock { recorded.append(request) }
        return TransportResponse(statusCode: 200, headers: ["Content-Type": "application/json"], body: Data("{}".utf8))
    }
}

/// One client of each provider on a recorder.
struct ParityClients {
    let useGateway: UseGatewayClient
    let storeGateway: StoreGatewayClient
    let usdtInvoice: USDTInvoiceClient
    let oneXGate: OneXGateClient
    let openPOS: OpenPOSClient

    init(
        useGateway: UseGatewayClient, storeGateway: StoreGatewayClient, usdtInvoice: USDTInvoiceClient,
        oneXGate: OneXGateClient, openPOS: OpenPOSClient
    ) {
        self.openPOS = openPOS
        self.useGateway = useGateway
        self.storeGateway = storeGateway
        self.usdtInvoice = usdtInvoice
        self.oneXGate = oneXGate
    }

    init(_ transport: WireRecorder) throws {
        func configuration(_ url: String) -> ClientConfiguration {
            ClientConfiguration(baseURL: URL(string: url), transport: transport, retryPolicy: .none)
        }
        useGateway = try UseGatewayClient(
            apiKey: "ug_key", configuration: configuration("https://api.usegateway.net/v1"))
        storeGateway = try StoreGatewayClient(
            apiKey: "sg_key", apiSecret: "sg_secret", configuration: configuration("https://store.example/api"))
        usdtInvoice = try USDTInvoiceClient(apiKey: "test_key", configuration: configuration("https://usdt.example"))
        oneXGate = try OneXGateClient(apiKey: "ox_key", configuration: configuration("https://onexgate.example"))
        openPOS = try OpenPOSClient(
            username: "merchant", apiKey: "pos_key", posID: "WEB1",
            configuration: configuration("https://pos.example/v2/"))
    }
}
