import CryptoPayCore
import Foundation

/// Remembers the address of each payment, because the POS API's webhooks carry none and CheckPayment needs it.
///
/// ``OpenPOSClient`` records every payment it starts when it has an address book, and ``OpenPOSWebhook`` looks the
/// address up to authenticate a webhook. ``OpenPOSInMemoryAddressBook`` serves one process; back the protocol with
/// your database when webhooks may reach another process or arrive after a restart.
public protocol OpenPOSAddressBook: Sendable {
    /// Stores a started payment's reference.
    ///
    /// - Throws: whatever the storage throws; the payment has been started regardless.
    func record(_ reference: OpenPOSPaymentReference) async throws

    /// The reference stored for a payment id, or `nil` when none is.
    ///
    /// - Throws: whatever the storage throws.
    func reference(forPaymentID paymentID: String) async throws -> OpenPOSPaymentReference?
}

/// An ``OpenPOSAddressBook`` in memory, safe to share across tasks. It forgets everything when the process ends.
public final class OpenPOSInMemoryAddressBook: OpenPOSAddressBook, @unchecked Sendable {
    // Guards `references`.
    private let lock = NSLock()
    private var references: [String: OpenPOSPaymentReference] = [:]

    /// Creates an empty address book.
    public init() {}

    /// Stores a reference, replacing any earlier one for the same payment id.
    public func record(_ reference: OpenPOSPaymentReference) async {
        lock.withLock { references[reference.paymentID] = reference }
    }

    /// The reference stored for a payment id, or `nil`.
    public func reference(forPaymentID paymentID: String) async -> OpenPOSPaymentReference? {
        lock.withLock { references[paymentID] }
    }
}
