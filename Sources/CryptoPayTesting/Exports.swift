// Tests that import CryptoPayTesting get the in-process sandbox of every provider too.
@_exported import CryptoPaySandbox
