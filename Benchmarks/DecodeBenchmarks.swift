import CryptoPayCore
import CryptoPayTesting
import Foundation
import OneXGate
import OpenPOS
import StoreGateway
import USDTInvoice
import UseGateway

/// Typed decoding of each provider's largest recorded response, with the decoder and the types its client uses,
/// against `JSONSerialization.jsonObject` on the same bytes and against a synthesized-`Codable` copy of the same
/// shape through a plain `JSONDecoder`.
enum DecodeBenchmarks {
    struct Case: Sendable {
        var name: String
        var fixture: String
        /// Decodes with the library and returns a checksum part of the result.
        var ours: @Sendable (Data, JSONDecoder) throws -> UInt64
        /// Decodes the synthesized-`Codable` copy and returns a checksum part.
        var plain: @Sendable (Data, JSONDecoder) throws -> UInt64
    }

    /// The largest response fixture of each provider. (StoreGateway's largest file is a webhook 24 bytes longer
    /// than this list response; the list is what the client decodes on a call.)
    static let cases: [Case] = [
        Case(
            name: "decode.usegateway",
            fixture: "UseGateway/payments_page_2.json",
            ours: { data, decoder in
                let page = try decoder.decode(ItemPage<UseGatewayPayment>.self, from: data)
                return UInt64(page.items.count) &+ UInt64(page.items.last?.pricing.count ?? 0)
            },
            plain: { data, decoder in
                let page = try decoder.decode(ItemPage<PlainUseGatewayPayment>.self, from: data)
                return UInt64(page.items.count) &+ UInt64(page.items.last?.pricing.count ?? 0)
            }
        ),
        Case(
            name: "decode.storegateway",
            fixture: "StoreGateway/payments_list.json",
            ours: { data, decoder in
                UInt64(try decoder.decode([StoreGatewayPayment].self, from: data).count)
            },
            plain: { data, decoder in
                UInt64(try decoder.decode([PlainStoreGatewayPayment].self, from: data).count)
            }
        ),
        Case(
            name: "decode.usdtinvoice",
            fixture: "USDTInvoice/invoices_list_page_1.json",
            ours: { data, decoder in
                UInt64(try decoder.decode(WireList<USDTInvoiceDetails>.self, from: data).items.count)
            },
            plain: { data, decoder in
                UInt64(try decoder.decode(PlainUSDTInvoiceList.self, from: data).data.count)
            }
        ),
        Case(
            name: "decode.onexgate",
            fixture: "OneXGate/settings_payment.json",
            ours: { data, decoder in
                UInt64(try decoder.decode(DataEnvelope<OneXGatePaymentSettings>.self, from: data).data.currencies.count)
            },
            plain: { data, decoder in
                UInt64(try decoder.decode(DataEnvelope<[PlainOneXGateCurrency]>.self, from: data).data.count)
            }
        ),
        Case(
            name: "decode.openpos",
            fixture: "OpenPOS/getTransactions_offset_0.json",
            ours: { data, decoder in
                UInt64(try decoder.decode([OpenPOSTransaction].self, from: data).count)
            },
            plain: { data, decoder in
                UInt64(try decoder.decode([PlainOpenPOSTransaction].self, from: data).count)
            }
        ),
    ]

    static var names: [String] { cases.map(\.name) }

    static func run(_ options: Options, _ report: Report) async throws {
        for item in cases where options.selects([item.name]) {
            let data = try Fixtures.data(item.fixture)
            let ours = JSONCoding.makeDecoder()
            let plain = JSONDecoder()
            plain.dateDecodingStrategy = .iso8601
            let metric = Metric(
                name: item.name,
                unit: "µs",
                higherIsBetter: false,
                goals: [
                    Goal(reference: "JSONSerialization", bound: 2.0, atMost: true),
                    Goal(reference: "synthesized Codable", bound: 1.2, atMost: true),
                ]
            )
            let figures = try await compare(
                [metric],
                options,
                ours: Contender(name: "ours") {
                    [try timed { try item.ours(data, ours) }]
                },
                references: [
                    Contender(name: "JSONSerialization") {
                        [
                            try timed {
                                let object = try JSONSerialization.jsonObject(with: data)
                                return UInt64((object as? [String: Any])?.count ?? (object as? [Any])?.count ?? 0)
                            }
                        ]
                    },
                    Contender(name: "synthesized Codable") {
                        [try timed { try item.plain(data, plain) }]
                    },
                ],
                notes: ["\(item.fixture), \(data.count) B; CPU time per decode of the whole body"]
            )
            report.add(figures)
        }
    }

    /// Microseconds per call of `decode`, over about a quarter of a second.
    private static func timed(_ decode: () throws -> UInt64) throws -> Double {
        try microsecondsPerOperation(operations: 10, seconds: 0.25) {
            var checksum: UInt64 = 0
            for _ in 0..<10 { checksum = Checksum.mix(checksum, try decode()) }
            return checksum
        }
    }
}
