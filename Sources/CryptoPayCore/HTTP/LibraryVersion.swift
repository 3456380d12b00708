/// The library's version, as sent in the `User-Agent` header.
public enum CryptoPayVersion {
    /// The semantic version of this release.
    public static let current = "0.1.0"
}
