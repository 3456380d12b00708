/// A checkout a simulated provider stores: its id and its status in the provider's own words.
public struct SandboxCheckout: Sendable, Hashable {
    /// The provider that stores it.
    public var provider: ProviderID
    /// The id its create returned.
    public var id: String
    /// The status as the provider spells it (`Opened`, `OPEN`, `pending`, `waiting`…).
    public var status: String

    /// Creates a description of a checkout.
    public init(provider: ProviderID, id: String, status: String) {
        self.provider = provider
        self.id = id
        self.status = status
    }
}
