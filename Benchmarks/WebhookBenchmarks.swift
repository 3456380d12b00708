import CryptoPayCore
import CryptoPayTesting
import Foundation
import UseGateway

/// SHA-256, HMAC and Svix verification, the webhook hot paths, against OpenSSL and the Python `standardwebhooks`
/// package when they are installed.
enum WebhookBenchmarks {
    static let shaName = "sha256.1mib"
    static let hmacName = "hmac.1kib"
    static let svixName = "svix.verify.1kib"
    static let typedName = "svix.verify.typed"
    static let memoryName = "memory.webhook.10k"
    static var names: [String] { [shaName, hmacName, svixName, typedName, memoryName] }

    static let python = "Python standardwebhooks"
    /// A test secret of the benchmark, not a credential.
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let messageID = "msg_p5jXN8AQM9LWM0D4loKWxJek"

    static func run(_ options: Options, _ report: Report) async throws {
        if options.selects([shaName]) { report.add(try await sha256(options)) }
        if options.selects([hmacName]) { report.add(try await hmac(options)) }
        if options.selects([svixName]) { report.add(try await svix(options)) }
        if options.selects([typedName]) { report.add(try await typed(options)) }
        if options.selects([memoryName]) { report.add(try await memory(options)) }
    }

    /// Runs `batch` (performing `operations` operations) for about `seconds` and returns operations per second.
    private static func rate(operations: Int, seconds: Double, _ batch: () throws -> UInt64) rethrows -> Double {
        1e6 / (try microsecondsPerOperation(operations: operations, seconds: seconds, batch))
    }

    private static func sha256(_ options: Options) async throws -> [Figure] {
        let mebibyte = Data((0..<1_048_576).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let softwareName = "OpenSSL software (SHA extensions off)"
        return try await compare(
            [
                Metric(
                    name: shaName,
                    unit: "MiB/s",
                    higherIsBetter: true,
                    goals: [Goal(reference: softwareName, bound: 0.70, atMost: false)]
                )
            ],
            options,
            ours: Contender(name: "ours") {
                [
                    rate(operations: 1, seconds: 0.5) {
                        let digest = SHA256.hash(mebibyte)
                        return digest.withUnsafeBytes { $0.load(as: UInt64.self) }
                    }
                ]
            },
            references: [
                Contender(name: softwareName, warmUp: false) {
                    [try ExternalReferences.openSSLSHA256(softwareOnly: true)]
                },
                Contender(name: "OpenSSL with SHA extensions", warmUp: false) {
                    [try ExternalReferences.openSSLSHA256(softwareOnly: false)]
                },
            ],
            notes: [
                "`openssl speed -evp sha256 -bytes 1048576` for 1 s per round; the SHA-extension figure is the "
                    + "hardware ceiling, out of reach of portable Swift"
            ]
        )
    }

    private static func hmac(_ options: Options) async throws -> [Figure] {
        let body = Data(("{\"data\":\"" + String(repeating: "x", count: 1013) + "\"}").utf8)
        let key = HMACSHA256(key: Data("benchmark-key".utf8))
        return try await compare(
            [Metric(name: hmacName, unit: "MAC/s", higherIsBetter: true)],
            options,
            ours: Contender(name: "ours") {
                [
                    rate(operations: 100, seconds: 0.3) {
                        var checksum: UInt64 = 0
                        for _ in 0..<100 {
                            var authenticator = key
                            authenticator.update(body)
                            let code = authenticator.finalize()
                            checksum = Checksum.mix(checksum, code.withUnsafeBytes { $0.load(as: UInt64.self) })
                        }
                        return checksum
                    }
                ]
            },
            references: [],
            notes: ["HMAC-SHA256 of a 1 KiB body with a precomputed key: the floor under the Svix figure"]
        )
    }

    private static func signedRequest(_ body: Data) throws -> WebhookRequest {
        let headers = try SvixSignatureScheme.sign(body: body, id: messageID, timestamp: Date(), secret: secret)
        return WebhookRequest(body: body, headers: headers)
    }

    private static func svix(_ options: Options) async throws -> [Figure] {
        let body = Data(("{\"data\":\"" + String(repeating: "x", count: 1013) + "\"}").utf8)
        let scheme = try SvixSignatureScheme(secret: secret)
        let request = try signedRequest(body)
        try scheme.verify(request)
        return try await compare(
            [
                Metric(
                    name: svixName,
                    unit: "verifications/s",
                    higherIsBetter: true,
                    goals: [Goal(reference: python, bound: 2.5, atMost: false)]
                )
            ],
            options,
            ours: Contender(name: "ours") {
                [
                    try rate(operations: 200, seconds: 0.5) {
                        var checksum: UInt64 = 0
                        for _ in 0..<200 {
                            let verified = try scheme.verify(request)
                            checksum = Checksum.mix(
                                checksum, UInt64(bitPattern: Int64(verified.timestamp?.timeIntervalSince1970 ?? 0)))
                        }
                        return checksum
                    }
                ]
            },
            references: [
                Contender(name: python, warmUp: false) {
                    [
                        try ExternalReferences.pythonStandardWebhooks(
                            body: body, secret: secret, id: messageID, parse: false, seconds: 0.5)
                    ]
                }
            ],
            notes: [
                "signature and timestamp check of a 1 KiB body, no JSON parse on either side "
                    + "(Python: verify(…, json_parse=False))"
            ]
        )
    }

    private static func typed(_ options: Options) async throws -> [Figure] {
        let body = try Fixtures.data("UseGateway/webhook_payment_completed.json")
        let webhook = try UseGatewayWebhook(secret: secret)
        let request = try signedRequest(body)
        _ = try await webhook.verify(request)
        return try await compare(
            [Metric(name: typedName, unit: "verifications/s", higherIsBetter: true)],
            options,
            ours: Contender(name: "ours") {
                var checksum: UInt64 = 0
                var count = 0
                let start = cpuNanoseconds()
                repeat {
                    for _ in 0..<100 {
                        let verified = try await webhook.verify(request)
                        checksum = Checksum.mix(checksum, UInt64(verified.idempotencyKey.utf8.count))
                    }
                    count += 100
                } while cpuNanoseconds() - start < 500_000_000
                let elapsed = Double(cpuNanoseconds() - start) / 1e9
                Checksum.shared.fold(checksum)
                return [Double(count) / elapsed]
            },
            references: [
                Contender(name: python, warmUp: false) {
                    [
                        try ExternalReferences.pythonStandardWebhooks(
                            body: body, secret: secret, id: messageID, parse: true, seconds: 0.5)
                    ]
                }
            ],
            notes: [
                "UseGatewayWebhook.verify: signature, timestamp and the typed event, on webhook_payment_completed.json "
                    + "(\(body.count) B); Python: verify(…) with its json.loads"
            ]
        )
    }

    private static func memory(_ options: Options) async throws -> [Figure] {
        let body = try Fixtures.data("UseGateway/webhook_payment_completed.json")
        let webhook = try UseGatewayWebhook(secret: secret)
        let request = try signedRequest(body)
        let first = SeriesNote()
        var figures = try await compare(
            [Metric(name: memoryName, unit: "MiB", higherIsBetter: false, limit: 1, showsRatio: false)],
            options,
            ours: Contender(name: "ours", warmUp: false) {
                var series: [Double] = []
                var checksum: UInt64 = 0
                for _ in 0..<10 {
                    for _ in 0..<1000 {
                        let verified = try await webhook.verify(request)
                        checksum = Checksum.mix(checksum, UInt64(verified.idempotencyKey.utf8.count))
                    }
                    series.append(residentMiB())
                }
                Checksum.shared.fold(checksum)
                first.keep(series)
                return [series[9] - series[0]]
            },
            references: [],
            notes: [
                "growth of resident memory from the 1st to the 10th thousand of 10,000 typed webhook verifications, "
                    + "per round"
            ]
        )
        if let series = first.series {
            figures[0].notes.append(
                "resident MiB after each 1,000: " + series.map { format($0, digits: 1) }.joined(separator: " "))
        }
        return figures
    }
}

/// Keeps the first series it is given.
final class SeriesNote: @unchecked Sendable {
    // Guards `stored`.
    private let lock = NSLock()
    private var stored: [Double]?

    func keep(_ values: [Double]) {
        lock.withLock { if stored == nil { stored = values } }
    }

    var series: [Double]? { lock.withLock { stored } }
}
