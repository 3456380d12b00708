/// The version of the CryptoPay library, as sent in its `User-Agent` header.
public enum CryptoPayVersion {
    /// The semantic version of this release.
    public static let current = "0.1.0"

    /// The `User-Agent` value the library's transports send unless the request sets its own.
    public static let userAgent = "CryptoPay/\(current) Swift"
}
