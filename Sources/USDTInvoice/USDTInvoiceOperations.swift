import CryptoPayCore

extension USDTInvoiceClient {
    /// Every documented operation as data, for tools that list and call operations by name (the `cryptopay`
    /// command). They send what they are given: the client-side checks, the generated reference and the sandbox's
    /// live-key refusal are the typed calls' (`client.invoices.create(_:)` …), not these.
    package var operations: [OperationDescriptor] {
        let creation: [OperationDescriptor.Input] = [
            .init("amountUsdt", required: true), .init("assetCode", required: true), .init("reference"),
            .init("callbackUrl"), .init("expirySeconds"), .init("metadata"), .init("walletId"), .init("title"),
            .init("description"), .init("useWhiteLabel"), .init("returnUrl"),
        ]
        return [
            OperationDescriptor(
                "invoices.create", .post, path("/invoices"), inputs: creation, response: USDTInvoiceInvoice.self),
            OperationDescriptor("invoices.retrieve", .get, path("/invoices/{id}"), response: USDTInvoiceInvoice.self),
            OperationDescriptor(
                "invoices.retrieveByReference",
                .get,
                path("/invoices/reference/{reference}"),
                response: USDTInvoiceInvoice.self
            ),
            OperationDescriptor(
                "invoices.list",
                .get,
                path("/invoices"),
                inputs: [.init("page"), .init("limit")],
                response: WireList<USDTInvoiceInvoice>.self
            ),
            OperationDescriptor(
                "invoices.cancel",
                .post,
                path("/invoices/{id}/cancel"),
                sendsBody: false,
                response: USDTInvoiceInvoice.self
            ),
            OperationDescriptor("account.retrieve", .get, path("/account"), response: USDTInvoiceAccount.self),
            OperationDescriptor(
                "account.apiLogs",
                .get,
                path("/account/api-logs"),
                inputs: [.init("limit")],
                response: WireList<USDTInvoiceAPILog>.self
            ),
            OperationDescriptor(
                "sandbox.simulatePayment",
                .post,
                path("/sandbox/simulate-payment"),
                inputs: [.init("invoiceId", required: true), .init("delaySeconds")],
                response: USDTInvoiceSandboxResult.self
            ),
            OperationDescriptor(
                "sandbox.triggerExpiry",
                .post,
                path("/sandbox/trigger-expiry"),
                inputs: [.init("invoiceId", required: true)],
                response: USDTInvoiceSandboxResult.self
            ),
            OperationDescriptor(
                "sandbox.testWebhook",
                .post,
                path("/sandbox/test-webhook"),
                inputs: [.init("url"), .init("invoiceId")],
                response: USDTInvoiceSandboxResult.self
            ),
        ]
    }
}
