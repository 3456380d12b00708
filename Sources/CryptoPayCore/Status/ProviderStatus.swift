import Foundation

/// A unified ``PaymentStatus`` together with the provider's own spelling of it.
///
/// Keep ``raw`` for logs and support: it carries detail the unified status cannot (`Unresolved (Underpaid)`).
public struct ProviderStatus: Hashable, Sendable, CustomStringConvertible {
    /// The unified status.
    public var status: PaymentStatus
    /// The provider's status exactly as sent.
    public var raw: String

    /// Pairs a unified status with the provider's spelling.
    public init(_ status: PaymentStatus, raw: String) {
        self.status = status
        self.raw = raw
    }

    /// Maps a provider's status text through a table of its documented spellings; anything not in the table
    /// becomes ``PaymentStatus/unknown(_:)``. Matching ignores case and surrounding spaces, because providers are
    /// not consistent about either.
    public init(raw: String, table: [String: PaymentStatus]) {
        let key = raw.trimmingCharacters(in: .whitespaces).lowercased()
        let status = table.first { $0.key.lowercased() == key }?.value
        self.init(status ?? .unknown(raw), raw: raw)
    }

    /// `paid (Completed)`.
    public var description: String { "\(status) (\(raw))" }
}
