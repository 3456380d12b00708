import CryptoPayCore
import Foundation

/// Gives each webhook a delivery id that no earlier run of the server used, and names its event for the log.
///
/// The simulators number their messages from 1 in every process (`msg_sandbox_1`); a merchant's database that
/// outlives a sandbox run would take a new event under an old id for a duplicate. So the server replaces the id
/// where the provider sends one: the Svix `svix-id` (the webhook is signed again, since the id is signed) and the
/// USDT invoice API's `X-Webhook-Id`. Every try of one delivery carries the same id, as at the providers.
enum WebhookIdentity {
    static func assign(_ webhook: WebhookRequest, provider: ProviderID) -> WebhookDispatcher.Delivery {
        let uuid = UUID().uuidString.lowercased()
        var request = webhook
        var id = uuid
        if provider == .useGateway, let timestamp = webhook.headers["svix-timestamp"].flatMap(TimeInterval.init) {
            id = "msg_" + uuid.replacingOccurrences(of: "-", with: "")
            if let signed = try? SvixSignatureScheme.sign(
                body: webhook.body, id: id, timestamp: Date(timeIntervalSince1970: timestamp),
                secret: SandboxCredentials.useGateway.webhookSecret)
            {
                for field in signed { request.headers[field.name] = field.value }
            }
        } else if webhook.headers.contains("X-Webhook-Id") {
            request.headers["X-Webhook-Id"] = uuid
        }
        return WebhookDispatcher.Delivery(provider: provider, event: event(of: webhook), id: id, webhook: request)
    }

    /// The event's name: the body's `event` (UseGateway, Store Gateway, POS API), else `type.status` (1xGate), else
    /// `invoice.status` (USDT invoice API).
    static func event(of webhook: WebhookRequest) -> String {
        guard let body = try? JSONDecoder().decode(JSONValue.self, from: webhook.body) else { return "unknown" }
        if let event = body["event"]?.stringValue { return event }
        let status = body["status"]?.stringValue ?? "unknown"
        if let type = body["type"]?.stringValue { return "\(type).\(status)" }
        return "invoice.\(status)"
    }
}
