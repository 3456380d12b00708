import CryptoPayCore
import CryptoPaySandbox
import CryptoPaySandboxServer
import CryptoPayTesting
import Foundation
import UseGateway

/// The sandbox server's own capacity (`cryptopay sandbox serve`), so that a merchant knows it is not the bottleneck
/// of their tests: requests per second it answers on loopback, and webhooks per second it delivers.
enum SandboxBenchmarks {
    static let throughputName = "sandbox.server.throughput32"
    static let webhookName = "sandbox.webhooks.rate"
    static var names: [String] { [throughputName, webhookName] }

    static let connections = 32
    static let payments = 200
    static let payers = 8

    static func run(_ options: Options, _ report: Report) async throws {
        if options.selects([throughputName]) { report.add(try await throughput(options)) }
        if options.selects([webhookName]) { report.add(try await webhooks(options)) }
    }

    /// A sandbox server on an ephemeral loopback port, and a UseGateway client of it with the sandbox key.
    private static func start(
        _ configure: (inout SandboxServerConfiguration) -> Void = { _ in }
    ) throws -> (SandboxServer, UseGatewayClient) {
        var configuration = SandboxServerConfiguration()
        configure(&configuration)
        let server = try SandboxServer(configuration: configuration) { _ in }
        let client = try UseGatewayClient(
            apiKey: SandboxCredentials.useGateway.apiKey,
            configuration: ClientConfiguration(
                baseURL: try server.baseURL(for: .useGateway), transport: URLSessionTransport())
        )
        return (server, client)
    }

    private static func checkout(_ client: UseGatewayClient, _ index: Int) async throws -> String {
        try await client.payments.create(.init(name: "benchmark \(index)", pricing: .fixed(Money(10, .usd)))).id
    }

    /// 32 raw keep-alive socket clients retrieving one checkout through the simulated UseGateway API (the key
    /// checked, the checkout looked up and encoded on every request), half a second per round.
    private static func throughput(_ options: Options) async throws -> [Figure] {
        let (server, client) = try start()
        defer { server.stop(grace: .zero) }
        let id = try await checkout(client, 0)
        let path = try server.baseURL(for: .useGateway).path + "/payments/\(id)/"
        let request = Array(
            ("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: \(SandboxCredentials.useGateway.apiKey)\r\n"
                + "Accept: application/json\r\n\r\n").utf8)
        return try await compare(
            [Metric(name: throughputName, unit: "req/s", higherIsBetter: true)],
            options,
            ours: Contender(name: "ours") {
                [
                    try BenchmarkServer.rawThroughput(
                        port: server.port, connections: connections, seconds: 0.5, request: request)
                ]
            },
            references: [],
            notes: [
                "SandboxServer (`cryptopay sandbox serve`) on loopback: \(connections) raw keep-alive connections "
                    + "retrieving one UseGateway checkout, clients sharing the cores with the server"
            ]
        )
    }

    /// Webhooks delivered per second: 200 checkouts paid through the control API from 8 tasks at once, timed from
    /// the first payment until the merchant's receiver (a loopback server answering 200) has every webhook.
    private static func webhooks(_ options: Options) async throws -> [Figure] {
        let receiver = try LoopbackHTTPServer { _ in .text("ok") }
        defer { _ = receiver.shutdown() }
        let ours = Contender(name: "ours") {
            let (server, client) = try start { $0.webhookURLs[.useGateway] = [receiver.url("/hooks")] }
            defer { server.stop(grace: .seconds(1)) }
            var created: [String] = []
            for index in 0..<payments { created.append(try await checkout(client, index)) }
            let ids = created
            let control = URLSessionTransport()
            let before = receiver.requests.count
            let start = nanoseconds()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for payer in 0..<payers {
                    group.addTask {
                        for index in stride(from: payer, to: ids.count, by: payers) {
                            let id = ids[index]
                            let response = try await control.send(
                                TransportRequest(
                                    method: .post,
                                    url: server.url.appendingPathComponent("_sandbox/usegateway/checkouts/\(id)/pay")
                                )
                            )
                            guard response.statusCode == 200 else {
                                throw BenchmarkServer.Failure(description: "pay answered \(response.statusCode)")
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let deadline = start + 30_000_000_000
            while receiver.requests.count - before < payments {
                guard nanoseconds() < deadline else {
                    throw BenchmarkServer.Failure(
                        description: "\(receiver.requests.count - before) of \(payments) webhooks in 30 s")
                }
                try await Task.sleep(nanoseconds: 1_000_000)
            }
            return [Double(payments) / (Double(nanoseconds() - start) / 1e9)]
        }
        return try await compare(
            [Metric(name: webhookName, unit: "webhooks/s", higherIsBetter: true)],
            options,
            ours: ours,
            references: [],
            notes: [
                "\(payments) UseGateway checkouts paid through the control API from \(payers) tasks at once, timed "
                    + "until a loopback receiver answering 200 has every signed webhook (control calls included)"
            ]
        )
    }
}
