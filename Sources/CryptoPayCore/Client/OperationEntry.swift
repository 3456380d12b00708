import Foundation

/// An ``APIOperation`` as a tool lists and calls it by name with JSON input: the declaration's data, and a call that
/// decodes the input into the operation's typed parameters and runs the same code as the Swift API.
package struct OperationEntry<Client: Sendable>: Sendable {
    /// The operation name (`payments.create`).
    package let name: String
    /// The method.
    package let method: RequestMethod
    /// The path template.
    package let path: String
    /// The path template's placeholders, in order.
    package let pathParameters: [String]
    /// The other inputs, under the provider's field names.
    package let inputs: [OperationInput]
    /// True when the inputs travel as a JSON body; false for query parameters.
    package let sendsBody: Bool
    /// Whether sending twice equals sending once.
    package let isIdempotent: Bool
    /// The provider's rate-limit class, if it has one.
    package let rateClass: String?
    private let run: @Sendable (Client, Data) async throws -> JSONValue

    /// An entry whose call decodes the parameters and hands them to `call`: the function the Swift API's method
    /// calls with the same parameters.
    package init<Parameters, Response, Output: Encodable & Sendable>(
        _ operation: APIOperation<Parameters, Response>,
        call: @escaping @Sendable (Client, Parameters) async throws -> Output
    ) {
        name = operation.name
        method = operation.method
        path = operation.path
        pathParameters = operation.pathParameters
        inputs = operation.inputs
        sendsBody = operation.encoding.sendsBody
        isIdempotent = operation.isIdempotent
        rateClass = operation.rateClass
        let name = operation.name
        run = { client, input in
            let parameters: Parameters
            do {
                parameters = try JSONCoding.makeDecoder().decode(Parameters.self, from: input)
            } catch DecodingError.keyNotFound(let key, let context) {
                let field = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
                throw PaymentError(.invalidRequest, message: "\(name) requires the input \(field)", operation: name)
            } catch let error as DecodingError {
                throw PaymentError(
                    .invalidRequest, message: "input " + ErrorMapping.describe(error), operation: name)
            }
            let output = try await call(client, parameters)
            do {
                return try JSONDecoder().decode(JSONValue.self, from: JSONCoding.makeEncoder().encode(output))
            } catch {
                throw PaymentError(
                    .decoding, message: "the decoded response could not be encoded again: \(error)", operation: name)
            }
        }
    }

    /// Calls the operation with path values and inputs under the provider's field names, and returns the decoded
    /// response encoded again with the provider's field names.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest`, before anything is sent, for an input the operation does
    ///   not take, a missing path value, or an input the parameters cannot decode (naming the field); the
    ///   operation's validation errors; otherwise whatever the call throws.
    package func call(_ client: Client, pathParameters values: [String: String], input: JSONObject) async throws
        -> JSONValue
    {
        let accepted = inputs.map(\.name)
        if let unknown = input.keys.sorted().first(where: { !accepted.contains($0) }) {
            let names = accepted.isEmpty ? "none" : accepted.joined(separator: ", ")
            throw PaymentError(
                .invalidRequest, message: "\(name) takes no input \(unknown); it takes: \(names)", operation: name)
        }
        var object = input
        for parameter in pathParameters {
            guard let value = values[parameter], !value.isEmpty else {
                throw PaymentError(
                    .invalidRequest, message: "\(name) requires the path parameter \(parameter)", operation: name)
            }
            object[parameter] = .string(value)
        }
        let data: Data
        do {
            data = try JSONEncoder().encode(JSONValue.object(object))
        } catch {
            throw PaymentError(.invalidRequest, message: "the input could not be encoded: \(error)", operation: name)
        }
        return try await run(client, data)
    }
}
