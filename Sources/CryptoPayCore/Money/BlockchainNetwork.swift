/// A blockchain network a token can travel on (`tron` for TRC-20, `bsc` for BEP-20).
///
/// An open set: constants cover the networks the providers' documents name; others can be created from their
/// name. Codes as a JSON string; decoding lower-cases it like ``init(rawValue:)``.
public struct BlockchainNetwork: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
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
    public static let bitcoin = BlockchainNetwork(rawValue: "bitcoin")
    /// Ethereum (ERC-20 tokens).
    public static let ethereum = BlockchainNetwork(rawValue: "ethereum")
    /// Litecoin.
    public static let litecoin = BlockchainNetwork(rawValue: "litecoin")
    /// Tron (TRC-20 tokens).
    public static let tron = BlockchainNetwork(rawValue: "tron")
    /// BNB Smart Chain (BEP-20 tokens).
    public static let bsc = BlockchainNetwork(rawValue: "bsc")
    /// TON.
    public static let ton = BlockchainNetwork(rawValue: "ton")
    /// Polygon.
    public static let polygon = BlockchainNetwork(rawValue: "polygon")
    /// Solana.
    public static let solana = BlockchainNetwork(rawValue: "solana")

    /// The name.
    public var description: String { rawValue }
}
