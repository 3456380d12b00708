import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import USDTInvoice
import XCTest

final class ValidationTests: XCTestCase {
    private func refusal(
        _ parameters: USDTInvoiceParameters,
        file: StaticString = #filePath,
        line: UInt = #line
    ) async throws -> String? {
        let (client, transport) = try makeClient()
        let error = try await paymentError(file: file, line: line) { try await client.invoices.create(parameters) }
        XCTAssertEqual(error.kind, .invalidRequest, file: file, line: line)
        XCTAssertEqual(error.operation, "invoices.create", file: file, line: line)
        XCTAssertEqual(error.provider, .usdtInvoice, file: file, line: line)
        XCTAssertEqual(error.outcome, .notApplied, file: file, line: line)
        XCTAssertEqual(transport.requests.count, 0, "nothing may be sent", file: file, line: line)
        return error.message
    }

    private func parameters(
        _ amount: String = "10",
        asset: Asset = .usdtTron,
        reference: String? = "ORDER-1"
    ) throws -> USDTInvoiceParameters {
        USDTInvoiceParameters(amount: try Money(amount, asset), reference: reference)
    }

    func testAmounts() async throws {
        let fiveDecimals = try await refusal(parameters("1.00001"))
        XCTAssertEqual(fiveDecimals, "amountUsdt allows at most 4 decimal places, got 1.00001")
        let zero = try await refusal(parameters("0"))
        XCTAssertEqual(zero, "amountUsdt must be greater than zero, got 0")
        let negative = try await refusal(parameters("-5"))
        XCTAssertEqual(negative, "amountUsdt must be greater than zero, got -5")
        let belowMinimum = try await refusal(parameters("0.00009"))
        XCTAssertEqual(belowMinimum, "amountUsdt allows at most 4 decimal places, got 0.00009")
    }

    func testTheSmallestAndLargestPrecisionPass() async throws {
        let (client, transport) = try makeClient()
        for amount in ["0.0001", "12345.6789", "150.00000"] {
            try transport.enqueue(fixture: "USDTInvoice/invoices_create.json", status: 201)
            _ = try await client.invoices.create(try parameters(amount))
        }
        XCTAssertEqual(
            try transport.requests.map { try $0.jsonBody()?["amountUsdt"]?.decimalValue },
            [try decimal("0.0001"), try decimal("12345.6789"), 150]
        )
    }

    func testAssetsOtherThanTheThreeUSDTNetworks() async throws {
        for asset in [Asset.btc, .usd, Asset(code: "USDT", network: .polygon), Asset(code: "USDC", network: .tron)] {
            let message = try await refusal(parameters(asset: asset))
            XCTAssertEqual(
                message,
                "assetCode must be one of USDT_TRC20, USDT_ERC20, USDT_BSC, got \(asset.description)"
            )
        }
    }

    func testReferences() async throws {
        let long = try await refusal(parameters(reference: String(repeating: "R", count: 51)))
        XCTAssertEqual(long, "reference must be at most 50 characters, got 51")
        let empty = try await refusal(parameters(reference: ""))
        XCTAssertEqual(empty, "reference must not be empty")
        let blank = try await refusal(parameters(reference: "  "))
        XCTAssertEqual(blank, "reference must not be empty")

        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "USDTInvoice/invoices_create.json", status: 201)
        _ = try await client.invoices.create(try parameters(reference: String(repeating: "é", count: 50)))
        XCTAssertEqual(transport.requests.count, 1, "50 characters are allowed")
    }

    func testExpiry() async throws {
        for seconds in [299, 7201, 0, -1] {
            var parameters = try parameters()
            parameters.expirySeconds = seconds
            let message = try await refusal(parameters)
            XCTAssertEqual(message, "expirySeconds must be between 300 and 7200, got \(seconds)")
        }
        let (client, transport) = try makeClient()
        for seconds in [300, 7200] {
            try transport.enqueue(fixture: "USDTInvoice/invoices_create.json", status: 201)
            var parameters = try parameters()
            parameters.expirySeconds = seconds
            _ = try await client.invoices.create(parameters)
        }
        XCTAssertEqual(transport.requests.count, 2)
    }

    func testTextAndURLLengths() async throws {
        let longURL = URL(string: "https://your-site.com/" + String(repeating: "p", count: 479))
        var parameters = try parameters()
        parameters.callbackURL = longURL
        let callback = try await refusal(parameters)
        XCTAssertEqual(callback, "callbackUrl must be at most 500 characters, got 501")

        parameters = try self.parameters()
        parameters.returnURL = longURL
        let returnURL = try await refusal(parameters)
        XCTAssertEqual(returnURL, "returnUrl must be at most 500 characters, got 501")

        parameters = try self.parameters()
        parameters.title = String(repeating: "t", count: 201)
        let title = try await refusal(parameters)
        XCTAssertEqual(title, "title must be at most 200 characters, got 201")

        parameters = try self.parameters()
        parameters.description = String(repeating: "d", count: 501)
        let description = try await refusal(parameters)
        XCTAssertEqual(description, "description must be at most 500 characters, got 501")
    }

    func testEmptyIDsReferencesAndLimits() async throws {
        let (client, transport) = try makeClient()
        let calls: [(String, () async throws -> Any)] = [
            ("invoices.retrieve", { try await client.invoices.retrieve(id: "") }),
            ("invoices.retrieveByReference", { try await client.invoices.retrieve(reference: "") }),
            (
                "invoices.retrieveByReference",
                { try await client.invoices.retrieve(reference: String(repeating: "r", count: 51)) }
            ),
            ("invoices.cancel", { try await client.invoices.cancel(id: " ") }),
            ("invoices.list", { try await client.invoices.list(page: 0) }),
            ("invoices.list", { try await client.invoices.list(limit: 0) }),
            ("invoices.list", { try await client.invoices.list(limit: -1) }),
            ("invoices.list", { try client.invoices.all(pageSize: 0) }),
        ]
        for (operation, call) in calls {
            let error = try await paymentError(operation, call)
            XCTAssertEqual(error.kind, .invalidRequest, operation)
            XCTAssertEqual(error.operation, operation)
        }
        XCTAssertEqual(transport.requests.count, 0)
    }
}
