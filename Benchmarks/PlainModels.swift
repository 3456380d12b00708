import Foundation

// Synthesized-`Codable` copies of the fixtures' shapes: what a hand-written client would declare, decoded by a
// plain `JSONDecoder` with the `.iso8601` date strategy. Numbers the provider sends as JSON numbers are `Decimal`
// (exact, as ours); amounts and dates it sends as strings stay `String` (a synthesized decoder cannot do better
// without custom code), and metadata has the concrete type of the fixture. They are the floor: no tolerance, no
// open enumerations, no `Asset` or `Money`, no validation.

/// `{items, total, page, size}`, the same shape as UseGateway's internal page type.
struct ItemPage<Item: Decodable>: Decodable {
    var items: [Item]
    var total: Int?
    var page: Int?
    var size: Int?
}

/// `{"data": …}`, the same member the 1xGate client unwraps.
struct DataEnvelope<Payload: Decodable>: Decodable {
    var data: Payload
}

struct PlainMoney: Codable {
    var amount: Decimal
    var currency: String
}

struct PlainUseGatewayPayment: Codable {
    struct TimelineEntry: Codable {
        var status: String
        var createdAt: Date?

        enum CodingKeys: String, CodingKey {
            case status
            case createdAt = "created_at"
        }
    }

    struct Transaction: Codable {
        struct Value: Codable {
            var crypto: PlainMoney?
            var local: PlainMoney?
        }

        var txid: String
        var network: String?
        var status: String?
        var exchangeRateConfirmed: Decimal?
        var value: Value?
        var detectedAt: Date?
        var confirmedAt: Date?

        enum CodingKeys: String, CodingKey {
            case txid, network, status, value
            case exchangeRateConfirmed = "exchange_rate_confirmed"
            case detectedAt = "detected_at"
            case confirmedAt = "confirmed_at"
        }
    }

    struct Threshold: Codable {
        var overpaymentAbsoluteThreshold: PlainMoney?
        var overpaymentRelativeThreshold: Decimal?
        var underpaymentAbsoluteThreshold: PlainMoney?
        var underpaymentRelativeThreshold: Decimal?

        enum CodingKeys: String, CodingKey {
            case overpaymentAbsoluteThreshold = "overpayment_absoulte_threshold"
            case overpaymentRelativeThreshold = "overpayment_relative_threshold"
            case underpaymentAbsoluteThreshold = "underpayment_absoulte_threshold"
            case underpaymentRelativeThreshold = "underpayment_relative_threshold"
        }
    }

    var id: String
    var resource: String?
    var code: String
    var name: String
    var description: String?
    var logoURL: URL?
    var supportEmail: String?
    var supportTelegram: String?
    var hostedURL: URL?
    var redirectURL: URL?
    var cancelURL: URL?
    var createdAt: Date
    var expiresAt: Date?
    var confirmedAt: Date?
    var timeline: [TimelineEntry]
    var metadata: [String: Int]?
    var pricingType: String?
    var addresses: [String: String]
    var pricing: [String: PlainMoney]
    var transactions: [Transaction]
    var paymentThreshold: Threshold?

    enum CodingKeys: String, CodingKey {
        case id, resource, code, name, description, timeline, metadata, addresses, pricing, transactions
        case logoURL = "logo_url"
        case supportEmail = "support_email"
        case supportTelegram = "support_telegram"
        case hostedURL = "hosted_url"
        case redirectURL = "redirect_url"
        case cancelURL = "cancel_url"
        case createdAt = "created_at"
        case expiresAt = "expires_at"
        case confirmedAt = "confirmed_at"
        case pricingType = "pricing_type"
        case paymentThreshold = "payment_threshold"
    }
}

struct PlainStoreGatewayPayment: Codable {
    var paymentID: String
    var storeID: String?
    var accountID: String?
    var paymentNumber: String?
    var paymentType: String?
    var paymentTypeName: String?
    var storeName: String?
    var isTest: Bool?
    var amount: String?
    var assetID: String?
    var paidAmount: String?
    var paymentAmount: String?
    var paymentAssetID: String?
    var rate: Decimal?
    var rateDate: Date?
    var ipAmount: String?
    var ipAssetID: String?
    var remainAmount: String?
    var remainAssetID: String?
    var status: String?
    var statusName: String?
    var cryptoNetwork: String?
    var cryptoNetworkName: String?
    var addressID: String?
    var address: String?
    var confirms: Int?
    var startDate: Date?
    var endDate: Date?
    var completeDate: Date?
    var paymentURL: URL?
    var qrcodeURL: URL?
    var payerEmail: String?
    var payerName: String?
    var payerLanguage: String?
    var description: String?
    var custom: String?
    var custom1: String?
    var custom2: String?
    var webhookURL: URL?
    var successURL: URL?
    var cancelURL: URL?
    var timeout: Int?

    enum CodingKeys: String, CodingKey {
        case rate, status, address, confirms, description, custom, custom1, custom2, timeout, amount
        case paymentID = "payment_id"
        case storeID = "store_id"
        case accountID = "account_id"
        case paymentNumber = "payment_num"
        case paymentType = "payment_type"
        case paymentTypeName = "payment_type_name"
        case storeName = "store_name"
        case isTest = "is_test"
        case assetID = "asset_id"
        case paidAmount = "paid_amount"
        case paymentAmount = "payment_amount"
        case paymentAssetID = "payment_asset_id"
        case rateDate = "rate_date"
        case ipAmount = "ip_amount"
        case ipAssetID = "ip_asset_id"
        case remainAmount = "remain_amount"
        case remainAssetID = "remain_asset_id"
        case statusName = "status_name"
        case cryptoNetwork = "crypto_network"
        case cryptoNetworkName = "crypto_network_name"
        case addressID = "address_id"
        case startDate = "start_date"
        case endDate = "end_date"
        case completeDate = "complete_date"
        case paymentURL = "payment_url"
        case qrcodeURL = "qrcode_url"
        case payerEmail = "payer_email"
        case payerName = "payer_name"
        case payerLanguage = "payer_lang"
        case webhookURL = "webhook_url"
        case successURL = "success_url"
        case cancelURL = "cancel_url"
    }
}

struct PlainUSDTInvoiceList: Codable {
    struct Invoice: Codable {
        var id: String
        var reference: String
        var assetCode: String
        var payoutAddress: String?
        var amountUsdtExact: String
        var status: String
        var expiresAt: Date?
        var paymentUrl: URL?
        var createdAt: Date?
        var isTest: Bool?
        var metadata: [String: String]?
    }

    struct Meta: Codable {
        var total: Int?
        var page: Int?
        var limit: Int?
        var totalPages: Int?
    }

    var data: [Invoice]
    var meta: Meta?
}

struct PlainOneXGateCurrency: Codable {
    struct Network: Codable {
        var network: String
        var name: String?
        var icon: String?
        var color: String?
        var min: Decimal?
        var max: Decimal?
        var waitingTime: String?
    }

    var currency: String
    var name: String?
    var icon: String?
    var decimal: Int?
    var type: String?
    var wallet: [String: String]?
    var networks: [Network]
}

struct PlainOpenPOSTransaction: Codable {
    var status: String
    var posID: String?
    var paymentID: String
    var invoiceCurrency: String?
    var invoiceAmount: String?
    var currency: String?
    var amount: String?
    var address: String?
    var type: String?
    var payment: String?
    var refund: String?
    var refundAmountOpened: String?
    var refundStatus: String?
    var inserted: String?
    var confirmed: String?
    var cancelled: String?
    var doubleSpendingAlert: String?
    var acceptZeroConfirmations: Bool?
    var itemName: String?
    var accessToken: String?

    enum CodingKeys: String, CodingKey {
        case status, currency, amount, address, type, payment, refund, inserted, confirmed, cancelled
        case posID = "pos_id"
        case paymentID = "payment_id"
        case invoiceCurrency = "invoice_currency"
        case invoiceAmount = "invoice_amount"
        case refundAmountOpened = "refund_amount_opened"
        case refundStatus = "refund_status"
        case doubleSpendingAlert = "double_spending_alert"
        case acceptZeroConfirmations = "accept_zero_confirmations"
        case itemName = "item_name"
        case accessToken = "access_token"
    }
}
