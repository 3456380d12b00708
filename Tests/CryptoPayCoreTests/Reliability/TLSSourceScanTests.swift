import Foundation
import TestKit
import XCTest

/// Item 7, by inspection: no source file of the package uses an API that can weaken or skip certificate validation,
/// answers an authentication challenge, or hard-codes a plain-http URL to anything but loopback. (The behaviour —
/// an untrusted certificate refused by every client — is tested against a real TLS server in `ReliabilityTests`.)
final class TLSSourceScanTests: XCTestCase {
    /// Names whose presence would mean certificate validation is being customised somewhere.
    private let dangerous = [
        "URLAuthenticationChallenge", "didReceive challenge", "didReceiveChallenge", "serverTrust", "SecTrust",
        "URLCredential(trust", ".useCredential", "cancelAuthenticationChallenge", "AuthChallengeDisposition",
        "CURLOPT_SSL_VERIFY", "SSL_VERIFY", "VERIFYPEER", "VERIFYHOST", "allowsInvalid", "NSAllowsArbitraryLoads",
        "NSExceptionAllowsInsecureHTTPLoads", "insecureSkipVerify", "disableCertificate", "trustAll",
        "tlsMinimumSupportedProtocol", "TLSVersion", "kCFStreamSSL",
    ]

    private func sources() throws -> [(path: String, text: String)] {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
            guard folder.path != "/" else { throw XCTSkip("the package root was not found above \(#filePath)") }
            folder.deleteLastPathComponent()
        }
        let root = folder.appendingPathComponent("Sources")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var files: [(String, String)] = []
        for case let path as String in walker where path.hasSuffix(".swift") {
            files.append((path, try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)))
        }
        return files
    }

    func testNoSourceCustomisesCertificateValidation() throws {
        let files = try sources()
        XCTAssertGreaterThan(files.count, 100, "the scan must see the whole package")
        for (path, text) in files {
            for name in dangerous {
                XCTAssertFalse(text.contains(name), "\(path) uses \(name)")
            }
        }
    }

    func testNoSourceHardCodesPlainHTTPExceptToLoopback() throws {
        for (path, text) in try sources() {
            for line in text.split(separator: "\n") where line.contains("\"http://") {
                let loopback = ["\"http://127.0.0.1", "\"http://localhost", "\"http://[::1]"].contains {
                    line.contains($0)
                }
                XCTAssertTrue(loopback, "\(path): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
    }

    /// The transport's delegates answer the response, data, completion and redirects only: a delegate that implemented a
    /// challenge handler is the one way validation could be relaxed through URLSession.
    func testTheTransportDelegateHandlesNoChallenge() throws {
        let transport = try XCTUnwrap(try sources().first { $0.path.hasSuffix("HTTP/URLSessionTransport.swift") })
        let handlers = transport.text.components(separatedBy: "func urlSession(").count - 1
        XCTAssertEqual(
            handlers, 5, "response, data, completion and redirection, and the redirect refusal of caller sessions")
        XCTAssertFalse(transport.text.contains("challenge"))
    }
}
