import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

final class RedactionTests: XCTestCase {
    static let secrets = [
        "sk_live_SECRET123", "shop-user", "hunter2-password", "bearer-TOKEN-987", "integration-KEY-555",
        "query-SECRET-777",
    ]

    /// Logs requests carrying every kind of credential and checks that no secret reaches any log record or any
    /// error description.
    func testNoSecretReachesLogsOrErrors() async throws {
        let log = LogCollector()
        let transport = ReplayTransport()
        var texts: [String] = []
        let credentials: [Credentials] = [
            .apiKey("sk_live_SECRET123"), .basic(user: "shop-user", secret: "hunter2-password"),
            .bearer("bearer-TOKEN-987"), .apiKey("integration-KEY-555", header: "x-integration-key"),
        ]
        for credential in credentials {
            texts.append(credential.description)
            texts.append(credential.debugDescription)
            texts.append(String(reflecting: credential))
            let client = try makeClient(
                transport: transport, retryPolicy: .none, logHandler: log.handler, credentials: credential)
            let query = [
                URLQueryItem(name: "api_key", value: "query-SECRET-777"),
                URLQueryItem(name: "secret", value: "query-SECRET-777"),
                URLQueryItem(name: "token", value: "query-SECRET-777"), URLQueryItem(name: "page", value: "2"),
            ]
            transport.enqueue(status: 401, json: #"{"message":"bad key"}"#)
            do {
                _ = try await client.send(Endpoint<JSONValue>("items.list", .get, "/items/", query: query))
            } catch let error as PaymentError {
                texts.append(error.description)
                texts.append(error.debugDescription)
                texts.append(error.localizedDescription)
            }
            transport.enqueue(.failure(.timedOut))
            do {
                _ = try await client.send(Endpoint<JSONValue>("items.list", .get, "/items/", query: query))
            } catch let error as PaymentError {
                texts.append(error.description)
                texts.append("\(error)")
            }
            let request = try client.makeRequest(for: Endpoint<JSONValue>("x", .get, "/x", query: query))
            texts.append(request.description)
            texts.append(request.headers.description)
        }
        XCTAssertEqual(log.records.count, 8)
        for record in log.records {
            texts.append(record.description)
            texts.append(record.url)
            texts.append(contentsOf: record.requestHeaders.map { "\($0.name): \($0.value)" })
            texts.append(record.failure ?? "")
        }
        XCTAssertEqual(
            log.records[0].url,
            "https://api.example.com/v1/items/?api_key=[REDACTED]&secret=[REDACTED]&token=[REDACTED]&page=2"
        )
        XCTAssertTrue(log.records[0].url.contains("page=2"))
        XCTAssertTrue(log.records[0].requestHeaders.contains { $0.name == "x-api-key" && $0.value == "[REDACTED]" })
        XCTAssertTrue(log.records[2].requestHeaders.contains { $0.name == "Authorization" && $0.value == "[REDACTED]" })
        XCTAssertTrue(
            log.records[6].requestHeaders.contains { $0.name == "x-integration-key" && $0.value == "[REDACTED]" })
        XCTAssertEqual(log.records[0].status, 401)
        XCTAssertEqual(log.records[1].status, nil)
        let basicToken = Data("shop-user:hunter2-password".utf8).base64EncodedString()
        for (index, text) in texts.enumerated() {
            for (number, secret) in (Self.secrets + [basicToken]).enumerated() {
                // The message names positions only: printing the text would print the secret.
                XCTAssertFalse(text.contains(secret), "secret #\(number) leaked into text #\(index)")
            }
        }
    }

    func testLogRecordLine() async throws {
        let log = LogCollector()
        let transport = ReplayTransport()
        transport.enqueue(status: 503, json: "{}")
        transport.enqueue(status: 201, json: "{}")
        let client = try makeClient(transport: transport, logHandler: log.handler)
        _ = try await client.send(
            Endpoint<JSONValue>("items.list", .get, "/items/", query: [URLQueryItem(name: "page", value: "1")]))
        let lines = log.records.map(\.description)
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(
            lines[0].hasPrefix("sample items.list: GET https://api.example.com/v1/items/?page=1 → 503 in "), lines[0])
        XCTAssertEqual(log.records.map(\.provider), [ProviderID(rawValue: "sample"), ProviderID(rawValue: "sample")])
        XCTAssertEqual(log.records.map(\.operation), ["items.list", "items.list"])
        XCTAssertTrue(lines[0].hasSuffix(" ms (attempt 1)"), lines[0])
        XCTAssertTrue(lines[1].hasSuffix(" ms (attempt 2)"), lines[1])
    }

    func testSensitiveNames() {
        for name in [
            "x-api-key", "X-Integration-Key", "Authorization", "api_key", "apiKey", "secret", "access_token",
            "X-Webhook-HMAC-SHA256", "svix-signature", "password", "Cookie", "sign",
        ] {
            XCTAssertTrue(Redactor.isSensitive(name: name), name)
        }
        for name in ["page", "size", "Content-Type", "Accept", "currency", "id"] {
            XCTAssertFalse(Redactor.isSensitive(name: name), name)
        }
        XCTAssertEqual(
            Redactor.redactedURL(URL(string: "https://u:p@h.com/a?token=t&x=1")!),
            "https://h.com/a?token=[REDACTED]&x=1")
        XCTAssertEqual(
            Redactor.redactedPathAndQuery(URL(string: "https://h.com/a/b%20c?x=1&api_key=k")!),
            "/a/b%20c?x=1&api_key=[REDACTED]")
    }
}

final class ReflectionRedactionTests: XCTestCase {
    func testDumpOfCredentialsAndClientsShowsNoSecret() throws {
        let credentials: [Credentials] = [
            .apiKey("sk_live_SECRET123"), .basic(user: "shop-user", secret: "hunter2-password"),
            .bearer("bearer-TOKEN-987"),
        ]
        for credential in credentials {
            var dumped = ""
            dump(credential, to: &dumped)
            let client = try makeClient(transport: ReplayTransport(), credentials: credential)
            dump(client, to: &dumped)
            dumped += "\(client) \(String(reflecting: client))"
            for (number, secret)
                in (RedactionTests.secrets + [Data("shop-user:hunter2-password".utf8).base64EncodedString()])
                .enumerated()
            {
                XCTAssertFalse(dumped.contains(secret), "dump leaked secret #\(number)")
            }
            XCTAssertTrue(dumped.contains("[REDACTED]"))
        }
    }

    func testCredentialLikeMembersOfJSONErrorBodiesAreRedactedAtAnyDepth() {
        let body = Data(
            #"[{"access_token":"T0K3N","amount":0.1000,"nested":{"api_key":"K3Y","note":"ok"},"secret":null}]"#.utf8)
        let error = PaymentError(.decoding, message: "bad", responseBody: body)

        XCTAssertEqual(
            error.responseBody,
            #"[{"access_token":"[REDACTED]","amount":0.1,"nested":{"api_key":"[REDACTED]","note":"ok"},"secret":null}]"#
        )
        XCTAssertEqual(
            PaymentError(.server, message: "m", responseBody: Data("<html>token=abc</html>".utf8)).responseBody,
            "<html>token=abc</html>",
            "non-JSON bodies are kept as they are"
        )
        XCTAssertEqual(Redactor.redactedBody(Data(#"{"id":"1"}"#.utf8)), Data(#"{"id":"1"}"#.utf8))
    }
}
