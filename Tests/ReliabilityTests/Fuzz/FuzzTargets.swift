import CryptoPayCore
import CryptoPayTesting
import Foundation
import OneXGate
import OpenPOS
import TestKit
import UseGateway

@testable import StoreGateway
@testable import USDTInvoice

/// The response the fuzzed call receives: set per case, read by ``TaskLocalTransport`` in the same task, so that
/// one shared client serves every concurrent case.
enum FuzzResponse {
    @TaskLocal static var current = TransportResponse(statusCode: 599)

    /// Runs `body` with `data` as the response to every request it sends.
    static func with(
        _ data: Data,
        status: Int,
        _ body: @Sendable () async throws -> Void
    ) async throws {
        let response = TransportResponse(statusCode: status, headers: ["Content-Type": "application/json"], body: data)
        try await $current.withValue(response) { try await body() }
    }
}

/// Answers every request with ``FuzzResponse/current``.
struct TaskLocalTransport: HTTPTransport {
    func send(_ request: TransportRequest) async throws -> TransportResponse {
        FuzzResponse.current
    }
}

/// One decoder or verifier under fuzzing: its seeds, and how to feed it one input.
struct FuzzTarget: Sendable {
    let name: String
    let seeds: [Seed]
    /// The kinds a failure may have; `nil` allows any ``PaymentError``.
    let allowed: Set<PaymentError.Kind>?
    let run: @Sendable (Data) async throws -> Void
}

/// Every provider decoder (through `APIClient`, for every documented operation and every typed create and
/// retrieve), every provider's error-body reading, and every webhook verifier (bodies re-signed with the right
/// secret so that the decoder behind the signature is reached, and the signed headers themselves), each seeded with
/// the fixtures that belong to it. Every fixture file seeds at least one target.
enum FuzzTargets {
    static func all() async throws -> (targets: [FuzzTarget], fixtureCount: Int) {
        let fixtures = try FixtureSet.load()
        let configuration = ClientConfiguration(transport: TaskLocalTransport(), retryPolicy: .none)
        func configured(_ base: URL) -> ClientConfiguration {
            var copy = configuration
            copy.baseURL = base
            return copy
        }
        var targets: [FuzzTarget] = []

        let useGateway = try UseGatewayClient(apiKey: FakeSecrets.useGatewayAPIKey, configuration: configuration)
        let storeGateway = try StoreGatewayClient(
            apiKey: FakeSecrets.storeGatewayAPIKey, apiSecret: FakeSecrets.storeGatewayAPISecret,
            configuration: configured(ProviderHarness.storeGateway.baseURL))
        let usdtInvoice = try USDTInvoiceClient(
            apiKey: FakeSecrets.usdtInvoiceAPIKey, configuration: configured(ProviderHarness.usdtInvoice.baseURL))
        let oneXGate = try OneXGateClient(apiKey: FakeSecrets.oneXGateAPIKey, configuration: configuration)
        let openPOS = try OpenPOSClient(
            username: FakeSecrets.openPOSUsername, apiKey: FakeSecrets.openPOSAPIKey, posID: "POS1",
            configuration: configured(ProviderHarness.openPOS.baseURL))
        let clients = ParityClients(
            useGateway: useGateway, storeGateway: storeGateway, usdtInvoice: usdtInvoice, oneXGate: oneXGate,
            openPOS: openPOS)
        // OpenPOS reports errors inside 200 answers, so its fuzzing is the harness's below, which allows every kind.
        for row in OperationRows.all where !row.name.hasPrefix("openpos ") {
            let folder = Self.folder(ofRow: row.name)
            let operation = String(row.name.split(separator: " ")[1])
            targets.append(
                FuzzTarget(
                    name: "\(folder) \(operation)",
                    seeds: fixtures.responses(in: folder, for: operation),
                    allowed: [.decoding],
                    run: { data in
                        try await FuzzResponse.with(data, status: 200) { _ = try await row.swift(clients) }
                    }
                ))
        }

        for harness in ProviderHarness.all {
            let calls = try harness.makeCalls(configured(harness.baseURL))
            let folder = harness.create.fixture.split(separator: "/")[0]
            let allowed: Set<PaymentError.Kind>? = harness.provider == .openPOS ? nil : [.decoding]
            let create: @Sendable () async throws -> String = { try await calls.create(harness.createMarker) }
            let retrieve: @Sendable () async throws -> String = { try await calls.retrieve(harness.retrieveID) }
            for (route, call) in [(harness.create, create), (harness.retrieve, retrieve)] {
                let operation = route.operation.replacingOccurrences(of: ".", with: "_")
                targets.append(
                    FuzzTarget(
                        name: "\(folder) typed \(route.operation)",
                        seeds: fixtures.responses(in: String(folder), for: operation),
                        allowed: allowed,
                        run: { data in try await FuzzResponse.with(data, status: route.status) { _ = try await call() }
                        }
                    ))
            }
            for seed in fixtures.errors(in: String(folder)) {
                // `error_422.json` is a 422 answer; the POS `err` fixtures come in a 200, as the document shows.
                let status = Int(seed.name.split(separator: "_").dropFirst().first?.prefix(3) ?? "") ?? 200
                targets.append(
                    FuzzTarget(
                        name: "\(seed.name) as HTTP \(status)",
                        seeds: [seed],
                        allowed: nil,
                        run: { data in
                            try await FuzzResponse.with(data, status: status) {
                                _ = try await calls.retrieve(harness.retrieveID)
                            }
                        }
                    ))
            }
        }

        targets += try openPOSOperations(fixtures, configured(ProviderHarness.openPOS.baseURL))
        targets += try await webhookTargets(fixtures)
        return (targets, fixtures.count)
    }

    /// The POS operations other than start and check, which have no descriptors: typed calls on the real client.
    private static func openPOSOperations(_ fixtures: FixtureSet, _ configuration: ClientConfiguration) throws
        -> [FuzzTarget]
    {
        let client = try OpenPOSClient(
            username: FakeSecrets.openPOSUsername, apiKey: FakeSecrets.openPOSAPIKey, posID: "POS1",
            configuration: configuration)
        let reference = OpenPOSPaymentReference(
            paymentID: "123e4567-e89b-12d3-a456-426614174000", currency: .btc,
            address: "38wGZr2xLgbHWsYrsNCER1C9mZkNHwyd69")
        let calls: [(String, @Sendable () async throws -> Void)] = [
            (
                "getRate",
                {
                    _ = try await client.rate(
                        for: OpenPOSQuoteRequest(invoice: try Money("48.25", .eur), currency: .btc))
                }
            ),
            ("getCurrencyList", { _ = try await client.currencyList() }),
            ("getTransactions", { _ = try await client.transactions() }),
            ("cancelPayment", { _ = try await client.cancelPayment(reference) }),
            (
                "acceptPayment",
                {
                    _ = try await client.acceptPayment(
                        reference, amount: OpenPOSWireAmount(try Money("0.001", .btc).amount))
                }
            ),
            (
                "refundPayment",
                {
                    _ = try await client.refundPayment(
                        OpenPOSRefundRequest(
                            paymentID: reference.paymentID, to: "bc1q",
                            amount: OpenPOSWireAmount(try Money("0.001", .btc).amount), currency: .btc)
                    )
                }
            ),
        ]
        return calls.map { name, call in
            FuzzTarget(
                name: "OpenPOS typed \(name)",
                seeds: fixtures.responses(in: "OpenPOS", for: name),
                allowed: nil,
                run: { data in try await FuzzResponse.with(data, status: 200) { try await call() } }
            )
        }
    }

    /// Bodies (signed with the right secret where the provider signs, so that the decoder behind the signature is
    /// reached) and, for signed providers, every header the signature depends on.
    private static func webhookTargets(_ fixtures: FixtureSet) async throws -> [FuzzTarget] {
        var targets: [FuzzTarget] = []
        for harness in try await WebhookHarness.all() {
            let folder = folderName(harness.provider)
            // A POS body whose payment id was mutated names a payment the address book has no address for: that is
            // not a rejection (another process may have started it) but `invalidRequest`, with nothing sent.
            let bodyKinds: Set<PaymentError.Kind> =
                harness.provider == .openPOS ? [.webhookRejected, .invalidRequest] : [.webhookRejected]
            targets.append(
                FuzzTarget(
                    name: "\(harness.name) webhook body",
                    seeds: fixtures.webhooks(in: folder),
                    allowed: bodyKinds,
                    run: { data in
                        _ = try await harness.verify(
                            WebhookRequest(body: data, headers: try harness.headers(data, "msg_f")))
                    }
                ))
            guard harness.mode != .lookup else { continue }
            let genuine = try harness.delivery(deliveryID: "msg_f")
            let names: [String] =
                switch harness.mode {
                case .svix: ["svix-id", "svix-timestamp", "svix-signature"]
                case .hmac(let header) where harness.provider == .usdtInvoice: [header, "X-Invoice-Reference"]
                case .hmac(let header): [header]
                case .lookup: []
                }
            for name in names {
                let value = genuine.headers[name] ?? "ORDER-12345"
                targets.append(
                    FuzzTarget(
                        name: "\(harness.name) header \(name)",
                        seeds: [Seed(name: "\(name) of \(harness.name)", bytes: Array(value.utf8))],
                        allowed: [.webhookRejected],
                        run: { data in
                            var request = genuine
                            request.headers[name] = String(decoding: data, as: UTF8.self)
                            _ = try await harness.verify(request)
                        }
                    ))
            }
        }
        return targets
    }

    private static func folderName(_ provider: ProviderID) -> String {
        switch provider {
        case .useGateway: "UseGateway"
        case .storeGateway: "StoreGateway"
        case .usdtInvoice: "USDTInvoice"
        case .oneXGate: "OneXGate"
        default: "OpenPOS"
        }
    }

    /// The fixture folder of a parity row (`usegateway payments.list` → `UseGateway`).
    static func folder(ofRow name: String) -> String {
        folderName(ProviderID(rawValue: String(name.split(separator: " ")[0])))
    }
}

/// Every fixture file, sorted into responses, error bodies and webhooks per provider folder.
struct FixtureSet {
    private var files: [String: [Seed]] = [:]

    /// The number of fixture files read.
    var count: Int { files.values.reduce(0) { $0 + $1.count } }

    static func load() throws -> FixtureSet {
        let root = try Fixtures.directory()
        var set = FixtureSet()
        let folders = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        for folder in folders {
            let directory = root.appendingPathComponent(folder)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
                isDirectory.boolValue
            else { continue }
            for file in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            where file.hasSuffix(".json") {
                let data = try Fixtures.data("\(folder)/\(file)")
                set.files[folder, default: []].append(Seed(name: "\(folder)/\(file)", data: data))
            }
        }
        return set
    }

    private func base(_ seed: Seed) -> String {
        String(seed.name.split(separator: "/").last?.dropLast(5) ?? "")
    }

    /// The response fixtures of `operation` (named after it, `payments.create` → `payments_create*.json`), or, when
    /// it has none, every response fixture of the folder and the core's fixtures.
    func responses(in folder: String, for operation: String) -> [Seed] {
        let prefix = operation.replacingOccurrences(of: ".", with: "_")
        let all = (files[folder] ?? []).filter { !base($0).hasPrefix("webhook_") && !base($0).hasPrefix("error_") }
        let own = all.filter { base($0).hasPrefix(prefix) }
        return own.isEmpty ? all + (files["CryptoPayCore"] ?? []) : own
    }

    /// The error-body fixtures of the folder.
    func errors(in folder: String) -> [Seed] {
        (files[folder] ?? []).filter { base($0).hasPrefix("error_") }
    }

    /// The webhook fixtures of the folder.
    func webhooks(in folder: String) -> [Seed] {
        (files[folder] ?? []).filter { base($0).hasPrefix("webhook_") }
    }

    /// Fixture names that no target uses.
    func unused(by targets: [FuzzTarget]) -> [String] {
        let used = Set(targets.flatMap { $0.seeds.map(\.name) })
        return files.values.flatMap { $0.map(\.name) }.filter { !used.contains($0) }.sorted()
    }
}
