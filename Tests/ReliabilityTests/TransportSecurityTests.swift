import CryptoPayCore
import CryptoPayTesting
import Foundation
import OneXGate
import OpenPOS
import StoreGateway
import TestKit
import USDTInvoice
import UseGateway
import XCTest

/// Item 7: TLS stays on. Every client refuses a plain-http base URL unless the host is loopback (with the look-alike
/// hosts an attacker or a typo would produce), and a server whose certificate is not trusted is refused by the real
/// transport, through every client, without a retry. `TLSSourceScanTests` (in the core's tests) checks that no source
/// file contains an API that could turn validation off.
final class TransportSecurityTests: XCTestCase {
    /// Builds each provider's client on a base URL; the error, when refused.
    private static let clients: [(String, @Sendable (URL, any HTTPTransport) throws -> ProviderHarness.Calls)] =
        ProviderHarness.all.map { harness in
            (
                "\(harness.provider)",
                { url, transport in
                    try harness.makeCalls(ClientConfiguration(baseURL: url, transport: transport, retryPolicy: .none))
                }
            )
        }

    func testPlainHTTPIsRefusedForEveryNonLoopbackHostByEveryClient() throws {
        let refused = [
            "http://api.example.com", "http://api.usegateway.net/v1", "HTTP://api.example.com/v1",
            "http://127.0.0.1.evil.example", "http://localhost.evil.example", "http://evil.example/127.0.0.1",
            "http://127.1", "http://2130706433", "http://0x7f000001", "http://[::ffff:7f00:1]", "http://10.0.0.1",
            "http://192.168.1.10:8080", "http://0.0.0.0", "ftp://api.example.com", "ws://api.example.com",
            "file:///etc/passwd", "https://user:pass@api.example.com", "http://127.0.0.1@evil.example",
            "https://api.example.com?key=1", "api.example.com",
        ]
        var checked = 0
        for (name, make) in Self.clients {
            for text in refused {
                guard let url = URL(string: text) else { continue }
                XCTAssertThrowsError(try make(url, ReplayTransport()), "\(name) accepted \(text)") { error in
                    XCTAssertEqual((error as? PaymentError)?.kind, .invalidRequest, "\(name) \(text)")
                    XCTAssertEqual(FakeSecrets.leaks(in: "\(error)"), [])
                }
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 5 * (refused.count - 1))
    }

    func testPlainHTTPIsAcceptedOnlyForLoopbackAndHTTPSEverywhere() throws {
        let accepted = [
            "http://127.0.0.1:8080", "http://127.0.0.1", "http://127.255.255.254/v1", "http://localhost:9000/api",
            "http://LOCALHOST", "http://[::1]:8080", "https://api.example.com", "https://api.example.com:8443/v2/",
        ]
        for (name, make) in Self.clients {
            for text in accepted {
                let url = try XCTUnwrap(URL(string: text))
                XCTAssertNoThrow(try make(url, ReplayTransport()), "\(name) refused \(text)")
            }
        }
    }

    /// A real TLS server (OpenSSL's `s_server` with a fresh self-signed certificate) on loopback: every client's
    /// create and retrieve fail with `secureConnectionFailed`, sent once (never retried: a certificate problem does not
    /// fix itself), and nothing is ever received in plain text.
    func testAnUntrustedCertificateIsRefusedByEveryClient() async throws {
        let server = try SelfSignedTLSServer()
        defer { server.stop() }
        let url = try XCTUnwrap(URL(string: "https://127.0.0.1:\(server.port)"))
        let transport = URLSessionTransport()

        let direct = await error {
            _ = try await transport.send(TransportRequest(method: .get, url: url, timeout: .seconds(10)))
        }
        XCTAssertEqual(direct?.transportFailure, .secureConnectionFailed, "\(String(describing: direct))")

        for harness in ProviderHarness.all {
            var base = URLComponents(url: harness.baseURL, resolvingAgainstBaseURL: false)
            base?.host = "127.0.0.1"
            base?.port = server.port
            let faults = FaultInjectingTransport(base: transport)
            let calls = try harness.makeCalls(
                ClientConfiguration(
                    baseURL: try XCTUnwrap(base?.url), transport: faults,
                    retryPolicy: RetryPolicy(maxRetries: 3, random: { 0.5 }, clock: .immediate), timeout: .seconds(10)))
            let create: @Sendable () async throws -> Void = { _ = try await calls.create(harness.createMarker) }
            let retrieve: @Sendable () async throws -> Void = { _ = try await calls.retrieve(harness.retrieveID) }
            for (operation, call) in [("create", create), ("retrieve", retrieve)] {
                let before = faults.attempts.count
                let failure = await error(call)
                XCTAssertEqual(failure?.kind, .transport, "\(harness.provider) \(operation)")
                XCTAssertEqual(failure?.transportFailure, .secureConnectionFailed, "\(harness.provider) \(operation)")
                XCTAssertEqual(faults.attempts.count - before, 1, "\(harness.provider) \(operation) was not retried")
            }
        }
    }

    private func error(_ body: () async throws -> Void) async -> PaymentError? {
        do {
            try await body()
            XCTFail("a connection to an untrusted certificate succeeded")
        } catch let error as PaymentError {
            return error
        } catch {
            XCTFail("\(error)")
        }
        return nil
    }
}

/// `openssl s_server` on 127.0.0.1 with a self-signed certificate made for the test; skipped where `openssl` is not
/// installed.
final class SelfSignedTLSServer: @unchecked Sendable {
    let port: Int
    private let process: Process
    private let directory: URL

    init() throws {
        let openssl = "/usr/bin/openssl"
        guard FileManager.default.isExecutableFile(atPath: openssl) else {
            throw XCTSkip("openssl is not installed; the TLS refusal is then covered by the source scan only")
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cryptopay-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let key = directory.appendingPathComponent("key.pem").path
        let certificate = directory.appendingPathComponent("cert.pem").path
        let generate = Process()
        generate.executableURL = URL(fileURLWithPath: openssl)
        generate.arguments = [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
            "-out", certificate, "-subj", "/CN=127.0.0.1", "-days", "1",
        ]
        generate.standardOutput = FileHandle.nullDevice
        generate.standardError = FileHandle.nullDevice
        try generate.run()
        Self.waitForExit(generate, seconds: 10)
        port = try LoopbackHTTPServer.closedPort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: openssl)
        process.arguments = [
            "s_server", "-accept", "127.0.0.1:\(port)", "-cert", certificate, "-key", key, "-www", "-quiet",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Ready once it accepts a TCP connection.
        let deadline = Date().addingTimeInterval(10)
        while !Self.accepts(port), Date() < deadline { usleep(20_000) }
    }

    /// Kills the server (`s_server` ignores SIGTERM) and waits for it to be gone.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        Self.waitForExit(process, seconds: 5)
        try? FileManager.default.removeItem(at: directory)
    }

    /// Polls instead of `waitUntilExit()`, which spins a run loop and can hang when called off the main thread.
    private static func waitForExit(_ process: Process, seconds: TimeInterval) {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(10_000) }
    }

    private static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
