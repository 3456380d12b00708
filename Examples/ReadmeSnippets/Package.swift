// swift-tools-version:6.0
// The README's Swift snippets as a merchant pastes them, built and run by .ci/run. The `targets:` list is the
// README's Installation manifest verbatim (scripts/check-readme-snippets.py checks it); only the dependency points at
// this checkout instead of the repository URL, and an executable runs the README flow.
import PackageDescription

let package = Package(
    name: "ReadmeSnippets",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "cryptopay", path: "../.."),
    ],
    targets: [
        .target(name: "Checkout", dependencies: [
            .product(name: "CryptoPay", package: "cryptopay"),          // all five providers and PaymentProvider
        ]),
        .testTarget(name: "CheckoutTests", dependencies: [
            .product(name: "CryptoPay", package: "cryptopay"),
            .product(name: "CryptoPaySandbox", package: "cryptopay"),
            .product(name: "CryptoPayTesting", package: "cryptopay"),
        ]),
    ]
        + [
            .executableTarget(
                name: "ReadmeFlow",
                dependencies: ["Checkout", .product(name: "CryptoPaySandbox", package: "cryptopay")]),
        ],
    swiftLanguageModes: [.v6]
)
