// Release-mode benchmarks of the webhook hot paths: `swift run -c release cryptopay-benchmarks`.
//
// Single-threaded. Each figure is the best of several timed rounds, which filters out scheduler noise on a shared
// machine. Reference figures default to those measured on the project machine and can be replaced with figures
// measured on the machine at hand:
//   CRYPTOPAY_REF_OPENSSL_SHA256_MIBS   `OPENSSL_ia32cap=":~0x20000000" openssl speed -bytes 1048576 -evp sha256`,
//                                       converted from 1000s of bytes/s to MiB/s (SHA extensions disabled)
//   CRYPTOPAY_REF_PYTHON_SVIX_PER_SECOND  the Python `standardwebhooks` package's `Webhook.verify` on a 1 KiB body

import CryptoPayCore
import Foundation

/// Runs `body` (which performs `operations` operations) repeatedly for about `seconds` per round and returns the best
/// rate in operations per second.
func bestRate(operations: Int, rounds: Int = 5, seconds: Double = 0.6, _ body: () throws -> Void) rethrows -> Double {
    var best = 0.0
    for _ in 0..<rounds {
        var iterations = 0
        let start = DispatchTime.now().uptimeNanoseconds
        var elapsed = 0.0
        repeat {
            try body()
            iterations += 1
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        } while elapsed < seconds
        best = max(best, Double(iterations * operations) / elapsed)
    }
    return best
}

func reference(_ name: String, default value: Double) -> (value: Double, source: String) {
    if let text = ProcessInfo.processInfo.environment[name], let measured = Double(text), measured > 0 {
        return (measured, "\(name)")
    }
    return (value, "project machine default; set \(name) to override")
}

func formatted(_ value: Double, decimals: Int = 0) -> String {
    String(format: "%.\(decimals)f", value)
}

#if DEBUG
    print("warning: debug build; run `swift run -c release cryptopay-benchmarks` for meaningful figures")
#endif

// Keeps results observable so the optimizer cannot drop the work being measured.
var sink: UInt8 = 0

// SHA-256 over 1 MiB.
let mebibyte = Data((0..<1_048_576).map { UInt8(truncatingIfNeeded: $0 &* 31) })
let shaMiBPerSecond = bestRate(operations: 1) { sink ^= SHA256.hash(mebibyte)[0] }

// Svix verification of a 1 KiB body with one secret, as a merchant's handler would call it.
let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
let body = Data(("{\"data\":\"" + String(repeating: "x", count: 1013) + "\"}").utf8)
let signedHeaders = try SvixSignatureScheme.sign(
    body: body,
    id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
    timestamp: Date(),
    secret: secret
)
let request = WebhookRequest(body: body, headers: signedHeaders)
let scheme = try SvixSignatureScheme(secret: secret)
try scheme.verify(request)
let batch = 1_000
let svixPerSecond = try bestRate(operations: batch) {
    for _ in 0..<batch { try scheme.verify(request) }
}

// HMAC-SHA256 of the same 1 KiB body with a precomputed key, the floor under the Svix figure.
let key = HMACSHA256(key: Data("benchmark-key".utf8))
let hmacPerSecond = bestRate(operations: batch) {
    for _ in 0..<batch {
        var authenticator = key
        authenticator.update(body)
        sink ^= authenticator.finalize()[0]
    }
}

let openSSL = reference("CRYPTOPAY_REF_OPENSSL_SHA256_MIBS", default: 630)
let python = reference("CRYPTOPAY_REF_PYTHON_SVIX_PER_SECOND", default: 150_000)
let shaRatio = shaMiBPerSecond / openSSL.value
let svixRatio = svixPerSecond / python.value

print("SHA-256, 1 MiB:                \(formatted(shaMiBPerSecond)) MiB/s")
print("  OpenSSL software reference:  \(formatted(openSSL.value)) MiB/s (\(openSSL.source))")
print(
    "  ratio:                       \(formatted(shaRatio, decimals: 2)) (target >= 0.60)  \(shaRatio >= 0.6 ? "MET" : "NOT MET")"
)
print("Svix verify, 1 KiB body:       \(formatted(svixPerSecond))/s")
print("  Python standardwebhooks:     \(formatted(python.value))/s (\(python.source))")
print(
    "  ratio:                       \(formatted(svixRatio, decimals: 2)) (target >= 1.50)  \(svixRatio >= 1.5 ? "MET" : "NOT MET")"
)
print("HMAC-SHA256, 1 KiB, keyed:     \(formatted(hmacPerSecond))/s")
print("(checksum \(sink))")
