import Foundation

/// Temporary folders for tests, all inside one folder of the test process that is removed when the process exits,
/// so that tests leave nothing behind whether or not they remove their own.
public enum ScratchDirectory {
    /// A new, empty folder whose name starts with `prefix`.
    public static func make(_ prefix: String) -> URL {
        let url = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// This process's folder, made on first use; removed at exit.
    private static let root: URL = {
        let url = folder(of: getpid())
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: ScratchDirectory.folder(of: getpid())) }
        return url
    }()

    /// The folder of the process `pid`.
    static func folder(of pid: Int32) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("tabella-tests-\(pid)")
    }
}
