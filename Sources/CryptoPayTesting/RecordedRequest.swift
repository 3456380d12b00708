import CryptoPayCore
import Foundation

/// A request as a ``ReplayTransport`` received it, with helpers that check it against expectations.
///
/// Each `expect…` method throws a ``FixtureError`` describing the difference, so a throwing XCTest method fails
/// with a readable message and no XCTest dependency is needed here.
public struct RecordedRequest: Sendable {
    /// The request exactly as sent.
    public let request: TransportRequest

    /// Wraps a request.
    public init(_ request: TransportRequest) {
        self.request = request
    }

    /// The method.
    public var method: RequestMethod { request.method }

    /// The URL path as sent (percent-encoding kept), with its trailing slash if any.
    public var path: String {
        URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? ""
    }

    /// The decoded query items in order.
    public var queryItems: [URLQueryItem] {
        URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
    }

    /// The body parsed as JSON, or `nil` when there is no body.
    ///
    /// - Throws: ``FixtureError`` when there is a body that is not JSON.
    public func jsonBody() throws -> JSONValue? {
        guard let body = request.body, !body.isEmpty else { return nil }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: body)
        } catch {
            throw FixtureError(message: "the body is not JSON: \(String(decoding: body, as: UTF8.self))")
        }
    }

    /// Checks the method and path (including any trailing slash).
    ///
    /// - Throws: ``FixtureError`` describing the mismatch.
    public func expect(_ method: RequestMethod, _ path: String) throws {
        guard self.method == method, self.path == path else {
            throw FixtureError(message: "expected \(method) \(path), got \(self.method) \(self.path)")
        }
    }

    /// Checks the query items, in order, names and decoded values.
    ///
    /// - Throws: ``FixtureError`` describing the mismatch.
    public func expectQuery(_ expected: [(String, String?)]) throws {
        let actual = queryItems.map { ($0.name, $0.value) }
        guard actual.count == expected.count, zip(actual, expected).allSatisfy({ $0.0 == $1.0 && $0.1 == $1.1 }) else {
            throw FixtureError(message: "expected query \(expected), got \(actual)")
        }
    }

    /// Checks that a header has exactly this value (`nil`: that it is absent). Credential values are not echoed
    /// in the failure message.
    ///
    /// - Throws: ``FixtureError`` describing the mismatch.
    public func expectHeader(_ name: String, _ value: String?) throws {
        let actual = request.headers[name]
        guard actual == value else {
            let shown = Redactor.isSensitive(name: name) ? "a different value" : actual.map { "\"\($0)\"" } ?? "none"
            throw FixtureError(
                message: "expected header \(name) to be \(value == nil ? "absent" : "set"), got \(shown)")
        }
    }

    /// Checks that the body is JSON equal to `expected` as a value (key order and number spelling ignored).
    ///
    /// - Throws: ``FixtureError`` describing the mismatch.
    public func expectJSONBody(_ expected: JSONValue?) throws {
        let actual = try jsonBody()
        guard actual == expected else {
            throw FixtureError(
                message: "expected body \(expected?.description ?? "none"), got \(actual?.description ?? "none")"
            )
        }
    }

    /// Checks that the body is JSON equal to the JSON text given.
    ///
    /// - Throws: ``FixtureError`` when the text is not JSON or the body differs.
    public func expectJSONBody(_ text: String) throws {
        do {
            try expectJSONBody(try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)))
        } catch let error as FixtureError {
            throw error
        } catch {
            throw FixtureError(message: "the expected body is not JSON: \(text)")
        }
    }
}
