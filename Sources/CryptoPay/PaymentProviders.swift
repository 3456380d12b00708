import Foundation

/// Several providers held together: pick one by id, and route a webhook to the provider whose endpoint received it.
public struct PaymentProviders: Sendable {
    private let providers: [ProviderID: any PaymentProvider]

    /// Holds these providers; a later one with the same id replaces an earlier one.
    public init(_ providers: [any PaymentProvider]) {
        var byID: [ProviderID: any PaymentProvider] = [:]
        for provider in providers { byID[provider.provider] = provider }
        self.providers = byID
    }

    /// The ids held, sorted.
    public var ids: [ProviderID] {
        providers.keys.sorted { $0.rawValue < $1.rawValue }
    }

    /// The provider with this id.
    ///
    /// - Throws: ``PaymentError`` of kind `notFound` with ``PaymentError/provider`` `id` and no
    ///   ``PaymentError/httpStatus`` (no provider was asked) when none is configured.
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
    /// - Throws: ``PaymentError`` of kind `notFound` without an ``PaymentError/httpStatus`` for an unconfigured
    ///   provider (a provider's own `notFound` answer always carries its status), otherwise as
    ///   ``PaymentProvider/verifyWebhook(_:)``.
    public func verifyWebhook(_ request: WebhookRequest, for id: ProviderID) async throws -> PaymentEvent {
        try await provider(id).verifyWebhook(request)
    }
}
