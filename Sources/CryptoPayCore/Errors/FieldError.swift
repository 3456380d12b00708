/// One field the provider (or the client-side validation) rejected, as found in a validation error.
public struct FieldError: Hashable, Sendable, CustomStringConvertible {
    /// The path of the offending field, joined with dots (`local_price.amount`, `body.name`); empty when the provider
    /// did not say which field.
    public var field: String
    /// The human-readable reason.
    public var message: String
    /// The provider's machine-readable error type (`value_error.missing`), when it sends one.
    public var code: String?

    /// Creates a field error.
    public init(field: String, message: String, code: String? = nil) {
        self.field = field
        self.message = message
        self.code = code
    }

    /// `field: message`, or just the message when no field is known.
    public var description: String {
        field.isEmpty ? message : "\(field): \(message)"
    }
}
