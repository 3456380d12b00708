import CryptoPay
import Foundation
import Logging
import PostgresNIO

/// An order as the server keeps it.
struct Order: Encodable {
    var orderID: String
    var provider: String
    var checkoutID: String?
    var status: String
    var paidAmount: String?
    var paymentURL: String?
    var payAddress: String?
    var events: [AppliedEvent]?

    enum CodingKeys: String, CodingKey {
        case orderID = "order_id"
        case provider
        case checkoutID = "checkout_id"
        case status
        case paidAmount = "paid_amount"
        case paymentURL = "payment_url"
        case payAddress = "pay_address"
        case events
    }
}

/// A webhook event that an instance applied.
struct AppliedEvent: Encodable {
    var idempotencyKey: String
    var status: String
    var changedOrder: Bool
    var appliedAt: Date
    var instance: String

    enum CodingKeys: String, CodingKey {
        case idempotencyKey = "idempotency_key"
        case status
        case changedOrder = "changed_order"
        case appliedAt = "applied_at"
        case instance
    }
}

/// What applying a webhook event did.
enum EventOutcome {
    /// The event was new: recorded, and the order moved when `changedOrder`.
    case applied(changedOrder: Bool)
    /// Another delivery of the same event was applied before: nothing changed.
    case alreadyApplied
    /// No order has this checkout (yet): nothing was recorded, so a later delivery can still apply it.
    case unknownCheckout
}

/// Orders and their webhook events in PostgreSQL.
struct OrderStore {
    let client: PostgresClient
    let instance: String
    let logger: Logger

    /// The placeholder status of an order whose checkout is being created.
    static let creating = "creating"

    /// Claims `orderID` for this caller: `true` when the row was inserted now, `false` when it already existed.
    ///
    /// The primary key makes the claim atomic: of two concurrent requests for one order, exactly one creates the
    /// provider's checkout.
    func claim(orderID: String, provider: ProviderID) async throws -> Bool {
        let rows = try await client.query(
            """
            INSERT INTO orders (order_id, provider, status) VALUES (\(orderID), \(provider.rawValue), \(Self.creating))
            ON CONFLICT (order_id) DO NOTHING RETURNING order_id
            """,
            logger: logger)
        for try await _ in rows.decode(String.self) { return true }
        return false
    }

    /// Stores the checkout the provider created for the claimed order.
    func attach(_ checkout: Checkout, to orderID: String) async throws {
        try await client.query(
            """
            UPDATE orders SET checkout_id = \(checkout.id), status = \(checkout.status.description),
                payment_url = \(checkout.paymentURL?.absoluteString), pay_address = \(checkout.payAddress),
                updated_at = now()
            WHERE order_id = \(orderID)
            """,
            logger: logger)
    }

    /// The status of an order whose create may or may not have reached the provider.
    static let outcomeUnknown = "outcomeUnknown"

    /// Keeps the order claimed after a create whose outcome is unknown, so that no instance creates it again.
    func markOutcomeUnknown(orderID: String) async throws {
        try await client.query(
            """
            UPDATE orders SET status = \(Self.outcomeUnknown), updated_at = now()
            WHERE order_id = \(orderID) AND checkout_id IS NULL
            """,
            logger: logger)
    }

    /// Gives the order up after its checkout could not be created, so that the merchant can try again.
    func release(orderID: String) async throws {
        try await client.query(
            "DELETE FROM orders WHERE order_id = \(orderID) AND checkout_id IS NULL", logger: logger)
    }

    /// The order, with its applied events when `withEvents`.
    func order(_ orderID: String, withEvents: Bool = false) async throws -> Order? {
        let rows = try await client.query(
            """
            SELECT order_id, provider, checkout_id, status, paid_amount, payment_url, pay_address
            FROM orders WHERE order_id = \(orderID)
            """,
            logger: logger)
        var found: Order?
        for try await (id, provider, checkoutID, status, paid, url, address) in rows.decode(
            (String, String, String?, String, String?, String?, String?).self)
        {
            found = Order(
                orderID: id, provider: provider, checkoutID: checkoutID, status: status, paidAmount: paid,
                paymentURL: url, payAddress: address)
        }
        guard var order = found, withEvents else { return found }
        let events = try await client.query(
            """
            SELECT idempotency_key, status, changed_order, applied_at, instance FROM webhook_events
            WHERE order_id = \(orderID) ORDER BY applied_at, idempotency_key
            """,
            logger: logger)
        order.events = []
        for try await (key, status, changed, appliedAt, instance) in events.decode(
            (String, String, Bool, Date, String).self)
        {
            order.events?.append(
                AppliedEvent(
                    idempotencyKey: key, status: status, changedOrder: changed, appliedAt: appliedAt,
                    instance: instance))
        }
        return order
    }

    /// Applies a verified webhook event exactly once.
    ///
    /// One transaction claims the event's idempotency key and updates the order: either both happen or neither, so
    /// a crash between them cannot lose the update or apply it twice, whichever instance the next delivery reaches.
    /// A late event never moves an order back from a final status (see `moves(from:to:)`).
    func apply(_ event: PaymentEvent) async throws -> EventOutcome {
        let provider = event.provider.rawValue
        let status = event.status
        return try await client.withTransaction(logger: logger) { connection in
            // Lock the order first, so that two different events for one order are applied one after the other.
            let orderRows = try await connection.query(
                """
                SELECT order_id, status FROM orders WHERE provider = \(provider) AND checkout_id = \(event.checkoutID)
                FOR UPDATE
                """,
                logger: logger)
            var found: (id: String, status: String)?
            for try await row in orderRows.decode((String, String).self) { found = row }
            guard let order = found else { return .unknownCheckout }

            let claims = PostgresWebhookClaims(connection: connection, instance: instance, logger: logger)
            guard try await claims.claim(event.idempotencyKey, provider: event.provider) else { return .alreadyApplied }
            let changes = Self.moves(from: order.status, to: status)
            try await connection.query(
                """
                UPDATE webhook_events SET order_id = \(order.id), status = \(status.description), changed_order = \(changes)
                WHERE provider = \(provider) AND idempotency_key = \(event.idempotencyKey)
                """,
                logger: logger)
            if changes {
                try await connection.query(
                    """
                    UPDATE orders SET status = \(status.description), paid_amount = \(event.paid.map { "\($0.amount)" }),
                        updated_at = now()
                    WHERE order_id = \(order.id)
                    """,
                    logger: logger)
            }
            return .applied(changedOrder: changes)
        }
    }

    /// Whether an order in status `current` takes `next`.
    ///
    /// Webhooks arrive late, twice and out of order. Once final, an order moves only to what can follow a final
    /// status (a refund, a review's resolution); before that, any new status applies.
    static func moves(from current: String, to next: PaymentStatus) -> Bool {
        guard current != next.description else { return false }
        guard let currentStatus = PaymentStatus(name: current), currentStatus.isFinal else { return true }
        switch next {
        case .refunded, .resolved: return true
        default: return false
        }
    }
}

extension PaymentStatus {
    /// The status whose `description` is `name`; `nil` for the server's own placeholders (`creating`).
    init?(name: String) {
        let known: [PaymentStatus] = [
            .created, .pending, .processing, .partiallyPaid, .paid, .overpaid, .expired, .cancelled, .failed,
            .refunded, .needsReview, .resolved,
        ]
        guard let status = known.first(where: { $0.description == name }) else { return nil }
        self = status
    }
}
