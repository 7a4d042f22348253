import ArgumentParser
import Foundation

/// Reads a UTF-8 text file given on the command line; an error names `what` the file was meant to be and its path
/// when it is missing, unreadable or not UTF-8.
func readTextFile(_ path: String, naming what: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ValidationError("cannot read \(what) \(path)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
        throw ValidationError("\(what) \(path) is not UTF-8 text")
    }
    return text
}
