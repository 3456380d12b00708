import CryptoPayCore
import Foundation

/// Where `payments.create` posts: the document's heading and its curl example disagree.
public enum OneXGatePaymentCreationPath: String, Hashable, Sendable, CaseIterable {
    /// `/v1/integrations/payments`, the endpoint heading's path.
    case documented = "/v1/integrations/payments"
    /// `/v1/integrations/payments/external`, the path of the document's curl example, the only runnable one.
    case external = "/v1/integrations/payments/external"

    /// The path a client tries first when none is pinned: the curl example's, whose response (`"type":
    /// "external"`) is the payment the document shows.
    public static let firstGuess = Self.external

    /// The other path.
    var alternative: Self {
        switch self {
        case .documented: .external
        case .external: .documented
        }
    }
}

/// How one client chooses the creation path: the pinned one, or the one the service last created a payment on,
/// remembered for every copy of the client.
struct OneXGatePaymentCreationRoute: Sendable {
    /// The path the configuration pinned; no other is ever tried.
    let pinned: OneXGatePaymentCreationPath?
    private let memory = Memory()

    init(pinned: OneXGatePaymentCreationPath?) {
        self.pinned = pinned
    }

    /// The path to try first: the pinned one, else the remembered one, else ``OneXGatePaymentCreationPath/firstGuess``.
    var next: OneXGatePaymentCreationPath {
        pinned ?? memory.path ?? .firstGuess
    }

    /// Records the path a payment was created on.
    func remember(_ path: OneXGatePaymentCreationPath) {
        memory.path = path
    }

    /// True for the answer a path the service does not serve gets: HTTP 404. The document shows no 404 for create,
    /// so a 404 there is not a missing payment, and it created nothing.
    static func isUnknownRoute(_ error: PaymentError) -> Bool {
        error.kind == .notFound && error.httpStatus == 404
    }

    /// A class, so that copies of a client (a value type) share what one of them learned.
    private final class Memory: @unchecked Sendable {
        private let lock = NSLock()
        private var learned: OneXGatePaymentCreationPath?

        var path: OneXGatePaymentCreationPath? {
            get { lock.withLock { learned } }
            set { lock.withLock { learned = newValue } }
        }
    }
}
