/// A blockchain network a token can travel on (`tron` for TRC-20, `bsc` for BEP-20).
///
/// An open set: constants cover the networks the providers' documents name; others can be created from their
/// name. Codes as a JSON string; decoding lower-cases it like ``init(rawValue:)``.
public struct Network: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The network's lower-case name.
    public let rawValue: String

    /// Creates a network from its name; the name is lower-cased so that `TRON` and `tron` are the same network.
    public init(rawValue: String) {
        // Names nearly always arrive lower-case already; `lowercased()` would still map every character.
        self.rawValue =
            rawValue.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") || $0 >= 0x80 })
            ? rawValue.lowercased() : rawValue
    }

    /// Bitcoin.
    public static let bitcoin = Network(rawValue: "bitcoin")
    /// Ethereum (ERC-20 tokens).
    public static let ethereum = Network(rawValue: "ethereum")
    /// Litecoin.
    public static let litecoin = Network(rawValue: "litecoin")
    /// Tron (TRC-20 tokens).
    public static let tron = Network(rawValue: "tron")
    /// BNB Smart Chain (BEP-20 tokens).
    public static let bsc = Network(rawValue: "bsc")
    /// TON.
    public static let ton = Network(rawValue: "ton")
    /// Polygon.
    public static let polygon = Network(rawValue: "polygon")
    /// Solana.
    public static let solana = Network(rawValue: "solana")

    /// The name.
    public var description: String { rawValue }
}
