import Foundation

/// What a create whose outcome is unknown leaves the merchant to check, when the adapter cannot look it up itself.
enum UnknownOutcome {
    /// `error` with `check` (what to look for before creating again) added to its message; its kind, outcome and
    /// HTTP status are kept, so the caller still sees outcome `unknown`.
    static func explained(_ error: PaymentError, check: String) -> PaymentError {
        var explained = error
        explained.message += "; the checkout may exist: \(check) before creating it again"
        return explained
    }
}
