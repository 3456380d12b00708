import CryptoPay
import Foundation

/// The merchant's order book: applies each webhook's effect once per idempotency key.
public actor Orders {
    private var seen: Set<String> = []
    /// The statuses applied, per checkout id, in order.
    public private(set) var applied: [String: [PaymentStatus]] = [:]

    /// Creates an empty order book.
    public init() {}

    /// Records `status` for `checkoutID` unless `key` was seen before.
    func apply(_ status: PaymentStatus, to checkoutID: String, once key: String) async throws {
        guard seen.insert(key).inserted else { return }
        applied[checkoutID, default: []].append(status)
    }
}

/// A merchant server's state, so that the README's handler finds `providers` and `orders` as it expects.
public struct Shop: Sendable {
    let providers: ProviderRegistry
    let orders: Orders

    /// A shop over these providers and this order book.
    public init(providers: ProviderRegistry, orders: Orders) {
        self.providers = providers
        self.orders = orders
    }

    func handleWebhook(provider id: String, body: Data, headers: [(name: String, value: String)]) async -> Int {
        do {
            let event = try await providers.verifyWebhook(WebhookRequest(body: body, headers: headers),
                                                          for: ProviderID(rawValue: id))
            // Record event.idempotencyKey durably, in the same transaction as the effect; skip it if already seen.
            try await orders.apply(event.status, to: event.checkoutID, once: event.idempotencyKey)
            return 200
        } catch let error as PaymentError where error.kind == .webhookRejected {
            return 400  // not authentic or not confirmed: nothing in it may be trusted, and it will never verify
        } catch let error as PaymentError where error.kind == .notFound && error.httpStatus == nil {
            return 404  // no provider with this id is configured (a provider's own 404 carries its HTTP status)
        } catch {
            return 503  // a transient failure confirming it, or your own failure: the provider delivers it again
        }
    }

    /// The README's webhook handler, for the README flow executable.
    public func webhookStatus(provider id: String, body: Data, headers: [(name: String, value: String)]) async -> Int {
        await handleWebhook(provider: id, body: body, headers: headers)
    }
}
