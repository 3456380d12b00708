import CryptoPayCore

/// 1xGate's payment statuses and what each means in the unified `PaymentStatus`.
public enum OneXGateStatus {
    /// The documented spellings (matched ignoring case) and their unified statuses: `created` (which the Statuses
    /// list spells `crated`) → created, `pending` → pending, `success` → paid, `partiallyPaid` → partiallyPaid,
    /// `expired` → expired, `error` → failed.
    public static let table: [String: PaymentStatus] = [
        "created": .created, "crated": .created, "pending": .pending, "success": .paid,
        "partiallyPaid": .partiallyPaid, "expired": .expired, "error": .failed,
    ]

    /// The unified status of a raw status text, keeping the text; anything undocumented is
    /// `PaymentStatus.unknown(_:)`.
    public static func status(for raw: String) -> ProviderStatus {
        ProviderStatus(raw: raw, table: table)
    }
}
