import Foundation

/// The `tabella` executable built beside the test bundle, run as a user runs it (test targets that use it depend on
/// the `tabella` product, so that it is built with them).
public enum TabellaExecutable {
    /// The executable's location.
    public static var url: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tabella")
    }

    /// A process that will run `tabella` with `arguments`, its standard error discarded.
    public static func process(_ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        return process
    }

    /// Runs `tabella` with `arguments` to its end; its exit code and standard output.
    public static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = process(arguments)
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Runs `tabella` with `arguments` to its end, in `directory` when one is given and with `environment` added to
    /// this process's; its exit code, standard output and standard error. A run still going after `limit` seconds is
    /// terminated (its status is then the signal's, 15), so that a command that should have been refused but serves
    /// instead fails its test rather than holding up the suite.
    public static func runReadingErrors(_ arguments: [String], in directory: URL? = nil,
                                        environment: [String: String] = [:], limit: TimeInterval? = nil) throws
        -> (status: Int32, output: String, errors: String)
    {
        // Standard error goes to a file, so that neither it nor the output pipe fills while the other is read.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("tabella-\(UUID()).stderr")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let process = process(arguments)
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        if let limit { DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: watchdog) }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self),
                String(decoding: try Data(contentsOf: errorFile), as: UTF8.self))
    }
}
