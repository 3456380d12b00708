/// The credentials every ``SandboxTransport`` accepts: fixed, public, and useless anywhere else.
public struct SandboxCredentials: Sendable, Hashable {
    /// The API key (Store Gateway: the key half of HTTP Basic; POS: the key, with ``username``).
    public let apiKey: String
    /// The second secret where the provider has one (Store Gateway's API secret), otherwise empty.
    public let apiSecret: String
    /// The user name where the provider has one (the POS API), otherwise empty.
    public let username: String
    /// The webhook signing secret where the provider signs webhooks, otherwise empty.
    public let webhookSecret: String
    /// The point of service sent as `pos_id` where the provider has one (the POS API, whose sandbox takes any
    /// non-blank `pos_id`), otherwise empty.
    public let posID: String

    /// UseGateway: `x-api-key`, Svix webhooks.
    public static let useGateway = SandboxCredentials(
        apiKey: "sandbox_usegateway_key", apiSecret: "", username: "",
        webhookSecret: "whsec_c2FuZGJveC11c2VnYXRld2F5LXdlYmhvb2stc2VjcmV0", posID: "")
    /// Store Gateway: HTTP Basic (API key and API secret), webhooks signed in `X-Webhook-HMAC-SHA256`.
    public static let storeGateway = SandboxCredentials(
        apiKey: "sandbox_storegateway_key", apiSecret: "sandbox_storegateway_secret", username: "",
        webhookSecret: "sandbox-storegateway-webhook-secret", posID: "")
    /// USDT invoice API: `Authorization: Bearer` with this `test_` key (its `live_` twin, `live_` in place of `test_`,
    /// is accepted as a live key), HMAC-SHA256 webhooks in `X-Webhook-Signature`.
    public static let usdtInvoice = SandboxCredentials(
        apiKey: "test_sandbox_usdtinvoice_key", apiSecret: "", username: "",
        webhookSecret: "sandbox_usdtinvoice_webhook_secret", posID: "")
    /// 1xGate: `x-integration-key`, unsigned webhooks.
    public static let oneXGate = SandboxCredentials(
        apiKey: "sandbox_onexgate_key", apiSecret: "", username: "", webhookSecret: "", posID: "")
    /// The POS API: HTTP Basic (`username:apiKey`), `pos_id` ``posID`` (any non-blank one is accepted), unsigned
    /// webhooks.
    public static let openPOS = SandboxCredentials(
        apiKey: "sandbox_openpos_key", apiSecret: "", username: "sandbox_openpos_user", webhookSecret: "",
        posID: "POS1")
}
