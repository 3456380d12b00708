/// Where the time goes for the goals that a run may leave unmet, from `perf record -e cpu-clock -g` of `--only` runs
/// (see "Decisions where the issue is silent"). Written from the profiles taken on 2026-12-07 on the machine this
/// file names when it was last regenerated there (2-core AMD EPYC VM, load 3–10 from other builds: the shares are
/// what to read, the microseconds are the loaded machine's); the verdicts above them are the run's own.
enum Profiles {
    static func text(for figure: String) -> String {
        texts[figure] ?? "No profile was written for this figure; take one with the command under \"Regenerate\"."
    }

    private static let typedCall = """
        Profile of 6,000 sequential typed `payments.retrieve` (`--filter http.retrieve.p50 --only ours`) against \
        the same calls by the bare client with `JSONSerialization`, whole-process CPU: ours 3.52 s, bare 2.93 s, \
        so about +98 µs of CPU per call. Where the difference goes:

        - **Decoding, about 58 % of the gap.** `JSONDecoder` into the typed payment is 16.4 % of our samples \
        (≈ 96 µs a call on the loaded machine) against 8.0 % for `JSONSerialization.jsonObject` in the bare \
        client (≈ 39 µs). The typed decode is already at the floor of `Codable` on this toolchain: \
        `decode.usegateway` is 0.99× a synthesized-`Codable` copy of the same shape. Closing this part would take a \
        JSON reader of the library's own instead of `JSONDecoder`.
        - **The streaming delegate, about 20 %.** The transport receives the body through a session delegate so \
        that a response over `maximumResponseBytes` fails while it arrives, with at most the limit in memory. \
        FoundationNetworking hands the response head, each body piece and the completion to the delegate through \
        the session's `OperationQueue`: three hand-offs a call against the completion handler's one \
        (`OperationQueue._addOperations` 5.3 % of our samples, 2.4 % of the bare client's, ≈ +19 µs). A \
        completion-handler task would buffer the whole body before any check, so the bound on memory would go.
        - **Request building, about 15 %:** `URLBuilder`, the header list and the `URLRequest` (≈ 16 µs); the \
        hand-written client builds its `URLRequest` too, so only part of it is extra.
        - **What this work removed:** the overall deadline was a Dispatch timer source per call, armed and \
        cancelled through Dispatch's manager thread (an `eventfd` write and a wake-up each). It is now one timer per \
        transport, re-armed only for an earlier deadline: context switches per call went from a median of 39 to 34 \
        (`perf stat -e context-switches`, nine alternating runs of 6,000 calls each, old and new build), and the \
        deadline code no longer shows in the profile (< 0.1 %). Middleware, retry and logging (no handler set: the logging step is not in the chain) are under \
        0.2 % together.
        - The rest, common to both clients, is FoundationNetworking's: task switches in the kernel (12–14 % of \
        samples), Dispatch's manager thread arming libcurl's own per-transfer timeout (10–12 %), libcurl.
        """

    private static let texts: [String: String] = [
        "http.retrieve.p50": typedCall,
        "http.retrieve.throughput32": """
        With 32 calls in flight on 2 cores the figure is CPU-bound: the server, libcurl's thread and the \
        cooperative pool share the cores, so throughput is the inverse of CPU per call. The CPU per call of a \
        typed call against the bare client with `JSONSerialization` is the profile under `http.retrieve.p50`: \
        about 1.2× (decoding with `JSONDecoder` and the streaming delegate's extra hand-offs), which caps this \
        ratio near 0.8×.

        \(typedCall)
        """,
        "pagination.all.10k": """
        The walk is decode-bound: each page is 100 payments (220 KB), decoded with `JSONDecoder` into typed \
        payments, against `JSONSerialization` in the hand-written loop; the network part (100 requests) is the \
        same for both. The typed decode of a payment costs about twice `JSONSerialization` \
        (`decode.usegateway`, `call.usegateway`) and is at the `Codable` floor (0.99× a synthesized copy), so \
        the walk runs near the ratio of the decoders weighted by their share of the walk. The stream itself \
        (one actor hop per item, the next page fetched when the previous one is consumed) does not show in \
        the profile. Fetching the next page ahead would hide the network time, but changes what `all()` \
        promises (nothing fetched before it is needed), so it was not done.
        """,
        "svix.verify.1kib": """
        About 4 µs of our ~4.5 µs verification is the HMAC-SHA256 of the 1 KiB message (`hmac.1kib`); the rest \
        is reading the headers, the timestamp check, the signatures' base64 and the constant-time compare. Python's \
        `hmac` runs OpenSSL, which uses the CPU's SHA extensions here (`sha256.1mib`: OpenSSL with them is about \
        5× our portable SHA-256, and our SHA-256 is about 0.7× OpenSSL's best software path). Portable Swift \
        cannot use the SHA extensions or BMI2's `rorx` (no per-function target features), so 2.5× the Python \
        reference would need hashing faster than portable Swift reaches on this machine.
        """,
        "call.usegateway": """
        85 % of the call is `JSONDecoder` on the 4.7 KB page (money maps 21 %, transactions 7 %, metadata as \
        `JSONValue` 6 %); request building and the status check are 3.5 %. The decode is at the `Codable` floor \
        (`decode.usegateway` ≈ 0.99× a synthesized copy), so the figure sits at 2.0× give or take the noise.
        """,
        "call.storegateway": """
        Before this work each payment object was opened three times (the payment, its custom fields, its \
        status pair), and swift-foundation's `JSONDecoder` indexes all of an object's keys each time a keyed \
        container is opened: 23 % of the call (2.31× `JSONSerialization`). The payment now reads its custom \
        fields and status from its own container (1.89×); what remains is the typed decode, amounts parsed \
        from their exact text.
        """,
        "call.usdtinvoice": """
        Before issue 20 the list envelope was kept as JSON (`JSONValue`, 23 % of the call) and its pagination \
        numbers were read from `JSONValue` numbers by formatting each `Decimal` as text twice \
        (`RawObject.integer`, 17 %): 45.9 µs, 4.22× `JSONSerialization`. The pagination fields are now read as \
        `Int`s while decoding (`WirePagination`; text such as `"3"` still falls back to the old reading), and \
        building the page reads no JSON: 35.3 µs, 3.27× (5 rounds each, 2-core machine). What remains: decoding \
        the list is 75 % of the call, of which the invoices' metadata kept as `JSONValue` is 12 %, the exact \
        amounts 5 %, the envelope's members 6 %, URLs and dates 5 %; generic metadata lookups inside \
        `JSONDecoder` are 16 %. The response is 1 KB, so the fixed cost of a call (request building 5 %, the \
        status check 5 %) weighs more than for the other providers. Reaching 2.0× needs a JSON reader of the \
        library's own instead of `JSONDecoder`.
        """,
        "call.onexgate": """
        Before issue 20 each icon URL was resolved against the document's host while decoding (18 % of the call \
        in `URL.absoluteURL`) and again against the client's base URL in `settings.payment()` (14 %): 60.4 µs, \
        2.88× `JSONSerialization`. The client's decoder now carries its base URL, so each icon is resolved once, \
        while decoding, and `settings.payment()` does no post-processing: 53.1 µs, 2.58× (5 rounds each, \
        2-core machine). What remains: decoding the settings is 75 % of the call; resolving the eight icons is \
        still 13 % (`URL.absoluteURL` 10 %, which keeps `iconURL` an absolute URL as before), the exact `min` / \
        `max` limits 10 %, the wallet kept as `JSONValue` 5 %, and generic metadata lookups inside `JSONDecoder` \
        14 %. Reaching 2.0× needs a JSON reader of the library's own instead of `JSONDecoder`.
        """,
        "call.openpos": """
        Before issue 20, every successful call decoded the whole answer a second time into a `JSONValue` to look \
        for the POS API's `err` element (42 % of the call; 4.7× `JSONSerialization`). An array answer, or one in \
        which `"err"` occurs nowhere, is now not decoded again (1.9× on that branch). Issue 17 then sent every \
        call through its one declaration: the parameters' validation and query building run as a step of their \
        own, and the status became a protocol-generic value (2.32× measured on main). Two fixes on main since: \
        the not-blank rule no longer trims through Foundation (6 % of the call) and the status lookup is \
        specialized per provider (about 5 %), and the query items, which validation built and threw away before \
        the request built them again, are built once (about 3 %): 2.03×. What remains over 2.0× is the exact amounts \
        (`DecimalText.parse` of each amount's text, 10 %, kept so that amounts the API wants echoed keep their \
        characters), the URL built per call (5 %) and the typed decode itself.
        """,
        "memory.retrieve.10k": """
        The growth is FoundationNetworking's: a bare `URLSession` outside this package was measured earlier to \
        retain about 150 bytes per request, not given back by invalidating the session nor by `malloc_trim`, and the hand-written \
        client in the same process grows the same. The library keeps nothing per finished call (a test checks \
        that the transport holds no deadline once its calls end); the two growths differ by the noise of \
        resident-memory pages.
        """,
    ]
}
