import CryptoPayCore
import XCTest

/// The `PaymentError` that `call` throws; `label` starts the failure message when it throws none.
///
/// - Throws: an error that fails the test, naming what happened, when `call` returns or throws another type.
public func paymentError<Result>(
    _ label: String = "",
    file: StaticString = #filePath,
    line: UInt = #line,
    _ call: () async throws -> Result
) async throws -> PaymentError {
    let outcome: String
    do {
        _ = try await call()
        outcome = "it returned"
    } catch let error as PaymentError {
        return error
    } catch {
        outcome = "it threw \(type(of: error)): \(error)"
    }
    XCTFail("\(label.isEmpty ? "" : label + ": ")expected a PaymentError; \(outcome)", file: file, line: line)
    throw NoPaymentError(outcome: outcome)
}

/// Ends a test whose call did not throw the `PaymentError` it was expected to; the failure is already recorded.
public struct NoPaymentError: Error, CustomStringConvertible {
    /// What happened instead.
    public var outcome: String
    /// `expected a PaymentError; it returned`.
    public var description: String { "expected a PaymentError; \(outcome)" }
}
