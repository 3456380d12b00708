import CryptoPayCore
import CryptoPayTesting
import Foundation
import OneXGate
import OpenPOS
import TestKit
import UseGateway
import XCTest

@testable import StoreGateway
@testable import USDTInvoice

/// Item 6: every client built with recognisable fake secrets (``FakeSecrets``), every operation driven through
/// success, every error path (each provider's error fixtures, every status, a provider that echoes the credentials
/// back in its error, HTML pages, truncated bodies, transport failures) with logging on and retries allowed, and
/// every text a secret could leak into inspected: each log line, each error's `description`, `debugDescription`,
/// `localizedDescription`, `String(reflecting:)` and `dump`, the same of every client, resource, verifier and
/// request, and the command-line tool's output.
final class SecretsAuditTests: XCTestCase {
    /// Every text inspected, for the figure in the report.
    private var inspected = 0

    override func tearDown() {
        if inspected > 0 { print("secrets audit: \(name) inspected \(inspected) texts") }
        super.tearDown()
    }

    private func inspect(_ label: String, _ text: String, file: StaticString = #filePath, line: UInt = #line) {
        inspected += 1
        let leaks = FakeSecrets.leaks(in: text)
        XCTAssertEqual(leaks, [], "\(label) leaks \(leaks): \(text.prefix(300))", file: file, line: line)
    }

    /// `description`, `String(reflecting:)` and `dump` of a value.
    private func inspect(value: Any, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        inspect("\(label) description", String(describing: value), file: file, line: line)
        inspect("\(label) String(reflecting:)", String(reflecting: value), file: file, line: line)
        var dumped = ""
        dump(value, to: &dumped)
        inspect("\(label) dump", dumped, file: file, line: line)
    }

    private func inspect(error: any Error, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        inspect(value: error, label, file: file, line: line)
        inspect("\(label) localizedDescription", error.localizedDescription, file: file, line: line)
        if let error = error as? PaymentError {
            inspect("\(label) debugDescription", error.debugDescription, file: file, line: line)
            inspect("\(label) message", error.message, file: file, line: line)
            inspect("\(label) responseBody", error.responseBody ?? "", file: file, line: line)
        }
    }

    // MARK: - Replies

    /// A body that quotes back every header value it was sent (the credentials among them) in every place an error
    /// format reads, as a careless provider's "invalid key …" answer might; a Basic pair is quoted decoded too.
    static func echoingBody(for headers: HeaderFields) -> Data {
        var quoted = headers.map(\.value)
        for value in quoted where value.hasPrefix("Basic ") {
            if let pair = Data(base64Encoded: String(value.dropFirst(6))) {
                quoted.append(String(decoding: pair, as: UTF8.self))
            }
        }
        let all = quoted.joined(separator: " ")
        let json: JSONValue = [
            "error": .string("invalid credentials: \(all)"),
            "message": .string("Invalid API key \(all)"),
            "detail": .string(all),
            "code": .string(quoted.last ?? ""),
            "err": .string("Invalid API key \(all)"),
            "api_key": .string(all),
            "errors": .array([["field": .string(all), "message": .string(all)]]),
            "detail_list": .array([
                ["loc": .array(["body", .string(all)]), "msg": .string(all), "type": "value_error"]
            ]),
        ]
        return Data(json.description.utf8)
    }

    private static func replies(errorFixtures: [Seed]) -> [(String, AuditReply)] {
        var replies: [(String, AuditReply)] = []
        for status in [400, 401, 403, 404, 409, 422, 429, 500, 503] {
            replies.append(("HTTP \(status) echoing the credentials", .echo(status, .json)))
        }
        replies.append(("HTTP 200 echoing the credentials in err", .echo(200, .json)))
        replies.append(("truncated echo", .echo(200, .truncated)))
        replies.append(("long echo cut at 4 KB", .echo(500, .padded)))
        replies.append(("HTML 502 echoing the credentials", .echo(502, .html)))
        for seed in errorFixtures {
            let status = Int(seed.name.split(separator: "_").dropFirst().first?.prefix(3) ?? "") ?? 200
            replies.append((seed.name, .response(status, Data(seed.bytes))))
        }
        for failure in [TransportFailure.connectionRefused, .timedOut, .connectionLost, .secureConnectionFailed] {
            replies.append(("transport \(failure)", .failure(failure)))
        }
        return replies
    }

    // MARK: - Tests

    func testNoClientResourceOrVerifierShowsASecret() async throws {
        let configuration = ClientConfiguration(transport: AuditTransport(), retryPolicy: .none)
        func configured(_ harness: ProviderHarness) -> ClientConfiguration {
            var copy = configuration
            copy.baseURL = harness.baseURL
            return copy
        }
        let useGateway = try UseGatewayClient(apiKey: FakeSecrets.useGatewayAPIKey, configuration: configuration)
        let storeGateway = try StoreGatewayClient(
            apiKey: FakeSecrets.storeGatewayAPIKey, apiSecret: FakeSecrets.storeGatewayAPISecret,
            configuration: configured(.storeGateway))
        let usdtInvoice = try USDTInvoiceClient(
            apiKey: FakeSecrets.usdtInvoiceAPIKey, configuration: configured(.usdtInvoice),
            rateLimiter: USDTInvoiceClient.makeRateLimiter())
        let oneXGate = try OneXGateClient(apiKey: FakeSecrets.oneXGateAPIKey, configuration: configuration)
        let openPOS = try OpenPOSClient(
            username: FakeSecrets.openPOSUsername, apiKey: FakeSecrets.openPOSAPIKey, posID: "POS1",
            configuration: configured(.openPOS), addressBook: OpenPOSInMemoryAddressBook())
        let values: [(String, Any)] = [
            ("UseGatewayClient", useGateway), ("payments", useGateway.payments), ("invoices", useGateway.invoices),
            ("deposits", useGateway.deposits), ("p2p", useGateway.p2p), ("rates", useGateway.rates),
            ("withdrawalRequests", useGateway.withdrawalRequests), ("UseGateway api", useGateway.api),
            ("StoreGatewayClient", storeGateway), ("storeGateway.payments", storeGateway.payments),
            ("storeGateway.withdrawals", storeGateway.withdrawals), ("storeGateway.transfers", storeGateway.transfers),
            ("storeGateway.dedicatedAddresses", storeGateway.dedicatedAddresses),
            ("storeGateway.accounts", storeGateway.accounts), ("storeGateway.assets", storeGateway.assets),
            ("USDTInvoiceClient", usdtInvoice), ("usdt.invoices", usdtInvoice.invoices),
            ("usdt.account", usdtInvoice.account), ("usdt.sandbox", usdtInvoice.sandbox),
            ("OneXGateClient", oneXGate), ("oneXGate.payments", oneXGate.payments),
            ("oneXGate.settings", oneXGate.settings), ("OpenPOSClient", openPOS),
            (
                "Credentials.basic",
                Credentials.basic(user: FakeSecrets.openPOSUsername, secret: FakeSecrets.openPOSAPIKey)
            ),
            ("Credentials.apiKey", Credentials.apiKey(FakeSecrets.useGatewayAPIKey)),
            ("Credentials.bearer", Credentials.bearer(FakeSecrets.usdtInvoiceAPIKey)),
            ("UseGatewayWebhook", try UseGatewayWebhook(secret: FakeSecrets.useGatewayWebhookSecret)),
            ("StoreGatewayWebhook", try StoreGatewayWebhook(secret: FakeSecrets.storeGatewayWebhookSecret)),
            ("StoreGatewayWebhook lookup", StoreGatewayWebhook(confirmingWith: storeGateway)),
            ("USDTInvoiceWebhook", try USDTInvoiceWebhook(secret: FakeSecrets.usdtInvoiceWebhookSecret)),
            ("OneXGateWebhook", OneXGateWebhook(client: oneXGate)), ("OpenPOSWebhook", OpenPOSWebhook(client: openPOS)),
            ("SvixSignatureScheme", try SvixSignatureScheme(secret: FakeSecrets.useGatewayWebhookSecret)),
            (
                "HMACHeaderSignatureScheme",
                try HMACHeaderSignatureScheme(headerName: "X-Sig", secrets: [FakeSecrets.storeGatewayWebhookSecret])
            ),
        ]
        for (label, value) in values { inspect(value: value, label) }
    }

    /// Every operation of every provider, through success and every failure, with retries and logging.
    func testNoOperationLeaksASecretOnAnyPath() async throws {
        let fixtures = try FixtureSet.load()
        let logs = LogCollector()
        let seen = RequestRecorder()
        let configuration = ClientConfiguration(
            transport: AuditTransport(recorder: seen),
            retryPolicy: RetryPolicy(maxRetries: 1, random: { 0.5 }, clock: .immediate),
            logHandler: logs.handler
        )
        var operations = try Self.operations(configuration, fixtures)
        operations += try Self.typedOperations(configuration, fixtures)
        var paths = 0
        for operation in operations {
            let replies =
                [("success", AuditReply.response(operation.successStatus, operation.success))]
                + Self.replies(errorFixtures: fixtures.errors(in: operation.folder))
            for (name, reply) in replies {
                let label = "\(operation.name), \(name)"
                paths += 1
                do {
                    let value = try await AuditReply.$current.withValue(reply) { try await operation.call() }
                    // A successful answer is the provider's data, returned as it is: only the library's own texts
                    // are audited, so a 2xx that quotes the key (some endpoints answer with free-form JSON) is not.
                    if case .echo = reply { continue }
                    inspect(value: value, "\(label) result")
                } catch {
                    inspect(error: error, label)
                }
            }
        }
        for record in logs.records {
            inspect("log line", record.description)
            inspect(value: record, "log record")
        }
        for request in seen.requests.prefix(200) {
            inspect(value: request, "request seen by the transport")
        }
        XCTAssertGreaterThan(logs.records.count, paths, "retried failures log one line per try")
        print(
            "secrets audit: \(operations.count) operations × \(paths / max(1, operations.count)) paths, "
                + "\(logs.records.count) log lines, \(seen.requests.count) requests")
    }

    func testWebhookVerificationLeaksNoSecret() async throws {
        for harness in try await WebhookHarness.all() {
            var attempts: [WebhookRequest] = [try harness.delivery()]
            var bad = try harness.delivery()
            bad.body = replacing("4", with: "5", in: bad.body)
            attempts.append(bad)
            attempts.append(WebhookRequest(body: Data("{".utf8), headers: try harness.headers(Data("{".utf8), "m")))
            var echo = try harness.delivery()
            echo.headers[FakeSecrets.useGatewayWebhookSecret] = FakeSecrets.storeGatewayWebhookSecret
            attempts.append(echo)
            for request in attempts {
                do {
                    let key = try await harness.verify(request)
                    inspect("\(harness.name) key", key)
                } catch {
                    inspect(error: error, "\(harness.name) rejection")
                }
            }
        }
    }

    /// The command-line tool, given every provider's secrets in its environment, calling each provider's
    /// operations against a server that fails and echoes the credentials, and verifying webhooks with secrets.
    func testTheCommandLineToolPrintsNoSecret() throws {
        let tool = try AuditTool()
        let server = try LoopbackHTTPServer { request in
            LoopbackHTTPServer.Response(
                status: 401, headers: ["Content-Type": "application/json"],
                body: SecretsAuditTests.echoingBody(for: request.headers))
        }
        defer { XCTAssertTrue(server.shutdown()) }
        let environment = [
            "USEGATEWAY_API_KEY": FakeSecrets.useGatewayAPIKey, "STOREGATEWAY_API_KEY": FakeSecrets.storeGatewayAPIKey,
            "STOREGATEWAY_API_SECRET": FakeSecrets.storeGatewayAPISecret,
            "STOREGATEWAY_BASE_URL": server.url("/int").absoluteString,
            "USDTINVOICE_API_KEY": FakeSecrets.usdtInvoiceAPIKey, "USDTINVOICE_BASE_URL": server.url("").absoluteString,
            "ONEXGATE_API_KEY": FakeSecrets.oneXGateAPIKey, "OPENPOS_USERNAME": FakeSecrets.openPOSUsername,
            "OPENPOS_API_KEY": FakeSecrets.openPOSAPIKey, "OPENPOS_BASE_URL": server.url("/v2/").absoluteString,
            "OPENPOS_POS_ID": "POS1",
        ]
        let calls: [[String]] = [
            ["call", "usegateway", "payments.retrieve", "--id", "p1", "--base-url", server.url("/v1").absoluteString],
            ["call", "storegateway", "payments.retrieve", "--id", "p1"],
            ["call", "usdtinvoice", "invoices.retrieve", "--id", "i1"],
            ["call", "onexgate", "payments.retrieve", "--id", "x1", "--base-url", server.url("").absoluteString],
            ["call", "openpos", "checkPayment", "--input", #"{"payment_id":"p","currency":"BTC","address":"a"}"#],
            ["providers"], ["operations", "usegateway"],
            [
                "webhook", "verify", "usegateway", "--secret", FakeSecrets.useGatewayWebhookSecret, "--secret",
                FakeSecrets.foreignSvixSecret,
            ],
            ["webhook", "verify", "storegateway", "--secret", FakeSecrets.storeGatewayWebhookSecret],
            ["webhook", "verify", "usdtinvoice", "--secret", FakeSecrets.usdtInvoiceWebhookSecret],
            [
                "webhook", "sign", "usegateway", "--secret", FakeSecrets.useGatewayWebhookSecret, "--id", "msg_1",
                "--timestamp", "1700000000",
            ],
        ]
        var ran = 0
        for arguments in calls {
            let result = try tool.run(arguments, environment: environment, input: Data(#"{"a":1}"#.utf8))
            inspect("cryptopay \(arguments.prefix(3).joined(separator: " ")) (exit \(result.status))", result.all)
            if arguments[0] == "call", ["usegateway", "onexgate"].contains(arguments[1]) {
                // Providers the tool knows answer with the server's 401, whose quoted key is redacted.
                XCTAssertEqual(result.status, 1, result.all)
                XCTAssertTrue(result.all.contains("[REDACTED]"), result.all)
            }
            ran += 1
        }
        XCTAssertEqual(ran, calls.count)
    }

    // MARK: - Operations

    struct Operation: Sendable {
        let name: String
        let folder: String
        let success: Data
        let successStatus: Int
        let call: @Sendable () async throws -> Any
    }

    private static func operations(_ configuration: ClientConfiguration, _ fixtures: FixtureSet) throws -> [Operation] {
        func configured(_ url: URL) -> ClientConfiguration {
            var copy = configuration
            copy.baseURL = url
            return copy
        }
        let storeGateway = try StoreGatewayClient(
            apiKey: FakeSecrets.storeGatewayAPIKey, apiSecret: FakeSecrets.storeGatewayAPISecret,
            configuration: configured(ProviderHarness.storeGateway.baseURL))
        let usdtInvoice = try USDTInvoiceClient(
            apiKey: FakeSecrets.usdtInvoiceAPIKey, configuration: configured(ProviderHarness.usdtInvoice.baseURL))
        let oneXGate = try OneXGateClient(apiKey: FakeSecrets.oneXGateAPIKey, configuration: configuration)
        let useGateway = try UseGatewayClient(apiKey: FakeSecrets.useGatewayAPIKey, configuration: configuration)
        let openPOS = try OpenPOSClient(
            username: FakeSecrets.openPOSUsername, apiKey: FakeSecrets.openPOSAPIKey, posID: "POS1",
            configuration: configured(ProviderHarness.openPOS.baseURL))
        let clients = ParityClients(
            useGateway: useGateway, storeGateway: storeGateway, usdtInvoice: usdtInvoice, oneXGate: oneXGate,
            openPOS: openPOS)
        return OperationRows.all.map { row in
            let folder = FuzzTargets.folder(ofRow: row.name)
            let operation = String(row.name.split(separator: " ")[1])
            let success = fixtures.responses(in: folder, for: operation).first.map { Data($0.bytes) }
            return Operation(
                name: "\(folder) \(operation)", folder: folder, success: success ?? Data("{}".utf8),
                successStatus: 200, call: { try await row.swift(clients) })
        }
    }

    private static func typedOperations(_ configuration: ClientConfiguration, _ fixtures: FixtureSet) throws
        -> [Operation]
    {
        var operations: [Operation] = []
        for harness in ProviderHarness.all {
            var copy = configuration
            copy.baseURL = harness.baseURL
            let calls = try harness.makeCalls(copy)
            let folder = String(harness.create.fixture.split(separator: "/")[0])
            operations.append(
                Operation(
                    name: "\(folder) typed \(harness.create.operation)", folder: folder,
                    success: try Fixtures.data(harness.create.fixture), successStatus: harness.create.status,
                    call: { try await calls.create(harness.createMarker) }))
            operations.append(
                Operation(
                    name: "\(folder) typed \(harness.retrieve.operation)", folder: folder,
                    success: try Fixtures.data(harness.retrieve.fixture), successStatus: harness.retrieve.status,
                    call: { try await calls.retrieve(harness.retrieveID) }))
        }
        var copy = configuration
        copy.baseURL = ProviderHarness.openPOS.baseURL
        let pos = try OpenPOSClient(
            username: FakeSecrets.openPOSUsername, apiKey: FakeSecrets.openPOSAPIKey, posID: "POS1", configuration: copy
        )
        let reference = OpenPOSPaymentReference(paymentID: "p1", currency: .btc, address: "a1")
        let posCalls: [(String, String, @Sendable () async throws -> Any)] = [
            (
                "getRate", "getRate.json",
                { try await pos.rate(for: OpenPOSQuoteRequest(invoice: try Money("48.25", .eur), currency: .btc)) }
            ),
            ("getCurrencyList", "getCurrencyList.json", { try await pos.currencyList() }),
            ("getTransactions", "getTransactions.json", { try await pos.transactions() }),
            ("cancelPayment", "cancelPayment.json", { try await pos.cancelPayment(reference) }),
            (
                "acceptPayment", "acceptPayment.json",
                { try await pos.acceptPayment(reference, amount: try XCTUnwrap(OpenPOSWireAmount("0.001"))) }
            ),
            (
                "refundPayment", "refundPayment.json",
                {
                    try await pos.refundPayment(
                        OpenPOSRefundRequest(
                            paymentID: "p1", to: "bc1q", amount: try XCTUnwrap(OpenPOSWireAmount("0.001")),
                            currency: .btc))
                }
            ),
        ]
        for (name, fixture, call) in posCalls {
            operations.append(
                Operation(
                    name: "OpenPOS typed \(name)", folder: "OpenPOS", success: try Fixtures.data("OpenPOS/\(fixture)"),
                    successStatus: 200, call: call))
        }
        return operations
    }
}

/// What the audit transport answers with, set per call.
enum AuditReply: Sendable {
    /// How an echo quotes the credentials.
    enum Echo: Sendable {
        case json, truncated, padded, html
    }

    case response(Int, Data)
    /// An answer quoting back the request's own headers, credentials included.
    case echo(Int, Echo)
    case failure(TransportFailure)

    @TaskLocal static var current = AuditReply.response(599, Data())
}

/// Answers with ``AuditReply/current`` and records every request, as a user's middleware or proxy would see it.
struct AuditTransport: HTTPTransport {
    var recorder: RequestRecorder?

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        recorder?.record(request)
        switch AuditReply.current {
        case .response(let status, let body):
            return TransportResponse(statusCode: status, headers: ["Content-Type": "application/json"], body: body)
        case .echo(let status, let shape):
            let json = SecretsAuditTests.echoingBody(for: request.headers)
            let body: Data =
                switch shape {
                case .json: json
                case .truncated: json.prefix(json.count * 2 / 3)
                // The credential straddles the 4,096-byte cut of the quoted body.
                case .padded:
                    Data(#"{"pad":""#.utf8) + Data(repeating: 0x2E, count: 4_096 - 8 - 10) + Data(#"","error":"#.utf8)
                        + json
                case .html:
                    Data("<html><body>502 Bad Gateway: \(String(decoding: json, as: UTF8.self))</body></html>".utf8)
                }
            return TransportResponse(statusCode: status, headers: ["Content-Type": "application/json"], body: body)
        case .failure(let failure):
            throw PaymentError.transport(failure, message: "audit: \(failure)")
        }
    }
}

final class RequestRecorder: @unchecked Sendable {
    // Guards `stored`.
    private let lock = NSLock()
    private var stored: [TransportRequest] = []

    var requests: [TransportRequest] { lock.withLock { stored } }

    func record(_ request: TransportRequest) {
        lock.withLock { stored.append(request) }
    }
}

/// The built `cryptopay` executable, found next to the test bundle (the package's test targets build it).
struct AuditTool {
    struct Result {
        var status: Int32
        var all: String
    }

    let executable: URL

    init() throws {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        let candidates = [directory, directory.deletingLastPathComponent()].map {
            $0.appendingPathComponent("cryptopay")
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("the cryptopay executable was not found next to the test bundle")
        }
        executable = found
    }

    func run(_ arguments: [String], environment: [String: String], input: Data) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        let output = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = stdin
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, all: String(decoding: data, as: UTF8.self))
    }
}
