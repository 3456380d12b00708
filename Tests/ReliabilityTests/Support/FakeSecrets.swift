import Foundation
import TestKit

/// Recognisable fake credentials for every client and webhook verifier. Each contains `SECRET`, so one search finds
/// any of them in text that must not hold one; derived forms (the Basic token, the Svix key bytes) are listed too.
enum FakeSecrets {
    static let marker = "SECRET"

    static let useGatewayAPIKey = "ugk_SECRET_4c1d9e77"
    static let storeGatewayAPIKey = "sgk_SECRET_b72e10"
    static let storeGatewayAPISecret = "sgs_SECRET_91aa5c"
    static let usdtInvoiceAPIKey = "test_SECRET_usdt_5e2f"
    static let oneXGateAPIKey = "oxk_SECRET_33d0f2"
    static let openPOSUsername = "posuser_SECRET_e1"
    static let openPOSAPIKey = "posk_SECRET_0a9c4b"

    /// The Svix key bytes, `SECRET-usegateway-webhook-key!`, base64-encoded after `whsec_`.
    static let useGatewayWebhookKey = "SECRET-usegateway-webhook-key!"
    static let useGatewayWebhookSecret = "whsec_" + Data(useGatewayWebhookKey.utf8).base64EncodedString()
    static let storeGatewayWebhookSecret = "sgwh_SECRET_7731ab"
    static let usdtInvoiceWebhookSecret = "usdtwh_SECRET_1f0e"

    /// A secret of another provider's: signatures made with it must be rejected everywhere.
    static let foreignWebhookSecret = "foreign_SECRET_9999"
    static let foreignSvixSecret = "whsec_" + Data("SECRET-foreign-svix-key-0000!!".utf8).base64EncodedString()

    /// Every secret and every form derived from one that could leak on its own.
    static var all: [String] {
        [
            useGatewayAPIKey, storeGatewayAPIKey, storeGatewayAPISecret, usdtInvoiceAPIKey, oneXGateAPIKey,
            openPOSUsername, openPOSAPIKey, useGatewayWebhookKey, useGatewayWebhookSecret,
            Data(useGatewayWebhookKey.utf8).base64EncodedString(), storeGatewayWebhookSecret,
            usdtInvoiceWebhookSecret, basicToken(storeGatewayAPIKey, storeGatewayAPISecret),
            basicToken(openPOSUsername, openPOSAPIKey),
        ]
    }

    static func basicToken(_ user: String, _ secret: String) -> String {
        Data("\(user):\(secret)".utf8).base64EncodedString()
    }

    /// The secrets (or derived forms) found in `text`.
    static func leaks(in text: String) -> [String] {
        var found = all.filter { text.contains($0) }
        if text.contains(marker) { found.append(marker) }
        return found
    }
}
