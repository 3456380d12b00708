import CryptoPay
import Foundation

/// An operation bound to a client, as `operations` lists it and `call` runs it.
struct CallableOperation: Sendable {
    let name: String
    let method: RequestMethod
    let path: String
    let pathParameters: [String]
    let inputs: [OperationInput]
    let sendsBody: Bool
    /// Calls it with path values and inputs under the provider's names; returns the decoded response as JSON.
    let call: @Sendable ([String: String], JSONObject) async throws -> JSONValue

    /// A declared operation, called through its typed parameters on `client`.
    init<Client: Sendable>(_ entry: OperationEntry<Client>, client: Client) {
        name = entry.name
        method = entry.method
        path = entry.path
        pathParameters = entry.pathParameters
        inputs = entry.inputs
        sendsBody = entry.sendsBody
        call = { values, input in try await entry.call(client, pathParameters: values, input: input) }
    }

}
