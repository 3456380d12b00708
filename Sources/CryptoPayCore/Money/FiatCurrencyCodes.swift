extension Asset {
    /// The codes this library treats as fiat money: every national or regional currency of ISO 4217's list of current
    /// codes (List One), and the ones replaced since 2023 (`HRK`, `SLL`, `ZWL`, `ANG`, `BGN`), whose amounts still
    /// appear in records and refunds.
    ///
    /// Left out on purpose, because no checkout is priced in them and some would pass a crypto asset for money:
    /// - precious metals (`XAU`, `XAG`, `XPT`, `XPD`): commodities, and what gold-backed tokens stand for;
    /// - units of account of institutions (`XDR`, `XSU`, `XUA`, `XBA`, `XBB`, `XBC`, `XBD`);
    /// - fund codes (`BOV`, `CHE`, `CHW`, `CLF`, `COU`, `MXV`, `USN`, `UYI`, `UYW`): indexed units and next-day
    ///   funds that nobody pays with;
    /// - `XTS` (reserved for testing) and `XXX` (no currency).
    ///
    /// No common crypto ticker (`BTC`, `ETH`, `USDT`, `USDC`, `TRX`, `BNB`, `SOL`, `LTC`, `TON`, `DOGE`, `XRP`…) is an
    /// ISO 4217 code. One token's is: Mantle's `MNT` is also the Mongolian tögrög, and `Asset(code: "MNT")` without a
    /// network is the tögrög; name the token with its network.
    public static let fiatCodes: Set<String> = [
        "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN",
        "BAM", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
        "CAD", "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUC", "CUP", "CVE", "CZK",
        "DJF", "DKK", "DOP", "DZD",
        "EGP", "ERN", "ETB", "EUR",
        "FJD", "FKP",
        "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD",
        "HKD", "HNL", "HRK", "HTG", "HUF",
        "IDR", "ILS", "INR", "IQD", "IRR", "ISK",
        "JMD", "JOD", "JPY",
        "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT",
        "LAK", "LBP", "LKR", "LRD", "LSL", "LYD",
        "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN",
        "NAD", "NGN", "NIO", "NOK", "NPR", "NZD",
        "OMR",
        "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG",
        "QAR",
        "RON", "RSD", "RUB", "RWF",
        "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SLL", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL",
        "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS",
        "UAH", "UGX", "USD", "UYU", "UZS",
        "VED", "VES", "VND", "VUV",
        "WST",
        "XAF", "XCD", "XCG", "XOF", "XPF",
        "YER",
        "ZAR", "ZMW", "ZWG", "ZWL",
    ]
}
