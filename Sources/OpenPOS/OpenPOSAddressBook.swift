import CryptoPayCore
import Foundation

/// Remembers the address of each payment, because the POS API's webhooks carry none and CheckPayment needs it.
///
/// ``OpenPOSClient`` records every payment it starts when it has an address book, and ``OpenPOSWebhook`` looks the
/// address up to authenticate a webhook. ``OpenPOSInMemoryAddressBook`` serves one process and forgets the oldest
/// entries; back the protocol with your database in production, where webhooks reach other instances or arrive after
/// a restart.
///
/// Contract for an implementation: ``record(_:)`` is durable once it returns, and the last reference recorded for a
/// payment id is the one ``reference(forPaymentID:)`` returns; every instance of the merchant's service must read
/// what any other recorded.
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
