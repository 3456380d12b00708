import CryptoPayCore

extension UseGatewayClient {
    /// Invoices, `/invoices/`: list, all, create, retrieve, cancel, resolve.
    public typealias Invoices = UseGatewayResource<UseGatewayInvoice>
}

extension UseGatewayResource where Item == UseGatewayInvoice {
    /// Creates an invoice, `POST /invoices/`.
    ///
    /// - Throws: `PaymentError`: `invalidRequest` for an empty name, a string over 255 characters, an amount of
    ///   zero or less or a currency UseGateway does not price in (nothing is sent); `validation` when the provider
    ///   rejects the data; otherwise as `APIClient.send(_:)`.
    public func create(_ parameters: UseGatewayInvoiceParameters) async throws -> UseGatewayInvoice {
        try await create(UseGatewayOperations.invoicesCreate, parameters.body)
    }
}
