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
        // Providers nearly always send the documented spelling: one lookup. Otherwise every entry is compared
        // ignoring case. (A table whose keys differ only in case would make the match depend on the order a
        // dictionary happens to iterate in; no provider's table has such keys.)
        if let status = table[raw] {
            self.init(status, raw: raw)
            return
        }
        let key = raw.trimmingSpaces().lowercased()
        let status = table.first { $0.key.lowercased() == key }?.value
        self.init(status ?? .unknown(raw), raw: raw)
    }

    /// `paid (Completed)`.
    public var description: String { "\(status) (\(raw))" }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (`CharacterSet.whitespaces`), as
    /// `trimmingCharacters(in: .whitespaces)` returns it, but without going through `NSString` when there is
    /// nothing to trim, which is nearly always.
    package func trimmingSpaces() -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return "" }
        let spaces = CharacterSet.whitespaces
        if !spaces.contains(first), !spaces.contains(last) { return String(self) }
        return trimmingCharacters(in: spaces)
    }
}
