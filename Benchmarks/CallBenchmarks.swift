import CryptoPayCore
import CryptoPayTesting
import Foundation
import OneXGate
import OpenPOS
import StoreGateway
import USDTInvoice
import UseGateway

/// A whole typed call of each provider answered in memory with its largest recorded response: validation, request
/// building, credentials (StoreGateway's signature included), the middleware chain, retry, the status check and the
/// typed decoding, everything but the network. Against `JSONSerialization.jsonObject` on the same bytes, which is
/// what a hand-written client would at least do with the answer.
enum CallBenchmarks {
    struct Case: Sendable {
        var name: String
        var fixture: String
        /// Makes one call through a client answered with `transport` and returns a checksum part of the result.
        var call: @Sendable (ClientConfiguration) throws -> @Sendable () async throws -> UInt64
    }

    static let key = "benchmark-key-not-a-secret"

    static let cases: [Case] = [
        Case(name: "call.usegateway", fixture: "UseGateway/payments_page_2.json") { configuration in
            let client = try UseGatewayClient(apiKey: key, configuration: configuration)
            return { UInt64(try await client.payments.list(page: 2, size: 5).items.count) }
        },
        Case(name: "call.storegateway", fixture: "StoreGateway/payments_list.json") { configuration in
            let client = try StoreGatewayClient(apiKey: key, apiSecret: key, configuration: configuration)
            return { UInt64(try await client.payments.list(from: "2024-01-01", to: "2024-01-31").count) }
        },
        Case(name: "call.usdtinvoice", fixture: "USDTInvoice/invoices_list_page_1.json") { configuration in
            let client = try USDTInvoiceClient(apiKey: "test_" + key, configuration: configuration)
            return { UInt64(try await client.invoices.list(page: 1).items.count) }
        },
        Case(name: "call.onexgate", fixture: "OneXGate/settings_payment.json") { configuration in
            let client = try OneXGateClient(apiKey: key, configuration: configuration)
            return { UInt64(try await client.settings.payment().currencies.count) }
        },
        Case(name: "call.openpos", fixture: "OpenPOS/getTransactions_offset_0.json") { configuration in
            let client = try OpenPOSClient(username: "bench", apiKey: key, posID: "POS1", configuration: configuration)
            return { UInt64(try await client.transactions().count) }
        },
    ]

    static var names: [String] { cases.map(\.name) }

    static func run(_ options: Options, _ report: Report) async throws {
        for item in cases where options.selects([item.name]) {
            let data = try Fixtures.data(item.fixture)
            let transport = FixtureTransport(
                response: TransportResponse(
                    statusCode: 200, headers: ["Content-Type": "application/json"], body: data))
            guard let base = URL(string: "https://127.0.0.1/v1") else {
                throw BenchmarkServer.Failure(description: "no base URL")
            }
            let call = try item.call(ClientConfiguration(baseURL: base, transport: transport))
            let figures = try await compare(
                [
                    Metric(
                        name: item.name,
                        unit: "µs",
                        higherIsBetter: false,
                        goals: [Goal(reference: "JSONSerialization", bound: 2.0, atMost: true)]
                    )
                ],
                options,
                ours: Contender(name: "ours") {
                    [try await asyncMicrosecondsPerOperation(call)]
                },
                references: [
                    Contender(name: "JSONSerialization") {
                        [
                            try microsecondsPerOperation(operations: 10, seconds: 0.25) {
                                var checksum: UInt64 = 0
                                for _ in 0..<10 {
                                    let object = try JSONSerialization.jsonObject(with: data)
                                    let count = (object as? [String: Any])?.count ?? (object as? [Any])?.count ?? 0
                                    checksum = Checksum.mix(checksum, UInt64(count))
                                }
                                return checksum
                            }
                        ]
                    }
                ],
                notes: [
                    "\(item.fixture), \(data.count) B: a whole typed call answered in memory; CPU time per call"
                ]
            )
            report.add(figures)
        }
    }

    /// Microseconds of CPU time per call of `call`, over about a quarter of a second.
    private static func asyncMicrosecondsPerOperation(_ call: () async throws -> UInt64) async throws -> Double {
        var checksum: UInt64 = 0
        var count = 0
        let start = cpuNanoseconds()
        var elapsed: UInt64 = 0
        repeat {
            for _ in 0..<10 { checksum = Checksum.mix(checksum, try await call()) }
            count += 10
            elapsed = cpuNanoseconds() - start
        } while elapsed < 250_000_000
        Checksum.shared.fold(checksum)
        OperationCount.shared.add(count)
        return Double(elapsed) / 1e3 / Double(count)
    }
}

/// Answers every request with one prepared response, without a network.
private struct FixtureTransport: HTTPTransport {
    let response: TransportResponse

    func send(_ request: TransportRequest) async throws -> TransportResponse { response }
}
