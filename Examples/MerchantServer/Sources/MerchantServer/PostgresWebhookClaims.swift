import CryptoPay
import Logging
import PostgresNIO

/// The library's processed-webhook store on PostgreSQL, bound to the connection of one transaction.
///
/// The claim is a single `INSERT … ON CONFLICT DO NOTHING`: of any number of instances claiming one key at once,
/// exactly one inserts the row. Made inside the transaction that applies the event, it commits with the effect or
/// not at all — a crash in between rolls both back, and the provider's next delivery applies the event then.
struct PostgresWebhookClaims: ProcessedWebhookStore {
    let connection: PostgresConnection
    let instance: String
    let logger: Logger

    func claim(_ key: String, provider: ProviderID) async throws -> Bool {
        let rows = try await connection.query(
            """
            INSERT INTO webhook_events (provider, idempotency_key, instance) VALUES (\(provider.rawValue), \(key), \(instance))
            ON CONFLICT (provider, idempotency_key) DO NOTHING RETURNING idempotency_key
            """,
            logger: logger)
        for try await _ in rows.decode(String.self) { return true }
        return false
    }

    /// Never needed inside a transaction (a rollback releases); here for a caller that claims outside one.
    func release(_ key: String, provider: ProviderID) async throws {
        try await connection.query(
            "DELETE FROM webhook_events WHERE provider = \(provider.rawValue) AND idempotency_key = \(key)",
            logger: logger)
    }
}
