import CryptoPayCore
import Foundation

/// Every 1xGate operation, declared once: the resources call them, and the `cryptopay` command lists and calls them
/// by name through ``entries``. `payments.create` is declared with ``OneXGatePaymentCreationPath/firstGuess``; the
/// client posts to its pinned or learned path instead (see ``OneXGateClient/Payments/create(_:)``).
package enum OneXGateOperations {
    static let paymentsCreate = APIOperation<OneXGatePaymentParameters.Body, OneXGatePayment>(
        "payments.create", .post, OneXGatePaymentCreationPath.firstGuess.rawValue,
        inputs: [
            .init("currency", required: true), .init("network", required: true), .init("amount", required: true),
            .init("orderId", required: true), .init("description"), .init("merchantUserEmail"),
            .init("merchantUserId"), .init("callbacks", required: true),
        ],
        encoding: .jsonBody)
    static let paymentsRetrieve = APIOperation<PathParameters, OneXGatePayment>(
        "payments.retrieve", .get, "/v1/integrations/payments/{paymentId}", encoding: .path)
    static let settingsPayment = APIOperation<PathParameters, OneXGatePaymentSettings>(
        "settings.payment", .get, "/v1/settings/payment", requiresAuthentication: false, encoding: .path)

    /// Every operation by the name `cryptopay call` takes, each calling what the Swift API's method calls.
    package static let entries: [OperationEntry<OneXGateClient>] = [
        OperationEntry(paymentsCreate) { (client: OneXGateClient, body) in try await client.payments.create(body) },
        OperationEntry(paymentsRetrieve) { (client: OneXGateClient, path) in
            try await client.api.perform(paymentsRetrieve, path)
        },
        OperationEntry(settingsPayment) { (client: OneXGateClient, _) in try await client.settings.payment() },
    ]
}
