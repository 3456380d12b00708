import Foundation
import Logging
import PostgresNIO

/// The connection pool and the schema.
enum Database {
    /// A pool for `postgres://user:password@host:port/database`.
    ///
    /// Throws a `SettingsError` when the URL lacks a host, a user or a database.
    static func client(url: URL, logger: Logger) throws -> PostgresClient {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
            components.scheme == "postgres" || components.scheme == "postgresql",
            let host = components.host, let user = components.user
        else { throw SettingsError("DATABASE_URL must be postgres://user:password@host:port/database") }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty else { throw SettingsError("DATABASE_URL names no database") }
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password,
            database: database, tls: .disable)
        // Fail fast while the database is down, so /health answers 503 instead of hanging the request.
        configuration.options.connectTimeout = .seconds(2)
        return PostgresClient(configuration: configuration, backgroundLogger: logger)
    }

    /// Creates the tables when they do not exist.
    ///
    /// Several instances may start at once: an advisory lock makes them create the schema one after the other
    /// (`CREATE TABLE IF NOT EXISTS` alone races on PostgreSQL's catalogue).
    static func migrate(_ client: PostgresClient, logger: Logger) async throws {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(7415001)", logger: logger)
            for statement in schema {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
        }
    }

    private static let schema = [
        // One row per merchant order. `checkout_id` is null while the instance that claimed the order is still
        // creating the provider's checkout.
        """
        CREATE TABLE IF NOT EXISTS orders (
            order_id     text PRIMARY KEY,
            provider     text NOT NULL,
            checkout_id  text,
            status       text NOT NULL,
            paid_amount  text,
            payment_url  text,
            pay_address  text,
            created_at   timestamptz NOT NULL DEFAULT now(),
            updated_at   timestamptz NOT NULL DEFAULT now()
        )
        """,
        "CREATE UNIQUE INDEX IF NOT EXISTS orders_checkout ON orders (provider, checkout_id)",
        // Every webhook event applied, once: the primary key is the claim.
        """
        CREATE TABLE IF NOT EXISTS webhook_events (
            provider         text NOT NULL,
            idempotency_key  text NOT NULL,
            order_id         text,
            status           text NOT NULL DEFAULT '',
            changed_order    boolean NOT NULL DEFAULT false,
            instance         text NOT NULL,
            applied_at       timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (provider, idempotency_key)
        )
        """,
        "CREATE INDEX IF NOT EXISTS webhook_events_order ON webhook_events (order_id, applied_at)",
        // The POS API's address book: which address and currency each payment id was started with.
        """
        CREATE TABLE IF NOT EXISTS openpos_payments (
            payment_id  text PRIMARY KEY,
            reference   text NOT NULL,
            created_at  timestamptz NOT NULL DEFAULT now()
        )
        """,
    ]
}
