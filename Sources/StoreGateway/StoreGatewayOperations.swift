import CryptoPayCore

extension StoreGatewayClient {
    /// Every Store Gateway endpoint as data, for tools that list and call operations by name (the `cryptopay`
    /// command). `payments.find` is not here: it is a lookup built on `payments.list`, not an endpoint.
    package var operations: [OperationDescriptor] {
        let custom =
            [OperationDescriptor.Input("custom")] + StoreGatewayCustomSlot.documented.map { .init($0.fieldName) }
        let payer: [OperationDescriptor.Input] = [.init("payer_email"), .init("payer_name"), .init("payer_lang")]
        let payment: [OperationDescriptor.Input] =
            [
                .init("payment_type"), .init("amount", required: true), .init("asset_id", required: true),
                .init("payment_asset_id", required: true),
            ] + payer + [.init("description")] + custom + [
                .init("dedicate_id"), .init("webhook_url"), .init("success_url"), .init("cancel_url"), .init("timeout"),
            ]
        return [
            OperationDescriptor("assets.list", .get, "/assets", response: [StoreGatewayAsset].self),
            OperationDescriptor("accounts.list", .get, "/accounts", response: StoreGatewayAccounts.self),
            OperationDescriptor(
                "convert",
                .post,
                "/convert",
                inputs: [
                    .init("from_amount", required: true), .init("from_asset_id", required: true),
                    .init("asset_id", required: true),
                ],
                isIdempotent: true,
                response: StoreGatewayConversion.self
            ),
            OperationDescriptor(
                "payments.create", .post, "/payment", inputs: payment, response: StoreGatewayPayment.self),
            OperationDescriptor(
                "payments.createFiat",
                .post,
                "/payment",
                inputs: payment + [.init("fiat_provider", required: true), .init("fiat_asset_id", required: true)],
                response: StoreGatewayPayment.self
            ),
            OperationDescriptor(
                "payments.list",
                .get,
                "/payments",
                inputs: [
                    .init("from", required: true), .init("to", required: true), .init("status"), .init("asset_id"),
                    .init("dedicate_id"),
                ],
                response: [StoreGatewayPayment].self
            ),
            OperationDescriptor(
                "payments.retrieve", .get, "/payment/{payment_id}", response: StoreGatewayPayment.self),
            OperationDescriptor(
                "payments.transactions", .get, "/payment/{payment_id}/txs", response: [StoreGatewayTransaction].self),
            OperationDescriptor(
                "withdrawals.create",
                .post,
                "/withdraw",
                inputs: [
                    .init("amount", required: true), .init("asset_id", required: true), .init("withdraw_asset_id"),
                    .init("address"), .init("payer_email"), .init("payer_name"), .init("description"),
                ] + custom + [
                    .init("totp_code"), .init("webhook_url"), .init("reallocate"), .init("consolidate"),
                    .init("auto_realloc"), .init("timeout"),
                ],
                response: StoreGatewayWithdrawal.self
            ),
            OperationDescriptor(
                "withdrawals.retrieve", .get, "/withdraw/{withdraw_id}", response: StoreGatewayWithdrawal.self),
            OperationDescriptor(
                "dedicatedAddresses.create",
                .post,
                "/dedicate",
                inputs: [.init("asset_id", required: true)] + payer + [
                    .init("description"), .init("address_alloc"), .init("dedicate_type"),
                ] + custom + [.init("webhook_url"), .init("success_url")],
                response: StoreGatewayDedicatedAddress.self
            ),
            OperationDescriptor(
                "dedicatedAddresses.release",
                .post,
                "/dedicate/{dedicate_id}/release",
                response: StoreGatewayDedicatedAddress.self
            ),
            OperationDescriptor(
                "transfers.create",
                .post,
                "/transfer",
                inputs: [
                    .init("to_store_id", required: true), .init("amount", required: true),
                    .init("asset_id", required: true), .init("description"),
                ],
                response: StoreGatewayTransfer.self
            ),
        ]
    }
}
