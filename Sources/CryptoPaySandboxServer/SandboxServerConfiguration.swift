import CryptoPayCore
import Foundation

/// How ``SandboxServer`` listens, where it sends webhooks and where it keeps its state.
public struct SandboxServerConfiguration: Sendable {
    /// The IPv4 address to listen on; anything but loopback exposes the sandbox to the network.
    public var host = "127.0.0.1"
    /// The port; 0 lets the system choose a free one.
    public var port = 0
    /// Where each provider's webhooks are posted; several URLs per provider take turns.
    public var webhookURLs: [ProviderID: [URL]] = [:]
    /// The journal that makes the state survive a restart; `nil` keeps it in memory only.
    public var stateFile: URL?
    /// Sends every webhook twice.
    public var duplicateWebhooks = false
    /// The wait before the second try of a failed delivery; doubled after each further failure.
    public var retryBaseDelay: Duration = .seconds(1)
    /// Tries per webhook delivery, the first included.
    public var maximumDeliveryAttempts = 6
    /// How long one delivery try may take.
    public var deliveryTimeout: Duration = .seconds(10)
    /// How long a `timeout` fault holds a connection without answering.
    public var faultHold: Duration = .seconds(30)
    /// Size limits and the number of connections served at once.
    public var limits = SocketHTTPServer.Limits()

    /// The defaults: loopback, an ephemeral port, no webhook URLs, state in memory, 6 tries from 1 s.
    public init() {}
}
