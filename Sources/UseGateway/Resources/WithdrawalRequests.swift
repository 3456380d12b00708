import CryptoPayCore

extension UseGatewayClient {
    /// Withdrawal requests, `/withdrawal_requests/`: list, all, create, retrieve, decline.
    public typealias WithdrawalRequests = UseGatewayResource<UseGatewayWithdrawalRequest>
}

extension UseGatewayResource where Item == UseGatewayWithdrawalRequest {
    /// Creates a withdrawal request, `POST /withdrawal_requests/`.
    ///
    /// - Throws: `PaymentError`: `invalidRequest` for a crypto withdrawal without an address, a comment over 255
    ///   characters, an amount of zero or less or a currency UseGateway does not document (nothing is sent);
    ///   `validation` when the provider rejects the data; otherwise as `APIClient.send(_:)`.
    public func create(_ parameters: UseGatewayWithdrawalRequestParameters) async throws
        -> UseGatewayWithdrawalRequest
    {
        try await create(UseGatewayOperations.withdrawalRequestsCreate, parameters.body)
    }

    /// Declines a withdrawal request not yet paid, `POST /withdrawal_requests/{id}/decline`, with an optional
    /// comment. Without one the body is `{}`, which the server accepts whether its body model is optional or
    /// required.
    ///
    /// - Throws: `PaymentError`: `invalidRequest` for an empty id or a comment over 255 characters (nothing is
    ///   sent), `validation` when the request can no longer be declined, `notFound` when there is no such request,
    ///   otherwise as `APIClient.send(_:)`.
    public func decline(id: String, comment: String? = nil) async throws -> UseGatewayWithdrawalRequest {
        try await api.perform(
            UseGatewayOperations.withdrawalRequestsDecline, DeclineParameters(id: id, comment: comment))
    }
}
