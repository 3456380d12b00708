import CryptoPayCore
import Foundation
import XCTest

/// Helpers shared by the webhook tests; namespaced so they cannot collide with other test files of the target.
enum WebhookTestSupport {
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    static func bytes(hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            result.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return result
    }

    /// The repository root: the nearest ancestor of this file that contains Package.swift.
    static func packageRoot(filePath: String = #filePath) throws -> URL {
        var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        throw XCTSkip("Package.swift not found above \(filePath)")
    }

    /// Asserts that `body` throws a `PaymentError` rejecting a webhook for `reason`, and returns it.
    @discardableResult
    static func assertRejected(
        _ reason: WebhookRejectionReason,
        file: StaticString = #filePath,
        line: UInt = #line,
        _ body: () throws -> Void
    ) -> PaymentError? {
        do {
            try body()
            XCTFail("expected rejection \(reason), but the webhook was accepted", file: file, line: line)
            return nil
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .webhookRejected(reason), "\(error)", file: file, line: line)
            return error
        } catch {
            XCTFail("expected PaymentError, got \(error)", file: file, line: line)
            return nil
        }
    }

    /// Asserts that `body` throws a `PaymentError` of kind invalidRequest, and returns it.
    @discardableResult
    static func assertInvalidRequest(
        file: StaticString = #filePath,
        line: UInt = #line,
        _ body: () throws -> Void
    ) -> PaymentError? {
        do {
            try body()
            XCTFail("expected invalidRequest, but nothing was thrown", file: file, line: line)
            return nil
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .invalidRequest, "\(error)", file: file, line: line)
            return error
        } catch {
            XCTFail("expected PaymentError, got \(error)", file: file, line: line)
            return nil
        }
    }
}
