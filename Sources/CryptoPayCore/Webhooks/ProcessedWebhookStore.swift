import Foundation

/// Where a merchant's servers record which webhook events they have processed, so that each event changes their
/// records once — whichever instance a delivery reaches, however often the provider delivers it, across restarts.
///
/// Back it with your database. The contract:
/// - ``claim(_:provider:)`` is atomic across every instance sharing the store: of any number of concurrent claims of
///   one key, exactly one returns `true` (PostgreSQL: `INSERT … ON CONFLICT DO NOTHING RETURNING`, or a unique
///   constraint). Best done in the same transaction as the event's effect, so that a crash between the two cannot
///   lose the effect or apply it twice; then a rollback is the release.
/// - Where the claim cannot share a transaction with the effect, ``release(_:provider:)`` gives a claim up after the
///   effect failed, so that the provider's next delivery is processed; a crash between claim and effect still loses
///   that event, which is why the transaction is the recommended form.
/// - Claimed keys must be remembered at least as long as the provider keeps delivering (a week covers every
///   provider's documented retries); after that they may be forgotten.
/// - Keys are ``VerifiedWebhook/idempotencyKey`` values, unique per provider, never longer than 1,024 characters.
///
/// ``SeenEventStore`` is the bounded in-memory implementation, for one process only: it forgets keys after its time to
/// live (``SeenEventStore/defaultTimeToLive``, 24 hours, unless you give it more), beyond its capacity, and on restart.
public protocol ProcessedWebhookStore: Sendable {
    /// Claims `key` for the caller: `true` when no one has claimed it before (process the event), `false` when it was
    /// already claimed (a duplicate: answer the provider 2xx and do nothing).
    ///
    /// - Throws: whatever the store throws when it cannot answer (then answer the provider 5xx).
    func claim(_ key: String, provider: ProviderID) async throws -> Bool

    /// Gives up a claim whose effect failed, so that a redelivery is processed.
    ///
    /// - Throws: whatever the store throws when it cannot answer.
    func release(_ key: String, provider: ProviderID) async throws
}

extension SeenEventStore: ProcessedWebhookStore {
    /// Claims `key` in this process's memory (``insert(_:)`` of `provider:key`).
    public func claim(_ key: String, provider: ProviderID) async -> Bool {
        insert("\(provider.rawValue):\(key)")
    }

    /// Forgets the claim (``remove(_:)`` of `provider:key`).
    public func release(_ key: String, provider: ProviderID) async {
        remove("\(provider.rawValue):\(key)")
    }
}
