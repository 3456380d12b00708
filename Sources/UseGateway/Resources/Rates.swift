import CryptoPayCore
import Foundation

extension UseGatewayClient {
    /// Exchange rates between a cryptocurrency and a fiat currency. This endpoint is public: no API key is sent.
    public struct Rates: Sendable {
        let api: APIClient

        /// The current rate of one asset in another, `GET /rates/{currency1}/{currency2}`.
        ///
        /// - Throws: `PaymentError`: `invalidRequest` when UseGateway does not document an asset (nothing is
        ///   sent); `decoding` when the response has no rate for the pair; otherwise as `APIClient.send(_:)`.
        public func get(from base: Asset, to quote: Asset) async throws -> UseGatewayRate {
            let codes = try api.validating("rates.get") {
                (
                    try UseGatewayAssetMapping.requireCode(for: base, field: "currency1"),
                    try UseGatewayAssetMapping.requireCode(for: quote, field: "currency2")
                )
            }
            return try await get(from: codes.0, to: codes.1)
        }

        /// The current rate of one currency code in another (`BTC`, `USD`), for codes this library does not know,
        /// `GET /rates/{currency1}/{currency2}`.
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an empty code (nothing is sent); `decoding` when the
        ///   response has no rate for the pair; otherwise as `APIClient.send(_:)`.
        public func get(from base: String, to quote: String) async throws -> UseGatewayRate {
            let rates = try await api.perform(
                UseGatewayOperations.ratesGet, PathParameters(["currency1": base, "currency2": quote])
            ).rate.mapValues(\.wrappedValue)
            guard let rate = UseGatewayRate.rate(in: rates, base: base, quote: quote) else {
                throw PaymentError(
                    .decoding,
                    message: "rate.\(base)-\(quote) is missing; the response has \(rates.keys.sorted())",
                    provider: .useGateway,
                    operation: "rates.get"
                )
            }
            return UseGatewayRate(base: base, quote: quote, rate: rate, rates: rates)
        }
    }
}

/// An exchange rate (`RateResponseSchema`).
///
/// It encodes as the response body, `{"rate": {"BTC-USD": 31234.4262}}`, plus the pair asked for under the path
/// parameters' names, `currency1` and `currency2`, which the body does not repeat (see ``encode(to:)``).
public struct UseGatewayRate: Hashable, Sendable, Codable {
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

    private enum CodingKeys: String, CodingKey {
        case currency1, currency2, rate
    }

    /// Decodes what ``encode(to:)`` writes, or a bare response body whose `rate` map has exactly one
    /// `<base>-<quote>` key; amounts are read exactly.
    ///
    /// - Throws: `DecodingError` when `rate` is missing or not a map of amounts, when `currency1` or `currency2` is
    ///   missing and the pair cannot be read from a single key, or when the map has no rate for the pair.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rates = try container.decode([String: AmountCoding<AmountAsJSONNumber>].self, forKey: .rate)
            .mapValues(\.wrappedValue)
        let base = try container.decodeIfPresent(String.self, forKey: .currency1)
        let quote = try container.decodeIfPresent(String.self, forKey: .currency2)
        let onlyKey = rates.count == 1 ? rates.keys.first?.split(separator: "-") : nil
        let pair: (base: String, quote: String)
        if let base, let quote {
            pair = (base, quote)
        } else if let onlyKey, onlyKey.count == 2 {
            pair = (base ?? String(onlyKey[0]), quote ?? String(onlyKey[1]))
        } else {
            throw DecodingError.keyNotFound(
                base == nil ? CodingKeys.currency1 : CodingKeys.currency2,
                DecodingError.Context(
                    codingPath: container.codingPath,
                    debugDescription: "the pair is given by currency1 and currency2, or by the only key of rate"
                )
            )
        }
        guard let rate = Self.rate(in: rates, base: pair.base, quote: pair.quote) else {
            throw DecodingError.dataCorruptedError(
                forKey: .rate,
                in: container,
                debugDescription: "rate.\(pair.base)-\(pair.quote) is missing; the map has \(rates.keys.sorted())"
            )
        }
        self.init(base: pair.base, quote: pair.quote, rate: rate, rates: rates)
    }

    /// Writes `{currency1, currency2, rate}`: the pair, and the response's `rate` map with each rate as a JSON number
    /// with its exact digits.
    ///
    /// - Throws: `EncodingError.invalidValue` when ``rates`` does not hold ``rate`` for the pair (the body could not
    ///   carry it); otherwise whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        guard Self.rate(in: rates, base: base, quote: quote) == rate else {
            throw EncodingError.invalidValue(
                self,
                EncodingError.Context(
                    codingPath: encoder.codingPath + [CodingKeys.rate],
                    debugDescription: "rates does not hold the rate of \(base)-\(quote)"
                )
            )
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(base, forKey: .currency1)
        try container.encode(quote, forKey: .currency2)
        try container.encode(rates.mapValues { AmountCoding<AmountAsJSONNumber>(wrappedValue: $0) }, forKey: .rate)
    }

    /// The rate of a pair in a response's map: the `<base>-<quote>` key, or the same key in another case.
    static func rate(in rates: [String: Decimal], base: String, quote: String) -> Decimal? {
        let key = "\(base)-\(quote)"
        return rates[key] ?? rates.first { $0.key.lowercased() == key.lowercased() }?.value
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
    var rate: [String: AmountCoding<AmountAsJSONNumber>]
}
