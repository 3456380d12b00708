import Foundation

let status = await CommandLineTool(
    environment: ProcessInfo.processInfo.environment,
    console: Console.standard
).run(Array(CommandLine.arguments.dropFirst()))
exit(status)
