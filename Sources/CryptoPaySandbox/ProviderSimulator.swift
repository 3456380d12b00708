import Foundation

/// One provider's API, simulated: its routes, its stored objects and how its payments move on. Called only with
/// the ``SandboxTransport``'s lock held, so implementations keep plain mutable state.
protocol ProviderSimulator: AnyObject {
    /// The provider simulated.
    var provider: ProviderID { get }
    /// Where its client is pointed; the host identifies the provider.
    var baseURL: URL { get }
    /// Answers one request.
    func handle(_ request: SandboxRequest, now: Date) -> TransportResponse
    /// Records a payment and returns the webhooks the provider would send.
    func pay(id: String, _ payment: SandboxPayment, now: Date) throws -> [WebhookRequest]
    /// Expires a checkout and returns the webhooks the provider would send.
    func expire(id: String, now: Date) throws -> [WebhookRequest]
    /// Every checkout stored, in the order they were created.
    func checkouts() -> [SandboxCheckout]
    /// The webhooks the provider sends after a request to its API changed the checkout `id` (the USDT invoice API's
    /// own sandbox endpoints); empty where only ``pay(id:_:now:)`` and ``expire(id:now:)`` produce webhooks.
    func webhooks(afterChangeOf id: String) throws -> [WebhookRequest]
}

extension ProviderSimulator {
    func webhooks(afterChangeOf id: String) throws -> [WebhookRequest] { [] }

    /// The error for a control call on an id the simulator never issued.
    func unknown(_ id: String) -> PaymentError {
        PaymentError(.notFound, message: "the \(provider) sandbox has no checkout \(id)", provider: provider)
    }

    /// The error for a control call that the checkout's state forbids.
    func notPayable(_ id: String, status: String) -> PaymentError {
        PaymentError(.conflict, message: "the \(provider) sandbox checkout \(id) is \(status)", provider: provider)
    }
}

/// The base URL of a simulated provider: `https://<name>.sandbox.cryptopay.invalid<path>`. The `.invalid` top-level
/// domain never resolves (RFC 6761), so a client pointed here by mistake cannot reach anything real.
func sandboxURL(_ name: String, path: String) -> URL {
    URL(string: "https://\(name).sandbox.cryptopay.invalid\(path)") ?? URL(fileURLWithPath: path)
}
