import CryptoPayCore
import Foundation
import TestKit
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

    /// Asserts that `body` throws a `PaymentError` rejecting a webhook for `reason`, and returns it.
    @discardableResult
    static func assertRejected(
        _ reason: WebhookRejectionReason,
        file: StaticString = #filePath,
        line: UInt = #line,
        _ body: () throws -> Void
    ) -> PaymentError? {
        let error = assertPaymentError(.webhookRejected, file: file, line: line, body)
        XCTAssertEqual(error?.webhookRejection, reason, file: file, line: line)
        return error
    }

    /// Asserts that `body` throws a `PaymentError` of kind invalidRequest, and returns it.
    @discardableResult
    static func assertInvalidRequest(
        file: StaticString = #filePath,
        line: UInt = #line,
        _ body: () throws -> Void
    ) -> PaymentError? {
        assertPaymentError(.invalidRequest, file: file, line: line, body)
    }

    private static func assertPaymentError(
        _ kind: PaymentError.Kind,
        file: StaticString,
        line: UInt,
        _ body: () throws -> Void
    ) -> PaymentError? {
        do {
            try body()
            XCTFail("expected \(kind), but nothing was thrown", file: file, line: line)
            return nil
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, kind, "\(error)", file: file, line: line)
            return error
        } catch {
            XCTFail("expected PaymentError, got \(error)", file: file, line: line)
            return nil
        }
    }
}
