import CryptoPayCore
import Foundation

extension UseGatewayClient {
    /// Exchange rates between a cryptocurrency and a fiat currency. This endpoint is public: no API key is sent.
    public struct Rates: Sendable {
        let api: APIClient

        /// The current rate of one asset in another, `GET /rates/{currency1}/{currency2}`.
        ///
        /// - Throws: ``PaymentError``: `invalidRequest` when UseGateway does not document an asset (nothing is
        ///   sent); `decoding` when the response has no rate for the pair; otherwise as `APIClient.send(_:)`.
        public func get(from base: Asset, to quote: Asset) async throws -> UseGatewayRate {
            let codes = try api.validating("rates.get") {
                (
                    try UseGatewayAssets.requireCode(for: base, field: "currency1"),
                    try UseGatewayAssets.requireCode(for: quote, field: "currency2")
                )
            }
            return try await get(from: codes.0, to: codes.1)
        }

        /// The current rate of one currency code in another (`BTC`, `USD`), for codes this library does not know,
        /// `GET /rates/{currency1}/{currency2}`.
        ///
        /// - Throws: ``PaymentError``: `invalidRequest` for an empty code (nothing is sent); `decoding` when the
        ///   response has no rate for the pair; otherwise as `APIClient.send(_:)`.
        public func get(from base: String, to quote: String) async throws -> UseGatewayRate {
            let endpoint = Endpoint<WireRate>(
                "rates.get",
                .get,
                "/rates/{currency1}/{currency2}",
                pathParameters: ["currency1": base, "currency2": quote],
                requiresAuthentication: false
            )
            let rates = try await api.send(endpoint).rate.mapValues(\.wrappedValue)
            let key = "\(base)-\(quote)"
            guard let rate = rates[key] ?? rates.first(where: { $0.key.lowercased() == key.lowercased() })?.value
            else {
                throw PaymentError(
                    .decoding,
                    message: "rate.\(key) is missing; the response has \(rates.keys.sorted())",
                    provider: .useGateway,
                    operation: "rates.get"
                )
            }
            return UseGatewayRate(base: base, quote: quote, rate: rate, rates: rates)
        }
    }
}

/// An exchange rate (`RateResponseSchema`).
public struct UseGatewayRate: Hashable, Sendable {
    /// The code priced (`BTC`).
    public var base: String
    /// The code the price is in (`USD`).
    public var quote: String
    /// How many units of ``quote`` one unit of ``base`` is worth, exactly as sent.
    public var rate: Decimal
    /// The response's whole `rate` map, keyed `<base>-<quote>`.
    public var rates: [String: Decimal]

    /// Creates a rate.
    public init(base: String, quote: String, rate: Decimal, rates: [String: Decimal]) {
        self.base = base
        self.quote = quote
        self.rate = rate
        self.rates = rates
    }

    /// The value of an amount of ``base`` in ``quote``, unrounded.
    public func convert<Value: ExactDecimal>(_ amount: Value) -> Decimal {
        amount.exactDecimal * rate
    }

    /// The value of a whole amount of ``base`` in ``quote``, unrounded.
    public func convert(_ amount: Int) -> Decimal {
        Decimal(amount) * rate
    }

    /// Refuses a binary floating-point amount at compile time (a float literal is inexact); pass a `Decimal`.
    @available(
        *, unavailable, message: "a float literal is inexact; pass an exact Decimal (DecimalText, Money(\"19.99\", …))"
    )
    public func convert(_ amount: Double) -> Decimal {
        rate
    }
}

/// The response body of the rates endpoint.
struct WireRate: Decodable, Sendable {
    var rate: [String: Amount<DecimalAsNumber>]
}
