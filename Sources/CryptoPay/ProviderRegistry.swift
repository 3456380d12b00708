import Foundation

/// Several providers held together: pick one by id, and route a webhook to the provider whose endpoint received it.
public struct ProviderRegistry: Sendable {
    private let providers: [ProviderID: any PaymentProvider]
    /// Where ``handleWebhook(_:for:apply:)`` claims each event's idempotency key.
    public let processedWebhooks: any ProcessedWebhookStore

    /// Holds these providers; a later one with the same id replaces an earlier one.
    ///
    /// - Parameters:
    ///   - providers: the providers to hold.
    ///   - processedWebhooks: where ``handleWebhook(_:for:apply:)`` records the events processed; by default
    ///     a `SeenEventStore` in this process's memory — with several instances, pass one backed by your database.
    public init(_ providers: [any PaymentProvider], processedWebhooks: (any ProcessedWebhookStore)? = nil) {
        var byID: [ProviderID: any PaymentProvider] = [:]
        for provider in providers { byID[provider.provider] = provider }
        self.providers = byID
        self.processedWebhooks = processedWebhooks ?? SeenEventStore.withDefaults()
    }

    /// The ids held, sorted.
    public var ids: [ProviderID] {
        providers.keys.sorted { $0.rawValue < $1.rawValue }
    }

    /// The provider with this id.
    ///
    /// - Throws: `PaymentError` of kind `notFound` with `PaymentError.provider` `id` and no
    ///   `PaymentError.httpStatus` (no provider was asked) when none is configured.
    public func provider(_ id: ProviderID) throws -> any PaymentProvider {
        guard let provider = providers[id] else {
            throw PaymentError(
                .notFound,
                message: "no provider \(id) is configured; configured: \(ids.map(\.rawValue).joined(separator: ", "))",
                provider: id
            )
        }
        return provider
    }

    /// Authenticates a webhook delivered to the endpoint of provider `id` (route per provider: `/webhooks/<id>`).
    ///
    /// - Throws: `PaymentError` of kind `notFound` without an `PaymentError.httpStatus` for an unconfigured
    ///   provider (a provider's own `notFound` answer always carries its status), otherwise as
    ///   ``PaymentProvider/verifyWebhook(_:)``.
    public func verifyWebhook(_ request: WebhookRequest, for id: ProviderID) async throws -> PaymentEvent {
        try await provider(id).verifyWebhook(request)
    }
}
