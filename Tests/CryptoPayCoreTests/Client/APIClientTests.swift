import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

final class APIClientTests: XCTestCase {
    func testSendsTheExactRequestAndDecodesTheResponse() async throws {
        struct Body: Encodable, Sendable {
            @AmountCoding<AmountAsJSONString> var amount: Decimal
            let name: String
        }
        let transport = ReplayTransport()
        transport.enqueue(status: 201, json: #"{"id":"p_1","amount":10.004165,"created_at":"2019-08-24T14:15:22Z"}"#)
        let client = try makeClient(transport: transport)
        let endpoint = Endpoint<Item>(
            "items.create",
            .post,
            "/items/{id}/",
            pathParameters: ["id": "a b"],
            query: [URLQueryItem(name: "expand", value: "x,y")],
            body: .json(Body(amount: Decimal(string: "0.00370885")!, name: "Zoë"))
        )
        let item = try await client.send(endpoint)

        XCTAssertEqual(item.id, "p_1")
        XCTAssertEqual(item.amount, Decimal(string: "10.004165"))
        XCTAssertEqual(item.createdAt, Date(timeIntervalSince1970: 1_566_656_122))
        let request = try transport.lastRequest()
        try request.expect(.post, "/v1/items/a%20b/")
        try request.expectQuery([("expand", "x,y")])
        try request.expectHeader("x-api-key", "sk_live_SECRET123")
        try request.expectHeader("Accept", "application/json")
        try request.expectHeader("Content-Type", "application/json")
        try request.expectHeader("User-Agent", "CryptoPay/\(CryptoPayVersion.current) Swift")
        try request.expectJSONBody(#"{"amount":"0.00370885","name":"Zoë"}"#)
        XCTAssertEqual(request.request.timeout, .seconds(30))
    }

    func testPublicEndpointsSendNoCredentials() async throws {
        let transport = ReplayTransport()
        transport.enqueue(json: "{}")
        let client = try makeClient(transport: transport)
        _ = try await client.send(Endpoint<JSONValue>("rates.get", .get, "/rates", requiresAuthentication: false))
        try transport.lastRequest().expectHeader("x-api-key", nil)
    }

    func testBasicAndBearerCredentials() async throws {
        let transport = ReplayTransport()
        transport.enqueue(json: "{}")
        transport.enqueue(json: "{}")
        let basic = try makeClient(transport: transport, credentials: .basic(user: "shop", secret: "pw"))
        _ = try await basic.send(Endpoint<EmptyResponse>("a", .get, "/a"))
        try transport.lastRequest().expectHeader("Authorization", "Basic c2hvcDpwdw==")
        let bearer = try makeClient(transport: transport, credentials: .bearer("tok"))
        _ = try await bearer.send(Endpoint<EmptyResponse>("a", .get, "/a"))
        try transport.lastRequest().expectHeader("Authorization", "Bearer tok")
    }

    func testConfigurationErrorsAreRaisedBeforeAnythingIsSent() throws {
        let transport = ReplayTransport()
        XCTAssertThrowsError(try makeClient(transport: transport, credentials: .apiKey(""))) {
            XCTAssertEqual(($0 as? PaymentError)?.kind, .invalidRequest)
        }
        XCTAssertThrowsError(
            try APIClient(
                provider: .storeGateway,
                credentials: .apiKey("k"),
                configuration: ClientConfiguration(transport: transport),
                defaultBaseURL: nil,
                errorFormat: SampleErrorFormat()
            )
        ) {
            XCTAssertEqual(
                ($0 as? PaymentError)?.message, "storegateway needs a base URL: set ClientConfiguration.baseURL")
        }
        XCTAssertTrue(transport.requests.isEmpty)
    }

    func testInvalidPathParameterSendsNothing() async throws {
        let transport = ReplayTransport()
        let client = try makeClient(transport: transport)
        do {
            _ = try await client.send(
                Endpoint<Item>("items.retrieve", .get, "/items/{id}/", pathParameters: ["id": ""]))
            XCTFail("expected an error")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .invalidRequest)
            XCTAssertEqual(error.operation, "items.retrieve")
            XCTAssertEqual(error.provider, ProviderID(rawValue: "sample"))
        }
        XCTAssertTrue(transport.requests.isEmpty)
    }

    /// Each status maps to one kind, with the provider's code, message and fields kept.
    func testErrorMappingPerStatus() async throws {
        let body = #"{"code":"E1","message":"Nope","errors":[{"field":"name","message":"required"}]}"#
        let cases: [(Int, PaymentError.Kind)] = [
            (400, .validation),
            (401, .authentication), (403, .permission), (404, .notFound), (405, .invalidRequest),
            (406, .invalidRequest), (409, .conflict), (410, .notFound),
            (422, .validation),
            (429, .rateLimited), (500, .server), (502, .server), (503, .server), (509, .server),
            (302, .server),
        ]
        for (status, kind) in cases {
            let transport = ReplayTransport()
            transport.enqueue(
                .response(TransportResponse(statusCode: status, headers: ["Retry-After": "7"], body: Data(body.utf8))))
            let client = try makeClient(transport: transport, retryPolicy: .none)
            do {
                _ = try await client.send(Endpoint<Item>("items.create", .post, "/items/"))
                XCTFail("status \(status) must throw")
            } catch let error as PaymentError {
                XCTAssertEqual(error.kind, kind, "status \(status)")
                XCTAssertEqual(error.httpStatus, status)
                XCTAssertEqual(error.fieldErrors, [FieldError(field: "name", message: "required")])
                XCTAssertEqual(error.retryAfter, status == 429 ? .seconds(7) : nil)
                XCTAssertEqual(error.providerCode, "E1")
                XCTAssertEqual(error.message, "Nope")
                XCTAssertEqual(error.provider, ProviderID(rawValue: "sample"))
                XCTAssertEqual(error.operation, "items.create")
                XCTAssertEqual(error.request, PaymentError.RequestSummary(method: "POST", path: "/v1/items/"))
                XCTAssertEqual(error.responseBody, body)
            }
        }
    }

    func testHTMLErrorPageFromAProxyIsAServerError() async throws {
        let transport = ReplayTransport()
        let html = "<html><body><h1>502 Bad Gateway</h1></body></html>"
        transport.enqueue(
            .response(TransportResponse(statusCode: 502, headers: ["Content-Type": "text/html"], body: Data(html.utf8)))
        )
        let client = try makeClient(transport: transport, retryPolicy: .none)
        await assertThrows(try await client.send(Endpoint<Item>("items.list", .get, "/items/"))) { error in
            XCTAssertEqual(error.kind, .server)
            XCTAssertEqual(error.httpStatus, 502)
            XCTAssertNil(error.providerCode)
            XCTAssertEqual(error.responseBody, html)
            XCTAssertEqual(
                error.description,
                "sample items.list: GET /v1/items/ → HTTP 502 [server] the provider failed (HTTP 502); for a payment-creating request, look the object up before retrying"
            )
        }
    }

    func testBadSuccessBodiesAreDecodingErrorsNamingTheField() async throws {
        let cases: [(String, String)] = [
            ("{not json", "the response is not valid JSON (application/json)"),
            ("", "the response body is empty"),
            (
                #"{"id":"1","amount":"ten","created_at":"2019-08-24T14:15:22Z"}"#,
                #"amount: "ten" is not a decimal amount"#
            ),
            (
                #"{"id":1,"amount":1,"created_at":"2019-08-24T14:15:22Z"}"#,
                "id is not a string: Expected to decode String but found number instead."
            ),
            (#"{"amount":1,"created_at":"2019-08-24T14:15:22Z"}"#, "id is missing"),
            (#"{"id":"1","amount":1,"created_at":"soon"}"#, #"created_at: "soon" is not a date"#),
            (#"{"id":null,"amount":1,"created_at":"2019-08-24T14:15:22Z"}"#, "id is null but required"),
        ]
        for (body, message) in cases {
            let transport = ReplayTransport()
            transport.enqueue(status: 200, json: body)
            let client = try makeClient(transport: transport)
            await assertThrows(try await client.send(Endpoint<Item>("items.retrieve", .get, "/items/1/"))) { error in
                XCTAssertEqual(error.kind, .decoding, body)
                XCTAssertEqual(error.message, message, body)
                XCTAssertEqual(error.operation, "items.retrieve")
            }
        }
    }

    func testNestedDecodingPathsIncludeArrayIndexes() async throws {
        struct List: Decodable, Sendable { let items: [Item] }
        let transport = ReplayTransport()
        transport.enqueue(
            json:
                #"{"items":[{"id":"a","amount":1,"created_at":"2019-08-24T14:15:22Z"},{"id":"b","amount":"x","created_at":"2019-08-24T14:15:22Z"}]}"#
        )
        let client = try makeClient(transport: transport)
        await assertThrows(try await client.send(Endpoint<List>("items.list", .get, "/items/"))) { error in
            XCTAssertEqual(error.message, #"items[1].amount: "x" is not a decimal amount"#)
        }
    }

    func testErrorsFromAFormatThatReportsFailuresInSuccessfulResponses() async throws {
        struct EnvelopeFormat: ProviderErrorFormat {
            func details(in response: TransportResponse, decoder: JSONDecoder) -> ProviderErrorDetails? { nil }
            func failure(inSuccessful response: TransportResponse, decoder: JSONDecoder) -> ProviderErrorDetails? {
                let value = try? decoder.decode(JSONValue.self, from: response.body)
                guard value?["ok"] == .bool(false) else { return nil }
                let code = value?["code"]?.stringValue
                return ProviderErrorDetails(code: code, message: "refused", kind: code == "NOT_FOUND" ? .notFound : nil)
            }
        }
        let transport = ReplayTransport()
        transport.enqueue(json: #"{"ok":false,"code":"NOT_FOUND"}"#)
        let client = try APIClient(
            provider: .openPOS,
            credentials: .none,
            configuration: ClientConfiguration(baseURL: URL(string: "http://127.0.0.1:1"), transport: transport),
            defaultBaseURL: nil,
            errorFormat: EnvelopeFormat()
        )
        await assertThrows(try await client.send(Endpoint<JSONValue>("payments.check", .get, "/check"))) { error in
            XCTAssertEqual(error.kind, .notFound)
            XCTAssertEqual(error.providerCode, "NOT_FOUND")
            XCTAssertEqual(error.httpStatus, 200)
        }
    }

    func testTransportErrorsGetProviderOperationAndRequest() async throws {
        let transport = ReplayTransport()
        transport.enqueue(.failure(.timedOut))
        let client = try makeClient(transport: transport)
        await assertThrows(try await client.send(Endpoint<Item>("items.create", .post, "/items/"))) { error in
            XCTAssertEqual(error.kind, .transport)
            XCTAssertEqual(error.transportFailure, .timedOut)
            XCTAssertEqual(error.outcome, .unknown)
            XCTAssertEqual(error.operation, "items.create")
            XCTAssertEqual(error.request?.description, "POST /v1/items/")
        }
        XCTAssertEqual(transport.requests.count, 1, "a POST that may have reached the server is not resent")
    }
}

func assertThrows<T>(
    _ expression: @autoclosure () async throws -> T,
    file: StaticString = #filePath,
    line: UInt = #line,
    _ check: (PaymentError) -> Void
) async {
    do {
        _ = try await expression()
        XCTFail("expected a PaymentError", file: file, line: line)
    } catch let error as PaymentError {
        check(error)
    } catch {
        XCTFail("expected a PaymentError, got \(error)", file: file, line: line)
    }
}
