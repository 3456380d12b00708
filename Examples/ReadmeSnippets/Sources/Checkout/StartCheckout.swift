import CryptoPay
import Foundation

/// The README's unified example: one checkout function for every provider, adapted with its capabilities.
func startCheckout(order: String, at provider: any PaymentProvider) async throws -> Checkout {
    let can = provider.capabilities
    // Price in dollars where the provider converts, otherwise in USDT on Tron (the providers that take no fiat take it).
    var request = CheckoutRequest(
        amount: can.fiatPrices ? try Money("10.00", .usd) : try Money("10.00", .usdtTron), orderReference: order)
    if can.fiatPrices, can.payAsset.isAccepted {
        request.payAsset = can.payAssets.contains(.usdtTron) ? .usdtTron : can.payAssets.first  // POS: BTC
    }
    if can.successURL.isAccepted { request.successURL = URL(string: "https://shop.example/paid") }
    if can.cancelURL.isAccepted { request.cancelURL = URL(string: "https://shop.example/cart") }
    if can.description.isAccepted { request.description = "Order \(order)" }
    return try await provider.createCheckout(request)
}

/// Public entry for the README flow executable.
public func startCheckoutAsInREADME(order: String, at provider: any PaymentProvider) async throws -> Checkout {
    try await startCheckout(order: order, at: provider)
}
