import CryptoPay
import Foundation
import Logging
import PostgresNIO

/// The POS API's address book on PostgreSQL, shared by every instance.
///
/// The POS adapter records the address and currency of each payment it starts, and needs them again to look the
/// payment up — for `checkout(id:)` and to confirm a webhook — possibly on another instance or after a restart.
/// The contract is a plain key-value store: a recorded reference must be readable by every instance once `record`
/// has returned (a committed insert is), and a payment id is recorded once (its reference never changes).
struct PostgresAddressBook: OpenPOSAddressBook {
    let client: PostgresClient
    let logger: Logger

    func record(_ reference: OpenPOSPaymentReference) async throws {
        let json = String(decoding: try JSONEncoder().encode(reference), as: UTF8.self)
        try await client.query(
            """
            INSERT INTO openpos_payments (payment_id, reference) VALUES (\(reference.paymentID), \(json))
            ON CONFLICT (payment_id) DO NOTHING
            """,
            logger: logger)
    }

    func reference(forPaymentID paymentID: String) async throws -> OpenPOSPaymentReference? {
        let rows = try await client.query(
            "SELECT reference FROM openpos_payments WHERE payment_id = \(paymentID)", logger: logger)
        for try await json in rows.decode(String.self) {
            return try JSONDecoder().decode(OpenPOSPaymentReference.self, from: Data(json.utf8))
        }
        return nil
    }
}
