import CryptoPayCore
import CryptoPayTesting
import Foundation
import UseGateway

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A full typed call over the real transport, against what a hand-written client does for each call: build the
/// URL and a `URLRequest` with the same headers, run a bare `URLSession` data task in a continuation, then parse the
/// body with `JSONSerialization`, decode it into a synthesized-`Codable` copy, or not at all. Both sides use their
/// own session with the same configuration (``URLSessionTransport/defaultConfiguration()``, so the same libcurl
/// behaviour and the same limit of 6 connections per host) and talk to the same in-process loopback server.
enum HTTPBenchmarks {
    static let serverName = "http.server.throughput"
    static let latencyNames = ["http.retrieve.p50", "http.retrieve.p99", "http.retrieve.cpu"]
    static let throughputName = "http.retrieve.throughput32"
    static let memoryName = "memory.retrieve.10k"
    static let paginationNames = ["pagination.all.10k", "memory.pagination.10k"]

    static var names: [String] {
        [serverName] + latencyNames + [throughputName, memoryName] + paginationNames
    }

    static let bareJSON = "bare URLSession + JSONSerialization"
    static let bare = "bare URLSession"
    static let bareCodable = "bare URLSession + synthesized Codable"
    static let apiKey = "benchmark-key-not-a-secret"
    static let pageSize = 100
    static let pageCount = 100

    /// The shared setup: server, our client, the hand-written client's session and request.
    struct Setup: Sendable {
        var server: BenchmarkServer
        var client: UseGatewayClient
        var session: URLSession
        /// `http://127.0.0.1:<port>/v1`, as a hand-written client keeps its base URL.
        var base: String
        var paymentID: String
        /// What a hand-written typed client decodes with: a plain decoder with the ISO 8601 date strategy.
        var plainDecoder: JSONDecoder

        /// What a hand-written client builds for each call: the URL and a request with its headers.
        func retrieveRequest() throws -> URLRequest {
            guard let url = URL(string: base + "/payments/" + paymentID + "/") else {
                throw BenchmarkServer.Failure(description: "no URL")
            }
            return HTTPBenchmarks.request(url)
        }

        func pageRequest(_ page: Int) -> URLRequest? {
            guard let url = URL(string: base + "/payments/?page=\(page)&size=\(HTTPBenchmarks.pageSize)") else {
                return nil
            }
            return HTTPBenchmarks.request(url)
        }
    }

    static func run(_ options: Options, _ report: Report) async throws {
        guard options.selects(names) else { return }
        let setup = try makeSetup(withPages: options.selects(paginationNames))
        if options.selects([serverName]) {
            let target = "/v1/payments/\(setup.paymentID)/"
            report.add(
                try await compare(
                    [Metric(name: serverName, unit: "req/s", higherIsBetter: true)],
                    options,
                    ours: Contender(name: "ours") {
                        [try setup.server.rawThroughput(connections: 6, seconds: 0.5, target: target)]
                    },
                    references: [],
                    notes: [
                        "the loopback server's own capacity: raw keep-alive sockets, 6 connections (URLSession's "
                            + "per-host limit), clients sharing the cores with it; payments_retrieve.json, "
                            + "\(try Fixtures.data("UseGateway/payments_retrieve.json").count) B"
                    ]
                )
            )
        }
        if options.selects(latencyNames) { report.add(try await latency(setup, options)) }
        if options.selects([throughputName]) { report.add(try await throughput(setup, options)) }
        if options.selects([memoryName]) { report.add(try await memory(setup, options)) }
        if options.selects(paginationNames) { report.add(try await pagination(setup, options)) }
    }

    /// The server and both clients; the 100 pages of the pagination figure are prepared only when it runs.
    static func makeSetup(withPages: Bool) throws -> Setup {
        let retrieveBody = try Fixtures.data("UseGateway/payments_retrieve.json")
        guard let fixture = try JSONSerialization.jsonObject(with: retrieveBody) as? [String: Any],
            let paymentID = fixture["id"] as? String
        else { throw BenchmarkServer.Failure(description: "payments_retrieve.json has no id") }
        let retrieveResponse = BenchmarkServer.response(json: Array(retrieveBody))
        let pages = withPages ? makePages(item: String(decoding: retrieveBody, as: UTF8.self), id: paymentID) : []
        let emptyPage = BenchmarkServer.response(json: Array("{\"items\":[],\"total\":0}".utf8))
        let server = try BenchmarkServer { target in
            guard let marker = target.range(of: "page=") else { return retrieveResponse }
            let digits = target[marker.upperBound...].prefix { $0.isNumber }
            guard let page = Int(digits), pages.indices.contains(page - 1) else { return emptyPage }
            return pages[page - 1]
        }
        guard let base = server.url("/v1") else {
            throw BenchmarkServer.Failure(description: "no loopback URL")
        }
        let client = try UseGatewayClient(
            apiKey: apiKey,
            configuration: ClientConfiguration(baseURL: base, transport: URLSessionTransport())
        )
        let session = URLSession(configuration: URLSessionTransport.defaultConfiguration())
        let plainDecoder = JSONDecoder()
        plainDecoder.dateDecodingStrategy = .iso8601
        return Setup(
            server: server,
            client: client,
            session: session,
            base: "http://127.0.0.1:\(server.port)/v1",
            paymentID: paymentID,
            plainDecoder: plainDecoder
        )
    }

    /// Pages 1…100 of 100 payments each (the retrieve fixture with distinct ids), `total` 10,000, prepared as
    /// whole responses.
    private static func makePages(item: String, id: String) -> [[UInt8]] {
        (1...pageCount).map { page in
            let items = (0..<pageSize).map { index in
                item.replacingOccurrences(
                    of: id, with: String(format: "00000000-0000-4000-8000-%012d", page * 1000 + index))
            }
            let body =
                "{\"items\":[" + items.joined(separator: ",") + "],\"total\":\(pageSize * pageCount),"
                + "\"page\":\(page),\"size\":\(pageSize)}"
            return BenchmarkServer.response(json: Array(body.utf8))
        }
    }

    /// What a hand-written client sends: the key, `Accept` and a user agent.
    static func request(_ url: URL) -> URLRequest {
        var request = URLRequest(url: url, timeoutInterval: 30)
        request.setValue(apiKey, forHTTPHeaderField: "x-api-key")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.setValue("hand-written/1.0", forHTTPHeaderField: "User-Agent")
        return request
    }

    /// A hand-written call: a data task in a continuation, the body if the status is 200.
    static func bareGet(_ session: URLSession, _ request: URLRequest) async throws -> Data {
        try await withCheckedThrowingContinuation { continuation in
            let task = session.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: error)
                } else if (response as? HTTPURLResponse)?.statusCode != 200 {
                    continuation.resume(throwing: BenchmarkServer.Failure(description: "unexpected status"))
                } else {
                    continuation.resume(returning: data ?? Data())
                }
            }
            task.resume()
        }
    }

    /// One call of each contender, returning a checksum part.
    static func calls(_ setup: Setup) -> [(name: String, call: @Sendable () async throws -> UInt64)] {
        [
            (
                "ours",
                {
                    let payment = try await setup.client.payments.retrieve(id: setup.paymentID)
                    return UInt64(payment.pricing.count)
                }
            ),
            (
                bareJSON,
                {
                    let data = try await bareGet(setup.session, try setup.retrieveRequest())
                    return UInt64((try JSONSerialization.jsonObject(with: data) as? [String: Any])?.count ?? 0)
                }
            ),
            (
                bareCodable,
                {
                    let data = try await bareGet(setup.session, try setup.retrieveRequest())
                    return UInt64(try setup.plainDecoder.decode(PlainUseGatewayPayment.self, from: data).pricing.count)
                }
            ),
            (
                bare,
                {
                    UInt64(try await bareGet(setup.session, try setup.retrieveRequest()).count)
                }
            ),
        ]
    }

    private static func latency(_ setup: Setup, _ options: Options) async throws -> [Figure] {
        let contenders = calls(setup).map { contender in
            Contender(name: contender.name) {
                var durations: [Double] = []
                durations.reserveCapacity(1000)
                var checksum: UInt64 = 0
                let cpuStart = cpuNanoseconds()
                for _ in 0..<1000 {
                    let start = nanoseconds()
                    checksum = Checksum.mix(checksum, try await contender.call())
                    durations.append(Double(nanoseconds() - start) / 1e3)
                }
                let cpu = Double(cpuNanoseconds() - cpuStart) / 1e3 / 1000
                Checksum.shared.fold(checksum)
                return [Statistics.quantile(durations, 0.5), Statistics.quantile(durations, 0.99), cpu]
            }
        }
        let goals = [Goal(reference: bareJSON, bound: 1.10, atMost: true)]
        return try await compare(
            [
                Metric(name: latencyNames[0], unit: "µs", higherIsBetter: false, goals: goals),
                Metric(name: latencyNames[1], unit: "µs", higherIsBetter: false, goals: goals),
                Metric(name: latencyNames[2], unit: "µs CPU", higherIsBetter: false),
            ],
            options,
            ours: contenders[0],
            references: Array(contenders[1...]),
            notes: [
                "typed payments.retrieve, 1,000 sequential calls per round and contender; cpu: CPU time of the "
                    + "whole process per call (URLSession's threads and the in-process server included)"
            ]
        )
    }

    private static func throughput(_ setup: Setup, _ options: Options) async throws -> [Figure] {
        let inFlight = 32
        let perTask = 100
        let contenders = calls(setup).map { contender in
            Contender(name: contender.name) {
                let start = nanoseconds()
                let checksum = try await withThrowingTaskGroup(of: UInt64.self) { group in
                    for _ in 0..<inFlight {
                        group.addTask {
                            var checksum: UInt64 = 0
                            for _ in 0..<perTask { checksum = Checksum.mix(checksum, try await contender.call()) }
                            return checksum
                        }
                    }
                    var checksum: UInt64 = 0
                    for try await part in group { checksum = Checksum.mix(checksum, part) }
                    return checksum
                }
                let elapsed = Double(nanoseconds() - start) / 1e9
                Checksum.shared.fold(checksum)
                return [Double(inFlight * perTask) / elapsed]
            }
        }
        return try await compare(
            [
                Metric(
                    name: throughputName,
                    unit: "req/s",
                    higherIsBetter: true,
                    goals: [Goal(reference: bareJSON, bound: 0.90, atMost: false)]
                )
            ],
            options,
            ours: contenders[0],
            references: Array(contenders[1...]),
            notes: ["\(inFlight) tasks in flight, \(inFlight * perTask) calls per round and contender"]
        )
    }

    /// Collects the resident-memory series of the first round, for the notes.
    private final class SeriesBox: @unchecked Sendable {
        // Guards `series`.
        private let lock = NSLock()
        private var series: [String: [Double]] = [:]

        func keepFirst(_ name: String, _ values: [Double]) {
            lock.withLock { if series[name] == nil { series[name] = values } }
        }

        func note(_ name: String) -> String? {
            lock.withLock { series[name] }.map { values in
                "\(name), resident MiB after each 1,000: " + values.map { format($0, digits: 1) }.joined(separator: " ")
            }
        }
    }

    private static func memory(_ setup: Setup, _ options: Options) async throws -> [Figure] {
        let box = SeriesBox()
        let contenders = calls(setup).prefix(2).map { contender in
            Contender(name: contender.name, warmUp: false) {
                var series: [Double] = []
                var checksum: UInt64 = 0
                for _ in 0..<10 {
                    for _ in 0..<1000 { checksum = Checksum.mix(checksum, try await contender.call()) }
                    series.append(residentMiB())
                }
                Checksum.shared.fold(checksum)
                box.keepFirst(contender.name, series)
                return [series[9] - series[0]]
            }
        }
        var figures = try await compare(
            [
                Metric(
                    name: memoryName,
                    unit: "MiB",
                    higherIsBetter: false,
                    goals: [Goal(reference: bareJSON, bound: 1, atMost: true, byValue: true)],
                    showsRatio: false
                )
            ],
            options,
            ours: contenders[0],
            references: Array(contenders[1...]),
            notes: [
                "growth of resident memory from the 1st to the 10th thousand of 10,000 sequential typed "
                    + "payments.retrieve calls, per round"
            ]
        )
        figures[0].notes += contenders.compactMap { box.note($0.name) }
        return figures
    }

    private static func pagination(_ setup: Setup, _ options: Options) async throws -> [Figure] {
        let box = SeriesBox()
        let total = pageSize * pageCount
        let ours = Contender(name: "ours") {
            var series: [Double] = []
            var count = 0
            var checksum: UInt64 = 0
            let start = nanoseconds()
            for try await payment in try setup.client.payments.all(pageSize: pageSize) {
                count += 1
                checksum = Checksum.mix(checksum, UInt64(payment.pricing.count))
                if count % 1000 == 0 { series.append(residentMiB()) }
            }
            let elapsed = Double(nanoseconds() - start) / 1e9
            guard count == total else { throw BenchmarkServer.Failure(description: "walked \(count) items") }
            Checksum.shared.fold(checksum)
            box.keepFirst("ours", series)
            return [Double(count) / elapsed, series[series.count - 1] - series[0]]
        }
        let handWritten = Contender(name: bareJSON) {
            var series: [Double] = []
            var count = 0
            var checksum: UInt64 = 0
            let start = nanoseconds()
            var page = 1
            while true {
                guard let request = setup.pageRequest(page) else { break }
                let data = try await bareGet(setup.session, request)
                guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                    let items = object["items"] as? [[String: Any]]
                else { throw BenchmarkServer.Failure(description: "not a page") }
                for item in items {
                    count += 1
                    checksum = Checksum.mix(checksum, UInt64((item["pricing"] as? [String: Any])?.count ?? 0))
                    if count % 1000 == 0 { series.append(residentMiB()) }
                }
                let reported = object["total"] as? Int ?? 0
                if items.count < pageSize || count >= reported { break }
                page += 1
            }
            let elapsed = Double(nanoseconds() - start) / 1e9
            Checksum.shared.fold(checksum)
            box.keepFirst(bareJSON, series)
            return [Double(count) / elapsed, series[series.count - 1] - series[0]]
        }
        var figures = try await compare(
            [
                Metric(
                    name: paginationNames[0],
                    unit: "items/s",
                    higherIsBetter: true,
                    goals: [Goal(reference: bareJSON, bound: 0.95, atMost: false)]
                ),
                Metric(name: paginationNames[1], unit: "MiB", higherIsBetter: false, limit: 1, showsRatio: false),
            ],
            options,
            ours: ours,
            references: [handWritten],
            notes: ["payments.all(pageSize: \(pageSize)): \(pageCount) pages of \(pageSize) payments, 2.2 KB each"]
        )
        figures[1].notes = [
            "growth of resident memory from the 1st to the 10th thousand items of each walk, per round"
        ]
        figures[1].notes += ["ours", bareJSON].compactMap { box.note($0) }
        return figures
    }
}
