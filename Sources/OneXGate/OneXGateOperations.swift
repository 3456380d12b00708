import CryptoPayCore

extension OneXGateClient {
    /// Every 1xGate operation as data, for tools that list and call operations by name (the `cryptopay` command).
    /// `payments.create` posts to this client's ``paymentCreationPath`` (the pinned path, else the one the client
    /// would try first); a tool that calls it by name sends one request there, with no second try on a 404.
    package var operations: [OperationDescriptor] {
        [
            OperationDescriptor(
                "payments.create",
                .post,
                paymentCreationPath.rawValue,
                inputs: [
                    .init("currency", required: true), .init("network", required: true),
                    .init("amount", required: true), .init("orderId", required: true), .init("description"),
                    .init("merchantUserEmail"), .init("merchantUserId"), .init("callbacks", required: true),
                ],
                response: OneXGatePayment.self
            ),
            OperationDescriptor(
                "payments.retrieve", .get, "/v1/integrations/payments/{paymentId}", response: OneXGatePayment.self),
            OperationDescriptor(
                "settings.payment",
                .get,
                "/v1/settings/payment",
                requiresAuthentication: false,
                response: OneXGatePaymentSettings.self
            ),
        ]
    }
}
