import CryptoPayCore

extension UseGatewayClient {
    /// Every UseGateway operation as data, for tools that list and call operations by name (the `cryptopay`
    /// command). The names are those of the client's errors and logs.
    package static let operations: [OperationDescriptor] = {
        let checkoutInputs: [OperationDescriptor.Input] = [
            .init("name", required: true), .init("description"), .init("pricing_type"),
            .init("local_price", required: true), .init("metadata"), .init("redirect_url"), .init("cancel_url"),
        ]
        let depositInputs: [OperationDescriptor.Input] = [
            .init("user_id", required: true), .init("site", required: true), .init("name"), .init("description"),
            .init("is_p2p"), .init("local_price"), .init("metadata"),
        ]
        let pageInputs: [OperationDescriptor.Input] = [.init("page"), .init("size")]
        var operations: [OperationDescriptor] = []
        func collection<Item: Codable & Sendable>(
            _ name: String, _ path: String, _ item: Item.Type, create: [OperationDescriptor.Input]?
        ) {
            operations.append(
                OperationDescriptor(
                    "\(name).list", .get, "/\(path)/", inputs: pageInputs, response: WirePage<Item>.self))
            if let create {
                operations.append(
                    OperationDescriptor("\(name).create", .post, "/\(path)/", inputs: create, response: item))
            }
            operations.append(OperationDescriptor("\(name).retrieve", .get, "/\(path)/{id}/", response: item))
        }
        collection("payments", "payments", UseGatewayPayment.self, create: checkoutInputs)
        operations += ["cancel", "resolve"].map {
            OperationDescriptor("payments.\($0)", .patch, "/payments/{id}/\($0)", response: UseGatewayPayment.self)
        }
        collection(
            "invoices", "invoices", UseGatewayInvoice.self, create: checkoutInputs.filter { $0.name != "pricing_type" })
        operations += ["cancel", "resolve"].map {
            OperationDescriptor("invoices.\($0)", .patch, "/invoices/{id}/\($0)", response: UseGatewayInvoice.self)
        }
        collection("deposits", "deposits", UseGatewayDeposit.self, create: depositInputs)
        operations += ["cancel", "resolve"].map {
            OperationDescriptor("deposits.\($0)", .patch, "/deposits/{id}/\($0)", response: UseGatewayDeposit.self)
        }
        operations.append(
            OperationDescriptor(
                "p2p.create", .post, "/deposits/", inputs: depositInputs, response: UseGatewayDeposit.self))
        collection(
            "withdrawalRequests", "withdrawal_requests", UseGatewayWithdrawalRequest.self,
            create: [.init("address"), .init("value", required: true), .init("comment")])
        operations.append(
            OperationDescriptor(
                "withdrawalRequests.decline", .post, "/withdrawal_requests/{id}/decline", inputs: [.init("comment")],
                response: UseGatewayWithdrawalRequest.self))
        operations.append(
            OperationDescriptor(
                "rates.get", .get, "/rates/{currency1}/{currency2}", requiresAuthentication: false,
                response: UseGatewayRate.self))
        return operations
    }()
}
