import Foundation

/// The client-side checks that every provider's requests share, run before anything is sent. Each throws
/// ``PaymentError`` of kind `invalidRequest` naming the field; a provider module keeps only its own document's limits
/// and composes them from these.
package enum FieldRules {
    /// A value that must not be empty or only white space (an id, a reference, a name); returns it.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` naming `field` when it is blank.
    @discardableResult
    package static func notBlank(_ value: String, field: String) throws -> String {
        // The set `CharacterSet.whitespacesAndNewlines` names is Unicode's White_Space plus the zero-width space;
        // asking each scalar stops at the first letter, where trimming through Foundation cost 6 % of a POS call.
        guard value.unicodeScalars.contains(where: { !$0.properties.isWhitespace && $0 != "\u{200B}" }) else {
            throw PaymentError.invalidRequest("\(field) must not be empty")
        }
        return value
    }

    /// An optional value: absent, or not blank; returns it.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` naming `field` when it is given but blank.
    @discardableResult
    package static func notBlankIfPresent(_ value: String?, field: String) throws -> String? {
        try value.map { try notBlank($0, field: field) }
    }

    /// Text of at most `limit` characters, counted as Unicode scalars, as the providers' validators count code
    /// points; `nil` passes. Returns the value.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` naming `field` and the length when it is longer.
    @discardableResult
    package static func atMost(_ limit: Int, characters value: String?, field: String) throws -> String? {
        guard let count = value?.unicodeScalars.count, count > limit else { return value }
        throw PaymentError.invalidRequest("\(field) must be at most \(limit) characters, got \(count)")
    }

    /// A count that must be 1 or more (a page number, a page size, a limit).
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` naming `field` and the value when it is below 1.
    package static func atLeastOne(_ value: Int, field: String) throws {
        guard value >= 1 else { throw PaymentError.invalidRequest("\(field) must be 1 or more, got \(value)") }
    }

    /// A page the customer's browser can be sent to: an absolute `http` or `https` URL with a host; returns it.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` naming `field` otherwise, or when there is none.
    @discardableResult
    package static func webURL(_ url: URL?, field: String) throws -> URL {
        let scheme = url?.scheme?.lowercased()
        guard let url, scheme == "https" || scheme == "http", let host = url.host, !host.isEmpty else {
            throw PaymentError.invalidRequest(
                "\(field) must be an absolute http(s) URL, got \(url?.absoluteString ?? "nothing")")
        }
        return url
    }

    /// A value the document lists for `field` (by default every documented value of its type); `nil` passes. Open
    /// enumerations decode what a provider sends tolerantly, but only documented values are sent.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` naming `field`, the allowed values and the value otherwise.
    package static func documented<Value: OpenEnumeration>(
        _ value: Value?,
        field: String,
        allowed: [Value] = Value.documented
    ) throws {
        try documented(value?.rawValue, field: field, allowed: allowed.map(\.rawValue))
    }

    /// A wire spelling the document lists for `field`; `nil` passes.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` naming `field`, the allowed values and the value otherwise.
    package static func documented(_ value: String?, field: String, allowed: [String]) throws {
        guard let value, !allowed.contains(value) else { return }
        throw PaymentError.invalidRequest(
            "\(field) must be one of \(allowed.joined(separator: ", ")), got \"\(value)\"")
    }

    /// Text that must be the raw value of one of `Value`'s documented values, when given: for parameters decoded as
    /// plain text from a command line's input.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` naming `field`, the allowed values and the text otherwise.
    package static func documented<Value: OpenEnumeration>(_ raw: String?, as type: Value.Type, field: String) throws {
        try documented(raw.map(Value.init(rawValue:)), field: field)
    }
}
