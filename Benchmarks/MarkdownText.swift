/// The fixed prose of BENCHMARKS.md: how to regenerate it, how to read a figure, what each one measures.
enum MarkdownText {
    static let introduction = """
        `cryptopay-benchmarks` measures what a payments engineer choosing between this library and a hand-written \
        URLSession client would want to know: what a typed call costs next to a hand-written one on the same kind of \
        session, whether memory stays flat, how the webhook hot paths compare with OpenSSL and the official Python \
        library, and whether the sandbox server can be the bottleneck of a merchant's tests. This whole file is \
        written by one run of the benchmark; every figure below comes from the commit named here.
        """

    static let reproduce = """
        ```sh
        pip install standardwebhooks     # optional: the Python reference (its version is recorded above)
        scripts/benchmarks.sh            # release build, then this whole file: about 4 minutes
        # the same by hand:
        swift run -c release cryptopay-benchmarks --markdown > BENCHMARKS.md
        swift run -c release cryptopay-benchmarks                        # every figure, one line each
        swift run -c release cryptopay-benchmarks --json                 # the same figures as one JSON document
        swift run -c release cryptopay-benchmarks --filter call. --filter http.retrieve   # a subset
        swift run -c release cryptopay-benchmarks --list                 # the figure names
        # profile one side alone: ours, or a reference by part of its name
        perf record -e cpu-clock -g .build/release/cryptopay-benchmarks --filter http.retrieve.p50 --only ours
        ```

        Run it on a quiet machine: the load average is recorded above because wall-time figures (latency, \
        throughput, pagination, the sandbox server) move with it. `openssl` and `python3` on the `PATH` enable \
        their references; without them those references are marked missing and ours are still printed. CI builds \
        the benchmark in release mode so it never rots, but does not run it for timing.
        """

    static let howToRead = """
        ## How to read a figure

        - Each figure is the **median of the rounds**; the brackets are the lowest and highest round.
        - **Interleaved:** every round runs ours and each reference once, in an order rotated from round to round, \
        in the same process; external tools (OpenSSL, Python) run as one process per round between ours. The ratio \
        is ours ÷ the reference **in the same round**, then the median over rounds, so a machine that slows down \
        moves both.
        - Ratios are in the figure's unit: for times and memory above 1 means we cost more; for rates above 1 means \
        we are faster.
        - Single-threaded, CPU-bound figures (`decode.*`, `call.*`, `sha256`, `hmac`, `svix.*`) count **CPU time** \
        of the process, which other jobs disturb far less than wall time (`openssl speed` and the Python reference \
        do the same). Latency, throughput, pagination and the sandbox figures are wall time; `http.retrieve.cpu` \
        is the whole process's CPU time per call.
        - A checksum of every result is printed at the end so that no measured work can be optimized away.
        """

    static let figures = """
        ## What each figure measures

        - `decode.<provider>`: the provider's largest recorded response decoded with the decoder and types its \
        client uses, against `JSONSerialization.jsonObject` and a synthesized-`Codable` copy of the same shape \
        (the floor for any typed client) on the same bytes.
        - `call.<provider>`: a whole typed call answered in memory with the same response (validation, request \
        building, credentials and signing, middleware, retry, status check, typed decoding: everything but the \
        network), against `JSONSerialization.jsonObject` on the same bytes. The issue's decode goal is set on this \
        figure.
        - `http.server.throughput`: the benchmark's own loopback server, raw keep-alive sockets on 6 connections: \
        many times any client figure, so it is not the bottleneck.
        - `http.retrieve.p50`, `.p99`, `.cpu`: 1,000 sequential typed `payments.retrieve` per round over \
        `URLSessionTransport`, against hand-written clients that build the URL and `URLRequest` (same headers) per \
        call and run a bare `URLSession` data task in a continuation, on a session of the same configuration \
        (`URLSessionTransport.defaultConfiguration()`, ephemeral), then parse with `JSONSerialization`, decode a \
        synthesized-`Codable` copy, or nothing. Same server, 2.2 KB body.
        - `http.retrieve.throughput32`: the same calls with 32 tasks in flight, 3,200 per round.
        - `memory.retrieve.10k`: growth of resident memory from the 1st to the 10th thousand of 10,000 sequential \
        calls within each round; the goal is to grow no more than the hand-written client in the same process.
        - `pagination.all.10k`: `payments.all(pageSize: 100)` over 100 pages of 100 payments, against a \
        hand-written page loop with `JSONSerialization`; `memory.pagination.10k`: resident-memory growth over it.
        - `sandbox.server.throughput32`: `SandboxServer` (what `cryptopay sandbox serve` runs) answering 32 raw \
        keep-alive connections that retrieve one UseGateway checkout with the sandbox key.
        - `sandbox.webhooks.rate`: signed webhooks the sandbox server delivers per second to a loopback receiver, \
        200 checkouts paid through its control API from 8 tasks.
        - `sha256.1mib`: SHA-256 of 1 MiB against `openssl speed -evp sha256`, once with the SHA extensions masked \
        off (`OPENSSL_ia32cap=":~0x20000000"`) and once with them (the hardware ceiling).
        - `hmac.1kib`: keyed HMAC-SHA256 of a 1 KiB body, the floor under the Svix figure.
        - `svix.verify.1kib`: `SvixSignatureScheme.verify` against `standardwebhooks`' \
        `Webhook.verify(…, json_parse=False)` on the same 1 KiB body, handed over as bytes.
        - `svix.verify.typed`: `UseGatewayWebhook.verify` (signature, timestamp and the typed event) against \
        `Webhook.verify(…)` with its `json.loads`.
        - `memory.webhook.10k`: resident-memory growth over 10,000 typed webhook verifications.
        """

    static let decisions = """
        ## Decisions where the issue is silent

        - The decode goal ("through a whole in-memory call") is checked on `call.<provider>`, the library's whole \
        call path minus the network, against what a hand-written client does at least with the same bytes \
        (`JSONSerialization`); the bare decode figures stay beside it to show how much of a call is decoding.
        - Memory: met when our growth over 10,000 calls is no more than the hand-written client's in the same run \
        (FoundationNetworking's own growth is in both).
        - The sandbox figures use raw sockets as clients, not URLSession, so that they measure the server, and \
        count webhooks from the first payment until the last delivery, control calls included.
        - Profiles are taken with `perf record -e cpu-clock -g` (a software clock: this machine's virtual CPU \
        exposes no hardware counters, and valgrind's callgrind dies on Dispatch's signal thread), on \
        `--only ours` runs of the figure; they are summarised under each goal not met.
        """
}
