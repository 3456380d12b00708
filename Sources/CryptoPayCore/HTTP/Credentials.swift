import Foundation

/// How a provider client proves who it is on each request.
///
/// The secret is held privately: ``description`` and `debugDescription` show only the scheme, so a credential
/// printed by accident (in a log line, an assertion message, `dump`) does not leak.
public struct Credentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private enum Scheme: Sendable {
        case header(name: String, value: String)
        case basic(String)
        case bearer(String)
        case none
    }

    private let scheme: Scheme

    /// A key sent in a header of its own (`x-api-key: <key>`).
    public static func apiKey(_ key: String, header: String = "x-api-key") -> Credentials {
        Credentials(scheme: .header(name: header, value: key))
    }

    /// HTTP Basic authentication (`Authorization: Basic base64(user:secret)`).
    public static func basic(user: String, secret: String) -> Credentials {
        Credentials(scheme: .basic(Data("\(user):\(secret)".utf8).base64EncodedString()))
    }

    /// A bearer token (`Authorization: Bearer <token>`).
    public static func bearer(_ token: String) -> Credentials {
        Credentials(scheme: .bearer(token))
    }

    /// No authentication, for public endpoints.
    public static let none = Credentials(scheme: .none)

    /// Adds the credential's header to `headers`, replacing any header of the same name.
    public func apply(to headers: inout HeaderFields) {
        switch scheme {
        case .header(let name, let value): headers[name] = value
        case .basic(let encoded): headers["Authorization"] = "Basic \(encoded)"
        case .bearer(let token): headers["Authorization"] = "Bearer \(token)"
        case .none: break
        }
    }

    /// True when the credential has an empty secret, which no provider accepts.
    public var isEmpty: Bool {
        switch scheme {
        case .header(_, let value): value.isEmpty
        case .basic(let encoded): encoded.isEmpty
        case .bearer(let token): token.isEmpty
        case .none: false
        }
    }

    /// Every form in which this credential could come back in a provider's answer (an error that quotes the key it
    /// was given): the key or token; for Basic authentication the encoded pair, the pair, the user name and the
    /// secret. Forms shorter than 6 characters are left out, since replacing them would garble ordinary text.
    package var revealingForms: [String] {
        let forms: [String]
        switch scheme {
        case .header(_, let value): forms = [value]
        case .bearer(let token): forms = [token]
        case .none: forms = []
        case .basic(let encoded):
            let pair = Data(base64Encoded: encoded).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let parts = pair.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            forms = [encoded, pair] + parts
        }
        // Longest first, so that a form containing another is replaced whole.
        return forms.filter { $0.count >= 6 }.sorted { $0.count > $1.count }
    }

    /// The scheme only, for example `Credentials(header x-api-key: [REDACTED])`.
    public var description: String {
        switch scheme {
        case .header(let name, _): "Credentials(header \(name): \(Redactor.placeholder))"
        case .basic: "Credentials(basic \(Redactor.placeholder))"
        case .bearer: "Credentials(bearer \(Redactor.placeholder))"
        case .none: "Credentials(none)"
        }
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror with the scheme's description only, so that `dump` and debuggers cannot print the secret.
    public var customMirror: Mirror {
        Mirror(self, children: ["scheme": description], displayStyle: .struct)
    }
}
