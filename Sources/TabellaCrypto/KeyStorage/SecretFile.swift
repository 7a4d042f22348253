import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files holding encrypted secrets: created with mode 0600, replaced atomically, refused when others can read them.
public enum SecretFile {
    /// Writes `bytes` to `path` with mode 0600 through a temporary file in the same folder, then renames it.
    ///
    /// - Throws: `KeyStorageError` `.io`.
    public static func write(_ bytes: [UInt8], to path: String) throws(KeyStorageError) {
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw KeyStorageError(.io, "cannot write \(path) (its temporary file \(temporary)): \(reason)")
        }
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == bytes.count, synced == 0, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw KeyStorageError(.io, "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Reads `path`, refusing a file that group or others may read or write.
    ///
    /// - Throws: ``KeyStorageError`` with `io` or `insecurePermissions`.
    public static func read(_ path: String) throws(KeyStorageError) -> [UInt8] {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw KeyStorageError(.io, "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & 0o077 == 0 else {
            throw KeyStorageError(.insecurePermissions,
                "\(path) has mode \(String(status.st_mode & 0o777, radix: 8)); run `chmod 600 \(path)`")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KeyStorageError(.io, "cannot read \(path)")
        }
        return [UInt8](data)
    }
}
